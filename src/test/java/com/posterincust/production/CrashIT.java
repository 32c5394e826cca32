package com.posterincust.production;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.posterincust.BlackBox;
import com.posterincust.PostgresTestDatabase;
import com.posterincust.sandbox.FakeIncust;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, killed with SIGKILL while checkouts are reserved and while finalize jobs are talking to
 * inCust, then started again on the same PostgreSQL database: every checkout ends COMPLETED or released, inCust
 * finalized none of them twice, and no reservation, finalize or cancel was sent twice (counted where inCust receives
 * them). Runs after `package` (failsafe), against the real jar.
 */
class CrashIT {

    static final int COMPLETING = 6;
    static final int WAITING = 6;
    static final ObjectMapper json = new ObjectMapper();

    final WireMockServer poster = new WireMockServer(wireMockConfig().dynamicPort());
    final List<PackagedService> nodes = new ArrayList<>();
    FakeIncust incust;

    @AfterEach
    void stopEverything() {
        nodes.forEach(PackagedService::close);
        poster.stop();
        if (incust != null) {
            incust.close();
        }
    }

    @Test
    void afterAKillEveryCheckoutEndsAndNoneIsFinalizedTwice() throws Exception {
        poster.start();
        incust = FakeIncust.start();
        incust.finalizeTakes(1500);
        String database = PostgresTestDatabase.create();

        PackagedService first = start(database, "first");
        BlackBox node = new BlackBox(poster, json, first.port());
        node.stubPosterAndIncust();
        node.installAndAwaitActive().bindRegister(true, FakeIncust.INSTANT_LOGIN, FakeIncust.PASSWORD);

        List<String> completing = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < COMPLETING + WAITING; i++) {
            String id = reserve(node, "crash-order-" + i);
            if (i < COMPLETING) {
                assertThat(node.register("POST", "/api/register/v1/checkouts/" + id + "/order-closed",
                        "{\"transactionId\":\"" + (7000 + i) + "\",\"payedBonus\":0}").statusCode()).isEqualTo(202);
                completing.add(id);
            } else {
                waiting.add(id);
            }
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (incust.finalizeCallsStarted() == 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(incust.finalizeCallsStarted()).as("a finalize was under way").isPositive();
        first.kill();

        PackagedService second = start(database, "second");
        BlackBox restarted = new BlackBox(poster, json, second.port(), node.account);
        for (String id : waiting) {
            HttpResponse<String> closed = restarted.register("POST", "/api/register/v1/checkouts/" + id + "/order-closed",
                    "{\"payedBonus\":0}");
            assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
        }

        deadline = System.currentTimeMillis() + 90_000;
        List<String> all = new ArrayList<>(completing);
        all.addAll(waiting);
        while (!allCompleted(restarted, all) && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(allCompleted(restarted, all)).as("every checkout completed after the restart").isTrue();
        for (String id : all) {
            assertThat(incust.finalizations(id)).as("finalizations of " + id).isEqualTo(1);
            assertThat(incust.cancellations(id)).as("releases of " + id).isZero();
            // the finalize the kill interrupted reached inCust: its job, run again, asked first and sent nothing
            assertThat(incust.reservesSent(id)).as("reservations sent for " + id).isEqualTo(1);
            assertThat(incust.finalizesSent(id)).as("finalizes sent for " + id).isEqualTo(1);
            assertThat(incust.cancelsSent(id)).as("cancels sent for " + id).isZero();
        }
    }

    /**
     * Killed while inCust holds reservations whose answers never reached the commit: after the restart the checkouts
     * still wait for a choice and know no reservation. The cashier cancels half of them, the other half is left until
     * the choice timer fires (run at once by the operator, as Cockpit would): every reservation is released, once.
     */
    @Test
    void reservationsMadeJustBeforeAKillAreReleasedByTheCancelAndByTheTimeout() throws Exception {
        poster.start();
        incust = FakeIncust.start();
        incust.answerReservationsAfter(4000);
        String database = PostgresTestDatabase.create();
        PackagedService first = start(database, "reserving");
        BlackBox node = new BlackBox(poster, json, first.port());
        node.stubPosterAndIncust();
        node.installAndAwaitActive().bindRegister(true, FakeIncust.INSTANT_LOGIN, FakeIncust.PASSWORD);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(created(node, "kill-reserve-" + i));
        }

        ExecutorService registers = Executors.newFixedThreadPool(ids.size());
        for (String id : ids) {
            registers.submit(() -> node.register("POST", "/api/register/v1/checkouts/" + id + "/redemption",
                    "{\"bonusPoints\":10}"));
        }
        long deadline = System.currentTimeMillis() + 3000;
        while (incust.reservationsMade() < ids.size() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(incust.reservationsMade()).as("inCust holds every reservation, none answered yet")
                .isEqualTo(ids.size());
        first.kill();
        registers.shutdownNow();

        PackagedService second = start(database, "after-reserving");
        BlackBox restarted = new BlackBox(poster, json, second.port(), node.account);
        List<String> cancelled = ids.subList(0, 3);
        List<String> abandoned = ids.subList(3, 6);
        for (String id : ids) {
            assertThat(status(restarted, id)).as("the reservation never reached " + id).isEqualTo("AWAITING_REDEMPTION");
        }
        for (String id : cancelled) {
            HttpResponse<String> cancel = restarted.register("POST", "/api/register/v1/checkouts/" + id + "/cancel", "");
            assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
            assertThat(json.readTree(cancel.body()).path("status").asText()).isEqualTo("CANCELLED");
        }
        for (String id : abandoned) {
            String instance = json.readTree(engineRest(restarted, "GET", "/process-instance?businessKey=" + id).body())
                    .get(0).path("id").asText();
            String timer = json.readTree(engineRest(restarted, "GET", "/job?timers=true&processInstanceId=" + instance)
                    .body()).get(0).path("id").asText();
            assertThat(engineRest(restarted, "POST", "/job/" + timer + "/execute").statusCode()).isEqualTo(204);
        }

        deadline = System.currentTimeMillis() + 60_000;
        while (ids.stream().anyMatch(id -> !"cancelled".equals(incust.status(id).orElse(null)))
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        for (String id : ids) {
            assertThat(incust.status(id).orElse(null)).as("inCust's reservation of " + id).isEqualTo("cancelled");
            assertThat(incust.cancellations(id)).as("releases of " + id).isEqualTo(1);
            assertThat(incust.reservesSent(id)).as("reservations sent for " + id).isEqualTo(1);
            assertThat(incust.cancelsSent(id)).as("cancels sent for " + id).isEqualTo(1);
        }
        cancelled.forEach(id -> assertThat(status(restarted, id)).isEqualTo("CANCELLED"));
        abandoned.forEach(id -> assertThat(status(restarted, id)).isEqualTo("EXPIRED"));
    }

    private static HttpResponse<String> engineRest(BlackBox node, String method, String path) throws Exception {
        return node.send(HttpRequest.newBuilder(node.url("/engine-rest" + path))
                .header("Authorization", BlackBox.adminAuthorization()).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static String status(BlackBox node, String id) {
        try {
            return json.readTree(node.register("GET", "/api/register/v1/checkouts/" + id, "").body()).path("status")
                    .asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String created(BlackBox node, String orderId) throws Exception {
        String order = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-1001\",\"items\":[{\"productId\":\"12\","
                + "\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,\"currency\":\"UAH\"}";
        HttpResponse<String> created = node.registerWithKey("POST", "/api/register/v1/checkouts", order, orderId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("checkoutId").asText();
    }

    private static String reserve(BlackBox node, String orderId) throws Exception {
        String id = created(node, orderId);
        assertThat(node.register("POST", "/api/register/v1/checkouts/" + id + "/redemption", "{}").statusCode())
                .isEqualTo(200);
        return id;
    }

    private static boolean allCompleted(BlackBox node, List<String> ids) {
        return ids.stream().allMatch(id -> {
            try {
                return json.readTree(node.register("GET", "/api/register/v1/checkouts/" + id, "").body())
                        .path("status").asText().equals("COMPLETED");
            } catch (Exception e) {
                return false;
            }
        });
    }

    /**
     * Two nodes on one database with the production job settings: one is killed while finalizing, and the jobs it
     * had locked are run by the other once their lock expires — within a minute and the idle node's look for work,
     * not the engine's five minutes.
     */
    @Test
    void aDeadNodesLockedJobsAreTakenOverWithinTheLockTime() throws Exception {
        poster.start();
        incust = FakeIncust.start();
        incust.finalizeTakes(3000);
        String database = PostgresTestDatabase.create();
        PackagedService dying = startWithProductionJobSettings(database, "dying");
        PackagedService survivor = startWithProductionJobSettings(database, "survivor");
        BlackBox node = new BlackBox(poster, json, dying.port());
        node.stubPosterAndIncust();
        node.installAndAwaitActive().bindRegister(true, FakeIncust.INSTANT_LOGIN, FakeIncust.PASSWORD);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = reserve(node, "take-over-" + i);
            assertThat(node.register("POST", "/api/register/v1/checkouts/" + id + "/order-closed",
                    "{\"transactionId\":\"" + (8000 + i) + "\",\"payedBonus\":0}").statusCode()).isEqualTo(202);
            ids.add(id);
        }
        long deadline = System.currentTimeMillis() + 30_000;
        while (incust.finalizeCallsStarted() == 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(incust.finalizeCallsStarted()).as("the dying node was finalizing").isPositive();
        dying.kill();
        long killedAt = System.currentTimeMillis();

        BlackBox other = new BlackBox(poster, json, survivor.port(), node.account);
        deadline = killedAt + LOCK_TIME_MILLIS + IDLE_LOOK_MILLIS + 20_000;
        while (!allCompleted(other, ids) && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        long tookOver = System.currentTimeMillis() - killedAt;
        assertThat(allCompleted(other, ids)).as("all completed " + tookOver + " ms after the kill").isTrue();
        assertThat(tookOver).as("no job waited the engine's 5 minutes").isLessThan(LOCK_TIME_MILLIS + IDLE_LOOK_MILLIS
                + 20_000);
        for (String id : ids) {
            assertThat(incust.finalizations(id)).as("finalizations of " + id).isEqualTo(1);
            assertThat(incust.finalizesSent(id)).as("finalizes sent for " + id).isEqualTo(1);
        }
    }

    /**
     * Killed while returns of part of sales are being sent to inCust: after the restart every return is applied, and
     * each reached inCust exactly once (sent once, counted where inCust receives it).
     */
    @Test
    void returnsInterruptedByAKillReachInCustOnce() throws Exception {
        poster.start();
        incust = FakeIncust.start();
        incust.giveBonusPoints(FakeIncust.CUSTOMER, new java.math.BigDecimal("1000.00"));
        incust.returnTakes(1500);
        String database = PostgresTestDatabase.create();
        PackagedService first = start(database, "returning");
        BlackBox node = new BlackBox(poster, json, first.port());
        node.stubPosterAndIncust();
        node.installAndAwaitActive().bindRegister(true, FakeIncust.INSTANT_LOGIN, FakeIncust.PASSWORD);
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = reserve(node, "return-order-" + i);
            assertThat(node.register("POST", "/api/register/v1/checkouts/" + id + "/order-closed",
                    "{\"transactionId\":\"" + (9100 + i) + "\",\"payedBonus\":0}").statusCode()).isEqualTo(202);
            sales.add(id);
        }
        long deadline = System.currentTimeMillis() + 60_000;
        while (!allCompleted(node, sales) && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(allCompleted(node, sales)).as("the sales completed").isTrue();
        List<String> returns = new ArrayList<>();
        for (int i = 0; i < sales.size(); i++) {
            HttpResponse<String> reported = node.registerWithKey("POST", "/api/register/v1/returns",
                    "{\"transactionId\":\"" + (9100 + i) + "\",\"products\":[{\"productId\":\"12\",\"count\":1}]}",
                    "return-" + i);
            assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);
            returns.add(json.readTree(reported.body()).path("returnId").asText());
        }
        deadline = System.currentTimeMillis() + 30_000;
        while (incust.returnCallsStarted() == 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(incust.returnCallsStarted()).as("a return was under way").isPositive();
        first.kill();

        PackagedService second = start(database, "after-returning");
        BlackBox restarted = new BlackBox(poster, json, second.port(), node.account);
        deadline = System.currentTimeMillis() + 90_000;
        while (!returns.stream().allMatch(id -> "RETURNED".equals(returnStatus(restarted, id)))
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        for (String id : returns) {
            assertThat(returnStatus(restarted, id)).as("return " + id).isEqualTo("RETURNED");
            assertThat(incust.returnsSent(id)).as("returns sent for " + id).isEqualTo(1);
        }
    }

    /**
     * Killed while a day check releases reservations inCust kept for ended checkouts and tells waiting checkouts their
     * receipts closed: after the restart the same check finishes, every fix made once — one cancel, one finalize each
     * reached inCust.
     */
    @Test
    void aDayCheckInterruptedByAKillFinishesAfterTheRestartFixingNothingTwice() throws Exception {
        poster.start();
        incust = FakeIncust.start();
        incust.cancelTakes(1500);
        String database = PostgresTestDatabase.create();
        PackagedService first = start(database, "day-check");
        BlackBox node = new BlackBox(poster, json, first.port());
        node.stubPosterAndIncust();
        node.installAndAwaitActive().bindRegister(true, FakeIncust.INSTANT_LOGIN, FakeIncust.PASSWORD);
        List<String> ended = new ArrayList<>();
        List<String> notFinalized = new ArrayList<>();
        List<String> receipts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ended.add(reserve(node, "day-ended-" + i));
            String receipt = String.valueOf(9600 + i);
            notFinalized.add(reserveForReceipt(node, "day-waiting-" + i, receipt));
            receipts.add("{\"transaction_id\":\"" + receipt + "\",\"status\":\"2\",\"payed_bonus\":\"0\","
                    + "\"print_fiscal\":\"1\",\"sum\":\"9100\",\"products\":[]}");
        }
        try (Connection sql = DriverManager.getConnection(database, PostgresTestDatabase.user(),
                PostgresTestDatabase.password()); PreparedStatement endIt = sql.prepareStatement(
                "update checkout set status = 'CANCELLED' where id = ?")) {
            // the release of these checkouts never reached inCust (lost with a restored backup, say)
            for (String id : ended) {
                endIt.setString(1, id);
                endIt.executeUpdate();
            }
        }
        String day = LocalDate.now(ZoneOffset.UTC).toString();
        String api = "/poster/" + node.account + "/api/dash.getTransactions";
        poster.stubFor(get(
                        urlPathEqualTo(api)).atPriority(1)
                .withQueryParam("next_tr", absent())
                .willReturn(okJson(
                        "{\"response\":[" + String.join(",", receipts) + "]}")));
        poster.stubFor(get(
                        urlPathEqualTo(api)).atPriority(5)
                .willReturn(okJson("{\"response\":[]}")));

        HttpResponse<String> asked = admin(node, "POST", "/api/admin/v1/day-checks",
                "{\"account\":\"" + node.account + "\",\"date\":\"" + day + "\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 60_000;
        while (incust.cancelCallsStarted() == 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(incust.cancelCallsStarted()).as("the fixes were under way").isPositive();
        first.kill();

        PackagedService second = start(database, "after-day-check");
        BlackBox restarted = new BlackBox(poster, json, second.port(), node.account);
        deadline = System.currentTimeMillis() + 120_000;
        JsonNode checks = dayChecks(restarted, day);
        while (!("DONE".equals(checks.path(0).path("status").asText()) && allCompleted(restarted, notFinalized))
                && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
            checks = dayChecks(restarted, day);
        }
        assertThat(checks).as("the same check, finished").hasSize(1);
        assertThat(checks.path(0).path("status").asText()).isEqualTo("DONE");
        assertThat(checks.path(0).path("fixed").asInt()).isEqualTo(8);
        assertThat(checks.path(0).path("open").asInt()).isZero();
        assertThat(allCompleted(restarted, notFinalized)).as("the waiting checkouts finalized").isTrue();
        for (String id : ended) {
            assertThat(incust.cancelsSent(id)).as("cancels sent for " + id).isEqualTo(1);
            assertThat(incust.status(id)).contains("cancelled");
        }
        for (String id : notFinalized) {
            assertThat(incust.finalizesSent(id)).as("finalizes sent for " + id).isEqualTo(1);
            assertThat(incust.cancelsSent(id)).as("cancels sent for " + id).isZero();
        }
    }

    private static String reserveForReceipt(BlackBox node, String orderId, String receipt) throws Exception {
        String order = "{\"orderId\":\"" + orderId + "\",\"transactionId\":\"" + receipt + "\",\"customerId\":"
                + "\"c-1001\",\"items\":[{\"productId\":\"12\",\"name\":\"Latte\",\"count\":2,\"price\":45.50}],"
                + "\"total\":91.00,\"currency\":\"UAH\"}";
        HttpResponse<String> created = node.registerWithKey("POST", "/api/register/v1/checkouts", order, orderId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("checkoutId").asText();
        assertThat(node.register("POST", "/api/register/v1/checkouts/" + id + "/redemption", "{}").statusCode())
                .isEqualTo(200);
        return id;
    }

    private static JsonNode dayChecks(BlackBox node, String day) throws Exception {
        return json.readTree(admin(node, "GET", "/api/admin/v1/day-checks?account=" + node.account + "&date=" + day,
                null).body());
    }

    private static HttpResponse<String> admin(BlackBox node, String method, String path, String body) throws Exception {
        return node.send(HttpRequest.newBuilder(node.url(path))
                .header("Authorization", BlackBox.adminAuthorization()).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String returnStatus(BlackBox node, String returnId) {
        try {
            return json.readTree(node.register("GET", "/api/register/v1/returns/" + returnId, "").body())
                    .path("status").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** application.yml's camunda.bpm.job-execution.lock-time-in-millis and max-wait. */
    static final long LOCK_TIME_MILLIS = 60_000;
    static final long IDLE_LOOK_MILLIS = 10_000;

    private PackagedService startWithProductionJobSettings(String database, String name) throws Exception {
        PackagedService node = PackagedService.start("crash-" + name, connections(database));
        nodes.add(node);
        return node;
    }

    private List<String> connections(String database) {
        return List.of("--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--poster.api.base-url=" + poster.baseUrl() + "/poster/{account}/api",
                "--incust.api.base-url=" + incust.baseUrl());
    }

    private PackagedService start(String database, String name) throws Exception {
        List<String> settings = new ArrayList<>(connections(database));
        // a dead node's job locks expire quickly for these tests; the one above keeps the production lease
        settings.addAll(List.of("--camunda.bpm.job-execution.lock-time-in-millis=5000",
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=1000"));
        PackagedService node = PackagedService.start("crash-" + name, settings);
        nodes.add(node);
        return node;
    }
}
