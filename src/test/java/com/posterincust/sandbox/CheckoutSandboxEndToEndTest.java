package com.posterincust.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.Jobs;
import com.posterincust.register.RegisterSignature;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A whole checkout with confirmation through HTTP against the default run's fake Poster and inCust: the register
 * plugin's calls, signed; the code read from the SMS outbox; inCust's own record of the sale checked at the end.
 */
class CheckoutSandboxEndToEndTest extends SandboxRun {


    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    ObjectMapper json;
    @Autowired
    SandboxIncust sandboxIncust;
    @Autowired
    SandboxReceipts receipts;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** Shared by the tests of the class, whose calls meet one sandbox. */
    static long signedAt;

    @BeforeEach
    void theDemoAccountIsInstalledAndRegisterThreeBound() throws Exception {
        HttpResponse<String> authorize = get(get("/poster/install").headers().firstValue("Location").orElseThrow());
        Matcher allow = Pattern.compile("id=\"allow\" href=\"([^\"]+)\"").matcher(authorize.body());
        assertThat(allow.find()).isTrue();
        HttpResponse<String> redirect = get(allow.group(1).replace("&amp;", "&"));
        assertThat(get(redirect.headers().firstValue("Location").orElseThrow()).statusCode()).isEqualTo(200);
        Jobs.runAll(management);
        String binding = "{\"posterAccount\":\"demo-cafe\",\"posterCustomerNumber\":\"861052\",\"posterSpotId\":\"2\","
                + "\"posterTabletId\":\"3\",\"incust\":{\"login\":\"demo-confirm\",\"password\":\""
                + SandboxData.TERMINAL_PASSWORD + "\"}}";
        HttpResponse<String> bound = http.send(HttpRequest.newBuilder(url("/api/admin/v1/terminal-bindings"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes()))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(binding)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(bound.statusCode()).isEqualTo(201);
    }

    @Test
    void aCheckoutWithConfirmationCompletesWithOneFinalizedTransaction() throws Exception {
        String checkoutId = checkOut("order-e2e-1", false);

        assertThat(finalizedInIncust(checkoutId)).hasSize(1);
    }

    @Test
    void aRegisterRetryingEveryCallStillMakesExactlyOne() throws Exception {
        String checkoutId = checkOut("order-e2e-2", true);

        assertThat(finalizedInIncust(checkoutId)).hasSize(1);
    }

    @Test
    void aReceiptDeletedFromTheArchiveUndoesTheSaleInInCustAndTheGuestHasThePointsBack() throws Exception {
        String guest = customerIdOf("+380501234567");
        BigDecimal before = sandboxIncust.bonusPointsOf(guest);
        String receipt = receipts.close("2", "3", null, List.of(new SandboxReceipts.Line("12", "Latte",
                new BigDecimal("2"), new BigDecimal("45.50"))), new BigDecimal("20.00")).id();
        String checkoutId = checkOut("order-e2e-3", false, receipt);
        assertThat(sandboxIncust.bonusPointsOf(guest)).isNotEqualByComparingTo(before);

        HttpResponse<String> deleted = http.send(HttpRequest.newBuilder(url("/sandbox/register/api/receipts/" + receipt
                + "/delete?tablet=3")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);

        String base = "/api/register/v1/checkouts/" + checkoutId;
        long deadline = System.currentTimeMillis() + 10_000;
        while (!statusOf(base).equals("REVERSING") && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        Jobs.runAll(management);
        assertThat(statusOf(base)).isEqualTo("REVERSED");
        assertThat(sandboxIncust.statusesOf(checkoutId)).containsExactly(SandboxIncust.CANCELLED);
        assertThat(sandboxIncust.bonusPointsOf(guest)).isEqualByComparingTo(before);
    }

    /** All that inCust pays goes on the order (points + the coupon's discount): compared with the same, no alarm. */
    @Test
    void pointsAndACouponTogetherCompleteWithoutABonusCheck() throws Exception {
        String session = json.readTree(register("POST", "/api/register/v1/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"+380501234567\"}}", null).body()).path("sessionId")
                .asText();
        String receipt = receipts.close("2", "3", null, List.of(new SandboxReceipts.Line("12", "Latte",
                new BigDecimal("2"), new BigDecimal("45.50"))), new BigDecimal("19.10")).id();
        String order = "{\"orderId\":\"order-e2e-coupon\",\"customerSessionId\":\"" + session + "\","
                + "\"items\":[{\"productId\":\"12\",\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,"
                + "\"currency\":\"UAH\"}";
        String base = "/api/register/v1/checkouts/" + json.readTree(register("POST", "/api/register/v1/checkouts", order,
                "order-e2e-coupon").body()).path("checkoutId").asText();
        assertThat(register("POST", base + "/redemption", "{\"bonusPoints\":10,\"couponCodes\":[\"COFFEE10\"]}", null)
                .statusCode()).isEqualTo(200);
        JsonNode result = json.readTree(register("POST", base + "/confirmation", "{\"code\":\"" + codeFromOutbox()
                + "\"}", null).body()).path("result");
        assertThat(result.path("bonusToApply").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(result.path("discount").decimalValue()).isEqualByComparingTo("9.10");

        assertThat(register("POST", base + "/order-closed", "{\"transactionId\":\"" + receipt
                + "\",\"payedBonus\":19.10}", null).statusCode()).isEqualTo(202);
        Jobs.runAll(management);

        String checkoutId = base.substring(base.lastIndexOf('/') + 1);
        JsonNode seen = json.readTree(http.send(HttpRequest.newBuilder(url("/api/admin/v1/checkouts/" + checkoutId))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:test-admin-password".getBytes())).GET().build(), HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(seen.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(seen.path("finalizedBonus").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(seen.has("bonusCheck")).as(seen.path("bonusCheck").asText()).isFalse();
        assertThat(finalizedInIncust(checkoutId)).hasSize(1);
    }

    private String customerIdOf(String phone) throws Exception {
        return json.readTree(register("POST", "/api/register/v1/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"" + phone + "\"}}", null).body())
                .path("customer").path("id").asText();
    }

    private String statusOf(String checkout) throws Exception {
        return json.readTree(register("GET", checkout, "", null).body()).path("status").asText();
    }

    private String checkOut(String orderId, boolean retryEveryCall) throws Exception {
        return checkOut(orderId, retryEveryCall, retryEveryCall ? "9002" : "9001");
    }

    private String checkOut(String orderId, boolean retryEveryCall, String receipt) throws Exception {
        int calls = retryEveryCall ? 2 : 1;
        String session = json.readTree(register("POST", "/api/register/v1/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"+380501234567\"}}", null).body()).path("sessionId").asText();
        String order = "{\"orderId\":\"" + orderId + "\",\"transactionId\":null,\"customerSessionId\":\"" + session + "\","
                + "\"items\":[{\"productId\":\"12\",\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,"
                + "\"currency\":\"UAH\"}";

        String checkoutId = null;
        for (int call = 0; call < calls; call++) {
            HttpResponse<String> created = register("POST", "/api/register/v1/checkouts", order, orderId);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(call == 0 ? 201 : 200);
            String id = json.readTree(created.body()).path("checkoutId").asText();
            assertThat(checkoutId == null || checkoutId.equals(id)).isTrue();
            checkoutId = id;
        }
        String base = "/api/register/v1/checkouts/" + checkoutId;
        for (int call = 0; call < calls; call++) {
            HttpResponse<String> redeemed = register("POST", base + "/redemption", "{\"bonusPoints\":20.00}", null);
            assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
            assertThat(json.readTree(redeemed.body()).path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        }
        String code = codeFromOutbox();
        for (int call = 0; call < calls; call++) {
            HttpResponse<String> confirmed = register("POST", base + "/confirmation", "{\"code\":\"" + code + "\"}", null);
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
            assertThat(json.readTree(confirmed.body()).path("result").path("bonusToApply").decimalValue())
                    .isEqualByComparingTo("20.00");
        }
        for (int call = 0; call < calls; call++) {
            HttpResponse<String> closed = register("POST", base + "/order-closed",
                    "{\"transactionId\":\"" + receipt + "\",\"payedBonus\":20.00,"
                            + "\"total\":71.00}", null);
            assertThat(closed.statusCode()).isEqualTo(202);
        }
        Jobs.runAll(management);
        assertThat(json.readTree(register("GET", base, "", null).body()).path("status").asText()).isEqualTo("COMPLETED");
        return checkoutId;
    }

    private List<String> finalizedInIncust(String checkoutId) {
        return sandboxIncust.statusesOf(checkoutId).stream().filter(SandboxIncust.FINALIZED::equals).toList();
    }

    private String codeFromOutbox() throws Exception {
        HttpResponse<String> outbox = http.send(HttpRequest.newBuilder(url("/sandbox/sms-outbox"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode newest = json.readTree(outbox.body()).get(0);
        return newest.path("code").asText();
    }

    private HttpResponse<String> register(String method, String unnamedPath, String body, String idempotencyKey)
            throws Exception {
        String path = com.posterincust.BlackBox.named(unnamedPath, SandboxData.ACCOUNT, "3");
        // as Poster signs a register's every call anew: a retry is never the very same signed request
        signedAt = Math.max(System.currentTimeMillis() / 1000, signedAt + 1);
        String time = String.valueOf(signedAt);
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
                .header("X-Poster-Url", SandboxData.ACCOUNT).header("X-Poster-Spot-Id", "2")
                .header("X-Poster-Tablet-Id", "3").header("X-Poster-Time", time)
                .header("X-Poster-Signature", RegisterSignature.sign(url(path).toString(),
                        body.getBytes(StandardCharsets.UTF_8), time, SandboxConfiguration.APPLICATION_SECRET))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathOrUrl) throws Exception {
        return http.send(HttpRequest.newBuilder(url(pathOrUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : "http://localhost:" + port + pathOrUrl);
    }
}
