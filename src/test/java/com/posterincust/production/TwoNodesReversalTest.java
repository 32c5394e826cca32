package com.posterincust.production;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.posterincust.BlackBox;
import com.posterincust.reversal.SaleReversalProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service on one PostgreSQL database, job executors on: each of 40 completed sales is asked to
 * be reversed at both nodes at the same moment. Each gets one reversal and one cancel in inCust.
 */
class TwoNodesReversalTest extends TwoNodes {

    static final int CHECKOUTS = 40;

    @Test
    void concurrentReversalRequestsCancelEachSaleExactlyOnce() throws Exception {
        BlackBox a = new BlackBox(fakes, json, port(nodeA)).stubPosterAndIncust();
        BlackBox b = new BlackBox(fakes, json, port(nodeB), a.account);
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,"
                + "\"max_redeemable_bonuses\":45.50,\"bonus_points_available\":150.00,\"amount_to_pay\":91.00}")));
        fakes.stubFor(post("/incust/v1/term/check/reserve").willReturn(okJson(TX)));
        fakes.stubFor(post(urlPathMatching("/incust/v1/term/transaction/.*/finalize"))
                .willReturn(okJson("{\"status\":\"finalized\"}")));
        fakes.stubFor(post(urlPathMatching("/incust/v1/term/transaction/.*/cancel"))
                .willReturn(okJson("{\"status\":\"cancelled\"}")));
        a.installAndAwaitActive().bindRegister();
        List<String> sales = new ArrayList<>();
        for (int i = 0; i < CHECKOUTS; i++) {
            sales.add(completedSale(i % 2 == 0 ? a : b, "order-" + i));
        }
        awaitAll(a, sales, "COMPLETED");

        ExecutorService operators = Executors.newFixedThreadPool(16);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (String sale : sales) {
            CyclicBarrier together = new CyclicBarrier(2);
            for (BlackBox node : List.of(a, b)) {
                answers.add(operators.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return reverse(node, sale);
                }));
            }
        }
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }
        operators.shutdown();
        awaitAll(a, sales, "REVERSED");

        Map<String, Long> cancels = fakes.findAll(postRequestedFor(urlPathMatching(
                "/incust/v1/term/transaction/.*/cancel"))).stream()
                .collect(Collectors.groupingBy(r -> r.getUrl().replaceAll(".*/transaction/tx-([^/]+)/.*", "$1"),
                        Collectors.counting()));
        HistoryService history = nodeA.getBean(HistoryService.class);
        for (String sale : sales) {
            assertThat(cancels.get(sale)).as("inCust cancels of " + sale).isEqualTo(1);
            assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SaleReversalProcess.KEY)
                    .processInstanceBusinessKey(sale).count()).as("reversals of " + sale).isEqualTo(1);
        }
        assertThat(cancels).hasSize(CHECKOUTS);
        fakes.verify(CHECKOUTS, postRequestedFor(urlPathMatching("/incust/v1/term/transaction/.*/finalize")));
        assertThat(fakes.findAll(postRequestedFor(urlEqualTo("/incust/v1/term/check/reserve")))).hasSize(CHECKOUTS);
    }

    private static String completedSale(BlackBox node, String orderId) throws Exception {
        String order = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-1001\",\"items\":[{\"productId\":\"12\","
                + "\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,\"currency\":\"UAH\"}";
        HttpResponse<String> created = node.registerWithKey("POST", "/api/register/v1/checkouts", order, orderId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json.readTree(created.body()).path("checkoutId").asText();
        assertThat(node.register("POST", "/api/register/v1/checkouts/" + id + "/redemption", "{}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> closed = node.register("POST", "/api/register/v1/checkouts/" + id + "/order-closed",
                "{\"transactionId\":\"" + (7000 + Integer.parseInt(orderId.substring(6))) + "\",\"payedBonus\":0}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(202);
        return id;
    }

    private static HttpResponse<String> reverse(BlackBox node, String sale) throws Exception {
        return node.send(HttpRequest.newBuilder(node.url("/api/admin/v1/checkouts/" + sale + "/reversal"))
                .header("Authorization", BlackBox.adminAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"The guest returned everything\"}")));
    }

    private static void awaitAll(BlackBox node, List<String> sales, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        List<String> behind = sales;
        while (!behind.isEmpty() && System.currentTimeMillis() < deadline) {
            List<String> stillBehind = new ArrayList<>();
            for (String sale : behind) {
                if (!json.readTree(node.register("GET", "/api/register/v1/checkouts/" + sale, "").body())
                        .path("status").asText().equals(status)) {
                    stillBehind.add(sale);
                }
            }
            behind = stillBehind;
        }
        assertThat(behind).as("checkouts not " + status + " within a minute").isEmpty();
    }
}
