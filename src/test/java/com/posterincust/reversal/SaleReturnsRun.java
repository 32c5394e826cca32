package com.posterincust.reversal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.posterincust.BlackBox;
import com.posterincust.Jobs;
import com.posterincust.sandbox.FakeIncust;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on a random port with Poster played by WireMock and inCust by the one stateful fake (it applies returns
 * as the assumed contract says), a register bound to its instant terminal, and the register's calls of a sale and its
 * returns.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class SaleReturnsRun {

    static final String CHECKOUTS = "/api/register/v1/checkouts";
    static final String RETURNS = "/api/register/v1/returns";
    /** One for the test JVM, as {@link BlackBox#FAKES}: the H2 and PostgreSQL classes share it. */
    static final FakeIncust INCUST = FakeIncust.start();

    /** Poster played by WireMock, as for the other black-box tests; inCust by the one that remembers. */
    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        registry.add("poster.api.base-url", () -> fakes.baseUrl() + "/poster/{account}/api");
        registry.add("incust.api.base-url", INCUST::baseUrl);
    }

    static final WireMockServer fakes = BlackBox.FAKES;

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcClient jdbc;

    BlackBox box;

    @BeforeEach
    void aRegisterBoundToTheInstantTerminal() throws Exception {
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management)
                .bindRegister(true, FakeIncust.INSTANT_LOGIN, FakeIncust.PASSWORD);
        INCUST.giveBonusPoints(FakeIncust.CUSTOMER, new BigDecimal("150.00"));
    }

    /** A sale of three lattes with 20 points redeemed, its receipt closed at the register and finalized. */
    String completedSale(String orderId, String receipt) throws Exception {
        String checkout = closedSale(orderId, receipt);
        Jobs.runAll(management);
        assertThat(status(checkout)).isEqualTo("COMPLETED");
        return checkout;
    }

    String closedSale(String orderId, String receipt) throws Exception {
        String order = "{\"orderId\":\"" + orderId + "\",\"customerId\":\"" + FakeIncust.CUSTOMER + "\",\"items\":[{"
                + "\"productId\":\"12\",\"name\":\"Latte\",\"count\":3,\"price\":45.50}],\"total\":136.50,"
                + "\"currency\":\"UAH\"}";
        HttpResponse<String> created = box.registerWithKey("POST", CHECKOUTS, order, orderId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String checkout = json.readTree(created.body()).path("checkoutId").asText();
        HttpResponse<String> redeemed = box.register("POST", CHECKOUTS + "/" + checkout + "/redemption",
                "{\"bonusPoints\":20.00}");
        assertThat(json.readTree(redeemed.body()).path("status").asText()).as(redeemed.body())
                .isEqualTo("AWAITING_ORDER_CLOSE");
        assertThat(box.register("POST", CHECKOUTS + "/" + checkout + "/order-closed", "{\"transactionId\":\""
                + receipt + "\",\"payedBonus\":20.00,\"total\":116.50}").statusCode()).isEqualTo(202);
        return checkout;
    }

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

    String status(String checkout) throws Exception {
        return json.readTree(box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/checkouts/" + checkout))
                .header("Authorization", BlackBox.adminAuthorization()).GET()).body()).path("status").asText();
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
