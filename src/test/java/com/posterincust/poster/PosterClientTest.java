package com.posterincust.poster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.posterincust.common.ExternalCallMetrics;
import com.posterincust.common.ExternalSystemUnavailableException;
import feign.hc5.ApacheHttp5Client;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PosterClientTest {

    static final String TOKEN = "861052:4164553abf6a031302898da7800b59fb";
    static WireMockServer poster;
    PosterClient client;

    @BeforeAll
    static void startPoster() {
        poster = new WireMockServer(wireMockConfig().dynamicPort());
        poster.start();
    }

    @AfterAll
    static void stopPoster() {
        poster.stop();
    }

    @BeforeEach
    void newClient() {
        poster.resetAll();
        PosterProperties properties = new PosterProperties();
        properties.getApi().setBaseUrl(poster.baseUrl() + "/{account}/api");
        properties.getApi().setReadTimeout(Duration.ofMillis(500));
        properties.getApplication().setId("1234");
        properties.getApplication().setSecret("app-secret");
        properties.getOauth().setRedirectUri("https://orchestrator.example/poster/oauth/callback");
        client = new PosterClient(properties, new ApacheHttp5Client(), new ObjectMapper(), ExternalCallMetrics.unpublished());
    }

    static String fixture(String name) {
        try (var in = PosterClientTest.class.getResourceAsStream("/wire/poster/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void exchangesTheCodeWithAFormEncodedPostToTheAccountHost() {
        poster.stubFor(post("/mycafe/api/v2/auth/access_token").willReturn(okJson(fixture("access_token.json"))));

        PosterAccessGrant grant = client.exchangeCode("mycafe", "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6");

        assertThat(grant.accessToken()).isEqualTo(TOKEN);
        assertThat(grant.accountNumber()).isEqualTo("861052");
        assertThat(grant.ownerCountry()).isEqualTo("UA");
        assertThat(grant.toString()).doesNotContain(TOKEN);
        poster.verify(postRequestedFor(urlPathEqualTo("/mycafe/api/v2/auth/access_token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("application_id", equalTo("1234"))
                .withFormParam("application_secret", equalTo("app-secret"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("redirect_uri", equalTo("https://orchestrator.example/poster/oauth/callback"))
                .withFormParam("code", equalTo("a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6")));
    }

    @Test
    void aRefusedCodeIsABusinessError() {
        poster.stubFor(post("/mycafe/api/v2/auth/access_token").willReturn(okJson(fixture("access_token_error.json"))));

        assertThatThrownBy(() -> client.exchangeCode("mycafe", "used"))
                .isInstanceOfSatisfying(PosterApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.posterMessage()).isEqualTo("Authorization code is invalid or expired");
                });
    }

    @Test
    void aRefusedCodeAnsweredWithHttp400IsStillABusinessError() {
        poster.stubFor(post("/mycafe/api/v2/auth/access_token")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(fixture("access_token_error.json"))));

        assertThatThrownBy(() -> client.exchangeCode("mycafe", "used")).isInstanceOf(PosterApiException.class);
    }

    @Test
    void readsTheAccountSettingsWithTheTokenAsQueryParameter() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/settings.getAllSettings"))
                .withQueryParam("token", equalTo(TOKEN))
                .willReturn(okJson(fixture("settings.getAllSettings.json"))));

        PosterAccountSettings settings = client.getAllSettings("mycafe", TOKEN);

        assertThat(settings).isEqualTo(new PosterAccountSettings("mycafe", "My Cafe", "UAH", "Europe/Kyiv", "uk"));
    }

    @Test
    void listsClientGroups() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getGroups"))
                .willReturn(okJson(fixture("clients.getGroups.json"))));

        assertThat(client.getClientGroups("mycafe", TOKEN)).containsExactly(
                new PosterClientGroup("1", "Regular guests"), new PosterClientGroup("7", "inCust loyalty"));
    }

    @Test
    void createsAGroupWithoutDiscountAsJson() {
        poster.stubFor(post(urlPathEqualTo("/mycafe/api/clients.createGroup")).willReturn(okJson("{\"response\":8}")));

        assertThat(client.createClientGroup("mycafe", TOKEN, "inCust loyalty")).isEqualTo("8");
        poster.verify(postRequestedFor(urlPathEqualTo("/mycafe/api/clients.createGroup"))
                .withQueryParam("token", equalTo(TOKEN))
                .withRequestBody(equalToJson(
                        "{\"client_groups_name\":\"inCust loyalty\",\"loyalty_type\":1,\"client_groups_discount\":0}")));
    }

    @Test
    void listsSpotsAndTabletsWithTheirSpot() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/access.getSpots")).willReturn(okJson(fixture("access.getSpots.json"))));
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/access.getTablets"))
                .willReturn(okJson(fixture("access.getTablets.json"))));

        assertThat(client.getSpots("mycafe", TOKEN)).extracting(PosterSpot::id).containsExactly("1", "2");
        assertThat(client.getTablets("mycafe", TOKEN)).contains(new PosterTablet("3", "Obolon bar", "2"));
    }

    @Test
    void writesTabletExtras() {
        poster.stubFor(post(urlPathEqualTo("/mycafe/api/application.setEntityExtras")).willReturn(okJson("{\"response\":true}")));

        client.setTabletExtras("mycafe", TOKEN, "3", Map.of("incust_bound", true));

        poster.verify(postRequestedFor(urlPathEqualTo("/mycafe/api/application.setEntityExtras"))
                .withRequestBody(equalToJson(
                        "{\"entity_type\":\"tablet\",\"entity_id\":\"3\",\"extras\":{\"incust_bound\":true}}")));
    }

    @Test
    void theGenericCallPassesQueryParametersAndUnwrapsTheResponse() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getClients"))
                .withQueryParam("phone", equalTo("+380501234567"))
                .willReturn(okJson("{\"response\":[{\"client_id\":\"5\",\"bonus\":\"4550\"}]}")));

        var clients = client.get("mycafe", TOKEN, "clients.getClients", Map.of("phone", "+380501234567"));

        assertThat(clients.get(0).path("client_id").asText()).isEqualTo("5");
        assertThat(PosterMoney.fromKopecks(clients.get(0).path("bonus").asText())).isEqualByComparingTo("45.50");
    }

    @Test
    void aNestedErrorShapeIsABusinessErrorThatAsksForReinstall() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/settings.getAllSettings"))
                .willReturn(okJson(fixture("error_nested.json"))));

        assertThatThrownBy(() -> client.getAllSettings("mycafe", TOKEN))
                .isInstanceOfSatisfying(PosterApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(11);
                    assertThat(e.requiresReinstall()).isTrue();
                    assertThat(e.method()).isEqualTo("settings.getAllSettings");
                });
    }

    @Test
    void aFlatErrorShapeIsABusinessError() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getGroups")).willReturn(okJson(fixture("error_flat.json"))));

        assertThatThrownBy(() -> client.getClientGroups("mycafe", TOKEN))
                .isInstanceOfSatisfying(PosterApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(PosterApiException.UNKNOWN_ID);
                    assertThat(e.requiresReinstall()).isFalse();
                    assertThat(e.posterMessage()).isEqualTo("Object with this id does not exist");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 12, 20, 34, 99, 404})
    void everyDocumentedBusinessCodeStaysABusinessError(int code) {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getGroups"))
                .willReturn(okJson("{\"error\":{\"code\":" + code + ",\"message\":\"no\"}}")));

        assertThatThrownBy(() -> client.getClientGroups("mycafe", TOKEN))
                .isInstanceOfSatisfying(PosterApiException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void aNonZeroErrCodeOfATransactionsWriteIsABusinessError() {
        poster.stubFor(post(urlPathEqualTo("/mycafe/api/transactions.updateTransaction"))
                .willReturn(okJson(fixture("transactions_err_code.json"))));

        assertThatThrownBy(() -> client.post("mycafe", TOKEN, "transactions.updateTransaction", Map.of()))
                .isInstanceOfSatisfying(PosterApiException.class, e -> assertThat(e.code()).isEqualTo(34));
    }

    /** Poster's Russian docs: 700 is a restriction of the account's tariff plan. No retry lifts it. */
    @Test
    void theTariffRestrictionIsABusinessErrorThatNamesThePlan() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getGroups"))
                .willReturn(okJson(fixture("error_tariff.json"))));

        assertThatThrownBy(() -> client.getClientGroups("mycafe", TOKEN))
                .isInstanceOfSatisfying(PosterApiException.class, e -> assertThat(e.code()).isEqualTo(700))
                .hasMessageContaining("tariff plan");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 404})
    void aBareHttpErrorIsTheWayToPosterFailingNotPostersAnswer(int status) {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/dash.getTransaction"))
                .willReturn(aResponse().withStatus(status).withBody("<html>Not Found</html>")));

        assertThatThrownBy(() -> client.getTransaction("mycafe", TOKEN, "330660"))
                .isInstanceOf(ExternalSystemUnavailableException.class)
                .hasMessageContaining("HTTP " + status);
    }

    /** A day's page: every status, bonuses in kopecks, {@code print_fiscal} 2 for a fiscal return; then the next page. */
    @Test
    void readsADaysReceiptsPageByPageAfterTheLastOne() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/dash.getTransactions")).withQueryParam("next_tr", absent())
                .willReturn(okJson(fixture("dash.getTransactions.json"))));
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/dash.getTransactions"))
                .withQueryParam("next_tr", equalTo("330664")).willReturn(okJson("{\"response\":[]}")));

        List<PosterDayReceipt> first = client.receiptsOfDay("mycafe", TOKEN, java.time.LocalDate.of(2026, 12, 3), null);
        List<PosterDayReceipt> next = client.receiptsOfDay("mycafe", TOKEN, java.time.LocalDate.of(2026, 12, 3),
                "330664");

        assertThat(first).containsExactly(
                new PosterDayReceipt("330661", PosterReceipt.State.CLOSED, new java.math.BigDecimal("20.00"), 1),
                new PosterDayReceipt("330662", PosterReceipt.State.DELETED, new java.math.BigDecimal("0.00"), 0),
                new PosterDayReceipt("330663", PosterReceipt.State.CLOSED, new java.math.BigDecimal("0.00"),
                        PosterDayReceipt.FISCAL_RETURN),
                new PosterDayReceipt("330664", PosterReceipt.State.OPEN, new java.math.BigDecimal("0.00"), 0));
        assertThat(next).isEmpty();
        poster.verify(getRequestedFor(urlPathEqualTo("/mycafe/api/dash.getTransactions"))
                .withQueryParam("dateFrom", equalTo("20261203")).withQueryParam("dateTo", equalTo("20261203"))
                .withQueryParam("status", equalTo("0")).withQueryParam("include_products", equalTo("true"))
                .withQueryParam("timezone", equalTo("client")).withQueryParam("token", equalTo(TOKEN)));
    }

    @Test
    void readsAReceiptWithAllStatusesAndTheRegisterOfItsCloseEvent() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/dash.getTransaction"))
                .willReturn(okJson(fixture("dash.getTransaction.json"))));

        PosterReceipt receipt = client.getTransaction("mycafe", TOKEN, "330660").orElseThrow();

        assertThat(receipt).isEqualTo(new PosterReceipt("330660", PosterReceipt.State.CLOSED,
                new java.math.BigDecimal("0.00"), "1", null, java.time.Instant.ofEpochMilli(1518873046314L)));
        poster.verify(getRequestedFor(urlPathEqualTo("/mycafe/api/dash.getTransaction"))
                .withQueryParam("transaction_id", equalTo("330660"))
                .withQueryParam("include_history", equalTo("true"))
                .withQueryParam("status", equalTo("0")));
    }

    /**
     * Without a status filter Poster may leave deleted receipts out: when "all" finds nothing, the deleted ones are
     * asked for. Printing and the deletion at other registers do not change who closed it.
     */
    @Test
    void aDeletedReceiptIsFoundAmongTheDeletedOnesAndKeepsItsClosingRegister() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/dash.getTransaction")).withQueryParam("status", equalTo("0"))
                .willReturn(okJson(fixture("response_false.json"))));
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/dash.getTransaction")).withQueryParam("status", equalTo("3"))
                .willReturn(okJson(fixture("dash.getTransaction_deleted_after_print.json"))));

        PosterReceipt receipt = client.getTransaction("mycafe", TOKEN, "330660").orElseThrow();

        assertThat(receipt.state()).isEqualTo(PosterReceipt.State.DELETED);
        assertThat(receipt.tabletId()).isEqualTo("1");
        assertThat(receipt.payedBonus()).isEqualByComparingTo("20.00");
    }

    @Test
    void falseIsNotFoundNeverAnOpenReceipt() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/dash.getTransaction"))
                .willReturn(okJson(fixture("response_false.json"))));

        assertThat(client.getTransaction("mycafe", TOKEN, "330660")).isEmpty();
    }

    @Test
    void deletedGroupsAndClientsAreNeverUsed() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getGroups"))
                .willReturn(okJson(fixture("clients.getGroups_with_deleted.json"))));
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getClients"))
                .willReturn(okJson(fixture("clients.getClients_with_deleted.json"))));

        assertThat(client.getClientGroups("mycafe", TOKEN)).extracting(PosterClientGroup::id).containsExactly("9");
        assertThat(client.findClientsByPhone("mycafe", TOKEN, "+380501234567")).extracting(PosterCustomer::id)
                .containsExactly("58");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UAH", "980", "uah"})
    void theCurrencyIsReadAsItsLettersWhetherPosterSendsLettersOrTheNumber(String sent) {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/settings.getAllSettings")).willReturn(okJson(
                fixture("settings.getAllSettings.json").replace("\"currency_code_iso\": \"UAH\"",
                        "\"currency_code_iso\": \"" + sent + "\""))));

        assertThat(client.getAllSettings("mycafe", TOKEN).currency()).isEqualTo("UAH");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 429})
    void serverErrorsAreTransientAndNeverShowTheToken(int status) {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getGroups")).willReturn(aResponse().withStatus(status)));

        assertThatThrownBy(() -> client.getClientGroups("mycafe", TOKEN))
                .isInstanceOf(ExternalSystemUnavailableException.class)
                .hasMessageContaining("HTTP " + status)
                .hasMessageNotContaining("4164553abf");
    }

    @Test
    void aSlowAnswerIsATransientTimeout() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getGroups"))
                .willReturn(okJson("{\"response\":[]}").withFixedDelay(1500)));

        assertThatThrownBy(() -> client.getClientGroups("mycafe", TOKEN))
                .isInstanceOfSatisfying(ExternalSystemUnavailableException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.getMessage()).doesNotContain("4164553abf");
                });
    }

    @Test
    void aDroppedConnectionIsTransient() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getGroups"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> client.getClientGroups("mycafe", TOKEN))
                .isInstanceOf(ExternalSystemUnavailableException.class)
                .hasMessageNotContaining("4164553abf");
    }

    @Test
    void anAnswerThatIsNotJsonIsTransient() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getGroups"))
                .willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

        assertThatThrownBy(() -> client.getClientGroups("mycafe", TOKEN))
                .isInstanceOf(ExternalSystemUnavailableException.class);
    }

    @Test
    void findsClientsOnlyByPhone() {
        poster.stubFor(get(urlPathEqualTo("/mycafe/api/clients.getClients"))
                .withQueryParam("phone", equalTo("+380501234567"))
                .willReturn(okJson("{\"response\":[{\"client_id\":\"42\",\"phone\":\"+380501234567\"}]}")));

        assertThat(client.findClientsByPhone("mycafe", TOKEN, "+380501234567"))
                .containsExactly(new PosterCustomer("42", "+380501234567"));
    }

    @Test
    void listingEveryClientOfAnAccountIsImpossible() {
        assertThatThrownBy(() -> client.findClientsByPhone("mycafe", TOKEN, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.findClientsByPhone("mycafe", TOKEN, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.get("mycafe", TOKEN, "clients.getClients", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.get("mycafe", TOKEN, "clients.getClients", Map.of("num", 100, "offset", 0)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(poster.getAllServeEvents()).as("no request left the service").isEmpty();
    }

    @Test
    void createsAClientInTheLoyaltyGroup() {
        poster.stubFor(post(urlPathEqualTo("/mycafe/api/clients.createClient")).willReturn(okJson("{\"response\":501}")));

        String id = client.createClient("mycafe", TOKEN, new NewPosterClient("Olena", "7", "+380501234567",
                "olena@example.com", java.time.LocalDate.of(1990, 4, 1)));

        assertThat(id).isEqualTo("501");
        poster.verify(postRequestedFor(urlPathEqualTo("/mycafe/api/clients.createClient")).withRequestBody(equalToJson(
                "{\"client_name\":\"Olena\",\"client_groups_id_client\":\"7\",\"phone\":\"+380501234567\","
                        + "\"email\":\"olena@example.com\",\"birthday\":\"1990-04-01\"}")));
    }

    @Test
    void aDuplicatePhoneIsPostersBusinessAnswer() {
        poster.stubFor(post(urlPathEqualTo("/mycafe/api/clients.createClient"))
                .willReturn(okJson("{\"error\":99,\"message\":\"Client with this phone already exists\"}")));

        assertThatThrownBy(() -> client.createClient("mycafe", TOKEN, new NewPosterClient("Olena", "7", "+380501234567",
                null, null)))
                .isInstanceOfSatisfying(PosterApiException.class,
                        e -> assertThat(e.code()).isEqualTo(PosterApiException.DUPLICATE));
    }

    @Test
    void refusesAccountNamesThatAreNotSubDomains() {
        assertThatThrownBy(() -> client.getClientGroups("evil.example/x", TOKEN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
