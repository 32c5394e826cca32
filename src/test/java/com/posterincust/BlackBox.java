package com.posterincust;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookSignature;
import com.posterincust.register.RegisterSignature;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Drives the service over HTTP the way its callers do, with one WireMock server playing Poster (under /poster)
 * and inCust (under /incust/v1): installs an account, binds a register, signs register requests.
 */
public final class BlackBox {

    public static final String SECRET = "test-app-secret";
    /** One fake Poster + inCust server per test JVM; each test resets it before use. */
    public static final WireMockServer FAKES = startFakes();
    public static final String TOKEN = "861052:4164553abf6a031302898da7800b59fb";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final WireMockServer fakes;
    private final ObjectMapper json;
    private final int port;
    public final String account;
    private String accountNumber = "861052";

    private static WireMockServer startFakes() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    /** Points the service's Poster and inCust clients at {@link #FAKES}. */
    public static void pointAtFakes(DynamicPropertyRegistry registry) {
        registry.add("poster.api.base-url", () -> FAKES.baseUrl() + "/poster/{account}/api");
        registry.add("incust.api.base-url", () -> FAKES.baseUrl() + "/incust/v1");
        registry.add("poster.manage.exchange-url", () -> FAKES.baseUrl() + MANAGE_EXCHANGE);
    }

    /** Where the fakes play Poster's back-office code exchange. */
    public static final String MANAGE_EXCHANGE = "/poster-back-office/api/v2/auth/manage";

    public BlackBox(WireMockServer fakes, ObjectMapper json, int port) {
        this(fakes, json, port, "cafe" + System.nanoTime());
    }

    /** Another node of the same service, speaking for the same account. */
    public BlackBox(WireMockServer fakes, ObjectMapper json, int port, String account) {
        this.fakes = fakes;
        this.json = json;
        this.port = port;
        this.account = account;
    }

    /** Another account of the same shape needs a customer number of its own. */
    public BlackBox withAccountNumber(String number) {
        this.accountNumber = number;
        return this;
    }

    public String accountNumber() {
        return accountNumber;
    }

    /** Stubs a Poster account with two locations and three registers, and an inCust terminal in UAH. */
    public BlackBox stubPosterAndIncust() {
        String api = "/poster/" + account + "/api/";
        fakes.stubFor(post(api + "v2/auth/access_token").willReturn(okJson(
                "{\"access_token\":\"" + TOKEN + "\",\"account_number\":\"" + accountNumber
                        + "\",\"ownerInfo\":{\"country\":\"UA\"}}")));
        fakes.stubFor(get(urlPathEqualTo(api + "settings.getAllSettings")).willReturn(okJson(
                "{\"response\":{\"COMPANY_ID\":\"" + account + "\",\"currency\":{\"currency_code_iso\":\"UAH\"}}}")));
        fakes.stubFor(get(urlPathEqualTo(api + "clients.getGroups")).willReturn(okJson(
                "{\"response\":[{\"client_groups_id\":\"7\",\"client_groups_name\":\"inCust loyalty\"}]}")));
        fakes.stubFor(get(urlPathEqualTo(api + "access.getSpots")).willReturn(okJson(
                "{\"response\":[{\"spot_id\":\"1\",\"spot_name\":\"Podil\"},{\"spot_id\":\"2\",\"spot_name\":\"Obolon\"}]}")));
        fakes.stubFor(get(urlPathEqualTo(api + "access.getTablets")).willReturn(okJson("{\"response\":["
                + "{\"tablet_id\":\"1\",\"tablet_name\":\"Podil bar\",\"spot_id\":\"1\"},"
                + "{\"tablet_id\":\"2\",\"tablet_name\":\"Podil terrace\",\"spot_id\":\"1\"},"
                + "{\"tablet_id\":\"3\",\"tablet_name\":\"Obolon bar\",\"spot_id\":\"2\"}]}")));
        fakes.stubFor(post(urlPathEqualTo(api + "application.setEntityExtras")).willReturn(okJson("{\"response\":true}")));
        // a receipt Poster does not know (yet): the register's word stands; tests that need one stub it
        fakes.stubFor(get(urlPathEqualTo(api + "dash.getTransaction")).willReturn(okJson("{\"response\":false}")));
        fakes.stubFor(post("/incust/v1/term/token").willReturn(okJson(
                "{\"token\":\"tkn-1\",\"id\":\"t-77\",\"currency\":\"UAH\",\"title\":\"Bar register\"}")));
        fakes.stubFor(get("/incust/v1/term/settings").willReturn(okJson("{\"id\":\"t-77\",\"title\":\"Bar register\","
                + "\"currency\":\"UAH\",\"redemption_confirmation\":\"always\",\"confirmation_limit\":0}")));
        // what inCust holds, asked before a background write is sent (a finalize, a cancel): a reservation, unless a
        // test stubs the transaction otherwise
        fakes.stubFor(get(urlPathMatching("/incust/v1/term/transaction/[^/]+")).willReturn(okJson(
                IncustAnswers.reserved())));
        return this;
    }

    /** The OAuth install, as a business would click it, then the background preparation run by the test. */
    public BlackBox install(ManagementService management) throws Exception {
        authorize();
        Jobs.runAll(management);
        return this;
    }

    /** The OAuth install on a service whose own job executor prepares the account: waits until it is ACTIVE. */
    public BlackBox installAndAwaitActive() throws Exception {
        authorize();
        long deadline = System.currentTimeMillis() + 30_000;
        String status = "";
        while (!status.equals("ACTIVE") && System.currentTimeMillis() < deadline) {
            status = json.readTree(send(HttpRequest.newBuilder(url("/api/admin/v1/installations/" + account))
                    .header("Authorization", adminAuthorization()).GET()).body()).path("status").asText();
        }
        assertThat(status).isEqualTo("ACTIVE");
        return this;
    }

    private void authorize() throws Exception {
        String location = send(HttpRequest.newBuilder(url("/poster/install")).GET()).headers()
                .firstValue("Location").orElseThrow();
        String state = URLDecoder.decode(location.replaceAll(".*state=", ""), StandardCharsets.UTF_8);
        HttpResponse<String> callback = send(HttpRequest.newBuilder(
                url("/poster/oauth/callback?code=c0de&account=" + account + "&state=" + state)).GET());
        assertThat(callback.statusCode()).isEqualTo(200);
    }

    /**
     * Binds register 3 in location 2, allowing checkouts by a bare inCust customer id: the checkout tests start
     * them that way, without opening a customer session first.
     */
    public BlackBox bindRegister() throws Exception {
        return bindRegister(true);
    }

    public BlackBox bindRegister(boolean customerIdWithoutSession) throws Exception {
        return bindRegister(customerIdWithoutSession, "bar-login", "bar-password");
    }

    /** Bound to the given inCust terminal: one the fake inCust in use knows. */
    public BlackBox bindRegister(boolean customerIdWithoutSession, String login, String password) throws Exception {
        Map<String, Object> body = Map.of("posterAccount", account, "posterCustomerNumber", accountNumber,
                "posterSpotId", "2", "posterTabletId", "3",
                "incust", Map.of("login", login, "password", password),
                "customerIdWithoutSession", customerIdWithoutSession);
        HttpResponse<String> bound = send(HttpRequest.newBuilder(url("/api/admin/v1/terminal-bindings"))
                .header("Authorization", adminAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        assertThat(bound.statusCode()).as(bound.body()).isEqualTo(201);
        return this;
    }

    /** A request of register 3 (location 2), signed now with the app secret. */
    public HttpResponse<String> register(String method, String path, String body) throws Exception {
        return register(method, path, body, "3", "2");
    }

    /** A register request carrying an {@code Idempotency-Key}, as checkouts are started. */
    public HttpResponse<String> registerWithKey(String method, String path, String body, String idempotencyKey)
            throws Exception {
        return send(signed(method, path, body, "3", "2").header("Idempotency-Key", idempotencyKey));
    }

    public HttpResponse<String> register(String method, String path, String body, String tablet, String spot)
            throws Exception {
        return send(signed(method, path, body, tablet, spot));
    }

    /** A register's path as the register app calls it: its URL names the register, as the binding told it. */
    public static String named(String path, String account, String tablet) {
        return path + (path.contains("?") ? "&" : "?") + "register=" + account + "%2F" + tablet;
    }

    /** Signed as Poster signs a register's call to {@code path}, naming {@code tablet} of this account. */
    public HttpRequest.Builder signed(String method, String path, String body, String tablet, String spot) {
        return signedAs(method, named(path, account, tablet), body, tablet, spot);
    }

    /**
     * A register request with an {@code Idempotency-Key}, as Poster signs it at {@code time} (unix seconds): calls a
     * cashier makes seconds apart, made by a test in one second.
     */
    public HttpResponse<String> registerWithKeyAt(String method, String path, String body, String idempotencyKey,
                                                  long time) throws Exception {
        return send(signedAt(method, named(path, account, "3"), body, "3", "2", time)
                .header("Idempotency-Key", idempotencyKey));
    }

    /** Signed over exactly {@code path}: for the probes that name another register, or none. */
    public HttpRequest.Builder signedAs(String method, String path, String body, String tablet, String spot) {
        return signedAt(method, path, body, tablet, spot, System.currentTimeMillis() / 1000);
    }

    private HttpRequest.Builder signedAt(String method, String path, String body, String tablet, String spot,
                                         long seconds) {
        String time = String.valueOf(seconds);
        String signature = RegisterSignature.sign(url(path).toString(), body.getBytes(StandardCharsets.UTF_8), time,
                SECRET);
        return HttpRequest.newBuilder(url(path))
                .header("X-Poster-Url", account)
                .header("X-Poster-Spot-Id", spot)
                .header("X-Poster-Tablet-Id", tablet)
                .header("X-Poster-Time", time)
                .header("X-Poster-Signature", signature)
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
    }

    /** Poster's webhook about this account, signed with the app secret and sent now. */
    public HttpResponse<String> webhook(String object, String objectId, String action, String data) throws Exception {
        return webhookAt(object, objectId, action, data, System.currentTimeMillis() / 1000);
    }

    public HttpResponse<String> webhookAt(String object, String objectId, String action, String data, long time)
            throws Exception {
        return send(HttpRequest.newBuilder(url("/poster/webhooks")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(webhookBody(json, account, object, objectId, action, data,
                        time))));
    }

    /** The JSON Poster posts: every field as text, {@code data} a JSON string, and the {@code verify} signature. */
    public static String webhookBody(ObjectMapper json, String account, String object, String objectId, String action,
                                     String data, long time) throws Exception {
        PosterWebhook unsigned = new PosterWebhook(account, object, objectId, action, String.valueOf(time), data, null);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("account", account);
        body.put("account_number", "861052");
        body.put("object", object);
        body.put("object_id", objectId);
        body.put("action", action);
        body.put("time", String.valueOf(time));
        if (data != null) {
            body.put("data", data);
        }
        body.put("verify", PosterWebhookSignature.sign(unsigned, SECRET));
        return json.writeValueAsString(body);
    }

    public static String adminAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString("admin:test-admin-password".getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
