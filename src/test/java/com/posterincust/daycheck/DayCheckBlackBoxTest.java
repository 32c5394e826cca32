package com.posterincust.daycheck;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.BlackBox;
import com.posterincust.Jobs;
import com.posterincust.SalesRun;
import com.posterincust.sandbox.FakeIncust;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A café's day checked over the admin API (register-api.md §7 "Day checks"), Poster's day played by WireMock and
 * inCust's by the one stateful fake: each kind of difference made the way it happens, found, fixed where the table
 * says — sent to inCust once — and open otherwise; a second check of the day fixes nothing. The fake's terminal is
 * shared by every test of the JVM, so each test looks at its own checkouts and transactions only. On H2 here, on
 * PostgreSQL in {@link DayCheckOnPostgresTest}.
 */
class DayCheckBlackBoxTest extends SalesRun {

    static final String DAY_CHECKS = "/api/admin/v1/day-checks";
    /** The test café's time zone is UTC (Poster's settings name none): its day is UTC's. */
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    MeterRegistry metrics;

    @Test
    void everyKindOfDifferenceIsFoundTheSafeOnesFixedOnceAndTheSecondCheckFixesNothing() throws Exception {
        String notFinalized = redeemed("order-d1", "8001");
        String notReversed = completedSale("order-d2", "8002");
        String returnNotApplied = completedSale("order-d3", "8003");
        String bonusMismatch = completedSale("order-d4", "8004");
        String heldForADeletedReceipt = redeemed("order-d5", "8005");
        String heldForAnEndedCheckout = redeemed("order-d6", null);
        endedWithoutReleasing(heldForAnEndedCheckout);
        String stuck = completedSale("order-d7", "8007");
        jdbc.sql("update checkout set status = 'FINALIZING' where id = ?").param(stuck).update();
        String agrees = completedSale("order-d8", "8008");
        String unknownSale = INCUST.saleMadeElsewhere(FakeIncust.INSTANT_LOGIN, "elsewhere-" + System.nanoTime());
        posterListsTheDay(
                receipt("8001", 2, "2000", 0),
                receipt("8002", 3, "2000", 1),
                receipt("8003", 2, "2000", 2),
                receipt("8004", 2, "3000", 1),
                receipt("8005", 3, "0", 0),
                receipt("8007", 2, "2000", 1),
                receipt("8008", 2, "2000", 1),
                receipt("8009", 2, "0", 1));
        double finalizedBefore = counted("NOT_FINALIZED", "FINALIZED");

        JsonNode first = checkTheDay();

        assertThat(first.path("status").asText()).isEqualTo("DONE");
        assertThat(first.path("date").asText()).isEqualTo(today.toString());
        assertThat(first.path("receipts").asInt()).isEqualTo(8);
        assertThat(first.path("loyaltyReceipts").asInt()).as("all but 8009, paid without inCust").isEqualTo(7);
        assertThat(first.path("agreed").asInt()).as("8008").isEqualTo(1);
        assertThat(first.path("fixed").asInt()).isEqualTo(4);
        Map<String, JsonNode> found = byCheckout(first);
        assertDifference(found.get(notFinalized), "NOT_FINALIZED", "FINALIZED", "FIXED");
        assertDifference(found.get(notReversed), "NOT_REVERSED", "REVERSED", "FIXED");
        assertDifference(found.get(returnNotApplied), "RETURN_NOT_APPLIED", null, "OPEN");
        assertDifference(found.get(bonusMismatch), "BONUS_MISMATCH", null, "OPEN");
        assertThat(found.get(bonusMismatch).path("posterBonus").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(found.get(bonusMismatch).path("incustBonus").decimalValue()).isEqualByComparingTo("20.00");
        assertDifference(found.get(heldForADeletedReceipt), "RESERVATION_HELD", "RELEASED", "FIXED");
        assertDifference(found.get(heldForAnEndedCheckout), "RESERVATION_HELD", "RELEASED", "FIXED");
        assertDifference(found.get(stuck), "STUCK", null, "OPEN");
        assertThat(found).doesNotContainKey(agrees);
        JsonNode unknown = byIncustTransaction(first).get(unknownSale);
        assertDifference(unknown, "UNKNOWN_SALE", null, "OPEN");
        assertThat(unknown.path("detail").asText()).contains("inCust panel");

        assertThat(status(notFinalized)).isEqualTo("COMPLETED");
        assertThat(INCUST.finalizesSent(notFinalized)).isEqualTo(1);
        assertThat(status(notReversed)).isEqualTo("REVERSED");
        assertThat(INCUST.cancelsSent(notReversed)).isEqualTo(1);
        assertThat(INCUST.status(heldForADeletedReceipt)).contains("cancelled");
        assertThat(INCUST.cancelsSent(heldForADeletedReceipt)).isEqualTo(1);
        assertThat(INCUST.status(heldForAnEndedCheckout)).contains("cancelled");
        assertThat(INCUST.cancelsSent(heldForAnEndedCheckout)).isEqualTo(1);
        assertThat(counted("NOT_FINALIZED", "FINALIZED") - finalizedBefore).isEqualTo(1.0);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(box.account + "/" + today)
                .taskCandidateGroup("operators").list()).singleElement()
                .satisfies(task -> assertThat(task.getName()).isEqualTo("Review the open differences of "
                        + box.account + " / " + today));

        JsonNode second = checkTheDay();

        assertThat(second.path("dayCheckId").asText()).isNotEqualTo(first.path("dayCheckId").asText());
        assertThat(second.path("fixed").asInt()).isZero();
        assertThat(second.path("agreed").asInt()).as("8008 and the three receipts fixed").isEqualTo(4);
        Map<String, JsonNode> again = byCheckout(second);
        assertThat(again).doesNotContainKeys(notFinalized, notReversed, heldForADeletedReceipt, heldForAnEndedCheckout,
                agrees);
        assertDifference(again.get(returnNotApplied), "RETURN_NOT_APPLIED", null, "OPEN");
        assertDifference(again.get(bonusMismatch), "BONUS_MISMATCH", null, "OPEN");
        assertDifference(again.get(stuck), "STUCK", null, "OPEN");
        assertThat(INCUST.finalizesSent(notFinalized)).isEqualTo(1);
        assertThat(INCUST.cancelsSent(notReversed) + INCUST.cancelsSent(heldForADeletedReceipt)
                + INCUST.cancelsSent(heldForAnEndedCheckout)).isEqualTo(3);
        JsonNode listed = days();
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("dayCheckId").asText()).as("newest first")
                .isEqualTo(second.path("dayCheckId").asText());
    }

    @Test
    void aDayWhosePosterCannotBeReadEndsFailedWithAnIncidentAtThatStep() throws Exception {
        fakes.stubFor(get(urlPathEqualTo("/poster/" + box.account + "/api/dash.getTransactions"))
                .willReturn(aResponse().withStatus(502)));

        String checkId = json.readTree(askToCheck(today.toString()).body()).path("dayCheckId").asText();
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(box.account + "/" + today)
                .singleResult().getId();
        for (int attempt = 0; attempt < 10; attempt++) {
            for (Job job : management.createJobQuery().processInstanceId(instance).withRetriesLeft().list()) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException expectedWhilePosterIsDown) {
                    // each attempt fails; the retries run out into an incident
                }
            }
        }

        Incident incident = runtime.createIncidentQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("ReadPostersReceipts");
        JsonNode failed = days().get(0);
        assertThat(failed.path("dayCheckId").asText()).isEqualTo(checkId);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
    }

    @Test
    void aDayAskedAgainWhileItsCheckRunsIsThatCheck() throws Exception {
        posterListsTheDay();
        HttpResponse<String> first = askToCheck(today.toString());
        HttpResponse<String> again = askToCheck(today.toString());

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(json.readTree(first.body()).path("status").asText()).isEqualTo("RUNNING");
        assertThat(json.readTree(again.body()).path("dayCheckId").asText())
                .isEqualTo(json.readTree(first.body()).path("dayCheckId").asText());
        Jobs.runAll(management);
        assertThat(days().get(0).path("status").asText()).isEqualTo("DONE");
        assertThat(days().get(0).path("open").asInt()).as("the fake's other sales are other cafés'").isGreaterThanOrEqualTo(0);
    }

    @Test
    void aRequestWithoutAnAccountOrADateOrForNoInstalledAccountIsRefused() throws Exception {
        HttpResponse<String> noDate = admin("POST", DAY_CHECKS, "{\"account\":\"" + box.account + "\"}");
        HttpResponse<String> badDate = admin("POST", DAY_CHECKS, "{\"account\":\"" + box.account
                + "\",\"date\":\"03.12.2026\"}");
        HttpResponse<String> noAccount = admin("POST", DAY_CHECKS, "{\"date\":\"" + today + "\"}");
        HttpResponse<String> notInstalled = admin("POST", DAY_CHECKS, "{\"account\":\"nobody\",\"date\":\"" + today
                + "\"}");
        HttpResponse<String> unauthenticated = box.send(HttpRequest.newBuilder(box.url(DAY_CHECKS + "?account="
                + box.account)).GET());

        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noDate.body()).path("errors").get(0).path("field").asText()).isEqualTo("date");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(noAccount.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noAccount.body()).path("errors").get(0).path("field").asText()).isEqualTo("account");
        assertThat(notInstalled.statusCode()).isEqualTo(404);
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
    }

    /** A checkout that ended while inCust kept its reservation: the release never reached inCust (a bug, a restore). */
    private void endedWithoutReleasing(String checkout) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(checkout).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "the test loses the release",
                        true));
        jdbc.sql("update checkout set status = 'CANCELLED' where id = ?").param(checkout).update();
    }

    private void posterListsTheDay(String... receipts) {
        String api = "/poster/" + box.account + "/api/dash.getTransactions";
        fakes.stubFor(get(urlPathEqualTo(api)).atPriority(1).withQueryParam("next_tr", absent())
                .willReturn(okJson("{\"response\":[" + String.join(",", receipts) + "]}")));
        fakes.stubFor(get(urlPathEqualTo(api)).atPriority(5).willReturn(okJson("{\"response\":[]}")));
    }

    /** A receipt as dash.getTransactions lists it, numbers as Poster's strings, money in kopecks. */
    private static String receipt(String id, int status, String payedBonus, int printFiscal) {
        return "{\"transaction_id\":\"" + id + "\",\"date_close\":\"1764835260000\",\"status\":\"" + status
                + "\",\"payed_bonus\":\"" + payedBonus + "\",\"payed_card\":\"0\",\"payed_cash\":\"11650\","
                + "\"payed_sum\":\"11650\",\"payed_third_party\":\"0\",\"sum\":\"13650\",\"spot_id\":\"2\","
                + "\"client_id\":\"0\",\"print_fiscal\":\"" + printFiscal + "\",\"products\":[{\"product_id\":\"12\","
                + "\"modification_id\":\"0\",\"num\":\"3\",\"payed_sum\":\"13650\",\"product_price\":\"4550\"}]}";
    }

    private JsonNode checkTheDay() throws Exception {
        HttpResponse<String> asked = askToCheck(today.toString());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        String checkId = json.readTree(asked.body()).path("dayCheckId").asText();
        Jobs.runAll(management);
        for (JsonNode check : days()) {
            if (check.path("dayCheckId").asText().equals(checkId)) {
                return check;
            }
        }
        throw new AssertionError("The day check " + checkId + " is not listed");
    }

    private HttpResponse<String> askToCheck(String date) throws Exception {
        return admin("POST", DAY_CHECKS, "{\"account\":\"" + box.account + "\",\"date\":\"" + date + "\"}");
    }

    private JsonNode days() throws Exception {
        HttpResponse<String> listed = admin("GET", DAY_CHECKS + "?account=" + box.account + "&date=" + today, null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        return json.readTree(listed.body());
    }

    private HttpResponse<String> admin(String method, String path, String body) throws Exception {
        return box.send(HttpRequest.newBuilder(box.url(path)).header("Authorization", BlackBox.adminAuthorization())
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Map<String, JsonNode> byCheckout(JsonNode check) {
        Map<String, JsonNode> found = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (JsonNode difference : check.path("differences")) {
            String checkout = difference.path("checkoutId").asText(null);
            if (checkout != null && found.put(checkout, difference) != null) {
                twice.add(checkout);
            }
        }
        assertThat(twice).as("one difference per checkout").isEmpty();
        return found;
    }

    private static Map<String, JsonNode> byIncustTransaction(JsonNode check) {
        Map<String, JsonNode> found = new HashMap<>();
        check.path("differences").forEach(difference -> found.put(difference.path("incustTransactionId").asText(),
                difference));
        return found;
    }

    private static void assertDifference(JsonNode difference, String kind, String fix, String status) {
        assertThat(difference).as("a %s difference", kind).isNotNull();
        assertThat(difference.path("kind").asText()).as(difference.toString()).isEqualTo(kind);
        assertThat(difference.hasNonNull("fix") ? difference.path("fix").asText() : null).as(difference.toString())
                .isEqualTo(fix);
        assertThat(difference.path("status").asText()).as(difference.toString()).isEqualTo(status);
        assertThat(difference.path("detail").asText()).isNotBlank();
    }

    private double counted(String kind, String fix) {
        Counter counter = metrics.find("day.check.differences").tag("kind", kind).tag("fix", fix).counter();
        return counter == null ? 0 : counter.count();
    }
}
