package com.posterincust.production;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.posterincust.BlackBox;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service, job executors on, sharing one PostgreSQL database: many checkouts go through
 * both at once, with the receipt closed or the checkout cancelled at the other node. Each is finalized or
 * released exactly once, as inCust's call log shows.
 */
class TwoNodesTest extends TwoNodes {

    static final int CHECKOUTS = 40;

    @Test
    void everyCheckoutIsFinalizedOrReleasedExactlyOnce() throws Exception {
        BlackBox a = new BlackBox(fakes, json, port(nodeA)).stubPosterAndIncust();
        BlackBox b = new BlackBox(fakes, json, port(nodeB), a.account);
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,"
                + "\"max_redeemable_bonuses\":45.50,\"bonus_points_available\":150.00,\"amount_to_pay\":91.00}")));
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(TX)));
        fakes.stubFor(post(urlPathMatching("/incust/v1/term/transaction/.*/finalize")).willReturn(okJson("{\"status\":\"finalized\"}")));
        fakes.stubFor(post(urlPathMatching("/incust/v1/term/transaction/.*/cancel")).willReturn(okJson("{\"status\":\"cancelled\"}")));
        a.installAndAwaitActive().bindRegister();
        assertThat(json.readTree(a.send(HttpRequest.newBuilder(a.url("/actuator/health/orchestrator"))
                .header("Authorization", BlackBox.adminAuthorization())).body())
                .path("components").path("jobExecutor").path("status").asText()).isEqualTo("UP");

        ExecutorService registers = Executors.newFixedThreadPool(8);
        List<Future<String>> started = new ArrayList<>();
        for (int i = 0; i < CHECKOUTS; i++) {
            int n = i;
            started.add(registers.submit(() -> checkOut(n % 2 == 0 ? a : b, n % 2 == 0 ? b : a, "order-" + n, n % 4 == 3)));
        }
        Map<String, String> outcome = new java.util.HashMap<>();
        for (int i = 0; i < CHECKOUTS; i++) {
            outcome.put(started.get(i).get(60, TimeUnit.SECONDS), i % 4 == 3 ? "CANCELLED" : "COMPLETED");
        }
        registers.shutdown();

        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !(countBy("finalize") .size() == CHECKOUTS * 3 / 4
                && countBy("cancel").size() == CHECKOUTS / 4 && allSettled(a, outcome))) {
            Thread.onSpinWait();
        }

        assertThat(allSettled(a, outcome)).as("every checkout reached its end").isTrue();
        Map<String, Long> finalized = countBy("finalize");
        Map<String, Long> released = countBy("cancel");
        Map<String, Long> reserved = fakes.findAll(postRequestedFor(urlEqualTo("/incust/v1/term/check/reserve"))).stream()
                .collect(Collectors.groupingBy(r -> r.getBodyAsString().replaceAll(".*\"external_id\":\"([^\"]+)\".*", "$1"),
                        Collectors.counting()));
        outcome.forEach((id, expected) -> {
            assertThat(reserved.get(id)).as("reservations of " + id).isEqualTo(1);
            assertThat(finalized.getOrDefault("tx-" + id, 0L)).as("finalizations of " + id)
                    .isEqualTo(expected.equals("COMPLETED") ? 1 : 0);
            assertThat(released.getOrDefault("tx-" + id, 0L)).as("releases of " + id)
                    .isEqualTo(expected.equals("CANCELLED") ? 1 : 0);
        });
    }

    private static String checkOut(BlackBox start, BlackBox finish, String orderId, boolean cancel) throws Exception {
        String order = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-1001\",\"items\":[{\"productId\":\"12\","
                + "\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,\"currency\":\"UAH\"}";
        HttpResponse<String> created = start.registerWithKey("POST", "/api/register/v1/checkouts", order, orderId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("checkoutId").asText();
        assertThat(start.register("POST", "/api/register/v1/checkouts/" + id + "/redemption", "{}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> last = cancel
                ? finish.register("POST", "/api/register/v1/checkouts/" + id + "/cancel", "")
                : finish.register("POST", "/api/register/v1/checkouts/" + id + "/order-closed",
                "{\"transactionId\":\"" + (1000 + orderId.length()) + "\",\"payedBonus\":0}");
        assertThat(last.statusCode()).as(last.body()).isIn(200, 202);
        return id;
    }

    private static boolean allSettled(BlackBox node, Map<String, String> outcome) {
        return outcome.entrySet().stream().allMatch(entry -> {
            try {
                return json.readTree(node.register("GET", "/api/register/v1/checkouts/" + entry.getKey(), "").body())
                        .path("status").asText().equals(entry.getValue());
            } catch (Exception e) {
                return false;
            }
        });
    }

    private static Map<String, Long> countBy(String operation) {
        Function<LoggedRequest, String> transaction = r -> r.getUrl().replaceAll(".*/transaction/([^/]+)/.*", "$1");
        return fakes.findAll(postRequestedFor(urlPathMatching("/incust/v1/term/transaction/.*/" + operation))).stream()
                .collect(Collectors.groupingBy(transaction, Collectors.counting()));
    }
}
