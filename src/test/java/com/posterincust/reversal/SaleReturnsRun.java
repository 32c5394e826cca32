package com.posterincust.reversal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.Jobs;
import com.posterincust.SalesRun;
import java.net.http.HttpResponse;
import java.util.List;

/** {@link SalesRun} with the register's reports of returns. */
abstract class SaleReturnsRun extends SalesRun {

    static final String RETURNS = "/api/register/v1/returns";

    /** Each return a moment of its own, as a cashier makes them: Poster signs each anew. */
    HttpResponse<String> report(String receipt, String key, int lattes) throws Exception {
        return box.registerWithKeyAt("POST", RETURNS, returnOf(receipt, lattes), key,
                System.currentTimeMillis() / 1000 + MOMENTS.getAndIncrement() % 250);
    }

    static final java.util.concurrent.atomic.AtomicLong MOMENTS = new java.util.concurrent.atomic.AtomicLong();

    static String returnOf(String receipt, int lattes) {
        return "{\"transactionId\":\"" + receipt + "\",\"orderId\":\"o\",\"products\":[{\"productId\":\"12\","
                + "\"modificationId\":null,\"count\":" + lattes + "}]}";
    }

    JsonNode accepted(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return json.readTree(answer.body());
    }

    long returnsOfReceipt(String receipt) {
        return jdbc.sql("select count(*) from sale_return where account = ? and transaction_id = ?")
                .params(box.account, receipt).query(Long.class).single();
    }

    /** The return waits for the finalize on a timer: the test fires it rather than wait for it. */
    void runEverythingIncludingTheReturnsWait() {
        for (int round = 0; round < 5; round++) {
            Jobs.runAll(management);
            List<org.camunda.bpm.engine.runtime.Job> waits = management.createJobQuery().timers()
                    .processDefinitionKey(SaleReturnProcess.KEY).list();
            if (waits.isEmpty()) {
                return;
            }
            waits.forEach(wait -> management.executeJob(wait.getId()));
        }
    }
}
