package com.posterincust.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The probes of a security review, each sent to the service as an attacker would send it (sandbox off): the status
 * and problem slug of the answer, and that nothing was created or changed.
 */
class HostileInputTest extends AgainstFakesTest {

    static final String MALLORY = "mallory";
    static final String OLGA = "olga";
    static final String PASSWORD = "a-password-of-her-own";

    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ProcessEngine engine;
    @Autowired
    LoginThrottle throttle;

    BlackBox box;
    final List<String> deployments = new java.util.ArrayList<>();

    @BeforeEach
    void usersAndAnInstalledAccount() throws Exception {
        user(MALLORY);
        user(OLGA);
        if (identity.createUserQuery().memberOfGroup(EngineAccess.OPERATORS).userId(OLGA).count() == 0) {
            identity.createMembership(OLGA, EngineAccess.OPERATORS);
        }
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management).bindRegister();
    }

    @AfterEach
    void forgetFailedLogins() {
        throttle.succeeded("127.0.0.1");
        throttle.succeeded("0:0:0:0:0:0:0:1");
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    private void user(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
    }

    // ---- 1. the engine: least privilege -------------------------------------------------------------------------

    @Test
    void aPlainUserCannotJoinTheAdministrators() throws Exception {
        HttpResponse<String> joined = engineRest(MALLORY, "PUT", "/group/camunda-admin/members/" + MALLORY, null);

        assertThat(joined.statusCode()).isEqualTo(403);
        assertProblem(joined, "forbidden");
        assertThat(identity.createUserQuery().memberOfGroup(EngineAccess.ADMINS).userId(MALLORY).count()).isZero();
        assertThat(admin(MALLORY, "/api/admin/v1/installations").statusCode()).isEqualTo(403);
    }

    @Test
    void anOperatorCannotJoinTheAdministratorsEither() throws Exception {
        HttpResponse<String> joined = engineRest(OLGA, "PUT", "/group/camunda-admin/members/" + OLGA, null);

        assertThat(joined.statusCode()).isEqualTo(403);
        assertThat(identity.createUserQuery().memberOfGroup(EngineAccess.ADMINS).userId(OLGA).count()).isZero();
    }

    @Test
    void nobodyButAnAdministratorChangesAnotherUsersPassword() throws Exception {
        String newPassword = "{\"password\":\"taken-over\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}";

        // a user she may not even read is "not found" to her; either way nothing changes
        assertThat(engineRest(MALLORY, "PUT", "/user/admin/credentials", newPassword).statusCode()).isIn(403, 404);
        assertThat(engineRest(OLGA, "PUT", "/user/admin/credentials", newPassword).statusCode()).isIn(403, 404);
        assertThat(identity.checkPassword("admin", "test-admin-password")).isTrue();
        assertThat(identity.checkPassword("admin", "taken-over")).isFalse();
    }

    @Test
    void aPlainUserCannotOpenCockpitAndAnOperatorCan() throws Exception {
        assertThat(webappLogin(MALLORY, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(webappLogin(OLGA, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void noModelIsDeployedThroughTheApisOutsideTheSandbox() throws Exception {
        for (String user : List.of("admin", OLGA, MALLORY)) {
            HttpResponse<String> deployed = box.send(HttpRequest.newBuilder(engineUrl("/deployment/create"))
                    .header("Authorization", basic(user, user.equals("admin") ? "test-admin-password" : PASSWORD))
                    .header("Content-Type", "multipart/form-data; boundary=probe")
                    .POST(HttpRequest.BodyPublishers.ofString(multipart(secretReadingModel(
                            "${installationRepository.accessToken('" + box.account + "').get()}")))));
            assertThat(deployed.statusCode()).as(user).isEqualTo(403);
            assertProblem(deployed, "deployment-refused");
        }
        HttpResponse<String> throughTheWebapp = box.send(HttpRequest.newBuilder(
                        box.url("/camunda/api/engine/engine/" + engine.getName() + "/deployment/cre%61te"))
                .header("Content-Type", "multipart/form-data; boundary=probe")
                .POST(HttpRequest.BodyPublishers.ofString(multipart(secretReadingModel("${tokenCipher}")))));
        assertThat(throughTheWebapp.statusCode()).isEqualTo(403);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("probe").count()).isZero();
    }

    /** Even a model that got in some other way reaches no repository and no cipher. */
    @Test
    void expressionsSeeOnlyTheBeansTheModelsUse() {
        for (String expression : List.of("${installationRepository.accessToken('" + box.account + "').get()}",
                "${terminalBindingRepository}", "${tokenCipher}", "${identityService}", "${dataSource}")) {
            Deployment deployment = repository.createDeployment().addModelInstance("probe.bpmn",
                    secretReadingModel(expression)).deploy();
            deployments.add(deployment.getId());

            assertThatThrownBy(() -> runtime.startProcessInstanceByKey("probe"))
                    .as(expression).hasMessageContaining("Unknown property used in expression");
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("probe").count()).isZero();
    }

    @Test
    void anOperatorSeesProcessesAndRetriesAFailedJobButChangesNothingElse() throws Exception {
        Deployment deployment = repository.createDeployment().addModelInstance("failing.bpmn", Bpmn
                .createExecutableProcess("failing").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask().camundaAsyncBefore().camundaExpression("${execution.getVariable('missing').length()}")
                .endEvent().done()).deploy();
        deployments.add(deployment.getId());
        String instance = runtime.startProcessInstanceByKey("failing").getId();
        String job = management.createJobQuery().processInstanceId(instance).singleResult().getId();
        management.setJobRetries(job, 0);

        assertThat(engineRest(OLGA, "GET", "/process-instance?processDefinitionKey=failing", null).body())
                .contains(instance);
        assertThat(engineRest(OLGA, "PUT", "/job/" + job + "/retries", "{\"retries\":1}").statusCode()).isEqualTo(204);
        assertThat(management.createJobQuery().jobId(job).singleResult().getRetries()).isEqualTo(1);
        assertThat(engineRest(OLGA, "DELETE", "/process-instance/" + instance, null).statusCode()).isEqualTo(403);
        assertThat(engineRest(OLGA, "POST", "/process-instance/" + instance + "/variables",
                "{\"modifications\":{\"x\":{\"value\":1}}}").statusCode()).isEqualTo(403);
        assertThat(engineRest(MALLORY, "GET", "/process-instance", null).statusCode()).isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
    }

    // ---- 2. bodies beyond their limits ----------------------------------------------------------------------------

    @Test
    void aWebhookDeclaringHundredsOfMegabytesIsRefusedBeforeItIsRead() throws Exception {
        String answer = rawPost("/poster/webhooks", 300L * 1024 * 1024, "{\"account\":\"");

        assertThat(answer).startsWith("HTTP/1.1 413").contains("payload-too-large");
    }

    @Test
    void aChunkedBodyOverItsLimitIsRefusedNotTruncated() throws Exception {
        byte[] webhook = new byte[256 * 1024 + 1];
        java.util.Arrays.fill(webhook, (byte) ' ');
        HttpResponse<String> refused = box.send(HttpRequest.newBuilder(box.url("/poster/webhooks"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(webhook))));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertProblem(refused, "payload-too-large");
    }

    @Test
    void aSignedRegisterBodyOverOneMebibyteIsRefusedNotTruncated() throws Exception {
        String padding = " ".repeat(1024 * 1024);
        HttpResponse<String> refused = box.register("POST", "/api/register/v1/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"+380501234567\"}}" + padding);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertProblem(refused, "payload-too-large");
    }

    @Test
    void anAdminBodyOverSixtyFourKibibytesIsRefused() throws Exception {
        HttpResponse<String> refused = box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/terminal-bindings"))
                .header("Authorization", BlackBox.adminAuthorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"posterAccount\":\"" + "x".repeat(64 * 1024) + "\"}")));

        assertThat(refused.statusCode()).isEqualTo(413);
        assertProblem(refused, "payload-too-large");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private HttpResponse<String> engineRest(String user, String method, String path, String body) throws Exception {
        return box.send(HttpRequest.newBuilder(engineUrl(path))
                .header("Authorization", basic(user, PASSWORD)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private java.net.URI engineUrl(String path) {
        return box.url("/engine-rest/engine/" + engine.getName() + path);
    }

    private HttpResponse<String> admin(String user, String path) throws Exception {
        return box.send(HttpRequest.newBuilder(box.url(path)).header("Authorization", basic(user, PASSWORD)).GET());
    }

    /** The webapps' login form, with the session and the CSRF token a browser would hold. */
    HttpResponse<String> webappLogin(String user, String password) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(HttpRequest.newBuilder(box.url("/camunda/app/cockpit/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        return browser.send(HttpRequest.newBuilder(box.url("/camunda/api/admin/auth/user/" + engine.getName()
                        + "/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private void assertProblem(HttpResponse<String> response, String slug) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("type").asText()).endsWith("/problems/" + slug);
    }

    private static BpmnModelInstance secretReadingModel(String expression) {
        return Bpmn.createExecutableProcess("probe").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask().camundaExpression(expression).camundaResultVariable("loot").endEvent().done();
    }

    private static String multipart(BpmnModelInstance model) {
        return "--probe\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
                + "--probe\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + Bpmn.convertToString(model) + "\r\n--probe--\r\n";
    }

    /** Declares a length the client never sends, as an attacker would, and reads what the service answers. */
    private String rawPost(String path, long declaredLength, String start) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + declaredLength + "\r\n\r\n" + start).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] chunk = new byte[1024];
            int read;
            // the service answers at once and keeps the connection only to discard what the client still sends
            while (!answer.toString().endsWith("}") && (read = in.read(chunk)) > 0) {
                answer.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
            }
            return answer.toString();
        }
    }
}
