package com.posterincust.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import com.posterincust.IncustAnswers;
import com.posterincust.Jobs;
import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookSignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** register-api.md §1 "Checkout" over real HTTP, sandbox off, WireMock playing Poster and inCust. */
@AutoConfigureObservability
class CheckoutsBlackBoxTest extends AgainstFakesTest {

    static final String CHECKOUTS = "/api/register/v1/checkouts";
    static final String ORDER = "{\"orderId\":\"%s\",\"transactionId\":%s,\"customerId\":\"c-1001\","
            + "\"items\":[{\"productId\":\"12\",\"modificationId\":null,\"name\":\"Latte\",\"count\":2,\"price\":45.50}],"
            + "\"total\":91.00,\"currency\":\"UAH\"}";
    static final String TX = IncustAnswers.TX;
    static final String CONFIRMATION = IncustAnswers.CONFIRMATION;

    @Autowired
    ProcessEngine engine;

    BlackBox box;

    @BeforeEach
    void aBoundRegisterAndInCustThatAnswers() throws Exception {
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management).bindRegister();
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,\"discount_amount\":0,"
                + "\"bonuses_to_add\":4.55,\"bonus_points_available\":150.00,\"max_redeemable_bonuses\":45.50,"
                + "\"applicable_coupons\":[{\"code\":\"COFFEE10\",\"title\":\"10% off\"}],\"amount_to_pay\":91.00}")));
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(
                TX.formatted("confirmation_required", "20.00", "71.00", CONFIRMATION.formatted(3)))));
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/finalize").willReturn(okJson(TX.formatted("finalized", "20.00", "71.00", "null"))));
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/cancel").willReturn(okJson(TX.formatted("cancelled", "20.00", "71.00", "null"))));
    }

    @Test
    void aCheckoutWithConfirmationCompletes() throws Exception {
        HttpResponse<String> created = create("order-1", "null", "order-1");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = json.readTree(created.body());
        String id = body.path("checkoutId").asText();
        assertThat(body.path("status").asText()).isEqualTo("AWAITING_REDEMPTION");
        JsonNode offer = body.path("offer");
        assertThat(offer.path("bonusBalance").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(offer.path("maxRedeemableBonus").decimalValue()).isEqualByComparingTo("45.50");
        assertThat(offer.path("coupons").get(0).path("code").asText()).isEqualTo("COFFEE10");
        assertThat(offer.path("discount").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(offer.path("bonusesToAdd").decimalValue()).isEqualByComparingTo("4.55");
        assertThat(offer.path("totalToPay").decimalValue()).isEqualByComparingTo("91.00");

        HttpResponse<String> redeemed = box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{\"bonusPoints\":20.00}");
        assertThat(redeemed.statusCode()).isEqualTo(200);
        JsonNode step = json.readTree(redeemed.body());
        assertThat(step.path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(step.path("confirmation").path("channel").asText()).isEqualTo("PHONE");
        assertThat(step.path("confirmation").path("attemptsLeft").asInt()).isEqualTo(3);
        assertThat(step.path("confirmation").path("expiresAt").asText()).isNotBlank();
        fakes.verify(postRequestedFor(urlEqualTo("/incust/v1/term/check/reserve")).withRequestBody(equalToJson(
                "{\"customer_id\":\"c-1001\",\"currency\":\"UAH\",\"amount\":91.00,\"external_id\":\"" + id + "\","
                        + "\"redeem\":{\"bonuses\":20.00,\"coupons\":[]}}", true, true)));

        assertThat(box.register("POST", CHECKOUTS + "/" + id + "/confirmation", "{\"code\":\"12ab\"}").statusCode())
                .isEqualTo(400);
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/confirm").inScenario("code").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"confirmation_code_invalid\",\"message\":\"Wrong code\"}"))
                .willSetStateTo("wrong once"));
        fakes.stubFor(get("/incust/v1/term/transaction/tx-1").willReturn(okJson(
                TX.formatted("confirmation_required", "20.00", "71.00", CONFIRMATION.formatted(2)))));
        HttpResponse<String> wrong = box.register("POST", CHECKOUTS + "/" + id + "/confirmation", "{\"code\":\"1111\"}");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(json.readTree(wrong.body()).path("type").asText()).endsWith("/problems/wrong-code");
        assertThat(json.readTree(wrong.body()).path("attemptsLeft").asInt()).isEqualTo(2);

        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/confirm").inScenario("code").whenScenarioStateIs("wrong once")
                .willReturn(okJson(TX.formatted("confirmed", "20.00", "71.00", "null"))));
        HttpResponse<String> right = box.register("POST", CHECKOUTS + "/" + id + "/confirmation", "{\"code\":\"4321\"}");
        assertThat(right.statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(right.body());
        assertThat(result.path("status").asText()).isEqualTo("AWAITING_ORDER_CLOSE");
        assertThat(result.path("result").path("bonusToApply").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(result.path("result").path("totalToPay").decimalValue()).isEqualByComparingTo("71.00");

        HttpResponse<String> closed = box.register("POST", CHECKOUTS + "/" + id + "/order-closed",
                "{\"transactionId\":\"5001\",\"payedBonus\":20.00,\"total\":71.00}");
        assertThat(closed.statusCode()).isEqualTo(202);
        assertThat(json.readTree(closed.body()).path("status").asText()).isEqualTo("FINALIZING");
        Jobs.runAll(management);

        JsonNode done = json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body());
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("transactionId").asText()).isEqualTo("5001");
        assertThat(done.path("orderId").asText()).isEqualTo("order-1");
        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/finalize")).withRequestBody(
                equalToJson("{\"external_check_id\":\"5001\",\"paid_with_bonuses\":20.00}")));

        HttpResponse<String> again = box.register("POST", CHECKOUTS + "/" + id + "/order-closed", "{}");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(json.readTree(again.body()).path("status").asText()).isEqualTo("COMPLETED");
        HttpResponse<String> lateCancel = box.register("POST", CHECKOUTS + "/" + id + "/cancel", "");
        assertThat(lateCancel.statusCode()).isEqualTo(409);
        assertThat(json.readTree(lateCancel.body()).path("type").asText()).endsWith("/problems/already-completed");
    }

    @Test
    void operatorsSeeHealthAndMetrics() throws Exception {
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(aResponse().withStatus(503)));
        create("order-ops", "null", "order-ops");

        JsonNode health = json.readTree(box.send(HttpRequest.newBuilder(box.url("/actuator/health/orchestrator"))
                .header("Authorization", BlackBox.adminAuthorization())).body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").has("db")).isTrue();
        assertThat(health.path("components").has("processEngine")).isTrue();

        String metrics = box.send(HttpRequest.newBuilder(box.url("/actuator/prometheus"))
                .header("Authorization", BlackBox.adminAuthorization())).body();
        assertThat(metrics).contains("orchestrator_checkouts{status=\"AWAITING_REDEMPTION\"}")
                .contains("orchestrator_incidents")
                .containsPattern("orchestrator_external_calls_seconds_count\\{[^}]*operation=\"POST /term/check/prepare\""
                        + "[^}]*outcome=\"unavailable\"[^}]*system=\"incust\"");
    }

    @Test
    void anonymousCallersLearnWhetherTheServiceIsUpAndNothingMore() throws Exception {
        operator();
        HttpResponse<String> health = box.send(HttpRequest.newBuilder(box.url("/actuator/health")));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("UP");
        assertThat(json.readTree(health.body()).has("components")).isFalse();
        for (String path : List.of("/actuator/health/orchestrator", "/actuator/prometheus", "/actuator/info")) {
            HttpResponse<String> anonymous = box.send(HttpRequest.newBuilder(box.url(path)));
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).as(path).doesNotContain("orchestrator_").doesNotContain("processEngine");
        }
        assertThat(box.send(HttpRequest.newBuilder(box.url("/actuator/prometheus")).header("Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString((OPERATOR[0] + ":" + OPERATOR[1]).getBytes())))
                .statusCode()).as("an operator, as Prometheus scrapes").isEqualTo(200);
    }

    /** What Cockpit's views read, through the engine REST API: running checkouts, their labels, their incidents. */
    @Test
    void cockpitShowsRunningCheckoutsWithTheirLabelsAndIncidents() throws Exception {
        String waiting = json.readTree(create("order-cockpit-1", "null", "order-cockpit-1").body()).path("checkoutId")
                .asText();
        String failing = json.readTree(create("order-cockpit-2", "null", "order-cockpit-2").body()).path("checkoutId")
                .asText();
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(TX.formatted("reserved", "0", "91.00",
                "null"))));
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/finalize").willReturn(aResponse().withStatus(503)));
        assertThat(box.register("POST", CHECKOUTS + "/" + failing + "/redemption", "{}").statusCode()).isEqualTo(200);
        assertThat(box.register("POST", CHECKOUTS + "/" + failing + "/order-closed",
                "{\"transactionId\":\"5009\",\"payedBonus\":0}").statusCode()).isEqualTo(202);
        String failingInstance = engineRest("/process-instance?businessKey=" + failing).get(0).path("id").asText();
        for (Job job = onlyJob(failingInstance); job != null && job.getRetries() > 0; job = onlyJob(failingInstance)) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException retriedLater) {
                assertThat(retriedLater).hasMessageContaining("503");
            }
        }

        JsonNode running = engineRest("/process-instance?processDefinitionKey=checkout&active=true");
        assertThat(running).extracting(instance -> instance.path("businessKey").asText()).contains(waiting, failing);
        for (JsonNode instance : running) {
            if (instance.path("businessKey").asText().equals(waiting)) {
                assertThat(engineRest("/process-instance/" + instance.path("id").asText() + "/variables/checkoutLabel")
                        .path("value").asText()).isEqualTo(box.account + " / register 3 / order order-cockpit-1");
            }
        }
        JsonNode ofOneOrder = engineRest("/history/process-instance?processDefinitionKey=checkout"
                + "&variables=checkoutLabel_like_%25order%20order-cockpit-1%25");
        assertThat(ofOneOrder).as("the label filter of operations.md")
                .extracting(instance -> instance.path("businessKey").asText()).containsExactly(waiting);
        JsonNode incidents = engineRest("/incident?processInstanceId=" + failingInstance);
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("activityId").asText()).isEqualTo("FinalizeInIncust");
        assertThat(incidents.get(0).path("incidentMessage").asText()).contains("503");
    }

    @Test
    void theOpenApiDescribesEveryEndpoint() throws Exception {
        HttpResponse<String> api = box.send(HttpRequest.newBuilder(box.url("/v3/api-docs")));

        assertThat(api.statusCode()).isEqualTo(200);
        JsonNode paths = json.readTree(api.body()).path("paths");
        assertThat(paths.has("/api/register/v1/checkouts/{id}/confirmation")).isTrue();
        assertThat(paths.has("/api/register/v1/customer-sessions")).isTrue();
        assertThat(paths.has("/api/register/v1/connection")).isTrue();
        assertThat(paths.has("/api/admin/v1/terminal-bindings")).isTrue();
        assertThat(paths.has("/poster/webhooks")).isTrue();
        assertThat(api.body()).doesNotContain("RegisterContext");
    }

    /** What the cashier's choice comes to, as inCust computes it: points and coupon together, nothing reserved. */
    @Test
    void aPreviewTellsWhatInCustComputesForAChoiceAndReservesNothing() throws Exception {
        String id = json.readTree(create("order-preview", "null", "order-preview").body()).path("checkoutId").asText();
        fakes.stubFor(post("/incust/v1/term/check/prepare").atPriority(1)
                .withRequestBody(matchingJsonPath("$.redeem")).willReturn(okJson("{\"amount\":91.00,"
                        + "\"discount_amount\":9.10,\"bonuses_to_add\":3.10,\"bonus_points_available\":150.00,"
                        + "\"max_redeemable_bonuses\":45.50,\"amount_to_pay\":61.90}")));

        HttpResponse<String> preview = box.register("POST", CHECKOUTS + "/" + id + "/preview",
                "{\"bonusPoints\":20,\"couponCodes\":[\"COFFEE10\"]}");

        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode figures = json.readTree(preview.body());
        assertThat(figures.path("discount").decimalValue()).isEqualByComparingTo("9.10");
        assertThat(figures.path("bonusesToAdd").decimalValue()).isEqualByComparingTo("3.10");
        assertThat(figures.path("totalToPay").decimalValue()).isEqualByComparingTo("61.90");
        fakes.verify(postRequestedFor(urlEqualTo("/incust/v1/term/check/prepare")).withRequestBody(equalToJson(
                "{\"customer_id\":\"c-1001\",\"amount\":91.00,\"redeem\":{\"bonuses\":20.00,"
                        + "\"coupons\":[\"COFFEE10\"]}}", true, true)));

        HttpResponse<String> negative = box.register("POST", CHECKOUTS + "/" + id + "/preview", "{\"bonusPoints\":-5}");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(json.readTree(negative.body()).findValuesAsText("field")).containsExactly("bonusPoints");
        HttpResponse<String> tooMuch = box.register("POST", CHECKOUTS + "/" + id + "/preview", "{\"bonusPoints\":50}");
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(json.readTree(tooMuch.body()).path("type").asText()).endsWith("/problems/redemption-rejected");
        fakes.stubFor(post("/incust/v1/term/check/prepare").atPriority(1).withRequestBody(matchingJsonPath("$.redeem"))
                .willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"coupon_invalid\",\"message\":\"The coupon was used\"}")));
        HttpResponse<String> refused = box.register("POST", CHECKOUTS + "/" + id + "/preview",
                "{\"couponCodes\":[\"COFFEE10\"]}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).path("detail").asText()).isEqualTo("The coupon was used");

        fakes.verify(0, postRequestedFor(urlEqualTo("/incust/v1/term/check/reserve")));
        assertThat(json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body()).path("status").asText())
                .isEqualTo("AWAITING_REDEMPTION");
        box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{\"bonusPoints\":20}");
        HttpResponse<String> late = box.register("POST", CHECKOUTS + "/" + id + "/preview", "{\"bonusPoints\":10}");
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(json.readTree(late.body()).path("type").asText()).endsWith("/problems/wrong-state");
    }

    @Test
    void theIdempotencyKeyMakesOneCheckoutPerOrder() throws Exception {
        String first = json.readTree(create("order-2", "null", "order-2").body()).path("checkoutId").asText();

        HttpResponse<String> same = create("order-2", "null", "order-2");
        assertThat(same.statusCode()).isEqualTo(200);
        assertThat(json.readTree(same.body()).path("checkoutId").asText()).isEqualTo(first);

        HttpResponse<String> other = create("order-2", "\"777\"", "order-2");
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(json.readTree(other.body()).path("type").asText()).endsWith("/problems/idempotency-conflict");

        HttpResponse<String> noKey = box.register("POST", CHECKOUTS, ORDER.formatted("order-3", "null"));
        assertThat(noKey.statusCode()).isEqualTo(400);
        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/check/prepare")));
    }

    @Test
    void badOrdersAreRefusedBeforeInCustIsAsked() throws Exception {
        String[][] cases = {
                {"{\"orderId\":\"o\",\"customerId\":\"c\",\"items\":[],\"total\":0,\"currency\":\"UAH\"}", "items"},
                {ORDER.formatted("o", "null").replace("45.50", "-45.50").replace("91.00", "-91.00"), "items.0.price"},
                {ORDER.formatted("o", "null").replace("45.50", "45.505"), "items.0.price"},
                {ORDER.formatted("o", "null").replace("91.00", "90.00"), "total"},
                {ORDER.formatted("o", "null").replace("\"UAH\"", "\"USD\""), "currency"},
                {ORDER.formatted("o", "null").replace("45.50", "\"lots\""), "items.0.price"},
                {ORDER.formatted("o", "null").replace("\"customerId\":\"c-1001\",", ""), "customerSessionId"},
                {ORDER.formatted("o", "null").replace("\"count\":2", "\"count\":0"), "items.0.count"},
        };
        int key = 0;
        for (String[] badCase : cases) {
            HttpResponse<String> response = signedCreate(badCase[0], "bad-" + key++);
            assertThat(response.statusCode()).as(badCase[0]).isEqualTo(400);
            assertThat(json.readTree(response.body()).findValuesAsText("field")).as(badCase[0]).contains(badCase[1]);
        }
        fakes.verify(0, postRequestedFor(urlPathMatching("/incust/v1/term/check/.*")));
    }

    @Test
    void redemptionsBeyondTheOfferAreRejectedAndTheCheckoutIsUnchanged() throws Exception {
        String id = json.readTree(create("order-4", "null", "order-4").body()).path("checkoutId").asText();

        HttpResponse<String> tooMuch = box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{\"bonusPoints\":50.00}");
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(json.readTree(tooMuch.body()).path("type").asText()).endsWith("/problems/redemption-rejected");
        HttpResponse<String> unknownCoupon = box.register("POST", CHECKOUTS + "/" + id + "/redemption",
                "{\"couponCodes\":[\"FREEBEER\"]}");
        assertThat(unknownCoupon.statusCode()).isEqualTo(422);
        assertThat(box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{\"bonusPoints\":-1}").statusCode())
                .isEqualTo(400);
        fakes.verify(0, postRequestedFor(urlEqualTo("/incust/v1/term/check/reserve")));

        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"insufficient_bonuses\",\"message\":\"Not enough bonus points\"}")));
        HttpResponse<String> refused = box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{\"bonusPoints\":40.00}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json.readTree(refused.body()).path("detail").asText()).isEqualTo("Not enough bonus points");
        assertThat(json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body()).path("status").asText())
                .isEqualTo("AWAITING_REDEMPTION");
    }

    @Test
    void withoutRedemptionAndWithoutConfirmationTheSaleGoesStraightToTheReceipt() throws Exception {
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(TX.formatted("reserved", "0", "91.00", "null"))));
        String id = json.readTree(create("order-5", "\"5005\"", "order-5").body()).path("checkoutId").asText();

        HttpResponse<String> none = box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{}");

        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(json.readTree(none.body()).path("status").asText()).isEqualTo("AWAITING_ORDER_CLOSE");
        assertThat(json.readTree(none.body()).path("result").path("bonusToApply").decimalValue()).isEqualByComparingTo("0");
        HttpResponse<String> retried = box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{}");
        assertThat(retried.statusCode()).as("a retried redemption gets the same answer").isEqualTo(200);

        fakes.stubFor(get(urlPathMatching("/poster/.*/api/dash.getTransaction")).willReturn(okJson(
                "{\"response\":[{\"transaction_id\":\"5005\",\"status\":\"2\",\"payed_bonus\":\"0\"}]}")));
        assertThat(box.webhook("transaction", "5005", "closed", null).statusCode()).isEqualTo(200);
        assertThat(statusWithin(id, "FINALIZING")).isEqualTo("FINALIZING");
        Jobs.runAll(management);

        assertThat(json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body()).path("status").asText())
                .isEqualTo("COMPLETED");
        assertThat(json.readTree(box.register("POST", CHECKOUTS + "/" + id + "/order-closed", "{}").body())
                .path("status").asText()).isEqualTo("COMPLETED");
        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/finalize")));
    }

    @Test
    void runningOutOfAttemptsAnswers410AndCancels() throws Exception {
        String id = json.readTree(create("order-6", "null", "order-6").body()).path("checkoutId").asText();
        box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{\"bonusPoints\":20}");
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/confirm").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"confirmation_code_invalid\",\"message\":\"Wrong code\"}")));
        fakes.stubFor(get("/incust/v1/term/transaction/tx-1").willReturn(okJson(
                TX.formatted("cancelled", "20.00", "71.00", CONFIRMATION.formatted(0)))));

        HttpResponse<String> last = box.register("POST", CHECKOUTS + "/" + id + "/confirmation", "{\"code\":\"0000\"}");

        assertThat(last.statusCode()).isEqualTo(410);
        assertThat(json.readTree(last.body()).path("type").asText()).endsWith("/problems/confirmation-expired");
        Jobs.runAll(management);
        assertThat(json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body()).path("status").asText())
                .isEqualTo("CANCELLED");
        // inCust cancelled it after the last attempt: asked first, nothing is sent
        fakes.verify(0, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/cancel")));
    }

    @Test
    void aNewCodeCanBeSentAndCallsInTheWrongStateAreNamed() throws Exception {
        String id = json.readTree(create("order-7", "null", "order-7").body()).path("checkoutId").asText();
        HttpResponse<String> early = box.register("POST", CHECKOUTS + "/" + id + "/confirmation", "{\"code\":\"1234\"}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(json.readTree(early.body()).path("type").asText()).endsWith("/problems/wrong-state");
        assertThat(json.readTree(early.body()).path("status").asText()).isEqualTo("AWAITING_REDEMPTION");

        box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{\"bonusPoints\":20}");
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/confirmation/resend").willReturn(okJson(
                TX.formatted("confirmation_required", "20.00", "71.00", CONFIRMATION.formatted(3)))));
        HttpResponse<String> resent = box.register("POST", CHECKOUTS + "/" + id + "/confirmation/resend", "");
        assertThat(resent.statusCode()).isEqualTo(202);
        assertThat(json.readTree(resent.body()).path("confirmation").path("attemptsLeft").asInt()).isEqualTo(3);

        HttpResponse<String> cancelled = box.register("POST", CHECKOUTS + "/" + id + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(json.readTree(cancelled.body()).path("status").asText()).isEqualTo("CANCELLED");
        assertThat(box.register("POST", CHECKOUTS + "/" + id + "/cancel", "").statusCode()).isEqualTo(200);
        Jobs.runAll(management);
        fakes.verify(1, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/cancel")));

        JsonNode ended = engineRest("/history/process-instance?processInstanceBusinessKey=" + id).get(0);
        assertThat(ended.path("state").asText()).as("the engine's word for any end").isEqualTo("COMPLETED");
        String instance = ended.path("id").asText();
        assertThat(engineRest("/history/activity-instance?processInstanceId=" + instance + "&finished=true"
                + "&activityId=CancelledWhileConfirming")).as("the end it reached, as operations.md reads it").hasSize(1);
        assertThat(engineRest("/history/process-instance?processDefinitionKey=checkout&finished=true"
                + "&executedActivityIdIn=CancelledWhileConfirming,CheckoutCancelledEarly"))
                .extracting(found -> found.path("id").asText()).contains(instance);
        assertThat(engineRest("/history/process-instance?processDefinitionKey=checkout&finished=true"
                + "&executedActivityIdIn=CheckoutCompleted,CheckoutCompletedAfterBonusCheck"))
                .extracting(found -> found.path("id").asText()).doesNotContain(instance);
    }

    @Test
    void anotherRegisterNeverSeesTheCheckout() throws Exception {
        String id = json.readTree(create("order-8", "null", "order-8").body()).path("checkoutId").asText();
        box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/terminal-bindings"))
                .header("Authorization", BlackBox.adminAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"posterAccount\":\"" + box.account
                        + "\",\"posterCustomerNumber\":\"861052\",\"posterSpotId\":\"1\",\"posterTabletId\":\"1\","
                        + "\"incust\":{\"login\":\"bar-login\",\"password\":\"bar-password\"},"
                        + "\"customerIdWithoutSession\":true}")));

        assertThat(box.register("GET", CHECKOUTS + "/" + id, "", "1", "1").statusCode()).isEqualTo(404);
        assertThat(box.register("POST", CHECKOUTS + "/" + id + "/cancel", "", "1", "1").statusCode()).isEqualTo(404);
    }

    @Test
    void whenInCustIsDownTheRegisterGetsA503AndMayRetryTheSameKey() throws Exception {
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(aResponse().withStatus(503)));
        assertThat(create("order-9", "null", "order-9").statusCode()).isEqualTo(503);

        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,"
                + "\"max_redeemable_bonuses\":45.50,\"bonus_points_available\":150.00,\"amount_to_pay\":91.00}")));
        assertThat(create("order-9", "null", "order-9").statusCode()).isEqualTo(201);
        fakes.verify(0, postRequestedFor(anyUrl()).withUrl("/incust/v1/term/check/reserve"));
    }

    /** The cashier's code task: in nobody's Tasklist, completed by nobody through the engine, admins included. */
    @Test
    void theCodeTaskIsTheRegistersAlone() throws Exception {
        operator();
        String id = json.readTree(create("order-code", "null", "order-code").body()).path("checkoutId").asText();
        assertThat(box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{\"bonusPoints\":20}").statusCode())
                .isEqualTo(200);
        String task = engineRest("/task?processInstanceBusinessKey=" + id).get(0).path("id").asText();

        assertThat(engineRestAs(OPERATOR, "GET", "/task?processInstanceBusinessKey=" + id, null).body()).isEqualTo("[]");
        JsonNode filters = json.readTree(engineRestAs(OPERATOR, "GET", "/filter", null).body());
        assertThat(filters).extracting(filter -> filter.path("name").asText()).containsExactly("Operators' tasks");
        assertThat(engineRestAs(ADMIN, "GET", "/filter/" + filters.get(0).path("id").asText() + "/list", null).body())
                .doesNotContain(task);
        String code = "{\"variables\":{\"confirmationCode\":{\"value\":\"1234\",\"type\":\"String\"}}}";
        for (String[] who : List.of(OPERATOR, ADMIN)) {
            for (String completion : List.of("/complete", "/submit-form", "/resolve")) {
                HttpResponse<String> completed = engineRestAs(who, "POST", "/task/" + task + completion, code);
                assertThat(completed.statusCode()).as(who[0] + completion).isEqualTo(403);
            }
        }
        HttpResponse<String> throughTasklist = box.send(HttpRequest.newBuilder(box.url("/camunda/api/engine/engine/"
                + engine.getName() + "/task/" + task + "/submit-form")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(code)));
        assertThat(throughTasklist.statusCode()).isEqualTo(403);

        assertThat(json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body()).path("status").asText())
                .isEqualTo("AWAITING_CONFIRMATION");
        fakes.verify(0, postRequestedFor(urlEqualTo("/incust/v1/term/transaction/tx-1/confirm")));
    }

    /** Each process needs the rows its starter writes: started through the engine it is refused, not a 500. */
    @Test
    void noProcessIsStartedThroughTheEngineApi() throws Exception {
        long before = engine.getRuntimeService().createProcessInstanceQuery().count();
        for (String process : List.of("checkout", "customer-authorization", "terminal-binding", "poster-installation",
                "sale-reversal")) {
            HttpResponse<String> started = engineRestAs(ADMIN, "POST", "/process-definition/key/" + process + "/start",
                    "{}");
            assertThat(started.statusCode()).as(process + ": " + started.body()).isEqualTo(403);
            assertThat(started.body()).contains("started by the service");
            assertThat(engineRestAs(ADMIN, "POST", "/process-definition/key/" + process + "/submit-form", "{}")
                    .statusCode()).as(process).isEqualTo(403);
        }
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(before);
    }

    static final String[] ADMIN = {"admin", "test-admin-password"};
    static final String[] OPERATOR = {"olga", "an-operators-password"};

    private void operator() {
        var identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(OPERATOR[0]).count() == 0) {
            var user = identity.newUser(OPERATOR[0]);
            user.setPassword(OPERATOR[1]);
            identity.saveUser(user);
            identity.createMembership(OPERATOR[0], "operators");
        }
    }

    private HttpResponse<String> engineRestAs(String[] user, String method, String path, String body) throws Exception {
        return box.send(HttpRequest.newBuilder(box.url("/engine-rest/engine/" + engine.getName() + path))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (user[0] + ":" + user[1]).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode engineRest(String path) throws Exception {
        HttpResponse<String> answer = box.send(HttpRequest.newBuilder(box.url("/engine-rest/engine/" + engine.getName()
                + path)).header("Authorization", BlackBox.adminAuthorization()).GET());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private Job onlyJob(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).singleResult();
    }

    private HttpResponse<String> create(String orderId, String transactionId, String key) throws Exception {
        return signedCreate(ORDER.formatted(orderId, transactionId), key);
    }

    private HttpResponse<String> signedCreate(String body, String key) throws Exception {
        return box.registerWithKey("POST", CHECKOUTS, body, key);
    }

    /** Poster's webhook is answered first and acted on after: the checkout's status, once it is {@code expected}. */
    private String statusWithin(String id, String expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String status;
        do {
            status = json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body()).path("status").asText();
        } while (!status.equals(expected) && System.currentTimeMillis() < deadline);
        return status;
    }
}
