package com.posterincust.owner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.AgainstFakesTest;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.posterincust.BlackBox;
import com.posterincust.Jobs;
import com.posterincust.binding.TerminalBindingRepository;
import com.posterincust.binding.TerminalBindingStatus;
import com.posterincust.checkout.CheckoutRepository;
import com.posterincust.common.TokenCipher;
import com.posterincust.poster.PosterMd5;
import com.posterincust.poster.PosterProperties;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The owner's page and its calls over HTTP, sandbox off, WireMock playing Poster (its back office's code exchange
 * too) and inCust: every refusal of the page, the page's credential, and two accounts whose register ids overlap.
 */
class OwnerPageBlackBoxTest extends AgainstFakesTest {

    static final Pattern CREDENTIAL = Pattern.compile("<meta name=\"owner-credential\" content=\"([^\"]+)\">");

    @Autowired
    TerminalBindingRepository bindings;
    @Autowired
    TokenCipher cipher;
    @Autowired
    PosterProperties posterProperties;
    @Autowired
    CheckoutRepository checkouts;
    @Autowired
    JdbcClient jdbc;

    BlackBox cafe;

    @BeforeEach
    void anInstalledAccount() throws Exception {
        fakes.resetAll();
        cafe = installed();
    }

    private BlackBox installed() throws Exception {
        return new BlackBox(fakes, json, port)
                .withAccountNumber(String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000L, 999_999_999L)))
                .stubPosterAndIncust().install(management);
    }

    @Test
    void aPageWithoutAValidCodeSaysToOpenItFromPoster() throws Exception {
        for (String path : List.of("/poster/manage", "/poster/manage?code=", "/poster/manage?code=%3Cscript%3E")) {
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(400);
            assertThat(page.body()).as(path).contains("Applications → inCust").doesNotContain(cafe.account)
                    .doesNotContain("owner-credential");
        }
        fakes.verify(0, postRequestedFor(urlEqualTo(BlackBox.MANAGE_EXCHANGE)));
    }

    @Test
    void aCodePosterRefusesOrAnUnreachablePosterIsAPageNotA500() throws Exception {
        fakes.stubFor(post(BlackBox.MANAGE_EXCHANGE).willReturn(okJson(
                "{\"error\":142,\"message\":\"Wrong verify\",\"field\":\"verify\"}")));
        HttpResponse<String> refused = get("/poster/manage?code=used-code");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Poster did not accept this page").doesNotContain("owner-credential");

        fakes.stubFor(post(BlackBox.MANAGE_EXCHANGE).willReturn(aResponse().withStatus(503)));
        HttpResponse<String> down = get("/poster/manage?code=any-code");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("Poster could not be reached");
    }

    @Test
    void anAccountThatHasNotInstalledTheAppIsToldToInstallIt() throws Exception {
        exchanges("stranger-code", "555000111");

        HttpResponse<String> page = get("/poster/manage?code=stranger-code");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("not installed", "marketplace").doesNotContain("owner-credential");
    }

    /** Poster's documented exchange: form fields and verify = md5(id:secret:code). */
    @Test
    void theCodeIsExchangedAsPosterDocumentsItAndThePageIsFramedOnlyByPoster() throws Exception {
        exchanges("good-code", cafe.accountNumber());

        HttpResponse<String> page = get("/poster/manage?code=good-code");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(cafe.account).contains("owner-credential");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue("frame-ancestors https://*.joinposter.com");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(page.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        fakes.verify(postRequestedFor(urlEqualTo(BlackBox.MANAGE_EXCHANGE))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("application_id=test-app"))
                .withRequestBody(containing("application_secret=test-app-secret"))
                .withRequestBody(containing("code=good-code"))
                .withRequestBody(containing("verify=" + PosterMd5.hex("test-app:test-app-secret:good-code"))));
        for (String other : List.of("/poster/oauth/callback", "/camunda/app/cockpit/", "/api/owner/v1/registers")) {
            assertThat(get(other).headers().firstValue("X-Frame-Options")).as(other).isPresent();
        }
    }

    @Test
    void thePagesCallsNeedItsCredential() throws Exception {
        String credential = credentialOf(cafe);
        assertThat(owner("GET", "/registers", null, credential).statusCode()).isEqualTo(200);

        char flipped = credential.charAt(20) == 'A' ? 'B' : 'A';
        for (String wrong : List.of("", "Bearer ", "Bearer nonsense", "Bearer " + credential.substring(0, 20) + flipped
                + credential.substring(21), "Basic " + credential)) {
            HttpResponse<String> refused = cafe.send(HttpRequest.newBuilder(cafe.url("/api/owner/v1/registers"))
                    .header("Authorization", wrong));
            assertThat(refused.statusCode()).as(wrong).isEqualTo(401);
            assertThat(json.readTree(refused.body()).path("detail").asText()).contains("open it again from Poster");
        }
        assertThat(cafe.send(HttpRequest.newBuilder(cafe.url("/api/owner/v1/registers"))).statusCode())
                .isEqualTo(401);
        OwnerCredentials yesterday = new OwnerCredentials(cipher, posterProperties,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(-1)));
        assertThat(owner("GET", "/registers", null, yesterday.issue(cafe.account, "1")).statusCode())
                .as("expired").isEqualTo(401);
    }

    @Test
    void theOwnerSeesEveryRegisterAndBindsOneByPickingIt() throws Exception {
        String credential = credentialOf(cafe);

        JsonNode registers = json.readTree(owner("GET", "/registers", null, credential).body());
        assertThat(registers).extracting(r -> r.path("name").asText())
                .containsExactly("Podil bar", "Podil terrace", "Obolon bar");
        assertThat(registers).extracting(r -> r.path("locationName").asText()).containsExactly("Podil", "Podil", "Obolon");
        assertThat(registers).extracting(r -> r.path("status").asText()).containsOnly("NOT_BOUND");

        HttpResponse<String> missing = owner("PUT", "/registers/2/binding", "{\"login\":\" \"}", credential);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json.readTree(missing.body()).findValuesAsText("field")).containsExactly("login", "password");
        HttpResponse<String> bound = owner("PUT", "/registers/2/binding",
                "{\"login\":\"bar-login\",\"password\":\"bar-password\"}", credential);
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
        assertThat(json.readTree(bound.body()).path("status").asText()).isEqualTo("CONNECTED");
        assertThat(json.readTree(bound.body()).path("terminalTitle").asText()).isEqualTo("Bar register");
        assertThat(bound.body()).doesNotContain("bar-password").doesNotContain("bar-login");
        assertThat(bindings.findActive(cafe.account, "2").orElseThrow().spotId()).as("Poster's location").isEqualTo("1");

        assertThat(owner("PUT", "/registers/9/binding", "{\"login\":\"bar-login\",\"password\":\"x\"}", credential)
                .statusCode()).as("a register the account does not have").isEqualTo(404);
        assertThat(owner("DELETE", "/registers/2/binding", null, credential).statusCode()).isEqualTo(200);
        assertThat(bindings.findActive(cafe.account, "2")).isEmpty();
        assertThat(owner("DELETE", "/registers/2/binding", null, credential).statusCode()).isEqualTo(404);
    }

    @Test
    void aTerminalInCustRefusesBindsNothingAndSaysWhy() throws Exception {
        String credential = credentialOf(cafe);
        fakes.stubFor(post("/incust/v1/term/token").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"invalid_credentials\",\"message\":\"Wrong login or password\"}")));

        HttpResponse<String> refused = owner("PUT", "/registers/3/binding",
                "{\"login\":\"bar-login\",\"password\":\"wrong\"}", credential);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).path("reasons").get(0).path("message").asText()).contains("inCust");
        assertThat(bindings.findActive(cafe.account, "3")).isEmpty();
    }

    /** Both cafés have a register 1: each page sees and changes its own, whatever ids it sends. */
    @Test
    void aSecondAccountWithTheSameRegisterIdsSeesAndChangesOnlyItsOwn() throws Exception {
        BlackBox other = installed();
        String first = credentialOf(cafe);
        String second = credentialOf(other);
        String login = "{\"login\":\"bar-login\",\"password\":\"bar-password\"}";
        assertThat(owner("PUT", "/registers/1/binding", login, first).statusCode()).isEqualTo(200);
        String firstsBinding = bindings.findActive(cafe.account, "1").orElseThrow().id();
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":45.50,"
                + "\"max_redeemable_bonuses\":20.00,\"bonus_points_available\":150.00,\"amount_to_pay\":45.50}")));
        String firstsCheckout = json.readTree(cafe.bindRegister().registerWithKey("POST",
                "/api/register/v1/checkouts", "{\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"items\":[{\"productId\":"
                        + "\"12\",\"name\":\"Latte\",\"count\":1,\"price\":45.50}],\"total\":45.50,\"currency\":\"UAH\"}",
                "o-1").body()).path("checkoutId").asText();

        assertThat(owner("PUT", "/registers/1/binding", login, second).statusCode()).isEqualTo(200);
        assertThat(owner("DELETE", "/registers/1/binding", null, second).statusCode()).isEqualTo(200);
        HttpResponse<String> reversal = owner("POST", "/checkouts/" + firstsCheckout + "/reversal",
                "{\"reason\":\"not yours\"}", second);

        assertThat(reversal.statusCode()).isEqualTo(404);
        assertThat(bindings.find(firstsBinding).orElseThrow().status()).isEqualTo(TerminalBindingStatus.ACTIVE);
        assertThat(bindings.findActive(other.account, "1")).isEmpty();
        String seenBySecond = owner("GET", "/checkouts", null, second).body() + owner("GET", "/registers", null,
                second).body();
        assertThat(seenBySecond).doesNotContain(firstsCheckout).doesNotContain(cafe.account);
        assertThat(owner("GET", "/checkouts", null, first).body()).contains(firstsCheckout);
    }

    /**
     * The owner has yesterday checked and sees it among the last two weeks' days; another café sees none of it; a day
     * outside the two weeks is refused.
     */
    @Test
    void theOwnerChecksYesterdayAndSeesOnlyTheirOwnDays() throws Exception {
        BlackBox other = installed();
        String mine = credentialOf(cafe);
        String theirs = credentialOf(other);
        fakes.stubFor(WireMock.get(urlPathEqualTo("/poster/" + cafe.account + "/api/dash.getTransactions"))
                .willReturn(okJson("{\"response\":[]}")));
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        HttpResponse<String> asked = owner("POST", "/day-checks", "{}", mine);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        Jobs.runAll(management);

        JsonNode days = json.readTree(owner("GET", "/day-checks", null, mine).body());
        assertThat(days).hasSize(1);
        assertThat(days.get(0).path("date").asText()).isEqualTo(yesterday);
        assertThat(days.get(0).path("status").asText()).isEqualTo("DONE");
        assertThat(days.get(0).path("receipts").asInt()).isZero();
        assertThat(json.readTree(owner("GET", "/day-checks", null, theirs).body())).isEmpty();
        assertThat(owner("POST", "/day-checks", "{\"date\":\"" + LocalDate.now(ZoneOffset.UTC).minusDays(30) + "\"}",
                mine).statusCode()).isEqualTo(400);
        assertThat(owner("POST", "/day-checks", "{\"date\":\"yesterday\"}", mine).statusCode()).isEqualTo(400);
    }

    /**
     * The owner's checkouts come 50 at a time, newest first, of one register or of one day of the café's; a filter the
     * page could not have sent is refused naming it.
     */
    @Test
    void checkoutsComeFiftyAtATimeOfOneRegisterOrOneDay() throws Exception {
        String credential = credentialOf(cafe);
        String login = "{\"login\":\"bar-login\",\"password\":\"bar-password\"}";
        assertThat(owner("PUT", "/registers/1/binding", login, credential).statusCode()).isEqualTo(200);
        assertThat(owner("PUT", "/registers/2/binding", login, credential).statusCode()).isEqualTo(200);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < 52; i++) {
            checkoutAt("1", now.minusMinutes(i));
        }
        String ofRegister2 = checkoutAt("2", now.minusMinutes(3).minusSeconds(30));
        LocalDate twoDaysAgo = now.toLocalDate().minusDays(2);
        String twoDaysOld = checkoutAt("1", twoDaysAgo.atTime(12, 0).atOffset(ZoneOffset.UTC));

        JsonNode first = json.readTree(owner("GET", "/checkouts", null, credential).body());
        JsonNode second = json.readTree(owner("GET", "/checkouts?page=1", null, credential).body());
        assertThat(first.path("checkouts")).hasSize(50);
        assertThat(first.path("more").asBoolean()).isTrue();
        assertThat(first.path("checkouts").get(4).path("checkoutId").asText()).as("newest first").isEqualTo(ofRegister2);
        assertThat(second.path("checkouts")).hasSize(4);
        assertThat(second.path("more").asBoolean()).isFalse();
        assertThat(second.path("checkouts").get(3).path("checkoutId").asText()).isEqualTo(twoDaysOld);
        JsonNode register2 = json.readTree(owner("GET", "/checkouts?tabletId=2", null, credential).body());
        assertThat(register2.path("checkouts")).extracting(c -> c.path("checkoutId").asText())
                .containsExactly(ofRegister2);
        JsonNode ofTheDay = json.readTree(owner("GET", "/checkouts?day=" + twoDaysAgo, null, credential).body());
        assertThat(ofTheDay.path("checkouts")).extracting(c -> c.path("checkoutId").asText()).containsExactly(twoDaysOld);

        jdbc.sql("update checkout set status = 'AWAITING_REDEMPTION' where id = ?").param(twoDaysOld).update();
        String check = UUID.randomUUID().toString();
        jdbc.sql("insert into day_check (id, account, business_day, status, started_at) values (?, ?, ?, 'DONE', ?)")
                .params(check, cafe.account, now.toLocalDate().minusDays(1), now).update();
        jdbc.sql("insert into day_check_difference (id, day_check_id, kind, checkout_id, status, detail) "
                + "values (?, ?, 'NOT_FINALIZED', ?, 'OPEN', 'closed in Poster')")
                .params(UUID.randomUUID().toString(), check, ofRegister2).update();
        JsonNode attention = json.readTree(owner("GET", "/checkouts?tabletId=1", null, credential).body())
                .path("attention");
        assertThat(attention).as("whatever the filter").extracting(c -> c.path("checkoutId").asText(),
                c -> c.path("attention").path("kind").asText())
                .containsExactly(tuple(twoDaysOld, "LATE"), tuple(ofRegister2, "DAY_CHECK"));

        for (String bad : List.of("tabletId=x%27", "day=2026-13-01", "page=-1")) {
            HttpResponse<String> refused = owner("GET", "/checkouts?" + bad, null, credential);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(json.readTree(refused.body()).path("errors").get(0).path("field").asText())
                    .isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }

    private String checkoutAt(String tabletId, OffsetDateTime at) {
        String id = UUID.randomUUID().toString();
        checkouts.insert(id, cafe.account, tabletId, bindings.findActive(cafe.account, tabletId).orElseThrow().id(),
                "key-" + id, "hash", "order-" + id, null, "c-1", null, "UAH", new BigDecimal("45.50"), List.of());
        jdbc.sql("update checkout set status = 'COMPLETED', created_at = ?, updated_at = ? where id = ?")
                .params(at, at, id).update();
        return id;
    }

    /** The page's credential dies with the installation: after the uninstall webhook, every call is 401. */
    @Test
    void aCredentialDiesWithItsInstallation() throws Exception {
        String credential = credentialOf(cafe);
        assertThat(owner("GET", "/registers", null, credential).statusCode()).isEqualTo(200);

        assertThat(cafe.webhook("application", "1", "removed", null).statusCode()).isEqualTo(200);

        HttpResponse<String> registers = owner("GET", "/registers", null, credential);
        HttpResponse<String> reversal = owner("POST", "/checkouts/any/reversal", "{\"reason\":\"gone\"}", credential);
        assertThat(registers.statusCode()).isEqualTo(401);
        assertThat(registers.body()).contains("no longer installed");
        assertThat(reversal.statusCode()).isEqualTo(401);
        HttpResponse<String> page = get("/poster/manage?code=code-" + cafe.account);
        assertThat(page.statusCode()).as("the page of an uninstalled app").isEqualTo(404);
    }

    /** Poster documents role_id 3 as the account owner's: another position is refused unless allowed by setting. */
    @Test
    void onlyTheRolesAllowedOpenThePage() throws Exception {
        fakes.stubFor(post(BlackBox.MANAGE_EXCHANGE).withRequestBody(containing("code=waiter-code"))
                .willReturn(okJson("{\"access_token\":\"manage-token\",\"account_number\":\"" + cafe.accountNumber()
                        + "\",\"user\":{\"id\":12,\"name\":\"Petro Waiter\",\"role_id\":7}}")));

        HttpResponse<String> page = get("/poster/manage?code=waiter-code");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("for the account&#39;s owner").doesNotContain("owner-credential");
        assertThat(posterProperties.getManage().getAllowedRoles()).containsExactly("3");
    }

    /** Each binding attempt is an inCust login: after a few refused ones a register waits, inCust is not asked. */
    @Test
    void wrongTerminalPasswordsAreThrottledPerRegister() throws Exception {
        String credential = credentialOf(cafe);
        fakes.stubFor(post("/incust/v1/term/token").withRequestBody(containing("wrong")).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"unauthorized\",\"message\":\"Wrong login or password\"}")));
        List<Integer> answers = new java.util.ArrayList<>();

        for (int attempt = 0; attempt < 40; attempt++) {
            answers.add(owner("PUT", "/registers/3/binding", "{\"login\":\"bar-login\",\"password\":\"wrong-"
                    + attempt + "\"}", credential).statusCode());
        }

        assertThat(answers.subList(0, 5)).containsOnly(422);
        assertThat(answers).contains(429);
        assertThat(fakes.findAll(postRequestedFor(urlEqualTo("/incust/v1/term/token"))
                .withRequestBody(containing("wrong")))).hasSizeLessThanOrEqualTo(10);
    }

    private String credentialOf(BlackBox account) throws Exception {
        String code = "code-" + account.account;
        exchanges(code, account.accountNumber());
        HttpResponse<String> page = get("/poster/manage?code=" + code);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Matcher credential = CREDENTIAL.matcher(page.body());
        assertThat(credential.find()).isTrue();
        return credential.group(1);
    }

    private void exchanges(String code, String accountNumber) {
        fakes.stubFor(post(BlackBox.MANAGE_EXCHANGE).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"manage-token\",\"account_number\":\"" + accountNumber + "\","
                        + "\"user\":{\"id\":7,\"name\":\"Olha Owner\",\"email\":\"o@example.com\",\"role_id\":3},"
                        + "\"ownerInfo\":{\"company_name\":\"Kava Kyiv\"}}")));
    }

    private HttpResponse<String> owner(String method, String path, String body, String credential) throws Exception {
        return cafe.send(HttpRequest.newBuilder(cafe.url("/api/owner/v1" + path))
                .header("Authorization", "Bearer " + credential).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return cafe.send(HttpRequest.newBuilder(cafe.url(path)));
    }
}
