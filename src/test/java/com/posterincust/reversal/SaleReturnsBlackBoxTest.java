package com.posterincust.reversal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.Jobs;
import com.posterincust.sandbox.FakeIncust;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Returns of part of a sale (register-api.md §7) over HTTP, the register's way, against the one stateful fake inCust:
 * three lattes, 20 points redeemed, returned one by one — inCust's returns add up to the sale and the guest's points
 * end where a deleted receipt would leave them. On H2 here, on PostgreSQL in {@link SaleReturnsOnPostgresTest}.
 */
class SaleReturnsBlackBoxTest extends SaleReturnsRun {

    @Test
    void threeLattesReturnedInThreeReturnsEndAsADeletedReceiptWould() throws Exception {
        String checkout = completedSale("order-r1", "7101");
        BigDecimal afterTheSale = INCUST.bonusPoints(FakeIncust.CUSTOMER);
        assertThat(afterTheSale).isNotEqualByComparingTo("150.00");

        JsonNode first = accepted(report("7101", "r1-a", 1));
        assertThat(first.path("status").asText()).isEqualTo("RETURNING");
        assertThat(first.path("amount").decimalValue()).isEqualByComparingTo("45.50");
        Jobs.runAll(management);
        JsonNode firstDone = json.readTree(box.register("GET", RETURNS + "/" + first.path("returnId").asText(), "")
                .body());
        assertThat(firstDone.path("status").asText()).isEqualTo("RETURNED");
        assertThat(firstDone.path("bonusPointsReturned").decimalValue()).isEqualByComparingTo("6.66");
        assertThat(firstDone.path("bonusPointsRemoved").decimalValue()).isPositive();
        assertThat(status(checkout)).isEqualTo("COMPLETED");

        accepted(report("7101", "r1-b", 1));
        Jobs.runAll(management);
        assertThat(status(checkout)).isEqualTo("COMPLETED");
        accepted(report("7101", "r1-c", 1));
        Jobs.runAll(management);

        assertThat(status(checkout)).isEqualTo("REVERSED");
        assertThat(INCUST.bonusPoints(FakeIncust.CUSTOMER)).isEqualByComparingTo("150.00");
        JsonNode view = json.readTree(box.register("GET", CHECKOUTS + "/" + checkout, "").body());
        assertThat(view.path("returns")).hasSize(3);
        assertThat(view.path("returnedAmount").decimalValue()).isEqualByComparingTo("136.50");
        BigDecimal returned = BigDecimal.ZERO;
        for (JsonNode done : view.path("returns")) {
            returned = returned.add(done.path("bonusPointsReturned").decimalValue());
        }
        assertThat(returned).as("the returns give back all 20 points redeemed").isEqualByComparingTo("20.00");
        assertThat(report("7101", "r1-d", 1).statusCode()).as("nothing left: the sale is REVERSED").isEqualTo(409);
    }

    @Test
    void theSameReportTwiceAndTwentyAtOnceAreOneReturn() throws Exception {
        completedSale("order-r2", "7102");
        String body = returnOf("7102", 1);
        JsonNode once = accepted(box.registerWithKey("POST", RETURNS, body, "r2-same"));
        JsonNode again = accepted(box.registerWithKey("POST", RETURNS, body, "r2-same"));
        assertThat(again.path("returnId").asText()).isEqualTo(once.path("returnId").asText());

        ExecutorService registers = Executors.newFixedThreadPool(20);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        // the register's outbox sending one report twenty times at once: one signed call, one key
        long moment = System.currentTimeMillis() / 1000 + 280;
        for (int i = 0; i < 20; i++) {
            answers.add(registers.submit(() -> box.registerWithKeyAt("POST", RETURNS, body, "r2-twenty", moment)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            ids.add(accepted(answer.get(30, TimeUnit.SECONDS)).path("returnId").asText());
        }
        registers.shutdown();

        assertThat(ids).containsOnly(ids.get(0));
        assertThat(returnsOfReceipt("7102")).isEqualTo(2);
        assertThat(box.registerWithKey("POST", RETURNS, returnOf("7102", 2), "r2-same").statusCode())
                .as("the same key, another body").isEqualTo(409);
        Jobs.runAll(management);
        assertThat(INCUST.returnsSent(once.path("returnId").asText())).isOne();
    }

    @Test
    void moreThanIsLeftOfTheSaleIsRefusedNamingTheProductAndNothingIsReturned() throws Exception {
        completedSale("order-r3", "7103");
        accepted(report("7103", "r3-a", 2));

        HttpResponse<String> tooMany = report("7103", "r3-b", 2);

        assertThat(tooMany.statusCode()).isEqualTo(422);
        JsonNode problem = json.readTree(tooMany.body());
        assertThat(problem.path("type").asText()).endsWith("/problems/return-rejected");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("product 12")
                .contains("2 returned, 1 left");
        assertThat(returnsOfReceipt("7103")).isOne();
    }

    @Test
    void aReceiptWithoutAnInCustSaleIsNotALoyaltySale() throws Exception {
        HttpResponse<String> none = report("9999", "r4", 1);

        assertThat(none.statusCode()).isEqualTo(200);
        assertThat(json.readTree(none.body()).path("status").asText()).isEqualTo("NOT_A_LOYALTY_SALE");
    }

    @Test
    void aReturnWhileTheSaleIsFinalizingIsMadeOnceItIsFinalized() throws Exception {
        String checkout = closedSale("order-r5", "7105");
        assertThat(status(checkout)).isEqualTo("FINALIZING");

        JsonNode waiting = accepted(report("7105", "r5", 1));
        runEverythingIncludingTheReturnsWait();

        assertThat(status(checkout)).isEqualTo("COMPLETED");
        assertThat(json.readTree(box.register("GET", RETURNS + "/" + waiting.path("returnId").asText(), "").body())
                .path("status").asText()).isEqualTo("RETURNED");
        assertThat(INCUST.returnsSent(waiting.path("returnId").asText())).isOne();
    }

    @Test
    void aDeletedReceiptAfterAPartialReturnReversesOnlyTheRest() throws Exception {
        String checkout = completedSale("order-r6", "7106");
        accepted(report("7106", "r6", 1));
        Jobs.runAll(management);
        fakes.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/poster/.*/api/dash.getTransaction"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"response\":[{\"transaction_id\""
                        + ":\"7106\",\"status\":\"3\",\"payed_bonus\":\"2000\"}]}")));

        assertThat(box.webhook("transaction", "7106", "removed", null).statusCode()).isEqualTo(200);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!status(checkout).equals("REVERSING") && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        Jobs.runAll(management);

        assertThat(status(checkout)).isEqualTo("REVERSED");
        assertThat(INCUST.bonusPoints(FakeIncust.CUSTOMER)).isEqualByComparingTo("150.00");
        assertThat(INCUST.returnsSent(checkout + "-rest")).isOne();
        assertThat(INCUST.cancelsSent(checkout)).isZero();
    }
}
