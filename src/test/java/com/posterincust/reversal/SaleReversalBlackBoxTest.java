package com.posterincust.reversal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import com.posterincust.IncustAnswers;
import com.posterincust.Jobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Returns through the service's front doors: Poster's webhook for a deleted receipt and the operators' admin API,
 * with Poster and inCust played by WireMock. Jobs are run by the test, as the job executor would.
 */
class SaleReversalBlackBoxTest extends AgainstFakesTest {

    static final String CHECKOUTS = "/api/register/v1/checkouts";
    static final String TX = IncustAnswers.reserved();
    static final String CANCEL = "/incust/v1/term/transaction/tx-1/cancel";

    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngine engine;

    BlackBox box;

    @BeforeEach
    void aBoundRegisterAndInCust() throws Exception {
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management).bindRegister();
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,\"discount_amount\":0,"
                + "\"bonuses_to_add\":4.55,\"bonus_points_available\":150.00,\"max_redeemable_bonuses\":45.50,"
                + "\"applicable_coupons\":[],\"amount_to_pay\":91.00}")));
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(TX)));
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/finalize").willReturn(okJson(TX.replace("reserved",
                "finalized"))));
        fakes.stubFor(post(CANCEL).willReturn(okJson(TX.replace("reserved", "cancelled"))));
    }

    @Test
    void aDeletedReceiptOfACompletedSaleIsReversedInInCustOnce() throws Exception {
        String id = completedCheckout("8201");
        receiptDeletedInPoster("8201");

        assertThat(box.webhook("transaction", "8201", "removed", null).statusCode()).isEqualTo(200);

        assertThat(statusWithin(id, "REVERSING")).isEqualTo("REVERSING");
        Jobs.runAll(management);
        assertThat(status(id)).isEqualTo("REVERSED");
        fakes.verify(1, postRequestedFor(urlEqualTo(CANCEL)));
        JsonNode reversal = json.readTree(admin("GET", "/api/admin/v1/checkouts/" + id + "/reversal", null).body());
        assertThat(reversal.path("reason").asText()).isEqualTo("The receipt was deleted in Poster");
        assertThat(reversal.path("requestedBy").asText()).isEqualTo("POSTER");
        assertThat(reversal.path("outcome").asText()).isEqualTo("CANCELLED_IN_INCUST");
        assertThat(reversal.path("finishedAt").isNull()).isFalse();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SaleReversalProcess.KEY)
                .processInstanceBusinessKey(id).count()).as("the reversal in Cockpit under the checkout's id").isOne();
    }

    @Test
    void twoWebhooksAndAnOperatorAtOnceStartOneReversalAndOneCancel() throws Exception {
        String id = completedCheckout("8202");
        receiptDeletedInPoster("8202");
        long now = System.currentTimeMillis() / 1000;
        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (Callable<HttpResponse<String>> call : List.<Callable<HttpResponse<String>>>of(
                () -> box.webhookAt("transaction", "8202", "removed", null, now),
                () -> box.webhookAt("transaction", "8202", "changed", null, now + 1),
                () -> admin("POST", "/api/admin/v1/checkouts/" + id + "/reversal", "{\"reason\":\"Returned\"}"))) {
            answers.add(callers.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        for (Future<HttpResponse<String>> answer : answers) {
            assertThat(answer.get(20, TimeUnit.SECONDS).statusCode()).isIn(200, 202, 409);
        }
        callers.shutdown();

        assertThat(statusWithin(id, "REVERSING")).isEqualTo("REVERSING");
        awaitReceiptReads(2);
        Jobs.runAll(management);

        assertThat(status(id)).isEqualTo("REVERSED");
        fakes.verify(1, postRequestedFor(urlEqualTo(CANCEL)));
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SaleReversalProcess.KEY)
                .processInstanceBusinessKey(id).count()).isOne();
    }

    @Test
    void whenInCustRefusesAnOperatorReversesByHandInTasklistAndTheSaleIsReversed() throws Exception {
        String id = completedCheckout("8203");
        fakes.stubFor(post(CANCEL).willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"transaction_state\",\"message\":\"A finalized transaction cannot be cancelled\"}")));
        fakes.stubFor(get("/incust/v1/term/transaction/tx-1").willReturn(okJson(TX.replace("reserved", "finalized"))));

        HttpResponse<String> asked = admin("POST", "/api/admin/v1/checkouts/" + id + "/reversal",
                "{\"reason\":\"The guest returned the cake\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        assertThat(json.readTree(asked.body()).path("status").asText()).isEqualTo("REVERSING");
        Jobs.runAll(management);

        JsonNode tasks = json.readTree(admin("GET", engineRest("/task?processInstanceBusinessKey=" + id), null).body());
        JsonNode task = tasks.get(0);
        assertThat(task.path("name").asText()).isEqualTo("Reverse the sale in inCust by hand");
        JsonNode form = json.readTree(admin("GET", engineRest("/task/" + task.path("id").asText() + "/form-variables"),
                null).body());
        assertThat(form.path("incustTransactionId").path("value").asText()).isEqualTo("tx-1");
        assertThat(form.path("guest").path("value").asText()).isEqualTo("c-1001");
        assertThat(form.path("incustRefusal").path("value").asText()).isEqualTo("A finalized transaction cannot be cancelled");
        assertThat(status(id)).isEqualTo("REVERSING");

        HttpResponse<String> done = admin("POST", engineRest("/task/" + task.path("id").asText() + "/submit-form"),
                "{\"variables\":{\"handReversal\":{\"value\":\"done\",\"type\":\"String\"}}}");
        assertThat(done.statusCode()).as(done.body()).isIn(200, 204);

        assertThat(status(id)).isEqualTo("REVERSED");
        assertThat(json.readTree(admin("GET", "/api/admin/v1/checkouts/" + id + "/reversal", null).body())
                .path("outcome").asText()).isEqualTo("REVERSED_BY_HAND");
        fakes.verify(1, postRequestedFor(urlEqualTo(CANCEL)));
    }

    @Test
    void theAdminApiAnswersEveryDocumentedCase() throws Exception {
        String id = completedCheckout("8204");
        String reversal = "/api/admin/v1/checkouts/" + id + "/reversal";

        assertThat(box.send(HttpRequest.newBuilder(box.url(reversal)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}"))).statusCode()).isEqualTo(401);
        assertThat(problem(admin("POST", "/api/admin/v1/checkouts/no-such/reversal", "{\"reason\":\"x\"}"), 404)
                .path("type").asText()).endsWith("not-found");
        assertThat(problem(admin("POST", reversal, "{}"), 400).path("errors").get(0).path("field").asText())
                .isEqualTo("reason");
        assertThat(problem(admin("POST", reversal, null), 400).path("type").asText()).endsWith("invalid-request");
        assertThat(problem(admin("POST", reversal, "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400)
                .path("errors").get(0).path("field").asText()).isEqualTo("reason");
        assertThat(problem(admin("GET", reversal, null), 404).path("type").asText()).endsWith("not-found");
        assertThat(status(id)).as("nothing changed by a refused request").isEqualTo("COMPLETED");

        HttpResponse<String> first = admin("POST", reversal, "{\"reason\":\"Returned\"}");
        HttpResponse<String> again = admin("POST", reversal, "{\"reason\":\"Returned\"}");
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json.readTree(again.body())).isEqualTo(json.readTree(first.body()));
        JsonNode other = problem(admin("POST", reversal, "{\"reason\":\"Something else\"}"), 409);
        assertThat(other.path("type").asText()).endsWith("wrong-state");
        assertThat(other.path("status").asText()).isEqualTo("REVERSING");

        Jobs.runAll(management);
        assertThat(json.readTree(admin("POST", reversal, "{\"reason\":\"Returned\"}").body()).path("status").asText())
                .isEqualTo("REVERSED");
        String waiting = waitingCheckout("order-8205", "8205");
        JsonNode notCompleted = problem(admin("POST", "/api/admin/v1/checkouts/" + waiting + "/reversal",
                "{\"reason\":\"Returned\"}"), 409);
        assertThat(notCompleted.path("status").asText()).isEqualTo("AWAITING_ORDER_CLOSE");
        JsonNode listed = json.readTree(admin("GET", "/api/admin/v1/checkouts?status=REVERSED&account=" + box.account,
                null).body());
        assertThat(listed.path("checkouts")).extracting(c -> c.path("checkoutId").asText()).containsExactly(id);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private String completedCheckout(String receipt) throws Exception {
        String id = waitingCheckout("order-" + receipt, receipt);
        HttpResponse<String> closed = box.register("POST", CHECKOUTS + "/" + id + "/order-closed",
                "{\"transactionId\":\"" + receipt + "\",\"payedBonus\":0}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction")).withQueryParam("transaction_id",
                equalTo(receipt)).willReturn(okJson(json.writeValueAsString(Map.of("response",
                List.of(receipt(receipt, 2)))))));
        Jobs.runAll(management);
        assertThat(status(id)).isEqualTo("COMPLETED");
        return id;
    }

    private String waitingCheckout(String orderId, String receipt) throws Exception {
        String order = "{\"orderId\":\"" + orderId + "\",\"transactionId\":\"" + receipt + "\",\"customerId\":\"c-1001\","
                + "\"items\":[{\"productId\":\"12\",\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,"
                + "\"currency\":\"UAH\"}";
        HttpResponse<String> created = box.registerWithKey("POST", CHECKOUTS, order, orderId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("checkoutId").asText();
        HttpResponse<String> redeemed = box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{}");
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        return id;
    }

    /** Poster shows the receipt only to a read of deleted receipts (status=3), as it does after a removal. */
    private void receiptDeletedInPoster(String receipt) throws Exception {
        fakes.resetRequests();
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction")).withQueryParam("transaction_id",
                equalTo(receipt)).withQueryParam("status", equalTo("0")).willReturn(okJson("{\"response\":false}")));
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction")).withQueryParam("transaction_id",
                equalTo(receipt)).withQueryParam("status", equalTo("3")).willReturn(okJson(json.writeValueAsString(
                Map.of("response", List.of(receipt(receipt, 3)))))));
    }

    /** Poster's documented receipt, renumbered, with its status, opened and closed at register 3. */
    private ObjectNode receipt(String id, int status) throws Exception {
        ObjectNode receipt = (ObjectNode) json.readTree(fixture("dash.getTransaction.json")).path("response").get(0);
        receipt.put("transaction_id", id).put("status", String.valueOf(status));
        for (JsonNode event : receipt.path("history")) {
            ((ObjectNode) event).put("spot_tablet_id", "3");
        }
        return receipt;
    }

    private static String fixture(String name) {
        try (InputStream in = SaleReversalBlackBoxTest.class.getResourceAsStream("/wire/poster/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return box.send(HttpRequest.newBuilder(box.url(path)).header("Authorization", BlackBox.adminAuthorization())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode problem(HttpResponse<String> answer, int status) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        return json.readTree(answer.body());
    }

    private String engineRest(String path) {
        return "/engine-rest/engine/" + engine.getName() + path;
    }

    private String status(String id) throws Exception {
        return json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body()).path("status").asText();
    }

    /** Webhooks are answered first and acted on after: the status once it is {@code expected}, or the last seen. */
    private String statusWithin(String id, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String status;
        do {
            status = status(id);
        } while (!status.equals(expected) && System.currentTimeMillis() < deadline);
        return status;
    }

    /** Both webhooks' receipts read, so every reversal they could start has been asked for. */
    private void awaitReceiptReads(int hooks) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (deletedReads() < hooks && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(deletedReads()).isGreaterThanOrEqualTo(hooks);
    }

    private int deletedReads() {
        return fakes.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathMatching("/poster/.*/api/dash.getTransaction")).withQueryParam("status", equalTo("3"))).size();
    }
}
