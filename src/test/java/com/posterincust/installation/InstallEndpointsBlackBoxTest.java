package com.posterincust.installation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.posterincust.Jobs;
import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * register-api.md §2–3 over real HTTP, sandbox off, with another HTTP server (WireMock) playing Poster.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InstallEndpointsBlackBoxTest {

    static final String ACCOUNT = "mycafe";
    static final String TOKEN = "861052:4164553abf6a031302898da7800b59fb";
    static final String SECRET = "test-app-secret";
    static final WireMockServer poster = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        poster.start();
    }

    @DynamicPropertySource
    static void pointAtFakePoster(DynamicPropertyRegistry registry) {
        registry.add("poster.api.base-url", () -> poster.baseUrl() + "/{account}/api");
        registry.add("poster.oauth.authorize-url", () -> poster.baseUrl() + "/api/auth");
    }

    @AfterAll
    static void stopPoster() {
        poster.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ObjectMapper json;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void posterAnswersLikePoster() {
        poster.resetAll();
        poster.stubFor(post("/" + ACCOUNT + "/api/v2/auth/access_token").willReturn(okJson("{\"access_token\":\"" + TOKEN
                + "\",\"account_number\":\"861052\",\"user\":{\"id\":1},\"ownerInfo\":{\"country\":\"UA\"}}")));
        poster.stubFor(get(urlPathEqualTo("/" + ACCOUNT + "/api/settings.getAllSettings")).willReturn(okJson(
                "{\"response\":{\"COMPANY_ID\":\"mycafe\",\"company_name\":\"My Cafe\",\"timezone\":\"Europe/Kyiv\","
                        + "\"currency\":{\"currency_code_iso\":\"UAH\"}}}")));
        poster.stubFor(get(urlPathEqualTo("/" + ACCOUNT + "/api/clients.getGroups")).willReturn(okJson("{\"response\":[]}")));
        poster.stubFor(post(urlPathEqualTo("/" + ACCOUNT + "/api/clients.createGroup")).willReturn(okJson("{\"response\":8}")));
    }

    @Test
    void installRedirectsToPostersAuthorizePageWithAState() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/poster/install")).GET());

        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(poster.baseUrl() + "/api/auth?")
                .contains("application_id=test-app", "response_type=code", "state=")
                .contains("redirect_uri=https://orchestrator.test/poster/oauth/callback");
    }

    @Test
    void theCallbackConnectsTheAccountAndTheAdminApiShowsIt() throws Exception {
        HttpResponse<String> page = callback("code-1", ACCOUNT, newState());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("connected", "861052").doesNotContain(TOKEN);
        assertThat(page.body()).as("it leads on to the owner's page").contains("Applications → inCust", "Bind");
        Jobs.runAll(management);

        HttpResponse<String> installation = admin(url("/api/admin/v1/installations/" + ACCOUNT), "admin", "test-admin-password");
        assertThat(installation.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(installation.body());
        assertThat(body.path("account").asText()).isEqualTo(ACCOUNT);
        assertThat(body.path("accountNumber").asText()).isEqualTo("861052");
        assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(body.has("installedAt")).isTrue();
        assertThat(installation.body()).doesNotContain("4164553abf").doesNotContainIgnoringCase("token");

        HttpResponse<String> list = admin(url("/api/admin/v1/installations"), "admin", "test-admin-password");
        assertThat(json.readTree(list.body()).findValuesAsText("account")).contains(ACCOUNT);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ACCOUNT).finished().count())
                .isPositive();
    }

    @Test
    void aCallbackLinkWorksOnlyOnce() throws Exception {
        String state = newState();
        assertThat(callback("code-1", ACCOUNT, state).statusCode()).isEqualTo(200);

        HttpResponse<String> replay = callback("code-1", ACCOUNT, state);

        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("already used");
        poster.verify(1, postRequestedFor(urlPathEqualTo("/" + ACCOUNT + "/api/v2/auth/access_token")));
    }

    /** Poster does not document relaying state: the code exchange, signed with the app secret, is the proof. */
    @Test
    void aCallbackWithoutStateStillInstalls() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(url("/poster/oauth/callback?code=code-2&account="
                + ACCOUNT)).GET());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("connected");
        poster.verify(1, postRequestedFor(urlPathEqualTo("/" + ACCOUNT + "/api/v2/auth/access_token")));
    }

    @Test
    void anUnknownStateIsRefusedWithoutCallingPoster() throws Exception {
        HttpResponse<String> page = callback("code-1", ACCOUNT, "0123456789abcdef");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("unknown");
        poster.verify(0, postRequestedFor(urlPathEqualTo("/" + ACCOUNT + "/api/v2/auth/access_token")));
    }

    @Test
    void missingAndMalformedParametersAreNamed() throws Exception {
        HttpResponse<String> missing = send(HttpRequest.newBuilder(url("/poster/oauth/callback?account=" + ACCOUNT)).GET());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("code is missing").doesNotContain("state is missing");

        HttpResponse<String> malformed = callback("code-1", "evil.example.com", newState());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("account is malformed");
    }

    @Test
    void aCodeThatPosterRefusesIsExplainedAndNothingIsStored() throws Exception {
        poster.stubFor(post("/refusedcafe/api/v2/auth/access_token").willReturn(okJson(
                "{\"code\":400,\"error_type\":\"invalid_grant\",\"error_message\":\"Code is invalid or expired\"}")));

        HttpResponse<String> page = callback("used-code", "refusedcafe", newState());

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Code is invalid or expired");
        assertThat(admin(url("/api/admin/v1/installations/refusedcafe"), "admin", "test-admin-password").statusCode())
                .isEqualTo(404);
    }

    @Test
    void whenPosterFailsTheCallbackAnswers502AndTheSameLinkCanBeRetried() throws Exception {
        poster.stubFor(post("/" + ACCOUNT + "/api/v2/auth/access_token").willReturn(aResponse().withStatus(503)));
        String state = newState();

        HttpResponse<String> failed = callback("code-1", ACCOUNT, state);
        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.body()).contains("Poster could not be reached");

        posterAnswersLikePoster();
        assertThat(callback("code-1", ACCOUNT, state).statusCode()).isEqualTo(200);
    }

    @Test
    void theAdminApiWantsAnAdministrator() throws Exception {
        URI installations = url("/api/admin/v1/installations");

        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(installations).GET());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        // A wrong password makes the engine delay that user's next logins, so it is tried on a user of its own.
        ensureUser("secondadmin", "second-admin-password");
        identity.createMembership("secondadmin", "camunda-admin");
        assertThat(admin(installations, "secondadmin", "wrong").statusCode()).isEqualTo(401);

        ensureUser("cashier", "cashier-password");
        HttpResponse<String> notAdmin = admin(installations, "cashier", "cashier-password");
        assertThat(notAdmin.statusCode()).isEqualTo(403);
        assertThat(json.readTree(notAdmin.body()).path("type").asText()).endsWith("/problems/forbidden");

        HttpResponse<String> unknown = admin(url("/api/admin/v1/installations/nobody"), "admin", "test-admin-password");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).path("type").asText()).endsWith("/problems/not-found");
    }

    @Test
    void theEngineRestApiIsNeverOpen() throws Exception {
        // Tests give each engine a unique name, so the engine is named in the path.
        URI definitions = url("/engine-rest/engine/" + engine.getName() + "/process-definition");

        assertThat(send(HttpRequest.newBuilder(definitions).GET()).statusCode()).isEqualTo(401);
        HttpResponse<String> admin = admin(definitions, "admin", "test-admin-password");
        assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
        assertThat(admin.body()).contains("poster-installation");
    }

    @Test
    void theInstallWebhookInstallsFromItsToken() throws Exception {
        String data = "{\"access_token\":\"" + TOKEN + "\",\"user_id\":1}";
        PosterWebhook hook = hook("application", "1234", "added", data, recent(10));

        HttpResponse<String> response = webhook(hook);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asText()).isEqualTo("accept");
        Jobs.runAll(management);
        HttpResponse<String> installation = admin(url("/api/admin/v1/installations/" + ACCOUNT), "admin", "test-admin-password");
        assertThat(json.readTree(installation.body()).path("status").asText()).isEqualTo("ACTIVE");
        poster.verify(0, postRequestedFor(urlPathEqualTo("/" + ACCOUNT + "/api/v2/auth/access_token")));
    }

    @Test
    void aDuplicateWebhookIsAcceptedAndIgnored() throws Exception {
        PosterWebhook hook = hook("application", "1234", "added",
                "{\"access_token\":\"" + TOKEN + "\"}", recent(20));
        long before = history.createHistoricProcessInstanceQuery().count();

        assertThat(webhook(hook).statusCode()).isEqualTo(200);
        assertThat(webhook(hook).statusCode()).isEqualTo(200);

        assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before + 1);
    }

    @Test
    void aWebhookWithoutDataIsVerifiedWithoutIt() throws Exception {
        assertThat(webhook(hook("client", "42", "changed", null, recent(30))).statusCode()).isEqualTo(200);
    }

    @Test
    void aForgedWebhookIsRefused() throws Exception {
        PosterWebhook genuine = hook("application", "1234", "added", "{\"access_token\":\"" + TOKEN + "\"}", recent(40));
        PosterWebhook forged = new PosterWebhook(genuine.account(), genuine.object(),
                genuine.objectId(), genuine.action(), genuine.time(), "{\"access_token\":\"stolen\"}", genuine.verify());

        HttpResponse<String> response = webhook(forged);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).path("type").asText()).endsWith("/problems/bad-signature");
    }

    @Test
    void aMalformedWebhookIsABadRequestNamingTheFields() throws Exception {
        HttpResponse<String> notJson = send(HttpRequest.newBuilder(url("/poster/webhooks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{not json")));
        assertThat(notJson.statusCode()).isEqualTo(400);

        HttpResponse<String> incomplete = send(HttpRequest.newBuilder(url("/poster/webhooks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"account\":\"mycafe\",\"object\":\"client\"}")));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(json.readTree(incomplete.body()).findValuesAsText("field"))
                .contains("object_id", "action", "time", "verify");
    }

    @Test
    void theUninstallWebhookDeactivatesTheAccount() throws Exception {
        callback("code-1", ACCOUNT, newState());
        Jobs.runAll(management);

        assertThat(webhook(hook("application", "1234", "removed", null, recent(50))).statusCode()).isEqualTo(200);

        HttpResponse<String> installation = admin(url("/api/admin/v1/installations/" + ACCOUNT), "admin", "test-admin-password");
        assertThat(json.readTree(installation.body()).path("status").asText()).isEqualTo("UNINSTALLED");
    }

    private void ensureUser(String id, String password) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(password);
            identity.saveUser(user);
        }
    }

    /** A time some seconds ago: recent enough for the service to act on, distinct per test for de-duplication. */
    private static String recent(int secondsAgo) {
        return String.valueOf(System.currentTimeMillis() / 1000 - secondsAgo);
    }

    private PosterWebhook hook(String object, String objectId, String action, String data, String time) {
        PosterWebhook unsigned = new PosterWebhook(ACCOUNT, object, objectId, action, time, data, null);
        return new PosterWebhook(ACCOUNT, object, objectId, action, time, data,
                PosterWebhookSignature.sign(unsigned, SECRET));
    }

    private HttpResponse<String> webhook(PosterWebhook hook) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", hook.account());
        body.put("account_number", "861052");
        body.put("object", hook.object());
        body.put("object_id", Integer.valueOf(hook.objectId()));
        body.put("action", hook.action());
        body.put("time", hook.time());
        body.put("verify", hook.verify());
        if (hook.data() != null) {
            body.put("data", hook.data());
        }
        return send(HttpRequest.newBuilder(url("/poster/webhooks")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    private String newState() throws Exception {
        String location = send(HttpRequest.newBuilder(url("/poster/install")).GET())
                .headers().firstValue("Location").orElseThrow();
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("state=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("No state in " + location);
    }

    private HttpResponse<String> callback(String code, String account, String state) throws Exception {
        return send(HttpRequest.newBuilder(url("/poster/oauth/callback?code=" + code + "&account=" + account
                + "&state=" + state)).GET());
    }

    private HttpResponse<String> admin(URI uri, String user, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri).header("Authorization", "Basic " + basic).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
