package com.posterincust.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookSignature;
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
import java.util.Map;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The probes of a security review, each sent to the service as an attacker would send it (sandbox off): the status
 * and problem slug of the answer, and that nothing was created or changed.
 */
@ExtendWith(OutputCaptureExtension.class)
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
    @Autowired
    JdbcClient jdbc;

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
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management).bindRegister(false);
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(okJson("{\"amount\":91.00,"
                + "\"discount_amount\":0,\"bonuses_to_add\":4.55,\"bonus_points_available\":150.00,"
                + "\"max_redeemable_bonuses\":45.50,\"applicable_coupons\":[],\"amount_to_pay\":91.00}")));
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

    /** A stored filter's query runs for everyone who lists it: an expression in it would run code as them. */
    @Test
    void aStoredFilterWithAnExpressionIsRefusedAndNeverEvaluated() throws Exception {
        String probe = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)}";
        HttpResponse<String> created = engineRest("admin", "POST", "/filter/create", "{\"resourceType\":\"Task\","
                + "\"name\":\"probe\",\"query\":{\"candidateGroupExpression\":\"" + probe + "\"}}");

        assertThat(created.statusCode()).as(created.body()).isEqualTo(400);
        assertThat(created.body()).contains("Expressions are forbidden in stored queries");
        assertThat(engine.getFilterService().createFilterQuery().filterName("probe").count()).isZero();

        String id = java.util.UUID.randomUUID().toString();
        jdbc.sql("insert into act_ru_filter (id_, rev_, resource_type_, name_, owner_, query_, properties_) "
                + "values (?, 1, 'Task', 'stored-earlier', null, ?, '{}')")
                .params(id, "{\"candidateGroupExpression\":\"${noSuchBean.value}\"}").update();
        HttpResponse<String> listed = engineRest(OLGA, "GET", "/filter/" + id + "/list", null);
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(400);
        assertThat(listed.body()).contains("Expressions are forbidden").doesNotContain("noSuchBean");
        jdbc.sql("delete from act_ru_filter where id_ = ?").param(id).update();
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

    /** The limit is the routed path's: an encoded or dotted spelling of the admin API meets the admin's limit. */
    @Test
    void anAdminBodyOverItsLimitIsRefusedHoweverThePathIsSpelt() throws Exception {
        for (String path : List.of("/api/%61dmin/v1/terminal-bindings", "/api/x/../admin/v1/terminal-bindings",
                "/api/admin;x=1/v1/terminal-bindings", "/api/admin/v1//terminal-bindings")) {
            String body = "{\"posterAccount\":\"" + "x".repeat(70 * 1024) + "\",\"posterCustomerNumber\":\"861052\","
                    + "\"posterSpotId\":\"2\",\"posterTabletId\":\"3\"}";
            String answer = rawRequest("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + BlackBox.adminAuthorization() + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\nConnection: close\r\n\r\n" + body);
            assertThat(answer).as(path).startsWith("HTTP/1.1 413").contains("payload-too-large");
        }
    }

    // ---- 5. webhooks: only signed fields count, and nothing old --------------------------------------------------

    @Test
    void aCapturedUninstallReplayedWithAnotherAccountNumberChangesNothing() throws Exception {
        long time = System.currentTimeMillis() / 1000;
        String captured = BlackBox.webhookBody(json, box.account, "application", "1", "removed", null, time);
        assertThat(postWebhook(captured).statusCode()).isEqualTo(200);
        assertThat(installationStatus()).isEqualTo("UNINSTALLED");
        box.install(management);
        assertThat(installationStatus()).isEqualTo("ACTIVE");

        HttpResponse<String> replayed = postWebhook(captured.replace("\"861052\"", "\"999999\""));

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(installationStatus()).isEqualTo("ACTIVE");
    }

    @Test
    void aSignedWebhookOlderThanItsMaxAgeIsAcknowledgedAndIgnored() throws Exception {
        long fourDaysAgo = System.currentTimeMillis() / 1000 - 4 * 24 * 3600;
        long before = webhookRecords();

        HttpResponse<String> old = box.webhookAt("application", "1", "removed", null, fourDaysAgo);

        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(installationStatus()).isEqualTo("ACTIVE");
        assertThat(webhookRecords()).isEqualTo(before);
    }

    @Test
    void aSignedWebhookWithFieldsNoPosterHookHasIsRefusedBeforeItsSignatureIsChecked() throws Exception {
        long before = webhookRecords();

        HttpResponse<String> odd = box.webhook("transaction", "9".repeat(5_000), "changed", "x".repeat(100_000));

        assertThat(odd.statusCode()).isEqualTo(400);
        assertThat(json.readTree(odd.body()).path("errors").get(0).path("field").asText()).isEqualTo("object_id");
        assertThat(webhookRecords()).isEqualTo(before);
    }

    /**
     * Poster signs its fields joined with {@code ;}: a field holding one could make a hook's signature fit others. A
     * signed hook with {@code data} "x", re-sent with the {@code ;} moved into the action or the object id, is refused
     * before its signature is checked, and Poster is never asked about it.
     */
    @Test
    void oneSignatureFitsOneHookOnly() throws Exception {
        long time = System.currentTimeMillis() / 1000;
        String verify = PosterWebhookSignature.sign(new PosterWebhook(box.account, "transaction", "900800", "changed",
                String.valueOf(time), "x", null), BlackBox.SECRET);
        long before = webhookRecords();

        HttpResponse<String> intoTheAction = postWebhook(hook("transaction", "900800", "changed;x", time, verify));
        HttpResponse<String> intoTheId = postWebhook(hook("transaction", "900800;changed", "x", time, verify));

        assertThat(intoTheAction.statusCode()).isEqualTo(400);
        assertThat(json.readTree(intoTheAction.body()).path("errors").get(0).path("field").asText()).isEqualTo("action");
        assertThat(intoTheId.statusCode()).isEqualTo(400);
        assertThat(json.readTree(intoTheId.body()).path("errors").get(0).path("field").asText()).isEqualTo("object_id");
        assertThat(webhookRecords()).isEqualTo(before);
        fakes.verify(0, getRequestedFor(urlPathMatching("/poster/.*/api/dash.getTransaction")));
    }

    /** Thousands of unsigned webhooks from one address are a line a minute in the log, with a count, not a line each. */
    @Test
    void aFloodOfRefusedWebhooksIsOneLineAMinute(CapturedOutput log) throws Exception {
        long time = System.currentTimeMillis() / 1000;
        int before = count(log.getOut(), "Webhook refused, bad signature");

        for (int i = 0; i < 200; i++) {
            assertThat(postWebhook(hook("transaction", String.valueOf(700000 + i), "changed", time,
                    "0".repeat(32))).statusCode()).isEqualTo(401);
        }

        assertThat(count(log.getOut(), "Webhook refused, bad signature") - before).isLessThanOrEqualTo(1);
    }

    private String hook(String object, String objectId, String action, long time, String verify) throws Exception {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("account", box.account);
        body.put("account_number", "861052");
        body.put("object", object);
        body.put("object_id", objectId);
        body.put("action", action);
        body.put("time", String.valueOf(time));
        body.put("verify", verify);
        return json.writeValueAsString(body);
    }

    private static int count(String text, String phrase) {
        int found = 0;
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            found++;
        }
        return found;
    }

    /** A line break in a malformed webhook's field cannot start a line of its own in the log. */
    @Test
    void anOutsideValueCannotForgeALogLine(CapturedOutput log) throws Exception {
        String forged = "2026-12-01T00:00:00.000Z  INFO [] 1 --- [main] c.p.Forged : operator logged in";
        String body = "{\"account\":\"evil\\n" + forged + "\",\"object\":\"transaction\",\"object_id\":\"1\\r\\n"
                + forged + "\\u001b[2K\",\"action\":\"changed\",\"time\":\"" + System.currentTimeMillis() / 1000
                + "\",\"verify\":\"0123456789abcdef0123456789abcdef\"}";

        HttpResponse<String> refused = box.send(HttpRequest.newBuilder(box.url("/poster/webhooks"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(log.getOut()).contains("evil\\n2026-12-01T00:00:00.000Z").contains("1\\r\\n2026-12-01")
                .doesNotContain("\u001b[2K");
        assertThat(log.getOut().lines()).noneMatch(line -> line.startsWith("2026-12-01T00:00:00.000Z"));
    }

    // ---- 6. input the validation accepted used to end in 500 -----------------------------------------------------

    @Test
    void aCustomerInCustDoesNotKnowIs404() throws Exception {
        box.bindRegister(true);
        fakes.stubFor(post("/incust/v1/term/check/prepare").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"customer_not_found\",\"message\":\"Customer not found\"}")));
        long before = checkouts();

        HttpResponse<String> unknown = checkout("order-u", order("\"customerId\":\"c-nobody\"", 1, "Latte"));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertProblem(unknown, "customer-not-found");
        assertThat(checkouts()).isEqualTo(before);
    }

    @Test
    void valuesBeyondTheirColumnsAreBadRequestsNamingTheField() throws Exception {
        box.bindRegister(true);
        assertBadField(checkout("order-l", order("\"customerId\":\"" + "c".repeat(101) + "\"", 1, "Latte")),
                "customerId");
        assertBadField(checkout("order-t", order("\"customerId\":\"c-1\"", 1, "Latte")
                .replace("\"total\":45.50", "\"total\":10000000000000")), "total");
        assertBadField(checkout("order-p", order("\"customerId\":\"c-1\"", 1, "Latte")
                .replace("\"price\":45.50", "\"price\":1e20")), "items.0.price");
        assertBadField(box.register("POST", "/api/register/v1/checkouts/any/order-closed", "{\"payedBonus\":1e20}"),
                "payedBonus");

        String id = json.readTree(checkout("order-b", order("\"customerId\":\"c-1\"", 1, "Latte")).body())
                .path("checkoutId").asText();
        assertBadField(box.register("POST", "/api/register/v1/checkouts/" + id + "/redemption",
                "{\"bonusPoints\":1e20}"), "bonusPoints");
    }

    @Test
    void aRealOrderOfHundredsOfLinesPassesAndTooManyLinesAreNamed() throws Exception {
        box.bindRegister(true);
        String name = "Flat white with oat milk and an extra shot, large, to go".substring(0, 55) + "xxxxx";

        HttpResponse<String> large = checkout("order-150", order("\"customerId\":\"c-1\"", 150, name));
        HttpResponse<String> tooLarge = checkout("order-501", order("\"customerId\":\"c-1\"", 501, name));

        assertThat(large.statusCode()).as(large.body()).isEqualTo(201);
        assertBadField(tooLarge, "items");
    }

    @Test
    void anUnknownPathIsAProblemToo() throws Exception {
        HttpResponse<String> missing = box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/nothing-here"))
                .header("Authorization", BlackBox.adminAuthorization()).GET());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertProblem(missing, "not-found");
    }

    // ---- 7. install links cost nothing to hand out ----------------------------------------------------------------

    @Test
    void askingForInstallLinksStoresNothing() throws Exception {
        long before = jdbc.sql("select count(*) from oauth_state").query(Long.class).single();
        for (int i = 0; i < 50; i++) {
            assertThat(box.send(HttpRequest.newBuilder(box.url("/poster/install")).GET()).statusCode()).isEqualTo(302);
        }

        assertThat(jdbc.sql("select count(*) from oauth_state").query(Long.class).single()).isEqualTo(before);
    }

    // ---- 8. a register acts only on the customers it identified ----------------------------------------------------

    @Test
    void aBareCustomerIdIsRefusedUnlessTheBindingAllowsIt() throws Exception {
        long before = checkouts();

        HttpResponse<String> refused = checkout("order-c", order("\"customerId\":\"c-1001\"", 1, "Latte"));

        assertBadField(refused, "customerId");
        assertThat(checkouts()).isEqualTo(before);
        fakes.verify(0, postRequestedFor(urlPathMatching("/incust/v1/term/check/prepare")));
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private HttpResponse<String> postWebhook(String body) throws Exception {
        return box.send(HttpRequest.newBuilder(box.url("/poster/webhooks")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String installationStatus() throws Exception {
        return json.readTree(box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/installations/" + box.account))
                .header("Authorization", BlackBox.adminAuthorization()).GET()).body()).path("status").asText();
    }

    private long webhookRecords() {
        return jdbc.sql("select count(*) from poster_webhook_event").query(Long.class).single();
    }

    private long checkouts() {
        return jdbc.sql("select count(*) from checkout").query(Long.class).single();
    }

    private HttpResponse<String> checkout(String key, String body) throws Exception {
        return box.registerWithKey("POST", "/api/register/v1/checkouts", body, key);
    }

    /** An order of {@code lines} lines of one 45.50 product each, the customer given as {@code customer}. */
    private static String order(String customer, int lines, String name) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            items.append(i == 0 ? "" : ",").append("{\"productId\":\"").append(i + 1).append("\",\"name\":\"")
                    .append(name).append("\",\"count\":1,\"price\":45.50}");
        }
        return "{\"orderId\":\"o-" + lines + "\"," + customer + ",\"items\":[" + items + "],\"total\":"
                + new java.math.BigDecimal("45.50").multiply(java.math.BigDecimal.valueOf(lines)) + ",\"currency\":\"UAH\"}";
    }

    private void assertBadField(HttpResponse<String> response, String field) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertProblem(response, "invalid-request");
        assertThat(json.readTree(response.body()).findValuesAsText("field")).contains(field);
    }

    private HttpResponse<String> engineRest(String user, String method, String path, String body) throws Exception {
        return box.send(HttpRequest.newBuilder(engineUrl(path))
                .header("Authorization", basic(user, user.equals("admin") ? "test-admin-password" : PASSWORD))
                .header("Content-Type", "application/json")
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

    /** A request written byte by byte, so the path reaches the service exactly as spelt. */
    /** {@code /error} asked for directly is not a 500. */
    @Test
    void theErrorPageAskedForDirectlyIsNotFound() throws Exception {
        HttpResponse<String> error = box.send(HttpRequest.newBuilder(box.url("/error")).header("Accept",
                "application/json"));

        assertThat(error.statusCode()).isEqualTo(404);
    }

    /** URLs the firewall refuses are answered like every other page: never framed by another site. */
    @Test
    void aRefusedUrlIsAnsweredWithTheUsualHeaders() throws Exception {
        for (String path : List.of("/poster/manage;x=1", "/api/owner/v1//x")) {
            String answer = rawRequest("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

            assertThat(answer).as(path).startsWith("HTTP/1.1 400").containsIgnoringCase("X-Frame-Options: DENY")
                    .contains("invalid-request");
        }
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] chunk = new byte[1024];
            int read;
            while (!answer.toString().endsWith("}") && (read = in.read(chunk)) > 0) {
                answer.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
            }
            return answer.toString();
        }
    }
}
