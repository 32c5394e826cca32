package com.posterincust.binding;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookSignature;
import com.posterincust.register.RegisterSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * register-api.md §1 (authentication, connection) and §2 (terminal bindings) over real HTTP, sandbox off,
 * with one WireMock server playing both Poster (under /poster) and inCust (under /incust/v1).
 */
class BindingAndRegisterBlackBoxTest extends AgainstFakesTest {

    static final String SECRET = BlackBox.SECRET;

    @Autowired
    JdbcClient jdbc;

    BlackBox box;
    String account;

    @BeforeEach
    void anInstalledAccountWithTwoSpotsAndThreeRegisters() throws Exception {
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management);
        account = box.account;
    }

    @Test
    void aCorrectBindingIsCreated() throws Exception {
        HttpResponse<String> created = bind(binding("861052", "2", "3", "bar-login", "bar-password"));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("bindingId").asText()).isNotBlank();
        assertThat(body.path("terminal").path("id").asText()).isEqualTo("t-77");
        assertThat(body.path("terminal").path("title").asText()).isEqualTo("Bar register");
        assertThat(body.path("terminal").path("currency").asText()).isEqualTo("UAH");
        assertThat(created.headers().firstValue("Location").orElseThrow())
                .endsWith("/api/admin/v1/terminal-bindings/" + body.path("bindingId").asText());
        assertThat(created.body()).doesNotContain("bar-password").doesNotContain("bar-login");
    }

    @Test
    void everyMalformedFieldIsNamed() throws Exception {
        HttpResponse<String> response = bind(binding("86-1052", "", "x", " ", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).endsWith("/problems/invalid-request");
        assertThat(problem.findValuesAsText("field")).contains("posterCustomerNumber", "posterSpotId",
                "posterTabletId", "incust.login", "incust.password");

        HttpResponse<String> noIncust = bind(Map.of("posterAccount", account, "posterCustomerNumber", "861052",
                "posterSpotId", "2", "posterTabletId", "3"));
        assertThat(json.readTree(noIncust.body()).findValuesAsText("field")).containsExactly("incust");

        HttpResponse<String> wrongType = bind(Map.of("posterAccount", account, "posterCustomerNumber", "861052",
                "posterSpotId", "2", "posterTabletId", "3", "incust", "bar-login"));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json.readTree(wrongType.body()).findValuesAsText("field")).containsExactly("incust");
    }

    @Test
    void wrongValuesAreRejectedWithEveryReason() throws Exception {
        fakes.stubFor(post("/incust/v1/term/token").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"unauthorized\",\"message\":\"Wrong login or password\"}")));

        HttpResponse<String> response = bind(binding("123456", "1", "3", "bar-login", "wrong"));

        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).endsWith("/problems/binding-rejected");
        assertThat(problem.path("reasons").findValuesAsText("field"))
                .containsExactly("posterCustomerNumber", "posterTabletId", "incust");
        assertThat(response.body()).doesNotContain("wrong\"");
    }

    @Test
    void whenPosterIsDownTheAnswerIs503AndNothingIsStored() throws Exception {
        fakes.stubFor(get(urlPathEqualTo("/poster/" + account + "/api/access.getTablets"))
                .willReturn(aResponse().withStatus(503)));

        HttpResponse<String> response = bind(binding("861052", "2", "3", "bar-login", "bar-password"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(response.body()).path("type").asText()).endsWith("/problems/upstream-unavailable");
        assertThat(json.readTree(admin("GET", "/api/admin/v1/terminal-bindings?account=" + account).body())).isEmpty();
    }

    @Test
    void whenInCustIsTooSlowTheAnswerIs504AndNothingIsStored() throws Exception {
        fakes.stubFor(post("/incust/v1/term/token").willReturn(okJson("{}").withFixedDelay(6000)));

        HttpResponse<String> response = bind(binding("861052", "2", "3", "bar-login", "bar-password"));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json.readTree(admin("GET", "/api/admin/v1/terminal-bindings?account=" + account).body())).isEmpty();
    }

    @Test
    void bindingsAreListedReadReplacedAndRemoved() throws Exception {
        String first = json.readTree(bind(binding("861052", "2", "3", "bar-login", "bar-password")).body())
                .path("bindingId").asText();
        String second = json.readTree(bind(binding("861052", "2", "3", "bar-login", "bar-password")).body())
                .path("bindingId").asText();

        JsonNode old = json.readTree(admin("GET", "/api/admin/v1/terminal-bindings/" + first).body());
        assertThat(old.path("status").asText()).isEqualTo("REPLACED");
        assertThat(old.path("replacedBy").asText()).isEqualTo(second);
        JsonNode list = json.readTree(admin("GET", "/api/admin/v1/terminal-bindings?account=" + account).body());
        assertThat(list.findValuesAsText("bindingId")).containsExactly(first, second);
        assertThat(list.toString()).doesNotContain("password").doesNotContain("bar-login");

        assertThat(register("GET", "/api/register/v1/connection", "", "3", "2", SECRET, now()).statusCode())
                .as("the register's binding now in the register API's cache").isEqualTo(200);
        HttpResponse<String> removed = admin("DELETE", "/api/admin/v1/terminal-bindings/" + second);
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(removed.body()).path("status").asText()).isEqualTo("REMOVED");
        assertThat(register("GET", "/api/register/v1/connection", "", "3", "2", SECRET, now()).statusCode())
                .isEqualTo(403);

        HttpResponse<String> unknown = admin("GET", "/api/admin/v1/terminal-bindings/no-such-binding");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("type").asText()).endsWith("/problems/not-found");
    }

    @Test
    void theAccountsLocationsAndRegistersCanBeLookedUp() throws Exception {
        String bindingId = json.readTree(bind(binding("861052", "2", "3", "bar-login", "bar-password")).body())
                .path("bindingId").asText();

        HttpResponse<String> response = admin("GET", "/api/admin/v1/installations/" + account + "/registers");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode locations = json.readTree(response.body());
        assertThat(locations.findValuesAsText("spotId")).containsExactly("1", "2");
        assertThat(locations.get(0).path("registers").findValuesAsText("tabletId")).containsExactly("1", "2");
        assertThat(locations.get(1).path("registers").get(0).path("bindingId").asText()).isEqualTo(bindingId);
        assertThat(admin("GET", "/api/admin/v1/installations/nobody/registers").statusCode()).isEqualTo(404);
    }

    @Test
    void theBindingApiWantsAnAdministrator() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(url("/api/admin/v1/terminal-bindings")).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aBoundRegisterIsConnected() throws Exception {
        bind(binding("861052", "2", "3", "bar-login", "bar-password"));

        HttpResponse<String> response = register("GET", "/api/register/v1/connection", "", "3", "2", SECRET, now());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asText()).isEqualTo("CONNECTED");
        assertThat(body.path("account").asText()).isEqualTo(account);
        assertThat(body.path("spotId").asText()).isEqualTo("2");
        assertThat(body.path("tabletId").asText()).isEqualTo("3");
        assertThat(body.path("terminal").path("id").asText()).isEqualTo("t-77");
        assertThat(body.path("terminal").path("currency").asText()).isEqualTo("UAH");
    }

    @Test
    void aSignedPostReachesTheServiceAndATamperedBodyDoesNot() throws Exception {
        bind(binding("861052", "2", "3", "bar-login", "bar-password"));
        String body = "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"+380501234567\"}}";
        long time = now();
        String connection = BlackBox.named("/api/register/v1/connection", account, "3");
        String signature = RegisterSignature.sign(url(connection).toString(),
                body.getBytes(StandardCharsets.UTF_8), String.valueOf(time), SECRET);

        HttpResponse<String> genuine = send(signed("POST", connection, body, "3", "2", time, signature));
        HttpResponse<String> tampered = send(signed("POST", connection,
                body.replace("4567", "4568"), "3", "2", time, signature));

        assertThat(genuine.statusCode()).as("past the signature check; GET-only endpoint").isEqualTo(405);
        assertThat(tampered.statusCode()).isEqualTo(401);
        assertThat(json.readTree(tampered.body()).path("type").asText()).endsWith("/problems/bad-signature");
    }

    @Test
    void aTamperedQueryWrongSecretOrOddTimeIsRefused() throws Exception {
        bind(binding("861052", "2", "3", "bar-login", "bar-password"));
        long time = now();
        String connection = BlackBox.named("/api/register/v1/connection", account, "3");
        String signedForPlainPath = RegisterSignature.sign(url(connection).toString(), new byte[0],
                String.valueOf(time), SECRET);

        assertThat(send(signed("GET", connection + "&extra=1", "", "3", "2", time, signedForPlainPath))
                .statusCode()).isEqualTo(401);
        assertThat(register("GET", "/api/register/v1/connection", "", "3", "2", "other-secret", time).statusCode())
                .isEqualTo(401);
        // ten seconds from the limit of 300 either way: the service reads its clock a moment after the test did
        assertThat(register("GET", "/api/register/v1/connection", "", "3", "2", SECRET, time - 310).statusCode())
                .isEqualTo(401);
        assertThat(register("GET", "/api/register/v1/connection", "", "3", "2", SECRET, time + 310).statusCode())
                .isEqualTo(401);
        assertThat(register("GET", "/api/register/v1/connection", "", "3", "2", SECRET, time - 290).statusCode())
                .isEqualTo(200);
    }

    @Test
    void everyMissingHeaderIsRefused() throws Exception {
        bind(binding("861052", "2", "3", "bar-login", "bar-password"));
        long time = now();
        String signature = RegisterSignature.sign(url("/api/register/v1/connection").toString(), new byte[0],
                String.valueOf(time), SECRET);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Poster-Url", account);
        headers.put("X-Poster-Tablet-Id", "3");
        headers.put("X-Poster-Time", String.valueOf(time));
        headers.put("X-Poster-Signature", signature);

        for (String missing : headers.keySet()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(url("/api/register/v1/connection")).GET();
            headers.forEach((name, value) -> {
                if (!name.equals(missing)) {
                    request.header(name, value);
                }
            });
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).as("without " + missing).isEqualTo(401);
            assertThat(json.readTree(response.body()).path("type").asText()).endsWith("/problems/bad-signature");
        }
    }

    @Test
    void anUnboundRegisterOrAnotherLocationIsNotBound() throws Exception {
        bind(binding("861052", "2", "3", "bar-login", "bar-password"));

        HttpResponse<String> unbound = register("GET", "/api/register/v1/connection", "", "1", "1", SECRET, now());
        assertThat(unbound.statusCode()).isEqualTo(403);
        assertThat(json.readTree(unbound.body()).path("type").asText()).endsWith("/problems/not-bound");
        assertThat(register("GET", "/api/register/v1/connection", "", "3", "1", SECRET, now()).statusCode())
                .isEqualTo(403);
    }

    /** No proxy is trusted by default: a client cannot choose the URL the signature is checked against. */
    @Test
    void forwardedHeadersOfAnUntrustedClientAreIgnored() throws Exception {
        bind(binding("861052", "2", "3", "bar-login", "bar-password"));
        long time = now();
        String publicUrl = "https://orchestrator.example.com/api/register/v1/connection";
        String signature = RegisterSignature.sign(publicUrl, new byte[0], String.valueOf(time), SECRET);

        HttpResponse<String> response = send(signed("GET", "/api/register/v1/connection", "", "3", "2", time, signature)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "orchestrator.example.com")
                .header("X-Forwarded-Port", "443"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).path("type").asText()).endsWith("/problems/bad-signature");
    }

    /**
     * What Poster signs names the register: a captured call of register 3 re-sent within its 300 s as register 2 is
     * refused, and re-sent as it was it has no second effect.
     */
    @Test
    void aCapturedRegisterCallWorksNeitherAsAnotherRegisterNorTwice() throws Exception {
        bind(binding("861052", "2", "3", "bar-login", "bar-password"));
        bind(binding("861052", "1", "2", "bar-login", "bar-password"));
        String olena = "{\"id\":\"c-1\",\"name\":\"Olena\",\"phone\":\"+380501234567\",\"bonus_points\":150}";
        fakes.stubFor(post("/incust/v1/term/customer/search").willReturn(okJson("{\"customers\":[" + olena + "]}")));
        fakes.stubFor(get("/incust/v1/term/customer/c-1").willReturn(okJson(olena)));
        fakes.stubFor(get(urlPathEqualTo("/poster/" + account + "/api/clients.getClients")).willReturn(okJson(
                "{\"response\":[{\"client_id\":\"42\",\"phone\":\"+380501234567\"}]}")));
        String body = "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"+380501234567\"}}";
        long time = now();
        String sessions = BlackBox.named("/api/register/v1/customer-sessions", account, "3");
        String signature = RegisterSignature.sign(url(sessions).toString(), body.getBytes(StandardCharsets.UTF_8),
                String.valueOf(time), SECRET);

        HttpResponse<String> asAnotherRegister = send(signed("POST", sessions, body, "2", "1", time, signature));
        HttpResponse<String> genuine = send(signed("POST", sessions, body, "3", "2", time, signature));
        HttpResponse<String> replayed = send(signed("POST", sessions, body, "3", "2", time, signature));

        assertThat(asAnotherRegister.statusCode()).as(asAnotherRegister.body()).isEqualTo(401);
        assertThat(json.readTree(asAnotherRegister.body()).path("detail").asText()).contains("must name this register");
        assertThat(genuine.statusCode()).as(genuine.body()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(json.readTree(replayed.body()).path("detail").asText()).contains("received before");
        assertThat(jdbc.sql("select count(*) from customer_session where account = ?").param(account)
                .query(Long.class).single()).as("one session, at register 3").isOne();

        String unnamed = RegisterSignature.sign(url("/api/register/v1/connection").toString(), new byte[0],
                String.valueOf(time), SECRET);
        assertThat(send(signed("GET", "/api/register/v1/connection", "", "3", "2", time, unnamed)).statusCode())
                .as("a URL that names no register").isEqualTo(401);
        assertThat(register("GET", "/api/register/v1/connection", "", "3", "2", SECRET, time).statusCode()).isEqualTo(200);
        assertThat(register("GET", "/api/register/v1/connection", "", "3", "2", SECRET, time).statusCode())
                .as("a call without effect may come again").isEqualTo(200);
    }

    /**
     * The Idempotency-Key is not what Poster signs: a captured checkout start re-sent with new keys is the same signed
     * call, taken once, so it starts one checkout, not one per key.
     */
    @Test
    void aCapturedCheckoutStartWithNewIdempotencyKeysStartsOneCheckout() throws Exception {
        Map<String, Object> allowingCustomerIds = binding("861052", "2", "3", "bar-login", "bar-password");
        allowingCustomerIds.put("customerIdWithoutSession", true);
        bind(allowingCustomerIds);
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,"
                + "\"max_redeemable_bonuses\":45.50,\"bonus_points_available\":150.00,\"amount_to_pay\":91.00}")));
        String order = "{\"orderId\":\"captured\",\"customerId\":\"c-1001\",\"items\":[{\"productId\":\"12\","
                + "\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,\"currency\":\"UAH\"}";
        long time = now();
        String checkouts = BlackBox.named("/api/register/v1/checkouts", account, "3");
        String signature = RegisterSignature.sign(url(checkouts).toString(), order.getBytes(StandardCharsets.UTF_8),
                String.valueOf(time), SECRET);

        java.util.List<Integer> answers = new java.util.ArrayList<>();
        for (int key = 1; key <= 5; key++) {
            answers.add(send(signed("POST", checkouts, order, "3", "2", time, signature)
                    .header("Idempotency-Key", "key-" + key)).statusCode());
        }
        int repeated = send(signed("POST", checkouts, order, "3", "2", time, signature)
                .header("Idempotency-Key", "key-1")).statusCode();

        assertThat(answers).containsExactly(201, 401, 401, 401, 401);
        assertThat(repeated).as("the register's own repeat, same key: the same checkout").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from checkout where account = ?").param(account).query(Long.class)
                .single()).isOne();
    }

    /** Only a bound register's calls that may act are remembered: a 403 leaves no signature behind. */
    @Test
    void anUnboundRegistersCallsLeaveNoSignatureBehind() throws Exception {
        long before = jdbc.sql("select count(*) from register_signature").query(Long.class).single();

        HttpResponse<String> unbound = register("POST", "/api/register/v1/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"+380501234567\"}}", "1", "1", SECRET, now());

        assertThat(unbound.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from register_signature").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void uninstallingTheAppDeactivatesTheAccountsBindings() throws Exception {
        String bindingId = json.readTree(bind(binding("861052", "2", "3", "bar-login", "bar-password")).body())
                .path("bindingId").asText();
        assertThat(register("GET", "/api/register/v1/connection", "", "3", "2", SECRET, now()).statusCode())
                .as("the register's binding now in the register API's cache").isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(url("/poster/webhooks")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BlackBox.webhookBody(json, account, "application", "1",
                        "removed", null, now())))).statusCode()).isEqualTo(200);

        assertThat(json.readTree(admin("GET", "/api/admin/v1/terminal-bindings/" + bindingId).body())
                .path("status").asText()).isEqualTo("DEACTIVATED");
        assertThat(register("GET", "/api/register/v1/connection", "", "3", "2", SECRET, now()).statusCode())
                .isEqualTo(403);
    }

    private Map<String, Object> binding(String customerNumber, String spot, String tablet, String login, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("posterAccount", account);
        body.put("posterCustomerNumber", customerNumber);
        body.put("posterSpotId", spot);
        body.put("posterTabletId", tablet);
        body.put("incust", Map.of("login", login, "password", password));
        return body;
    }

    private HttpResponse<String> bind(Map<String, Object> body) throws Exception {
        return send(HttpRequest.newBuilder(url("/api/admin/v1/terminal-bindings"))
                .header("Authorization", basic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private HttpResponse<String> admin(String method, String path) throws Exception {
        return send(HttpRequest.newBuilder(url(path)).header("Authorization", basic())
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> register(String method, String path, String body, String tablet, String spot,
                                          String secret, long time) throws Exception {
        String named = BlackBox.named(path, account, tablet);
        String signature = RegisterSignature.sign(url(named).toString(), body.getBytes(StandardCharsets.UTF_8),
                String.valueOf(time), secret);
        return send(signed(method, named, body, tablet, spot, time, signature));
    }

    private HttpRequest.Builder signed(String method, String path, String body, String tablet, String spot, long time,
                                       String signature) {
        return HttpRequest.newBuilder(url(path))
                .header("X-Poster-Url", account)
                .header("X-Poster-Spot-Id", spot)
                .header("X-Poster-Tablet-Id", tablet)
                .header("X-Poster-Time", String.valueOf(time))
                .header("X-Poster-Signature", signature)
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
    }

    private static String basic() {
        return BlackBox.adminAuthorization();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return box.send(request);
    }

    private URI url(String path) {
        return box.url(path);
    }
}
