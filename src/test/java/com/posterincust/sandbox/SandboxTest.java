package com.posterincust.sandbox;

import com.posterincust.BlackBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.Jobs;
import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.Loyalty;
import com.posterincust.incust.Loyalty.Check;
import com.posterincust.incust.Loyalty.CheckItem;
import com.posterincust.incust.Loyalty.Identifier;
import com.posterincust.incust.Loyalty.IdentifierType;
import com.posterincust.incust.Loyalty.Redeem;
import com.posterincust.incust.Loyalty.Transaction;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.posterincust.register.RegisterSignature;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The default run as a newcomer meets it: fake Poster and inCust in-process, reached over HTTP by the real clients. */
class SandboxTest extends SandboxRun {

    static final IncustCredentials CONFIRMING = new IncustCredentials("demo-confirm", SandboxData.TERMINAL_PASSWORD);
    static final IncustCredentials INSTANT = new IncustCredentials("demo-instant", SandboxData.TERMINAL_PASSWORD);

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    IncustClient incust;
    @Autowired
    ObjectMapper json;
    @Autowired
    SandboxIncust sandboxIncust;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theInstallFlowCanBeClickedThrough() throws Exception {
        installDemoAccount();
        HttpResponse<String> installation = get("/api/admin/v1/installations/" + SandboxData.ACCOUNT, "admin",
                "test-admin-password");
        JsonNode body = json.readTree(installation.body());
        assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.path("currency").asText()).isEqualTo(SandboxData.CURRENCY);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(SandboxData.ACCOUNT)
                .finished().list()).extracting(HistoricProcessInstance::getEndActivityId).contains("AccountConnected");
    }

    private void installDemoAccount() throws Exception {
        HttpResponse<String> install = get("/poster/install");
        assertThat(install.statusCode()).isEqualTo(302);

        HttpResponse<String> authorizePage = get(install.headers().firstValue("Location").orElseThrow());
        assertThat(authorizePage.statusCode()).isEqualTo(200);
        assertThat(authorizePage.body()).contains("Allow access", SandboxData.ACCOUNT);
        Matcher allow = Pattern.compile("id=\"allow\" href=\"([^\"]+)\"").matcher(authorizePage.body());
        assertThat(allow.find()).isTrue();

        HttpResponse<String> redirect = get(allow.group(1).replace("&amp;", "&"));
        assertThat(redirect.statusCode()).isEqualTo(302);
        HttpResponse<String> connected = get(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(connected.statusCode()).isEqualTo(200);
        assertThat(connected.body()).contains("connected", SandboxData.ACCOUNT_NUMBER);

        Jobs.runAll(management);
    }

    @Test
    void aDemoRegisterCanBeBoundAndConnects() throws Exception {
        installDemoAccount();
        String body = "{\"posterAccount\":\"demo-cafe\",\"posterCustomerNumber\":\"861052\",\"posterSpotId\":\"2\","
                + "\"posterTabletId\":\"3\",\"incust\":{\"login\":\"demo-instant\",\"password\":\""
                + SandboxData.TERMINAL_PASSWORD + "\"}}";
        HttpResponse<String> bound = http.send(HttpRequest.newBuilder(url("/api/admin/v1/terminal-bindings"))
                .header("Authorization", basic("admin", "test-admin-password")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(201);

        String time = String.valueOf(System.currentTimeMillis() / 1000);
        String connection = url(BlackBox.named("/api/register/v1/connection", SandboxData.ACCOUNT, "3")).toString();
        HttpResponse<String> connected = http.send(HttpRequest.newBuilder(URI.create(connection))
                .header("X-Poster-Url", SandboxData.ACCOUNT).header("X-Poster-Spot-Id", "2")
                .header("X-Poster-Tablet-Id", "3").header("X-Poster-Time", time)
                .header("X-Poster-Signature", RegisterSignature.sign(connection, new byte[0], time,
                        SandboxConfiguration.APPLICATION_SECRET))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(connected.statusCode()).isEqualTo(200);
        assertThat(json.readTree(connected.body()).path("terminal").path("id").asText()).isEqualTo("t-2");

        String identify = "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"050 123 45 67\"}}";
        String sessions = url(BlackBox.named("/api/register/v1/customer-sessions", SandboxData.ACCOUNT, "3")).toString();
        HttpResponse<String> olena = http.send(HttpRequest.newBuilder(URI.create(sessions))
                .header("X-Poster-Url", SandboxData.ACCOUNT).header("X-Poster-Spot-Id", "2")
                .header("X-Poster-Tablet-Id", "3").header("X-Poster-Time", time)
                .header("X-Poster-Signature", RegisterSignature.sign(sessions,
                        identify.getBytes(java.nio.charset.StandardCharsets.UTF_8), time,
                        SandboxConfiguration.APPLICATION_SECRET))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(identify)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(olena.statusCode()).as(olena.body()).isEqualTo(200);
        assertThat(json.readTree(olena.body()).path("customer").path("bonusPoints").decimalValue())
                .isEqualByComparingTo("150.00");
        assertThat(json.readTree(olena.body()).path("customer").path("posterClientId").asText()).isNotBlank();
    }

    @Test
    void aRedemptionOnTheConfirmingTerminalNeedsTheCodeFromTheOutbox() throws Exception {
        Loyalty.Customer olena = incust.findCustomer(CONFIRMING,
                new Identifier(IdentifierType.PHONE, "+380501234567")).orElseThrow();
        Loyalty.CheckResult offer = incust.prepareCheck(CONFIRMING, check(olena.id()));
        assertThat(offer.maxRedeemableBonuses()).isEqualByComparingTo("45.50");
        assertThat(offer.applicableCoupons()).extracting(Loyalty.CouponRef::code).contains("COFFEE10");

        String externalId = "sandbox-" + System.nanoTime();
        Transaction reserved = incust.reserve(CONFIRMING, check(olena.id()), externalId,
                new Redeem(new BigDecimal("20.00"), List.of()));
        assertThat(reserved.status()).isEqualTo(Transaction.CONFIRMATION_REQUIRED);
        assertThat(incust.reserve(CONFIRMING, check(olena.id()), externalId,
                new Redeem(new BigDecimal("20.00"), List.of())).id())
                .as("the same external id never makes a second hold").isEqualTo(reserved.id());

        assertThatThrownBy(() -> incust.confirm(CONFIRMING, reserved.id(), "wrong"))
                .isInstanceOfSatisfying(IncustApiException.class,
                        e -> assertThat(e.is(IncustApiException.CONFIRMATION_CODE_INVALID)).isTrue());
        String code = codeFromOutbox(reserved.id());
        assertThat(incust.confirm(CONFIRMING, reserved.id(), code).status()).isEqualTo(Transaction.CONFIRMED);

        Transaction finalized = incust.finalizeTransaction(CONFIRMING, reserved.id(), "1001", new BigDecimal("20.00"));
        assertThat(finalized.status()).isEqualTo(Transaction.FINALIZED);
        assertThat(sandboxIncust.statusesOf(externalId)).containsExactly(Transaction.FINALIZED);
    }

    @Test
    void theInstantTerminalReservesWithoutACode() {
        Loyalty.Customer taras = incust.findCustomer(INSTANT, new Identifier(IdentifierType.QR, "QR-TARAS-1002"))
                .orElseThrow();

        Transaction reserved = incust.reserve(INSTANT, check(taras.id()), "instant-" + System.nanoTime(),
                new Redeem(new BigDecimal("10.00"), List.of()));

        assertThat(reserved.status()).isEqualTo(Transaction.RESERVED);
        assertThat(reserved.amountToPay()).isEqualByComparingTo("81.00");
    }

    @Test
    void theSandboxRefusesWhatInCustRefuses() {
        Loyalty.Customer taras = incust.findCustomer(INSTANT, new Identifier(IdentifierType.CARD, "CARD-1002"))
                .orElseThrow();

        assertThatThrownBy(() -> incust.reserve(INSTANT, check(taras.id()), "too-much-" + System.nanoTime(),
                new Redeem(new BigDecimal("41.00"), List.of())))
                .isInstanceOfSatisfying(IncustApiException.class,
                        e -> assertThat(e.is(IncustApiException.INSUFFICIENT_BONUSES)).isTrue());
        assertThatThrownBy(() -> incust.reserve(INSTANT, check(taras.id()), "coupon-" + System.nanoTime(),
                new Redeem(null, List.of("COFFEE10"))))
                .isInstanceOfSatisfying(IncustApiException.class,
                        e -> assertThat(e.is(IncustApiException.COUPON_INVALID)).isTrue());
        assertThatThrownBy(() -> incust.login(new IncustCredentials("demo-confirm", "wrong")))
                .isInstanceOfSatisfying(IncustApiException.class,
                        e -> assertThat(e.is(IncustApiException.LOGIN_REFUSED)).isTrue());
        assertThat(incust.findCustomer(INSTANT, new Identifier(IdentifierType.TEMPORARY_CODE, "000000"))).isEmpty();
    }

    @Test
    void aNewCustomerCanBeRegisteredAndProfiled() {
        Loyalty.Customer created = incust.registerCustomer(INSTANT,
                List.of(new Identifier(IdentifierType.PHONE, "+380939998877")));
        Loyalty.Customer profiled = incust.updateProfile(INSTANT, created.id(),
                new Loyalty.Profile("Petro", "male", "1990-01-02", null));

        assertThat(created.isNew()).isTrue();
        assertThat(profiled.name()).isEqualTo("Petro");
        assertThat(profiled.phone()).isEqualTo("+380939998877");
    }

    /** The fake inCust is as strict as the spec: a language must be asked for, tokens expire, phones are digits. */
    @Test
    void theFakeInCustIsAsStrictAsTheSpec() throws Exception {
        HttpResponse<String> noLanguage = http.send(HttpRequest.newBuilder(url("/sandbox/incust/v1/term/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"login\":\"demo-instant\",\"password\":\"" + SandboxData.TERMINAL_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noLanguage.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noLanguage.body()).path("message").asText()).contains("Accept-Language");

        assertThat(incust.findCustomer(INSTANT, new Identifier(IdentifierType.PHONE, "+38 (050) 123-45-67")))
                .map(Loyalty.Customer::id).contains("c-1001");
        sandboxIncust.expireTokens();
        assertThat(incust.findCustomer(INSTANT, new Identifier(IdentifierType.PHONE, "+380671112233")))
                .as("an expired token is renewed by the client").map(Loyalty.Customer::id).contains("c-1002");
    }

    @Test
    void aFinalizedSaleCancelledGivesThePointsBack() {
        Loyalty.Customer taras = incust.findCustomer(INSTANT, new Identifier(IdentifierType.PHONE, "+380671112233"))
                .orElseThrow();
        BigDecimal before = sandboxIncust.bonusPointsOf(taras.id());
        Transaction reserved = incust.reserve(INSTANT, check(taras.id()), "reversal-" + System.nanoTime(),
                new Redeem(new BigDecimal("10.00"), List.of()));
        incust.finalizeTransaction(INSTANT, reserved.id(), "1002", new BigDecimal("10.00"));
        assertThat(sandboxIncust.bonusPointsOf(taras.id())).isEqualByComparingTo(before.subtract(
                new BigDecimal("10.00")).add(new BigDecimal("4.05")));

        assertThat(incust.cancel(INSTANT, reserved.id()).status()).isEqualTo(Transaction.CANCELLED);
        assertThat(sandboxIncust.bonusPointsOf(taras.id())).isEqualByComparingTo(before);
    }

    private String codeFromOutbox(String transactionId) throws Exception {
        HttpResponse<String> outbox = http.send(HttpRequest.newBuilder(url("/sandbox/sms-outbox"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode message : json.readTree(outbox.body())) {
            if (message.path("transactionId").asText().equals(transactionId)) {
                assertThat(message.path("recipient").asText()).doesNotContain("501234567").endsWith("4567");
                return message.path("code").asText();
            }
        }
        throw new AssertionError("No code for " + transactionId + " in " + outbox.body());
    }

    @Test
    void theDemoNamesFollowTheLanguageTheSandboxRegisterPageIsShownIn() throws Exception {
        assertThat(language("de").statusCode()).as("a language the page does not have").isEqualTo(400);
        try {
            assertThat(language("ua").statusCode()).isEqualTo(200);
            Loyalty.Customer olena = incust.findCustomer(INSTANT,
                    new Identifier(IdentifierType.PHONE, "+380501234567")).orElseThrow();
            assertThat(olena.accounts()).extracting(Loyalty.Account::title)
                    .containsExactly("Подарункова картка", "Чашки кави");
            assertThat(olena.coupons()).extracting(Loyalty.Coupon::title).containsExactly("Знижка 10%");
            assertThat(incust.prepareCheck(INSTANT, check(olena.id())).applicableCoupons())
                    .extracting(Loyalty.CouponRef::title).containsExactly("Знижка 10%");
        } finally {
            assertThat(language("en").statusCode()).isEqualTo(200);
        }
        assertThat(incust.findCustomer(INSTANT, new Identifier(IdentifierType.PHONE, "+380501234567")).orElseThrow()
                .coupons()).extracting(Loyalty.Coupon::title).containsExactly("10% off");
    }

    private HttpResponse<String> language(String lang) throws Exception {
        return http.send(HttpRequest.newBuilder(url("/sandbox/register/api/language"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"lang\":\"" + lang + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Check check(String customerId) {
        return new Check(customerId, "UAH", new BigDecimal("91.00"), List.of(new CheckItem("12", "Latte",
                new BigDecimal("2"), new BigDecimal("45.50"), new BigDecimal("91.00"))));
    }

    private HttpResponse<String> get(String pathOrUrl) throws Exception {
        return http.send(HttpRequest.newBuilder(url(pathOrUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(url(path)).header("Authorization", basic(user, password)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    private URI url(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl);
    }
}
