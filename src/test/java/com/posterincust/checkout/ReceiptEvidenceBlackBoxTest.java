package com.posterincust.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import com.posterincust.IncustAnswers;
import com.posterincust.Jobs;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Which receipt settles a waiting checkout (docs/checkout.md, "Which receipt settles a checkout"): the one the register
 * names, or on evidence the one with the checkout's guest and bonus closed at its register after it started — never
 * another guest's receipt that happens to close at the same register.
 */
class ReceiptEvidenceBlackBoxTest extends AgainstFakesTest {

    static final String CHECKOUTS = "/api/register/v1/checkouts";
    static final String OLENA = "{\"id\":\"c-1001\",\"name\":\"Olena\",\"phone\":\"+380501234567\",\"is_new\":false,"
            + "\"bonus_points\":150,\"accounts\":[],\"coupons\":[]}";
    /** Olena as a Poster client. */
    static final String OLENA_IN_POSTER = "42";

    @Autowired
    MeterRegistry metrics;

    BlackBox box;

    @BeforeEach
    void aBoundRegisterOlenaAndInCustThatReservesTenPoints() throws Exception {
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management).bindRegister();
        fakes.stubFor(post("/incust/v1/term/customer/search").withRequestBody(equalToJson(
                "{\"identifier\":{\"type\":\"phone\",\"value\":\"+380501234567\"}}"))
                .willReturn(okJson("{\"customers\":[" + OLENA + "]}")));
        fakes.stubFor(get("/incust/v1/term/customer/c-1001").willReturn(okJson(OLENA)));
        fakes.stubFor(get(urlPathEqualTo("/poster/" + box.account + "/api/clients.getClients"))
                .withQueryParam("phone", equalTo("+380501234567")).willReturn(okJson(
                        "{\"response\":[{\"client_id\":\"" + OLENA_IN_POSTER + "\",\"phone\":\"+380501234567\"}]}")));
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,\"discount_amount\":0,"
                + "\"bonuses_to_add\":4.55,\"bonus_points_available\":150.00,\"max_redeemable_bonuses\":45.50,"
                + "\"applicable_coupons\":[],\"amount_to_pay\":91.00}")));
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(
                IncustAnswers.TX.formatted("reserved", "10.00", "81.00", "null"))));
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/finalize").willReturn(okJson(
                IncustAnswers.TX.formatted("finalized", "10.00", "81.00", "null"))));
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/cancel").willReturn(okJson(
                IncustAnswers.TX.formatted("cancelled", "10.00", "81.00", "null"))));
    }

    /** The attack of issue 34: a signed hook of an unrelated receipt closed at the same register. */
    @Test
    void anotherGuestsReceiptAtTheSameRegisterNeverSettlesTheCheckoutAndNeverUndoesIt() throws Exception {
        String id = waitingWithTenPoints("order-e1");
        receipt("880001", 2, "0", 50000);

        hookAndAwaitIgnored("880001", "changed");

        assertThat(checkout(id).path("status").asText()).isEqualTo("AWAITING_ORDER_CLOSE");
        assertThat(checkout(id).path("transactionId").isMissingNode()).isTrue();

        receipt("880002", 2, OLENA_IN_POSTER, 1000);
        HttpResponse<String> closed = box.register("POST", CHECKOUTS + "/" + id + "/order-closed",
                "{\"transactionId\":\"880002\",\"payedBonus\":10.00,\"total\":81.00}");
        assertThat(closed.statusCode()).isEqualTo(202);
        Jobs.runAll(management);
        assertThat(checkout(id).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(checkout(id).path("transactionId").asText()).isEqualTo("880002");
        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/finalize"))
                .withRequestBody(containing("\"external_check_id\":\"880002\"")));

        receipt("880001", 3, "0", 50000);
        assertThat(box.webhook("transaction", "880001", "removed", null).statusCode()).isEqualTo(200);
        awaitPosterAsked("880001", 2);
        assertThat(checkout(id).path("status").asText()).isEqualTo("COMPLETED");
        receipt("880002", 3, OLENA_IN_POSTER, 1000);
        assertThat(box.webhook("transaction", "880002", "removed", null).statusCode()).isEqualTo(200);
        awaitStatus(id, "REVERSING");
        Jobs.runAll(management);
        assertThat(checkout(id).path("status").asText()).isEqualTo("REVERSED");
        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/cancel")));
    }

    @Test
    void aReceiptWithTheGuestAndTheBonusSettlesTheOneCheckoutWaitingAtItsRegister() throws Exception {
        String id = waitingWithTenPoints("order-e2");
        receipt("7007", 2, OLENA_IN_POSTER, 1000);

        assertThat(box.webhook("transaction", "7007", "closed", null).statusCode()).isEqualTo(200);

        awaitStatus(id, "FINALIZING");
        Jobs.runAll(management);
        assertThat(checkout(id).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(checkout(id).path("transactionId").asText()).isEqualTo("7007");
    }

    @Test
    void theGuestWithAnotherBonusIsNotEvidenceEither() throws Exception {
        String id = waitingWithTenPoints("order-e3");
        receipt("7008", 2, OLENA_IN_POSTER, 0);

        hookAndAwaitIgnored("7008", "closed");

        assertThat(checkout(id).path("status").asText()).isEqualTo("AWAITING_ORDER_CLOSE");
    }

    /** Olena paid two orders at one register with the same bonus: the register's word corrects the match. */
    @Test
    void theRegisterNamingAnotherReceiptBeforeTheFinalizeMakesTheCheckoutThatReceipts() throws Exception {
        String id = waitingWithTenPoints("order-e4");
        receipt("7101", 2, OLENA_IN_POSTER, 1000);
        assertThat(box.webhook("transaction", "7101", "closed", null).statusCode()).isEqualTo(200);
        awaitStatus(id, "FINALIZING");
        receipt("7102", 2, OLENA_IN_POSTER, 1000);

        assertThat(box.register("POST", CHECKOUTS + "/" + id + "/order-closed",
                "{\"transactionId\":\"7102\",\"payedBonus\":10.00,\"total\":81.00}").statusCode()).isEqualTo(202);

        Jobs.runAll(management);
        JsonNode done = checkout(id);
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("transactionId").asText()).isEqualTo("7102");
        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/finalize"))
                .withRequestBody(containing("\"external_check_id\":\"7102\"")));
    }

    @Test
    void theRegisterNamingAnotherReceiptAfterTheFinalizeIsToldToOperators() throws Exception {
        String id = waitingWithTenPoints("order-e5");
        receipt("7201", 2, OLENA_IN_POSTER, 1000);
        assertThat(box.webhook("transaction", "7201", "closed", null).statusCode()).isEqualTo(200);
        awaitStatus(id, "FINALIZING");
        Jobs.runAll(management);
        receipt("7202", 2, OLENA_IN_POSTER, 1000);

        assertThat(box.register("POST", CHECKOUTS + "/" + id + "/order-closed",
                "{\"transactionId\":\"7202\",\"payedBonus\":10.00,\"total\":81.00}").statusCode()).isEqualTo(202);

        JsonNode seen = admin(id);
        assertThat(seen.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(seen.path("transactionId").asText()).isEqualTo("7201");
        assertThat(seen.path("bonusCheck").asText()).contains("The register named receipt 7202")
                .contains("finalized with receipt 7201");
    }

    /** Olena identified at register 3, her order of two lattes checked out with 10 points reserved. */
    private String waitingWithTenPoints(String orderId) throws Exception {
        String session = json.readTree(box.register("POST", "/api/register/v1/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"+380501234567\"}}").body()).path("sessionId").asText();
        String order = "{\"orderId\":\"" + orderId + "\",\"customerSessionId\":\"" + session + "\",\"items\":["
                + "{\"productId\":\"12\",\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,"
                + "\"currency\":\"UAH\"}";
        HttpResponse<String> created = box.registerWithKey("POST", CHECKOUTS, order, orderId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("checkoutId").asText();
        HttpResponse<String> redeemed = box.register("POST", CHECKOUTS + "/" + id + "/redemption",
                "{\"bonusPoints\":10.00}");
        assertThat(json.readTree(redeemed.body()).path("status").asText()).as(redeemed.body())
                .isEqualTo("AWAITING_ORDER_CLOSE");
        return id;
    }

    /** Poster's receipt, closed (2) or deleted (3) at register 3 just now; bonus in kopecks. */
    private void receipt(String transactionId, int status, String clientId, long payedBonusKopecks) {
        fakes.stubFor(get(urlPathEqualTo("/poster/" + box.account + "/api/dash.getTransaction"))
                .withQueryParam("transaction_id", equalTo(transactionId)).willReturn(okJson(
                        "{\"response\":[{\"transaction_id\":\"" + transactionId + "\",\"status\":\"" + status + "\","
                                + "\"client_id\":\"" + clientId + "\",\"payed_bonus\":\"" + payedBonusKopecks + "\","
                                + "\"date_close\":\"" + System.currentTimeMillis() + "\",\"history\":["
                                + "{\"type_history\":\"open\",\"spot_tablet_id\":\"3\"},"
                                + "{\"type_history\":\"close\",\"spot_tablet_id\":\"3\"}]}]}")));
    }

    private void hookAndAwaitIgnored(String transactionId, String action) throws Exception {
        double before = ignored();
        assertThat(box.webhook("transaction", transactionId, action, null).statusCode()).isEqualTo(200);
        await("the hook of " + transactionId + " ignored", () -> ignored() > before);
    }

    private double ignored() {
        var counter = metrics.find("orchestrator.receipt.hints.ignored").counter();
        return counter == null ? 0 : counter.count();
    }

    private void awaitPosterAsked(String transactionId, int times) {
        await("Poster asked for " + transactionId, () -> fakes.findAll(getRequestedFor(urlPathEqualTo("/poster/"
                + box.account + "/api/dash.getTransaction")).withQueryParam("transaction_id", equalTo(transactionId)))
                .size() >= times);
    }

    private void awaitStatus(String id, String status) {
        await(id + " " + status, () -> {
            try {
                return checkout(id).path("status").asText().equals(status);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void await(String what, Supplier<Boolean> done) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!done.get()) {
            assertThat(System.currentTimeMillis()).as("waiting for " + what).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private JsonNode checkout(String id) throws Exception {
        return json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body());
    }

    private JsonNode admin(String id) throws Exception {
        return json.readTree(box.send(java.net.http.HttpRequest.newBuilder(box.url("/api/admin/v1/checkouts/" + id))
                .header("Authorization", BlackBox.adminAuthorization()).GET()).body());
    }
}
