package com.posterincust;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.posterincust.sandbox.FakeIncust;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The service on a random port with Poster played by WireMock and inCust by the one stateful fake (it keeps
 * transactions, applies returns and lists a terminal's day as the assumed contract says), each test a café of its own
 * with a register bound to the fake's instant terminal, and the register's calls of a sale. The returns' and the day
 * checks' tests share it, and so one service per database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class SalesRun {

    protected static final String CHECKOUTS = "/api/register/v1/checkouts";
    /** One for the test JVM, as {@link BlackBox#FAKES}: the H2 and PostgreSQL classes share it. */
    protected static final FakeIncust INCUST = FakeIncust.start();
    protected static final WireMockServer fakes = BlackBox.FAKES;

    @DynamicPropertySource
    static void fakes(DynamicPropertyRegistry registry) {
        registry.add("poster.api.base-url", () -> fakes.baseUrl() + "/poster/{account}/api");
        registry.add("incust.api.base-url", INCUST::baseUrl);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ManagementService management;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected JdbcClient jdbc;

    protected BlackBox box;

    @BeforeEach
    void aRegisterBoundToTheInstantTerminal() throws Exception {
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management)
                .bindRegister(true, FakeIncust.INSTANT_LOGIN, FakeIncust.PASSWORD);
        INCUST.giveBonusPoints(FakeIncust.CUSTOMER, new BigDecimal("150.00"));
    }

    /** A sale of three lattes with 20 points redeemed, its receipt closed at the register and finalized. */
    protected String completedSale(String orderId, String receipt) throws Exception {
        String checkout = closedSale(orderId, receipt);
        Jobs.runAll(management);
        assertThat(status(checkout)).isEqualTo("COMPLETED");
        return checkout;
    }

    /** Three lattes, 20 points redeemed, the receipt reported closed; not finalized yet. */
    protected String closedSale(String orderId, String receipt) throws Exception {
        String checkout = redeemed(orderId, null);
        assertThat(box.register("POST", CHECKOUTS + "/" + checkout + "/order-closed", "{\"transactionId\":\""
                + receipt + "\",\"payedBonus\":20.00,\"total\":116.50}").statusCode()).isEqualTo(202);
        return checkout;
    }

    /** Three lattes, 20 points redeemed and held by inCust, the receipt not closed (yet); of {@code receipt} if named. */
    protected String redeemed(String orderId, String receipt) throws Exception {
        String order = "{\"orderId\":\"" + orderId + "\",\"transactionId\":" + (receipt == null ? "null"
                : "\"" + receipt + "\"") + ",\"customerId\":\"" + FakeIncust.CUSTOMER + "\",\"items\":[{"
                + "\"productId\":\"12\",\"name\":\"Latte\",\"count\":3,\"price\":45.50}],\"total\":136.50,"
                + "\"currency\":\"UAH\"}";
        HttpResponse<String> created = box.registerWithKey("POST", CHECKOUTS, order, orderId);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String checkout = json.readTree(created.body()).path("checkoutId").asText();
        HttpResponse<String> redeemed = box.register("POST", CHECKOUTS + "/" + checkout + "/redemption",
                "{\"bonusPoints\":20.00}");
        assertThat(json.readTree(redeemed.body()).path("status").asText()).as(redeemed.body())
                .isEqualTo("AWAITING_ORDER_CLOSE");
        return checkout;
    }

    protected String status(String checkout) throws Exception {
        return json.readTree(box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/checkouts/" + checkout))
                .header("Authorization", BlackBox.adminAuthorization()).GET()).body()).path("status").asText();
    }
}
