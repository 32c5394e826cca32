package com.posterincust.incust;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.posterincust.common.ExternalCallMetrics;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.incust.Loyalty.Check;
import com.posterincust.incust.Loyalty.CheckItem;
import com.posterincust.incust.Loyalty.Identifier;
import com.posterincust.incust.Loyalty.IdentifierType;
import com.posterincust.incust.Loyalty.Redeem;
import feign.hc5.ApacheHttp5Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncustClientTest {

    static final IncustCredentials TERMINAL = new IncustCredentials("bar-login", "bar-password");
    static WireMockServer incust;
    IncustClient client;

    @BeforeAll
    static void startIncust() {
        incust = new WireMockServer(wireMockConfig().dynamicPort());
        incust.start();
    }

    @AfterAll
    static void stopIncust() {
        incust.stop();
    }

    @BeforeEach
    void newClient() {
        incust.resetAll();
        IncustProperties properties = new IncustProperties();
        properties.getApi().setBaseUrl(incust.baseUrl() + "/v1");
        properties.getApi().setLanguage("uk");
        properties.getApi().setReadTimeout(Duration.ofMillis(500));
        client = new IncustClient(properties, new ApacheHttp5Client(), new ObjectMapper().registerModule(new JavaTimeModule()),
                ExternalCallMetrics.unpublished());
        incust.stubFor(post("/v1/term/token").willReturn(okJson(fixture("token.json"))));
    }

    static String fixture(String name) {
        try (var in = IncustClientTest.class.getResourceAsStream("/wire/incust/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void logsInWithTheTerminalCredentialsAndSendsTheLanguage() {
        Loyalty.Terminal token = client.login(TERMINAL);

        assertThat(token.id()).isEqualTo("t-77");
        assertThat(token.currency()).isEqualTo("UAH");
        assertThat(token.toString()).doesNotContain("tkn-1");
        incust.verify(postRequestedFor(urlEqualTo("/v1/term/token"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Accept-Language", equalTo("uk"))
                .withRequestBody(equalToJson("{\"login\":\"bar-login\",\"password\":\"bar-password\"}")));
    }

    @Test
    void aRefusedLoginIsABusinessError() {
        incust.stubFor(post("/v1/term/token").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"unauthorized\",\"message\":\"Wrong login or password\"}")));

        assertThatThrownBy(() -> client.login(TERMINAL))
                .isInstanceOfSatisfying(IncustApiException.class, e -> {
                    assertThat(e.is(IncustApiException.LOGIN_REFUSED)).isTrue();
                    assertThat(e.incustMessage()).isEqualTo("Wrong login or password");
                });
    }

    @Test
    void reusesTheTerminalTokenInsteadOfLoggingInPerCall() {
        incust.stubFor(get("/v1/term/customer/c-1001").willReturn(okJson(fixture("customer.json"))));

        client.customer(TERMINAL, "c-1001");
        client.customer(TERMINAL, "c-1001");
        client.customer(TERMINAL, "c-1001");

        incust.verify(1, postRequestedFor(urlEqualTo("/v1/term/token")));
        incust.verify(3, getRequestedFor(urlEqualTo("/v1/term/customer/c-1001"))
                .withHeader("Authorization", equalTo("Bearer tkn-1")));
    }

    @Test
    void logsInAgainWhenThePasswordOfTheLoginChanged() {
        incust.stubFor(get("/v1/term/customer/c-1001").willReturn(okJson(fixture("customer.json"))));

        client.customer(TERMINAL, "c-1001");
        client.customer(new IncustCredentials("bar-login", "new-password"), "c-1001");

        incust.verify(2, postRequestedFor(urlEqualTo("/v1/term/token")));
    }

    @Test
    void renewsAnExpiredTokenOnceAndRepeatsTheCall() {
        incust.stubFor(post("/v1/term/token").inScenario("renewal").whenScenarioStateIs(STARTED)
                .willReturn(okJson(fixture("token.json"))).willSetStateTo("first token issued"));
        incust.stubFor(post("/v1/term/token").inScenario("renewal").whenScenarioStateIs("first token issued")
                .willReturn(okJson("{\"token\":\"tkn-2\",\"id\":\"t-77\",\"currency\":\"UAH\",\"title\":\"Bar\"}")));
        incust.stubFor(get("/v1/term/customer/c-1001").withHeader("Authorization", equalTo("Bearer tkn-1"))
                .willReturn(aResponse().withStatus(401)));
        incust.stubFor(get("/v1/term/customer/c-1001").withHeader("Authorization", equalTo("Bearer tkn-2"))
                .willReturn(okJson(fixture("customer.json"))));

        assertThat(client.customer(TERMINAL, "c-1001").id()).isEqualTo("c-1001");
        incust.verify(2, postRequestedFor(urlEqualTo("/v1/term/token")));
    }

    @Test
    void givesUpWhenTheRenewedTokenIsRefusedToo() {
        incust.stubFor(get("/v1/term/customer/c-1001").willReturn(aResponse().withStatus(401)));

        assertThatThrownBy(() -> client.customer(TERMINAL, "c-1001"))
                .isInstanceOfSatisfying(IncustApiException.class,
                        e -> assertThat(e.is(IncustApiException.LOGIN_REFUSED)).isTrue());
        incust.verify(2, postRequestedFor(urlEqualTo("/v1/term/token")));
        incust.verify(2, getRequestedFor(urlEqualTo("/v1/term/customer/c-1001")));
    }

    @Test
    void readsTheTerminalSettings() {
        incust.stubFor(get("/v1/term/settings").willReturn(okJson("{\"id\":\"t-77\",\"title\":\"Bar\",\"currency\":\"UAH\","
                + "\"redemption_confirmation\":\"above_limit\",\"confirmation_limit\":100.00}")));

        Loyalty.TerminalSettings settings = client.settings(TERMINAL);

        assertThat(settings.redemptionConfirmation()).isEqualTo("above_limit");
        assertThat(settings.confirmationLimit()).isEqualByComparingTo("100.00");
    }

    @Test
    void findsACustomerByPhoneWithTheWholeWallet() {
        incust.stubFor(post("/v1/term/customer/search")
                .withRequestBody(equalToJson("{\"identifier\":{\"type\":\"phone\",\"value\":\"+380501234567\"}}"))
                .willReturn(okJson("{\"customers\":[" + fixture("customer.json") + "]}")));

        Loyalty.Customer customer = client.findCustomer(TERMINAL,
                new Identifier(IdentifierType.PHONE, "+380501234567")).orElseThrow();

        assertThat(customer.bonusPoints()).isEqualByComparingTo("150.00");
        assertThat(customer.isNew()).isFalse();
        assertThat(customer.accounts()).extracting(Loyalty.Account::type).containsExactly("money");
        assertThat(customer.coupons()).extracting(Loyalty.Coupon::code).containsExactly("COFFEE10");
    }

    @Test
    void anUnknownCustomerIsAnEmptyResult() {
        incust.stubFor(post("/v1/term/customer/search").willReturn(okJson("{\"customers\":[]}")));

        assertThat(client.findCustomer(TERMINAL, new Identifier(IdentifierType.QR, "QR-X"))).isEmpty();
        incust.verify(postRequestedFor(urlEqualTo("/v1/term/customer/search"))
                .withRequestBody(equalToJson("{\"identifier\":{\"type\":\"qr\",\"value\":\"QR-X\"}}")));
    }

    @Test
    void registersANewCustomerAndUpdatesTheProfile() {
        incust.stubFor(post("/v1/term/customer").willReturn(okJson(
                "{\"id\":\"c-2001\",\"phone\":\"+380931112233\",\"is_new\":true,\"bonus_points\":0}")));
        incust.stubFor(put("/v1/term/customer/c-2001/profile").willReturn(okJson(
                "{\"id\":\"c-2001\",\"name\":\"Petro\",\"is_new\":true,\"bonus_points\":0}")));

        Loyalty.Customer created = client.registerCustomer(TERMINAL,
                List.of(new Identifier(IdentifierType.PHONE, "+380931112233")));
        Loyalty.Customer updated = client.updateProfile(TERMINAL, created.id(),
                new Loyalty.Profile("Petro", "male", "1991-02-03", null));

        assertThat(created.isNew()).isTrue();
        assertThat(updated.name()).isEqualTo("Petro");
        incust.verify(postRequestedFor(urlEqualTo("/v1/term/customer"))
                .withRequestBody(equalToJson("{\"identifiers\":[{\"type\":\"phone\",\"value\":\"+380931112233\"}]}")));
        incust.verify(putRequestedFor(urlEqualTo("/v1/term/customer/c-2001/profile"))
                .withRequestBody(equalToJson("{\"name\":\"Petro\",\"gender\":\"male\",\"birth_date\":\"1991-02-03\"}")));
    }

    @Test
    void preparesACheckInMajorUnits() {
        incust.stubFor(post("/v1/term/check/prepare").willReturn(okJson(fixture("check_result.json"))));

        Loyalty.CheckResult result = client.prepareCheck(TERMINAL, check());

        assertThat(result.maxRedeemableBonuses()).isEqualByComparingTo("45.50");
        assertThat(result.applicableCoupons()).extracting(Loyalty.CouponRef::code).containsExactly("COFFEE10");
        incust.verify(postRequestedFor(urlEqualTo("/v1/term/check/prepare")).withRequestBody(equalToJson(
                "{\"customer_id\":\"c-1001\",\"currency\":\"UAH\",\"amount\":91.00,\"items\":[{\"code\":\"12\","
                        + "\"title\":\"Latte\",\"quantity\":2,\"price\":45.50,\"amount\":91.00}]}")));
    }

    @Test
    void reservesWithTheExternalIdAndReadsTheConfirmation() {
        incust.stubFor(post("/v1/term/check/reserve").willReturn(okJson(fixture("transaction_confirmation_required.json"))));

        Loyalty.Transaction tx = client.reserve(TERMINAL, check(), "chk-1", new Redeem(new BigDecimal("20.00"), List.of()));

        assertThat(tx.status()).isEqualTo(Loyalty.Transaction.CONFIRMATION_REQUIRED);
        assertThat(tx.confirmation().attemptsLeft()).isEqualTo(3);
        assertThat(tx.confirmation().expiresAt()).isEqualTo(OffsetDateTime.parse("2026-11-28T12:05:00Z"));
        incust.verify(postRequestedFor(urlEqualTo("/v1/term/check/reserve")).withRequestBody(equalToJson(
                "{\"customer_id\":\"c-1001\",\"currency\":\"UAH\",\"amount\":91.00,\"external_id\":\"chk-1\","
                        + "\"redeem\":{\"bonuses\":20.00,\"coupons\":[]}}", true, true)));
    }

    @Test
    void confirmsResendsFinalizesCancelsAndReadsTransactions() {
        String tx = fixture("transaction_confirmation_required.json");
        incust.stubFor(post("/v1/term/transaction/tx-9/confirmation/resend").willReturn(okJson(tx)));
        incust.stubFor(post("/v1/term/transaction/tx-9/confirm").willReturn(okJson(tx.replace("confirmation_required", "confirmed"))));
        incust.stubFor(post("/v1/term/transaction/tx-9/finalize").willReturn(okJson(tx.replace("confirmation_required", "finalized"))));
        incust.stubFor(post("/v1/term/transaction/tx-9/cancel").willReturn(okJson(tx.replace("confirmation_required", "cancelled"))));
        incust.stubFor(get("/v1/term/transaction/tx-9").willReturn(okJson(tx)));

        assertThat(client.resendConfirmation(TERMINAL, "tx-9").status()).isEqualTo("confirmation_required");
        assertThat(client.confirm(TERMINAL, "tx-9", "1234").status()).isEqualTo("confirmed");
        assertThat(client.finalizeTransaction(TERMINAL, "tx-9", "123", new BigDecimal("20.00")).status()).isEqualTo("finalized");
        assertThat(client.cancel(TERMINAL, "tx-9").status()).isEqualTo("cancelled");
        assertThat(client.transaction(TERMINAL, "tx-9").id()).isEqualTo("tx-9");

        incust.verify(postRequestedFor(urlEqualTo("/v1/term/transaction/tx-9/confirm"))
                .withRequestBody(equalToJson("{\"code\":\"1234\"}")));
        incust.verify(postRequestedFor(urlEqualTo("/v1/term/transaction/tx-9/finalize"))
                .withRequestBody(equalToJson("{\"external_check_id\":\"123\",\"paid_with_bonuses\":20.00}")));
    }

    /** The assumed return call (docs/external-apis.md): the lines in the check's terms, the return read from the sale. */
    @Test
    void returnsPartOfASaleAndReadsTheReturnFromTheSale() {
        String sale = fixture("transaction_returned_in_part.json");
        incust.stubFor(post("/v1/term/transaction/tx-9/return").willReturn(okJson(sale)));
        incust.stubFor(get("/v1/term/transaction/tx-9").willReturn(okJson(sale)));

        Loyalty.Returned returned = client.returnPart(TERMINAL, "tx-9", "return-1", new BigDecimal("45.50"),
                List.of(new Loyalty.ReturnedItem("12", new BigDecimal("1"), new BigDecimal("45.50"))), true);

        assertThat(returned).isEqualTo(new Loyalty.Returned("finalized", new BigDecimal("45.50"),
                new BigDecimal("6.66"), new BigDecimal("1.94")));
        incust.verify(postRequestedFor(urlEqualTo("/v1/term/transaction/tx-9/return")).withRequestBody(equalToJson(
                "{\"external_id\":\"return-1\",\"amount\":45.50,\"items\":[{\"code\":\"12\",\"quantity\":1,"
                        + "\"amount\":45.50}],\"return_redeemed\":true}")));
        assertThat(client.returnMade(TERMINAL, "tx-9", "return-1")).contains(returned);
        assertThat(client.returnMade(TERMINAL, "tx-9", "return-2")).isEmpty();
    }

    /** The assumed list (docs/external-apis.md): a period of instants, oldest first, paged by inCust's cursor. */
    @Test
    void listsAPeriodsTransactionsPageByPage() {
        incust.stubFor(get(urlPathEqualTo("/v1/term/transactions")).withQueryParam("cursor", absent())
                .willReturn(okJson(fixture("transactions_of_a_period.json"))));
        incust.stubFor(get(urlPathEqualTo("/v1/term/transactions")).withQueryParam("cursor", equalTo("2"))
                .willReturn(okJson("{\"transactions\":[],\"next_cursor\":null}")));
        java.time.Instant from = java.time.Instant.parse("2026-12-02T22:00:00Z");
        java.time.Instant to = java.time.Instant.parse("2026-12-03T22:00:00Z");

        Loyalty.TransactionPage first = client.transactionsBetween(TERMINAL, from, to, null);
        Loyalty.TransactionPage last = client.transactionsBetween(TERMINAL, from, to, first.nextCursor());

        assertThat(first.transactions()).extracting(Loyalty.TransactionOfDay::id, Loyalty.TransactionOfDay::externalId,
                Loyalty.TransactionOfDay::status, Loyalty.TransactionOfDay::paid, Loyalty.TransactionOfDay::holds)
                .containsExactly(tuple("tx-9", "checkout-1", "finalized", new BigDecimal("33.65"), false),
                        tuple("tx-10", "checkout-2", "reserved", new BigDecimal("5.00"), true));
        assertThat(first.nextCursor()).isEqualTo("2");
        assertThat(last.transactions()).isEmpty();
        assertThat(last.nextCursor()).isNull();
        incust.verify(getRequestedFor(urlPathEqualTo("/v1/term/transactions"))
                .withQueryParam("date_from", equalTo("2026-12-02T22:00:00Z"))
                .withQueryParam("date_to", equalTo("2026-12-03T22:00:00Z")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"customer_not_found", "insufficient_bonuses", "coupon_invalid", "confirmation_code_invalid",
            "confirmation_code_expired", "transaction_not_found", "transaction_state"})
    void everyErrorSymbolIsABusinessErrorWithInCustsMessage(String symbol) {
        incust.stubFor(post("/v1/term/transaction/tx-9/confirm").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"" + symbol + "\",\"message\":\"Localised text\"}")));

        assertThatThrownBy(() -> client.confirm(TERMINAL, "tx-9", "0000"))
                .isInstanceOfSatisfying(IncustApiException.class, e -> {
                    assertThat(e.symbol()).isEqualTo(symbol);
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.incustMessage()).isEqualTo("Localised text");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503})
    void rateLimitsAndServerErrorsAreTransient(int status) {
        incust.stubFor(post("/v1/term/check/prepare").willReturn(aResponse().withStatus(status)));

        assertThatThrownBy(() -> client.prepareCheck(TERMINAL, check()))
                .isInstanceOf(ExternalSystemUnavailableException.class)
                .hasMessageContaining("HTTP " + status);
    }

    @Test
    void aSlowAnswerIsATransientTimeout() {
        incust.stubFor(post("/v1/term/check/prepare").willReturn(okJson(fixture("check_result.json")).withFixedDelay(1500)));

        assertThatThrownBy(() -> client.prepareCheck(TERMINAL, check()))
                .isInstanceOfSatisfying(ExternalSystemUnavailableException.class, e -> assertThat(e.isTimeout()).isTrue());
    }

    private static Check check() {
        return new Check("c-1001", "UAH", new BigDecimal("91.00"), List.of(new CheckItem("12", "Latte",
                new BigDecimal("2"), new BigDecimal("45.50"), new BigDecimal("91.00"))));
    }
}
