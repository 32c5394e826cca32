package com.posterincust.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.posterincust.checkout.CheckoutsBlackBoxTest.CHECKOUTS;
import static com.posterincust.checkout.CheckoutsBlackBoxTest.ORDER;
import static com.posterincust.checkout.CheckoutsBlackBoxTest.TX;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import com.posterincust.Jobs;
import com.posterincust.PostgresTestDatabase;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls that meet on one checkout, on PostgreSQL (its row locks, its typing of parameters): the register's
 * order-closed at every moment of Poster's webhook path, identical redemptions at once, reservations whose answer
 * was lost, and the operators' list.
 */
class CheckoutsAtOnceOnPostgresTest extends AgainstFakesTest {

    static final String RECEIPT = "{\"response\":[{\"transaction_id\":\"%s\",\"status\":\"2\",\"payed_bonus\":\"2000\"}]}";

    @DynamicPropertySource
    static void onPostgres(DynamicPropertyRegistry registry) {
        PostgresTestDatabase.register(registry);
    }

    @Autowired
    CheckoutCommands commands;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;

    BlackBox box;
    final ExecutorService registers = Executors.newFixedThreadPool(20);

    @BeforeEach
    void aBoundRegisterWithoutConfirmation() throws Exception {
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management).bindRegister();
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,\"discount_amount\":0,"
                + "\"bonuses_to_add\":4.55,\"bonus_points_available\":150.00,\"max_redeemable_bonuses\":45.50,"
                + "\"applicable_coupons\":[],\"amount_to_pay\":91.00}")));
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(TX.formatted("reserved", "20.00", "71.00",
                "null"))));
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/finalize").willReturn(okJson(TX.formatted("finalized",
                "20.00", "71.00", "null"))));
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/cancel").willReturn(okJson(TX.formatted("cancelled",
                "20.00", "71.00", "null"))));
    }

    @AfterEach
    void stopRegisters() {
        registers.shutdownNow();
    }

    // ---- the register's order-closed, at each moment of Poster's webhook path --------------------------------------

    @Test
    void rightAfterTheWebhookIsAnswered() throws Exception {
        String id = reserved("order-a", "6101");
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction")).willReturn(okJson(RECEIPT.formatted("6101"))));

        assertThat(box.webhook("transaction", "6101", "closed", null).statusCode()).isEqualTo(200);
        HttpResponse<String> closed = orderClosed(id, "6101");

        assertTheRegistersWordIsKept(closed, id);
    }

    @Test
    void whilePosterIsAskedForTheReceipt() throws Exception {
        String id = reserved("order-b", "6102");
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction"))
                .willReturn(okJson(RECEIPT.formatted("6102")).withFixedDelay(1500)));

        assertThat(box.webhook("transaction", "6102", "closed", null).statusCode()).isEqualTo(200);
        long deadline = System.currentTimeMillis() + 10_000;
        while (fakes.findAll(getRequestedFor(urlPathMatching("/poster/.*/api/dash.getTransaction"))).isEmpty()
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        HttpResponse<String> closed = orderClosed(id, "6102");

        assertTheRegistersWordIsKept(closed, id);
    }

    /** What answered 409 before: the webhook's transaction holds the checkout when the register's call arrives. */
    @Test
    void whileTheWebhookSettlesTheCheckout() throws Exception {
        String id = reserved("order-c", "6103");
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction")).willReturn(okJson(RECEIPT.formatted("6103"))));
        CountDownLatch settledNotCommitted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> webhook = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            commands.locked(id, checkout -> commands.receiptClosed(checkout, "6103", null));
            settledNotCommitted.countDown();
            await(commit);
        }));
        assertThat(settledNotCommitted.await(10, TimeUnit.SECONDS)).isTrue();

        Future<HttpResponse<String>> closed = registers.submit(() -> orderClosed(id, "6103"));
        awaitALockWait();
        commit.countDown();
        webhook.get(10, TimeUnit.SECONDS);

        assertTheRegistersWordIsKept(closed.get(10, TimeUnit.SECONDS), id);
    }

    @Test
    void whileTheSaleIsFinalizing() throws Exception {
        String id = reserved("order-d", "6104");
        settledByTheWebhook(id, "6104");

        HttpResponse<String> closed = orderClosed(id, "6104");

        assertThat(closed.statusCode()).isEqualTo(202);
        assertThat(json.readTree(closed.body()).path("status").asText()).isEqualTo("FINALIZING");
        assertTheRegistersWordIsKept(closed, id);
    }

    @Test
    void afterTheSaleCompleted() throws Exception {
        String id = reserved("order-e", "6105");
        settledByTheWebhook(id, "6105");
        Jobs.runAll(management);
        assertThat(operatorsView(id).path("status").asText()).isEqualTo("COMPLETED");

        HttpResponse<String> closed = orderClosed(id, "6105");

        assertThat(json.readTree(closed.body()).path("status").asText()).isEqualTo("COMPLETED");
        assertTheRegistersWordIsKept(closed, id);
    }

    @Test
    void aLateWordThatDisagreesIsToldToOperators() throws Exception {
        String id = reserved("order-f", "6106");
        settledByTheWebhook(id, "6106");
        Jobs.runAll(management);

        HttpResponse<String> closed = box.register("POST", CHECKOUTS + "/" + id + "/order-closed",
                "{\"transactionId\":\"6106\",\"payedBonus\":5.00}");

        assertThat(closed.statusCode()).isEqualTo(202);
        JsonNode seen = operatorsView(id);
        assertThat(seen.path("reportedBonus").decimalValue()).isEqualByComparingTo("5.00");
        assertThat(seen.path("finalizedBonus").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(seen.path("bonusCheck").asText()).startsWith("The register reported 5.00 paid with bonuses after "
                + "the sale was finalized with 20.00 in points");
    }

    // ---- identical redemptions at once ----------------------------------------------------------------------------

    @Test
    void identicalRedemptionsAtOnceAllSucceedWithOneReservation() throws Exception {
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(TX.formatted("reserved", "10.00", "81.00",
                "null")).withFixedDelay(200)));
        String id = created("order-g", "null");
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            answers.add(registers.submit(() -> box.register("POST", CHECKOUTS + "/" + id + "/redemption",
                    "{\"bonusPoints\":10}")));
        }

        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> redeemed = answer.get(30, TimeUnit.SECONDS);
            assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
            assertThat(json.readTree(redeemed.body()).path("status").asText()).isEqualTo("AWAITING_ORDER_CLOSE");
            assertThat(json.readTree(redeemed.body()).path("result").path("bonusToApply").decimalValue())
                    .isEqualByComparingTo("10.00");
        }
        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/check/reserve")));
    }

    // ---- a reservation whose answer was lost -----------------------------------------------------------------------

    @Test
    void aReservationWhoseAnswerWasLostIsReleasedWhenTheCashierCancels() throws Exception {
        String id = reservedButTheAnswerLost("order-h");

        HttpResponse<String> cancelled = box.register("POST", CHECKOUTS + "/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json.readTree(cancelled.body()).path("status").asText()).isEqualTo("CANCELLED");
        Jobs.runAll(management);

        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/cancel")));
        assertThat(operatorsView(id).path("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aReservationWhoseAnswerWasLostIsReleasedWhenNobodyChooses() throws Exception {
        String id = reservedButTheAnswerLost("order-i");
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
                .singleResult().getId();

        management.executeJob(management.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
        Jobs.runAll(management);

        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/cancel")));
        assertThat(operatorsView(id).path("status").asText()).isEqualTo("EXPIRED");
    }

    // ---- the operators' list ----------------------------------------------------------------------------------------

    @Test
    void theOperatorsListAnswersWithEveryFilterAndPage() throws Exception {
        String id = created("order-j", "null");
        for (String query : List.of("", "?status=AWAITING_REDEMPTION", "?account=" + box.account,
                "?status=AWAITING_REDEMPTION&account=" + box.account)) {
            HttpResponse<String> listed = admin("/api/admin/v1/checkouts" + query);
            assertThat(listed.statusCode()).as(query + ": " + listed.body()).isEqualTo(200);
            assertThat(listed.body()).as(query).contains(id);
        }
        HttpResponse<String> otherStatus = admin("/api/admin/v1/checkouts?status=COMPLETED&account=" + box.account);
        assertThat(json.readTree(otherStatus.body()).path("checkouts")).isEmpty();

        HttpResponse<String> far = admin("/api/admin/v1/checkouts?page=2147483647&size=100");
        assertThat(far.statusCode()).as(far.body()).isEqualTo(200);
        assertThat(json.readTree(far.body()).path("checkouts")).isEmpty();
        assertThat(json.readTree(far.body()).path("hasMore").asBoolean()).isFalse();
    }

    // ----------------------------------------------------------------------------------------------------------------

    private void assertTheRegistersWordIsKept(HttpResponse<String> closed, String id) throws Exception {
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
        assertThat(json.readTree(closed.body()).path("status").asText()).isIn("FINALIZING", "COMPLETED");
        awaitStatus(id, "FINALIZING", "COMPLETED");
        Jobs.runAll(management);
        JsonNode seen = operatorsView(id);
        assertThat(seen.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(seen.path("reportedBonus").decimalValue()).as("the register's word").isEqualByComparingTo("20.00");
        assertThat(seen.path("posterBonus").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(seen.path("finalizedBonus").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(seen.has("bonusCheck")).as(seen.path("bonusCheck").asText()).isFalse();
        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/finalize"))
                .withRequestBody(equalToJson("{\"paid_with_bonuses\":20.00}", true, true)));
    }

    private void settledByTheWebhook(String id, String receipt) throws Exception {
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction")).willReturn(okJson(RECEIPT.formatted(receipt))));
        assertThat(box.webhook("transaction", receipt, "closed", null).statusCode()).isEqualTo(200);
        awaitStatus(id, "FINALIZING");
    }

    private HttpResponse<String> orderClosed(String id, String receipt) throws Exception {
        return box.register("POST", CHECKOUTS + "/" + id + "/order-closed",
                "{\"transactionId\":\"" + receipt + "\",\"payedBonus\":20.00,\"total\":71.00}");
    }

    private String created(String orderId, String transactionId) throws Exception {
        HttpResponse<String> created = box.registerWithKey("POST", CHECKOUTS, ORDER.formatted(orderId, transactionId),
                orderId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("checkoutId").asText();
    }

    private String reserved(String orderId, String receipt) throws Exception {
        String id = created(orderId, "\"" + receipt + "\"");
        HttpResponse<String> redeemed = box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{\"bonusPoints\":20}");
        assertThat(json.readTree(redeemed.body()).path("status").asText()).isEqualTo("AWAITING_ORDER_CLOSE");
        return id;
    }

    /** inCust reserves, and the connection breaks before its answer arrives. */
    private String reservedButTheAnswerLost(String orderId) throws Exception {
        String id = created(orderId, "null");
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        fakes.stubFor(get(urlPathEqualTo("/incust/v1/term/transactions")).withQueryParam("external_id", equalTo(id))
                .willReturn(okJson("{\"transactions\":[" + TX.formatted("reserved", "20.00", "71.00", "null") + "]}")));

        HttpResponse<String> lost = box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{\"bonusPoints\":20}");

        assertThat(lost.statusCode()).as(lost.body()).isIn(502, 503, 504);
        assertThat(operatorsView(id).path("status").asText()).isEqualTo("AWAITING_REDEMPTION");
        assertThat(operatorsView(id).has("incustTransactionId")).isFalse();
        return id;
    }

    private JsonNode operatorsView(String id) throws Exception {
        HttpResponse<String> seen = admin("/api/admin/v1/checkouts/" + id);
        assertThat(seen.statusCode()).isEqualTo(200);
        return json.readTree(seen.body());
    }

    private HttpResponse<String> admin(String path) throws Exception {
        return box.send(HttpRequest.newBuilder(box.url(path)).header("Authorization", BlackBox.adminAuthorization()));
    }

    private void awaitStatus(String id, String... wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String status;
        do {
            status = operatorsView(id).path("status").asText();
        } while (!List.of(wanted).contains(status) && System.currentTimeMillis() < deadline);
        assertThat(status).isIn((Object[]) wanted);
    }

    /** Until some connection of this database waits for a row lock. */
    private void awaitALockWait() {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && jdbc.sql("select count(*) from pg_stat_activity where "
                + "datname = current_database() and wait_event_type = 'Lock'").query(Long.class).single() == 0) {
            Thread.onSpinWait();
        }
        assertThat(jdbc.sql("select count(*) from pg_stat_activity where datname = current_database() and "
                + "wait_event_type = 'Lock'").query(Long.class).single()).as("the register's call waits").isPositive();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
