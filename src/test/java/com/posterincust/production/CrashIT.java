package com.posterincust.production;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.posterincust.BlackBox;
import com.posterincust.PostgresTestDatabase;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service, killed with SIGKILL while checkouts are reserved and while finalize jobs are talking to
 * inCust, then started again on the same PostgreSQL database: every checkout ends COMPLETED or released, and inCust
 * finalized none of them twice. Runs after `package` (failsafe), against the real jar.
 */
class CrashIT {

    static final int COMPLETING = 6;
    static final int WAITING = 6;
    static final ObjectMapper json = new ObjectMapper();

    final WireMockServer poster = new WireMockServer(wireMockConfig().dynamicPort());
    final List<PackagedService> nodes = new ArrayList<>();
    StatefulFakeIncust incust;

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
        incust = new StatefulFakeIncust(1500);
        String database = PostgresTestDatabase.create();

        PackagedService first = start(database, "first");
        BlackBox node = new BlackBox(poster, json, first.port());
        node.stubPosterAndIncust();
        node.installAndAwaitActive().bindRegister();

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
        while (incust.finalizeCallsStarted.get() == 0 && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(incust.finalizeCallsStarted.get()).as("a finalize was under way").isPositive();
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
        assertThat(incust.finalizeCallsStarted.get()).as("the finalize the kill interrupted was sent again")
                .isGreaterThan(all.size());
        for (String id : all) {
            assertThat(incust.finalizations.get("tx-" + id)).as("finalizations of " + id).hasValue(1);
            assertThat(incust.cancellations.get("tx-" + id)).as("releases of " + id).isNull();
        }
    }

    private static String reserve(BlackBox node, String orderId) throws Exception {
        String order = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-1001\",\"items\":[{\"productId\":\"12\","
                + "\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,\"currency\":\"UAH\"}";
        HttpResponse<String> created = node.registerWithKey("POST", "/api/register/v1/checkouts", order, orderId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("checkoutId").asText();
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

    private PackagedService start(String database, String name) throws Exception {
        PackagedService node = PackagedService.start("crash-" + name, List.of(
                "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--poster.api.base-url=" + poster.baseUrl() + "/poster/{account}/api",
                "--incust.api.base-url=" + incust.baseUrl(),
                // a dead node's job locks must expire quickly for the test; production keeps a longer lease
                "--camunda.bpm.job-execution.lock-time-in-millis=5000",
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=1000"));
        nodes.add(node);
        return node;
    }
}
