package com.posterincust.poster;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import com.posterincust.IncustAnswers;
import com.posterincust.Jobs;
import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookSignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Poster's documentation leaves open, met through the service's front doors with Poster played from its
 * documented examples ({@code src/test/resources/wire/poster}). One test per point of the "ready for the real
 * Poster" review; the OAuth {@code state} is in InstallEndpointsBlackBoxTest, the 700 at binding in FaultsTest.
 */
class RealPosterBlackBoxTest extends AgainstFakesTest {

    static final String CHECKOUTS = "/api/register/v1/checkouts";
    static final String TX = IncustAnswers.reserved();
    /** The guest of every checkout here, in inCust and as the Poster client on her receipts. */
    static final String OLENA = "{\"id\":\"c-1001\",\"name\":\"Olena\",\"phone\":\"+380501234567\","
            + "\"is_new\":false,\"bonus_points\":150,\"accounts\":[],\"coupons\":[]}";
    static final String OLENA_IN_POSTER = "42";

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    BlackBox box;

    @Autowired
    HistoryService history;

    @BeforeEach
    void aBoundRegisterAndInCust() throws Exception {
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management).bindRegister();
        fakes.stubFor(post("/incust/v1/term/customer/search").willReturn(okJson("{\"customers\":[" + OLENA + "]}")));
        fakes.stubFor(get("/incust/v1/term/customer/c-1001").willReturn(okJson(OLENA)));
        fakes.stubFor(get(urlPathEqualTo("/poster/" + box.account + "/api/clients.getClients")).willReturn(okJson(
                "{\"response\":[{\"client_id\":\"" + OLENA_IN_POSTER + "\",\"phone\":\"+380501234567\"}]}")));
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,\"discount_amount\":0,"
                + "\"bonuses_to_add\":4.55,\"bonus_points_available\":150.00,\"max_redeemable_bonuses\":45.50,"
                + "\"applicable_coupons\":[],\"amount_to_pay\":91.00}")));
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(TX)));
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/finalize").willReturn(okJson(TX.replace("reserved",
                "finalized"))));
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/cancel").willReturn(okJson(TX.replace("reserved",
                "cancelled"))));
    }

    /** 2. The action of a closed receipt's webhook is unsettled: whichever it is, the receipt is read and settles. */
    @ParameterizedTest
    @ValueSource(strings = {"added", "changed", "closed"})
    void anyActionOfATransactionWebhookSettlesAClosedReceipt(String action) throws Exception {
        String id = waitingCheckout("order-" + action, null, "3", "2");
        stubReceipt("8101", receipt("8101", 2, "3"));

        assertThat(postWebhook(officialWebhook("8101", action)).statusCode()).isEqualTo(200);

        assertThat(statusWithin(id, "FINALIZING", "3", "2")).isEqualTo("FINALIZING");
        Jobs.runAll(management);
        assertThat(status(id, "3", "2")).isEqualTo("COMPLETED");
    }

    /** 3. Poster keeps deleted client groups: a deleted "inCust loyalty" group is never the loyalty group again. */
    @Test
    void aDeletedLoyaltyGroupIsNeverReused() throws Exception {
        BlackBox other = new BlackBox(fakes, json, port).stubPosterAndIncust();
        String api = "/poster/" + other.account + "/api/";
        fakes.stubFor(get(urlPathEqualTo(api + "clients.getGroups")).willReturn(okJson(
                PosterClientTest.fixture("clients.getGroups_with_deleted.json"))));
        fakes.stubFor(post(urlPathEqualTo(api + "clients.createGroup")).willReturn(okJson("{\"response\":12}")));

        other.install(management);

        fakes.verify(1, postRequestedFor(urlPathEqualTo(api + "clients.createGroup")));
    }

    /** 4. Printing, a comment or the deletion at another register do not change which register closed it. */
    @Test
    void theRegisterOfTheCloseEventTakesAReceiptNoCheckoutKnows() throws Exception {
        bind("1", "1");
        String atThree = waitingCheckout("order-3", null, "3", "2");
        String atOne = waitingCheckout("order-1", null, "1", "1");
        ObjectNode receipt = receipt("8104", 2, "3");
        ((ArrayNode) receipt.path("history")).add(json.createObjectNode().put("type_history", "print")
                .put("spot_tablet_id", "1"));
        stubReceipt("8104", receipt);

        postWebhook(officialWebhook("8104", "changed"));

        assertThat(statusWithin(atThree, "FINALIZING", "3", "2")).isEqualTo("FINALIZING");
        assertThat(status(atOne, "1", "1")).isEqualTo("AWAITING_ORDER_CLOSE");
        Jobs.runAll(management);
        assertThat(status(atThree, "3", "2")).isEqualTo("COMPLETED");
    }

    /** 5. A bare HTTP 404 is a transport failure, not Poster's "no such receipt": the check fails and is retried. */
    @Test
    void aBare404WhileCheckingTheReceiptIsRetriedNotTakenForAnAnswer() throws Exception {
        String id = waitingCheckout("order-404", "8105", "3", "2");
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction"))
                .willReturn(aResponse().withStatus(404).withBody("Not Found")));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult().getId();
        Job timer = management.createJobQuery().processInstanceId(instance).timers().singleResult();

        assertThat(runFailing(timer)).contains("HTTP 404");

        assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isEqualTo(2);
        assertThat(status(id, "3", "2")).isEqualTo("AWAITING_ORDER_CLOSE");
        runtime.deleteProcessInstance(instance, "the test is over");
    }

    /** 5. {@code {"response": false}} is "not found": a webhook for such a receipt changes nothing. */
    @Test
    void falseFromPosterIsNotFoundNeverAnOpenOrClosedReceipt() throws Exception {
        String id = waitingCheckout("order-false", "8106", "3", "2");
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction"))
                .willReturn(okJson(PosterClientTest.fixture("response_false.json"))));

        postWebhook(officialWebhook("8106", "changed"));

        awaitReceiptReads(2);
        assertThat(status(id, "3", "2")).isEqualTo("AWAITING_ORDER_CLOSE");
    }

    /** 6. A deleted receipt, visible only to a status=3 read, releases the reservation of its checkout. */
    @Test
    void aReceiptDeletedInPosterIsSeenAndReleasesItsCheckout() throws Exception {
        String id = waitingCheckout("order-deleted", "8107", "3", "2");
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction")).withQueryParam("status", equalTo("0"))
                .willReturn(okJson(PosterClientTest.fixture("response_false.json"))));
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction")).withQueryParam("status", equalTo("3"))
                .willReturn(okJson(json.writeValueAsString(Map.of("response", java.util.List.of(receipt("8107", 3, "3")))))));

        postWebhook(officialWebhook("8107", "removed"));

        assertThat(statusWithin(id, "CANCELLED", "3", "2")).isEqualTo("CANCELLED");
        Jobs.runAll(management);
        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/cancel")));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(id).singleResult()
                .getEndActivityId()).as("the same end as when the receipt check finds it deleted")
                .isEqualTo("ReceiptDeleted");
    }

    /** 7. The account's currency sent as the ISO number still matches the terminal's letters. */
    @Test
    void aCurrencySentAsItsNumberMatchesTheTerminal() throws Exception {
        BlackBox other = new BlackBox(fakes, json, port).stubPosterAndIncust();
        fakes.stubFor(get(urlPathEqualTo("/poster/" + other.account + "/api/settings.getAllSettings")).willReturn(okJson(
                "{\"response\":{\"COMPANY_ID\":\"" + other.account + "\",\"currency\":{\"currency_code_iso\":\"980\"}}}")));

        other.install(management).bindRegister();
    }

    /**
     * 8. Which receipt field shows what the register applied is unsettled: a receipt showing no bonus where the
     * register reported 20 is finalized with 20, never silently with 0, and an operator is asked to look.
     */
    @Test
    void aReceiptShowingNoBonusWhereTheRegisterAppliedSomeIsFinalizedWithItAndToldToOperators() throws Exception {
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(TX.replace("\"redeemed_bonuses\":0",
                "\"redeemed_bonuses\":20.00"))));
        String id = waitingCheckout("order-bonus", "8108", "3", "2", "{\"bonusPoints\":20}");
        stubReceipt("8108", receipt("8108", 2, "3"));

        assertThat(box.register("POST", CHECKOUTS + "/" + id + "/order-closed",
                "{\"transactionId\":\"8108\",\"payedBonus\":20.00}").statusCode()).isEqualTo(202);
        Jobs.runAll(management);

        fakes.verify(postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/finalize"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                        "$.paid_with_bonuses", equalTo("20.0"))));
        JsonNode seen = json.readTree(box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/checkouts/" + id))
                .header("Authorization", BlackBox.adminAuthorization()).GET()).body());
        assertThat(seen.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(seen.path("reportedBonus").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(seen.path("posterBonus").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(seen.path("finalizedBonus").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(seen.path("bonusCheck").asText()).contains("shows no bonus paid", "reported 20.00");
        JsonNode tasks = json.readTree(box.send(HttpRequest.newBuilder(box.url("/engine-rest/engine/"
                        + engine.getName() + "/task?processInstanceBusinessKey=" + id))
                .header("Authorization", BlackBox.adminAuthorization()).GET()).body());
        assertThat(tasks.get(0).path("name").asText()).isEqualTo("Check the bonus on Poster's receipt");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** A checkout of register {@code tablet} that reserved nothing and waits for its receipt. */
    private String waitingCheckout(String orderId, String transactionId, String tablet, String spot) throws Exception {
        return waitingCheckout(orderId, transactionId, tablet, spot, "{}");
    }

    private String waitingCheckout(String orderId, String transactionId, String tablet, String spot, String redemption)
            throws Exception {
        String session = json.readTree(box.register("POST", "/api/register/v1/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"+380501234567\"}}", tablet, spot).body())
                .path("sessionId").asText();
        String order = "{\"orderId\":\"" + orderId + "\",\"transactionId\":" + (transactionId == null ? "null"
                : "\"" + transactionId + "\"") + ",\"customerSessionId\":\"" + session + "\",\"items\":[{"
                + "\"productId\":\"12\",\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,"
                + "\"currency\":\"UAH\"}";
        HttpResponse<String> created = box.send(signedWithKey(order, orderId, tablet, spot));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("checkoutId").asText();
        HttpResponse<String> redeemed = box.register("POST", CHECKOUTS + "/" + id + "/redemption", redemption, tablet,
                spot);
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        return id;
    }

    private HttpRequest.Builder signedWithKey(String body, String key, String tablet, String spot) {
        return box.signed("POST", CHECKOUTS, body, tablet, spot).header("Idempotency-Key", key);
    }

    private void bind(String tablet, String spot) throws Exception {
        Map<String, Object> body = Map.of("posterAccount", box.account, "posterCustomerNumber", "861052",
                "posterSpotId", spot, "posterTabletId", tablet,
                "incust", Map.of("login", "bar-login", "password", "bar-password"), "customerIdWithoutSession", true);
        HttpResponse<String> bound = box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/terminal-bindings"))
                .header("Authorization", BlackBox.adminAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(201);
    }

    /** Poster's documented receipt, renumbered, with its status and the register that opened and closed it. */
    private ObjectNode receipt(String id, int status, String tablet) throws Exception {
        ObjectNode receipt = (ObjectNode) json.readTree(PosterClientTest.fixture("dash.getTransaction.json"))
                .path("response").get(0);
        receipt.put("transaction_id", id).put("status", String.valueOf(status)).put("client_id", OLENA_IN_POSTER)
                .put("date_close", String.valueOf(System.currentTimeMillis()));
        for (JsonNode event : receipt.path("history")) {
            ((ObjectNode) event).put("spot_tablet_id", tablet);
        }
        return receipt;
    }

    private void stubReceipt(String id, ObjectNode receipt) throws Exception {
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction")).withQueryParam("transaction_id",
                equalTo(id)).willReturn(okJson(json.writeValueAsString(Map.of("response", java.util.List.of(receipt))))));
    }

    /** Poster's documented webhook example, about this account and receipt, signed now. */
    private String officialWebhook(String receiptId, String action) throws Exception {
        ObjectNode hook = (ObjectNode) json.readTree(PosterClientTest.fixture("webhook_transaction_added.json"));
        String time = String.valueOf(System.currentTimeMillis() / 1000);
        hook.put("account", box.account).put("object_id", Integer.parseInt(receiptId)).put("action", action)
                .put("time", time);
        hook.put("verify", PosterWebhookSignature.sign(new PosterWebhook(box.account, "transaction", receiptId, action,
                time, null, null), BlackBox.SECRET));
        return json.writeValueAsString(hook);
    }

    private HttpResponse<String> postWebhook(String body) throws Exception {
        return box.send(HttpRequest.newBuilder(box.url("/poster/webhooks")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String status(String id, String tablet, String spot) throws Exception {
        return json.readTree(box.register("GET", CHECKOUTS + "/" + id, "", tablet, spot).body()).path("status").asText();
    }

    /** The webhook is answered first and acted on after: the status once it is {@code expected}, or the last seen. */
    private String statusWithin(String id, String expected, String tablet, String spot) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String status;
        do {
            status = status(id, tablet, spot);
        } while (!status.equals(expected) && System.currentTimeMillis() < deadline);
        return status;
    }

    private void awaitReceiptReads(int reads) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (fakes.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathMatching("/poster/.*/api/dash.getTransaction"))).size() < reads
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(fakes.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathMatching("/poster/.*/api/dash.getTransaction")))).hasSize(reads);
    }

    private String runFailing(Job job) {
        try {
            management.executeJob(job.getId());
            return "";
        } catch (RuntimeException failed) {
            return failed.getMessage();
        }
    }
}
