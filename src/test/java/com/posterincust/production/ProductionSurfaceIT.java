package com.posterincust.production;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.posterincust.BlackBox;
import com.posterincust.PostgresTestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged service in production mode on PostgreSQL reached through a proxy the test controls: what it shows
 * to anyone (no API map, no metrics, health without its parts, Secure cookies), and how it answers while its database
 * is cut off: fast, 503 with Retry-After, health DOWN within a second, and back once the database is.
 */
class ProductionSurfaceIT {

    static final ObjectMapper json = new ObjectMapper();

    final WireMockServer fakes = new WireMockServer(wireMockConfig().dynamicPort());
    ControlledProxy database;
    PackagedService service;

    @AfterEach
    void stopEverything() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
        fakes.stop();
    }

    @Test
    void productionShowsLittleAndAnswersFastWhileTheDatabaseIsGone() throws Exception {
        BlackBox box = startBehindTheProxy("production-surface");

        littleIsShownToAnyone(box);
        cookiesAreSecure(box);

        database.cut();
        long started = System.nanoTime();
        HttpResponse<String> health = box.send(HttpRequest.newBuilder(box.url("/actuator/health")));
        assertThat(millisSince(started)).as("health answers within a second").isLessThan(1500);
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(json.readTree(health.body()).path("status").asText()).isEqualTo("DOWN");

        started = System.nanoTime();
        HttpResponse<String> admin = box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/installations"))
                .header("Authorization", BlackBox.adminAuthorization()));
        assertThat(millisSince(started)).as("the pool's timeout, not Hikari's 30 s").isLessThan(6000);
        assertUnavailable(admin);
        started = System.nanoTime();
        HttpResponse<String> register = box.register("POST", "/api/register/v1/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"+380501234567\"}}");
        assertThat(millisSince(started)).as("well within the register app's 8 s").isLessThan(6000);
        assertUnavailable(register);

        database.restore();
        long deadline = System.currentTimeMillis() + 30_000;
        int status = 0;
        while (status != 200 && System.currentTimeMillis() < deadline) {
            status = box.register("GET", "/api/register/v1/connection", "").statusCode();
        }
        assertThat(status).as("served again once the database is back").isEqualTo(200);
        assertThat(box.send(HttpRequest.newBuilder(box.url("/actuator/health"))).statusCode()).isEqualTo(200);
    }

    /**
     * The database hangs (accepts, answers nothing) with calls in flight: each is answered 503 database-unavailable
     * within the register app's 8 s, a redemption (the engine's own statements) as well as a new session; the service
     * serves again once the database answers.
     */
    @Test
    void callsInFlightWhenTheDatabaseHangsAreAnsweredWithinTheRegisterAppsPatience() throws Exception {
        BlackBox box = startBehindTheProxy("database-hangs");
        fakes.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/incust/v1/term/check/prepare")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"amount\":91.00,"
                        + "\"max_redeemable_bonuses\":45.50,\"bonus_points_available\":150.00,\"amount_to_pay\":91.00}")));
        fakes.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/incust/v1/term/check/reserve")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        com.posterincust.IncustAnswers.reserved())));
        List<String> checkouts = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> created = box.registerWithKey("POST", "/api/register/v1/checkouts", ("{\"orderId\":"
                    + "\"hang-%d\",\"customerId\":\"c-1001\",\"items\":[{\"productId\":\"12\",\"name\":\"Latte\","
                    + "\"count\":2,\"price\":45.50}],\"total\":91.00,\"currency\":\"UAH\"}").formatted(i), "hang-" + i);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            checkouts.add(json.readTree(created.body()).path("checkoutId").asText());
        }

        database.hang();
        java.util.concurrent.ExecutorService registers = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<long[]>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String redemption = "/api/register/v1/checkouts/" + checkouts.get(i) + "/redemption";
            String phone = "+38050123456" + i;
            answers.add(registers.submit(() -> timed(() -> box.register("POST", redemption, "{}"))));
            answers.add(registers.submit(() -> timed(() -> box.register("POST", "/api/register/v1/customer-sessions",
                    "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"" + phone + "\"}}"))));
        }
        for (java.util.concurrent.Future<long[]> answer : answers) {
            long[] statusAndMillis = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(statusAndMillis[0]).as("status").isEqualTo(503);
            assertThat(statusAndMillis[1]).as("answered in ms").isLessThan(8000);
        }
        registers.shutdown();

        database.restore();
        long deadline = System.currentTimeMillis() + 30_000;
        int status = 0;
        while (status != 200 && System.currentTimeMillis() < deadline) {
            status = box.register("POST", "/api/register/v1/checkouts/" + checkouts.get(0) + "/redemption", "{}")
                    .statusCode();
        }
        assertThat(status).as("served again once the database answers").isEqualTo(200);
        assertThat(service.log()).doesNotContain("internal-error").doesNotContain("Unexpected failure");
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    /** The answer's status (503 checked to be database-unavailable) and how long it took. */
    private static long[] timed(Call call) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = call.send();
        long millis = millisSince(started);
        if (answer.statusCode() == 503) {
            assertUnavailable(answer);
        }
        return new long[] {answer.statusCode(), millis};
    }

    private BlackBox startBehindTheProxy(String name) throws Exception {
        fakes.start();
        String url = PostgresTestDatabase.create();
        database = new ControlledProxy("127.0.0.1", URI.create(url.substring("jdbc:".length())).getPort());
        String proxied = url.replaceFirst("127\\.0\\.0\\.1:\\d+", "127.0.0.1:" + database.port());
        service = PackagedService.start(name, List.of(
                "--spring.datasource.url=" + proxied,
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--poster.api.base-url=" + fakes.baseUrl() + "/poster/{account}/api",
                "--incust.api.base-url=" + fakes.baseUrl() + "/incust/v1"));
        BlackBox box = new BlackBox(fakes, json, service.port()).stubPosterAndIncust();
        box.installAndAwaitActive().bindRegister();
        return box;
    }

    private static void assertUnavailable(HttpResponse<String> answer) throws Exception {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(answer.body()).path("type").asText()).endsWith("/problems/database-unavailable");
    }

    private static void littleIsShownToAnyone(BlackBox box) throws Exception {
        for (String path : List.of("/v3/api-docs", "/swagger-ui.html", "/swagger-ui/index.html")) {
            assertThat(box.send(HttpRequest.newBuilder(box.url(path))).statusCode()).as(path).isEqualTo(404);
        }
        HttpResponse<String> health = box.send(HttpRequest.newBuilder(box.url("/actuator/health")));
        JsonNode up = json.readTree(health.body());
        assertThat(up.path("status").asText()).isEqualTo("UP");
        assertThat(up.has("components")).isFalse();
        assertThat(box.send(HttpRequest.newBuilder(box.url("/actuator/prometheus"))).statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = box.send(HttpRequest.newBuilder(box.url("/actuator/prometheus"))
                .header("Authorization", BlackBox.adminAuthorization()));
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("orchestrator_incidents");
    }

    /** The webapps' CSRF cookie and the session cookie of a login, as a browser receives them. */
    private static void cookiesAreSecure(BlackBox box) throws Exception {
        HttpClient browser = HttpClient.newHttpClient();
        HttpResponse<Void> cockpit = browser.send(HttpRequest.newBuilder(box.url("/camunda/app/cockpit/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String csrfCookie = cookie(cockpit, "XSRF-TOKEN");
        assertThat(csrfCookie).contains("Secure");
        String csrf = csrfCookie.substring("XSRF-TOKEN=".length(), csrfCookie.indexOf(';'));
        // what a browser sends back over HTTPS: every cookie it was given, name and value
        String cookies = String.join("; ", cockpit.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList());
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(box.url(
                        "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf).header("Cookie", cookies)
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=test-admin-password")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(cookies + " → " + login.body()).isEqualTo(200);
        assertThat(cookie(cockpit, "JSESSIONID")).contains("Secure").contains("HttpOnly");
        assertThat(login.headers().allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    }

    private static String cookie(HttpResponse<?> answer, String name) {
        return answer.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie in "
                        + answer.headers().allValues("Set-Cookie")));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
