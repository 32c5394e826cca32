package com.posterincust.production;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import com.posterincust.IncustAnswers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Poster and inCust failing in the ways they do: the register gets a clear 503/504 at once, background steps retry
 * and end as an incident, and an operator's retry (what Cockpit's "Retry" sends) finishes the checkout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"incust.api.read-timeout=500ms", "poster.api.read-timeout=500ms"})
class FaultsTest extends AgainstFakesTest {

    static final String CHECKOUTS = "/api/register/v1/checkouts";
    static final String ORDER = "{\"orderId\":\"%s\",\"customerId\":\"c-1001\",\"items\":[{\"productId\":\"12\","
            + "\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,\"currency\":\"UAH\"}";
    static final String RESERVED = IncustAnswers.reserved();
    @Autowired
    ProcessEngine engine;

    BlackBox box;

    @BeforeEach
    void aBoundRegister() throws Exception {
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management).bindRegister();
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,"
                + "\"max_redeemable_bonuses\":45.50,\"bonus_points_available\":150.00,\"amount_to_pay\":91.00}")));
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(RESERVED)));
    }

    @Test
    void inCustRateLimitingIsA503TheRegisterMayRetry() throws Exception {
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(aResponse().withStatus(429)));

        HttpResponse<String> response = box.registerWithKey("POST", CHECKOUTS, ORDER.formatted("o-429"), "o-429");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("5");
        assertThat(json.readTree(response.body()).path("type").asText()).endsWith("/problems/upstream-unavailable");
    }

    @Test
    void aSlowInCustIsA504() throws Exception {
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{}").withFixedDelay(2000)));

        HttpResponse<String> response = box.registerWithKey("POST", CHECKOUTS, ORDER.formatted("o-slow"), "o-slow");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json.readTree(response.body()).path("type").asText()).endsWith("/problems/upstream-timeout");
    }

    @Test
    void posterRestrictingTheTariffPlanWhileBindingIsNamedAndNothingIsStored() throws Exception {
        fakes.stubFor(get(urlPathMatching("/poster/.*/api/access.getSpots"))
                .willReturn(okJson("{\"error\":{\"code\":700,\"message\":\"Tariff limit\"}}")));

        HttpResponse<String> response = box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/terminal-bindings"))
                .header("Authorization", BlackBox.adminAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"posterAccount\":\"" + box.account + "\","
                        + "\"posterCustomerNumber\":\"861052\",\"posterSpotId\":\"1\",\"posterTabletId\":\"1\","
                        + "\"incust\":{\"login\":\"bar-login\",\"password\":\"bar-password\"}}")));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json.readTree(response.body()).path("reasons").get(0).path("field").asText()).isEqualTo("posterAccount");
        assertThat(json.readTree(response.body()).path("reasons").get(0).path("message").asText())
                .contains("tariff plan");
        assertThat(box.register("GET", "/api/register/v1/connection", "", "1", "1").statusCode()).isEqualTo(403);
    }

    @Test
    void aFinalizeThatKeepsFailingBecomesAnIncidentAnOperatorRetriesOnceInCustIsBack() throws Exception {
        fakes.stubFor(post(urlPathMatching("/incust/v1/term/transaction/tx-1/finalize")).willReturn(aResponse().withStatus(500)));
        String id = json.readTree(box.registerWithKey("POST", CHECKOUTS, ORDER.formatted("o-500"), "o-500").body())
                .path("checkoutId").asText();
        box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{}");
        assertThat(box.register("POST", CHECKOUTS + "/" + id + "/order-closed", "{\"transactionId\":\"800\",\"payedBonus\":0}")
                .statusCode()).isEqualTo(202);

        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
                .singleResult().getId();
        for (int attempt = 0; attempt < 11; attempt++) {
            management.createJobQuery().processInstanceId(instance).withRetriesLeft().list()
                    .forEach(job -> {
                        try {
                            management.executeJob(job.getId());
                        } catch (RuntimeException failedAsExpected) {
                            // the job's retries go down; the last failure becomes the incident
                        }
                    });
        }

        JsonNode incidents = json.readTree(engineRest("GET", "/incident?processInstanceId=" + instance, null));
        assertThat(incidents).hasSize(1);
        assertThat(incidents.get(0).path("activityId").asText()).isEqualTo("FinalizeInIncust");
        assertThat(incidents.get(0).path("incidentMessage").asText())
                .isEqualTo("inCust POST /term/transaction/tx-1/finalize failed: HTTP 500");
        assertThat(json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body()).path("status").asText())
                .isEqualTo("FINALIZING");

        fakes.stubFor(post(urlPathMatching("/incust/v1/term/transaction/tx-1/finalize"))
                .willReturn(okJson(RESERVED.replace("reserved", "finalized"))));
        String jobId = incidents.get(0).path("configuration").asText();
        engineRest("PUT", "/job/" + jobId + "/retries", "{\"retries\":1}");
        // the job executor would run it at its due date, up to a minute later; the test runs it now
        management.executeJob(jobId);

        assertThat(json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body()).path("status").asText())
                .isEqualTo("COMPLETED");
        assertThat(json.readTree(engineRest("GET", "/incident?processInstanceId=" + instance, null))).isEmpty();
    }

    /** inCust reserved, its answer came too late: the register's repeat takes that reservation, none is sent again. */
    @Test
    void aReservationWhoseAnswerTimedOutIsLookedUpNotSentAgain() throws Exception {
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(RESERVED).withFixedDelay(1500)));
        fakes.stubFor(get(urlPathEqualTo("/incust/v1/term/transactions")).withQueryParam("external_id", matching(".+"))
                .willReturn(okJson("{\"transactions\":[" + RESERVED + "]}")));
        String id = json.readTree(box.registerWithKey("POST", CHECKOUTS, ORDER.formatted("o-lost"), "o-lost").body())
                .path("checkoutId").asText();

        HttpResponse<String> timedOut = box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{}");
        assertThat(timedOut.statusCode()).isEqualTo(504);
        HttpResponse<String> repeated = box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{}");

        assertThat(repeated.statusCode()).as(repeated.body()).isEqualTo(200);
        assertThat(json.readTree(repeated.body()).path("status").asText()).isEqualTo("AWAITING_ORDER_CLOSE");
        fakes.verify(1, postRequestedFor(urlPathEqualTo("/incust/v1/term/check/reserve")));
    }

    /** inCust finalized, its answer came too late: the retried job asks first and sends nothing more. */
    @Test
    void aFinalizeWhoseAnswerTimedOutIsNotSentAgain() throws Exception {
        fakes.stubFor(post("/incust/v1/term/transaction/tx-1/finalize").inScenario("finalize")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("finalized")
                .willReturn(okJson(RESERVED.replace("reserved", "finalized")).withFixedDelay(1500)));
        fakes.stubFor(get("/incust/v1/term/transaction/tx-1").inScenario("finalize").whenScenarioStateIs("finalized")
                .willReturn(okJson(RESERVED.replace("reserved", "finalized"))));
        String id = json.readTree(box.registerWithKey("POST", CHECKOUTS, ORDER.formatted("o-late"), "o-late").body())
                .path("checkoutId").asText();
        box.register("POST", CHECKOUTS + "/" + id + "/redemption", "{}");
        box.register("POST", CHECKOUTS + "/" + id + "/order-closed", "{\"transactionId\":\"801\",\"payedBonus\":0}");
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(id)
                .singleResult().getId();

        for (int attempt = 0; attempt < 3
                && !"COMPLETED".equals(json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body())
                        .path("status").asText()); attempt++) {
            management.createJobQuery().processInstanceId(instance).withRetriesLeft().list().forEach(job -> {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException timedOut) {
                    // the first finalize's answer came too late: the job fails and is retried
                }
            });
        }

        assertThat(json.readTree(box.register("GET", CHECKOUTS + "/" + id, "").body()).path("status").asText())
                .isEqualTo("COMPLETED");
        fakes.verify(1, postRequestedFor(urlPathEqualTo("/incust/v1/term/transaction/tx-1/finalize")));
    }

    private String engineRest(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(box.url("/engine-rest/engine/" + engine.getName() + path))
                .header("Authorization", BlackBox.adminAuthorization()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = box.send(request);
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
        return response.body();
    }
}
