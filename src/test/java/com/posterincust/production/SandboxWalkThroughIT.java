package com.posterincust.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through on the jar a newcomer runs (no profile, H2, the sandbox), through the sandbox register's
 * own calls as its page makes them: a sale with a code, one without, a receipt deleted, a checkout cancelled, each
 * receipt told by Poster's webhook and by the register app. A normal day: the log has no WARN or ERROR line, and the
 * banner is lines a person reads.
 */
class SandboxWalkThroughIT {

    private static final String OLENA = "+380501234567";
    /** The same guest as a cashier may type her: each register call differs, as Poster signs each one anew. */
    private static final String OLENA_AS_TYPED_LOCALLY = "050 123 45 67";
    private static final String REGISTER_WITH_CODE = "1";
    private static final String REGISTER_WITHOUT_CODE = "2";
    private static final String OTHER_REGISTER_WITHOUT_CODE = "3";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;

    @Test
    void aNormalSandboxDayLogsNothingAboveInfoAndTheBannerReadsAsLines() throws Exception {
        String log;
        try (PackagedService service = PackagedService.startDefaultRun("sandbox-walk-through")) {
            port = service.port();
            awaitDemoReady();

            String withCode = sale(REGISTER_WITH_CODE, "walk-1", 20);
            String withoutCode = sale(REGISTER_WITHOUT_CODE, "walk-2", 10);
            String deleted = sale(OTHER_REGISTER_WITHOUT_CODE, "walk-3", 5);
            awaitStatus(deleted, "COMPLETED");
            String receipt = admin("/checkouts/" + deleted).path("transactionId").asText();
            assertThat(post("/sandbox/register/api/receipts/" + receipt + "/delete?tablet=" + OTHER_REGISTER_WITHOUT_CODE,
                    "").statusCode()).isEqualTo(200);
            String cancelled = cancelledAtTheCode();

            awaitStatus(withCode, "COMPLETED");
            awaitStatus(withoutCode, "COMPLETED");
            awaitStatus(deleted, "REVERSED");
            awaitStatus(cancelled, "CANCELLED");
            log = service.log();
        }

        List<String> lines = log.lines().toList();
        assertThat(lines).filteredOn(line -> line.matches("^\\S+\\s+(WARN|ERROR) .*")).isEmpty();
        assertThat(lines).filteredOn(line -> line.startsWith("-")).as("no stray characters").isEmpty();
        assertThat(lines).filteredOn(line -> line.contains("==== Sandbox run")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.contains("Sandbox register http://localhost:" + port))
                .singleElement().asString().doesNotContain("\\n").doesNotContain("Cockpit");
        assertThat(lines).filteredOn(line -> line.contains("Back office    http://localhost:" + port)).hasSize(1);
    }

    /** The cashier's way: guest, checkout, redemption (with the code from the SMS outbox when asked), receipt. */
    private String sale(String tablet, String orderId, int points) throws Exception {
        JsonNode session = identify(tablet, OLENA);
        String checkoutId = startCheckout(tablet, orderId, session);
        JsonNode redeemed = register(tablet, "POST", "/checkouts/" + checkoutId + "/redemption",
                "{\"bonusPoints\":" + points + "}");
        if (redeemed.path("status").asText().equals("AWAITING_CONFIRMATION")) {
            redeemed = register(tablet, "POST", "/checkouts/" + checkoutId + "/confirmation",
                    "{\"code\":\"" + newestCode() + "\"}");
        }
        assertThat(redeemed.path("status").asText()).isEqualTo("AWAITING_ORDER_CLOSE");
        String clientId = session.path("customer").path("posterClientId").asText();
        String receipt = json.readTree(post("/sandbox/register/api/receipts", "{\"tablet\":\"" + tablet
                + "\",\"clientId\":\"" + clientId + "\",\"payedBonus\":" + points + ",\"lines\":[{\"productId\":\"12\","
                + "\"name\":\"Latte\",\"count\":2,\"price\":45.50}]}").body()).path("id").asText();
        JsonNode closed = register(tablet, "POST", "/checkouts/" + checkoutId + "/order-closed",
                "{\"transactionId\":\"" + receipt + "\",\"payedBonus\":" + points + ",\"total\":" + (91 - points) + "}");
        assertThat(closed.path("status").asText()).isIn("FINALIZING", "COMPLETED");
        return checkoutId;
    }

    private String cancelledAtTheCode() throws Exception {
        JsonNode session = identify(REGISTER_WITH_CODE, OLENA_AS_TYPED_LOCALLY);
        String checkoutId = startCheckout(REGISTER_WITH_CODE, "walk-4", session);
        assertThat(register(REGISTER_WITH_CODE, "POST", "/checkouts/" + checkoutId + "/redemption",
                "{\"bonusPoints\":15}").path("status").asText()).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(register(REGISTER_WITH_CODE, "POST", "/checkouts/" + checkoutId + "/cancel", null)
                .path("status").asText()).isEqualTo("CANCELLED");
        return checkoutId;
    }

    private JsonNode identify(String tablet, String phone) throws Exception {
        return register(tablet, "POST", "/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"" + phone + "\"}}");
    }

    private String startCheckout(String tablet, String orderId, JsonNode session) throws Exception {
        ObjectNode order = json.createObjectNode().put("orderId", orderId)
                .put("customerSessionId", session.path("sessionId").asText()).put("total", 91.00).put("currency", "UAH");
        order.putArray("items").addObject().put("productId", "12").put("name", "Latte").put("count", 2)
                .put("price", 45.50);
        JsonNode created = register(tablet, List.of("Idempotency-Key: " + orderId), "POST", "/checkouts",
                json.writeValueAsString(order));
        assertThat(created.path("status").asText()).as(created.toString()).isEqualTo("AWAITING_REDEMPTION");
        return created.path("checkoutId").asText();
    }

    private JsonNode register(String tablet, String method, String path, String body) throws Exception {
        return register(tablet, List.of(), method, path, body);
    }

    /**
     * {@code Poster.makeRequest} as the register app makes it in the sandbox register's page (the URL naming the
     * register, as its extras say): signed by the fake Poster, then sent.
     */
    private JsonNode register(String tablet, List<String> headers, String method, String path, String body)
            throws Exception {
        ObjectNode request = json.createObjectNode()
                .put("url", "http://localhost:" + port + "/api/register/v1" + path + "?register=demo-cafe/" + tablet)
                .put("method", method)
                .put("tablet", tablet).put("timeout", 8000);
        var sent = request.putArray("headers").add("Content-Type: application/json").add("Accept: application/json");
        headers.forEach(sent::add);
        request.set("data", body == null ? null : json.readTree(body));
        JsonNode answer = json.readTree(post("/sandbox/register/api/request", json.writeValueAsString(request)).body());
        assertThat(answer.path("code").asInt()).as(path + ": " + answer).isBetween(200, 299);
        return json.readTree(answer.path("result").asText());
    }

    private String newestCode() throws Exception {
        return json.readTree(get("/sandbox/register/api/sms").body()).get(0).path("code").asText();
    }

    private void awaitDemoReady() throws Exception {
        await("the demo set-up", () -> json.readTree(get("/sandbox/register/api/state").body()).path("ready"),
                JsonNode::asBoolean);
    }

    /** Watched as an operator would (the admin API): the register's own calls are each signed once. */
    private void awaitStatus(String checkoutId, String status) throws Exception {
        await(checkoutId + " " + status, () -> admin("/checkouts/" + checkoutId).path("status").asText(),
                status::equals);
    }

    private JsonNode admin(String path) throws Exception {
        return json.readTree(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/v1"
                + path)).header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo:demo".getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private interface Probe<T> {
        T read() throws Exception;
    }

    private static <T> void await(String what, Probe<T> probe, Predicate<T> done) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        T seen = probe.read();
        while (!done.test(seen)) {
            assertThat(System.currentTimeMillis()).as("waiting for " + what + ", last seen " + seen).isLessThan(deadline);
            Thread.onSpinWait();
            seen = probe.read();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
