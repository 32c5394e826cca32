package com.posterincust.authorization;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** register-api.md §1 "Customer authorization" over real HTTP, sandbox off, WireMock playing Poster and inCust. */
class CustomerSessionsBlackBoxTest extends AgainstFakesTest {

    static final String SESSIONS = "/api/register/v1/customer-sessions";
    static final String OLENA = "{\"id\":\"c-1001\",\"name\":\"Olena\",\"phone\":\"+380501234567\","
            + "\"email\":\"olena@example.com\",\"is_new\":false,\"bonus_points\":150,\"birth_date\":\"1990-04-01\","
            + "\"accounts\":[{\"id\":\"a-1\",\"title\":\"Gift card\",\"type\":\"money\",\"balance\":200.00}],"
            + "\"coupons\":[{\"code\":\"COFFEE10\",\"title\":\"10% off\",\"description\":\"10 %\"}]}";

    BlackBox box;
    String clients;

    @BeforeEach
    void aBoundRegister() throws Exception {
        fakes.resetAll();
        box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management).bindRegister();
        clients = "/poster/" + box.account + "/api/clients.";
        fakes.stubFor(post("/incust/v1/term/customer/search").willReturn(okJson("{\"customers\":[]}")));
        fakes.stubFor(post("/incust/v1/term/customer/search").withRequestBody(equalToJson(
                "{\"identifier\":{\"type\":\"phone\",\"value\":\"+380501234567\"}}"))
                .willReturn(okJson("{\"customers\":[" + OLENA + "]}")));
        fakes.stubFor(get("/incust/v1/term/customer/c-1001").willReturn(okJson(OLENA)));
        fakes.stubFor(get(urlPathEqualTo(clients + "getClients")).willReturn(okJson("{\"response\":[]}")));
        fakes.stubFor(post(urlPathEqualTo(clients + "createClient")).willReturn(okJson("{\"response\":501}")));
    }

    @Test
    void aKnownCustomerIsIdentifiedWithWalletAndPosterClient() throws Exception {
        fakes.stubFor(get(urlPathEqualTo(clients + "getClients")).withQueryParam("phone", equalTo("+380501234567"))
                .willReturn(okJson("{\"response\":[{\"client_id\":\"42\",\"phone\":\"+380501234567\"}]}")));

        HttpResponse<String> response = box.register("POST", SESSIONS, identifier("PHONE", "050 123 45 67"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("sessionId").asText()).isNotBlank();
        assertThat(body.path("status").asText()).isEqualTo("IDENTIFIED");
        JsonNode customer = body.path("customer");
        assertThat(customer.path("id").asText()).isEqualTo("c-1001");
        assertThat(customer.path("name").asText()).isEqualTo("Olena");
        assertThat(customer.path("phone").asText()).isEqualTo("+380501234567");
        assertThat(customer.path("isNew").asBoolean()).isFalse();
        assertThat(customer.path("bonusPoints").decimalValue()).isEqualByComparingTo("150.00");
        assertThat(customer.path("accounts").get(0).path("balance").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(customer.path("coupons").get(0).path("code").asText()).isEqualTo("COFFEE10");
        assertThat(customer.path("posterClientId").asText()).isEqualTo("42");
        assertThat(body.has("profileFields")).isFalse();
        fakes.verify(0, postRequestedFor(urlPathEqualTo(clients + "createClient")));

        HttpResponse<String> again = box.register("GET", SESSIONS + "/" + body.path("sessionId").asText(), "");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("customer").path("posterClientId").asText()).isEqualTo("42");
    }

    @Test
    void aNewPhoneAsksForTheProfileThenIsIdentified() throws Exception {
        fakes.stubFor(post("/incust/v1/term/customer").willReturn(okJson(
                "{\"id\":\"c-2001\",\"phone\":\"+380931112233\",\"is_new\":true,\"bonus_points\":0}")));
        fakes.stubFor(put("/incust/v1/term/customer/c-2001/profile").willReturn(okJson(
                "{\"id\":\"c-2001\",\"name\":\"Petro\",\"phone\":\"+380931112233\",\"gender\":\"male\","
                        + "\"birth_date\":\"1991-02-03\",\"is_new\":true,\"bonus_points\":0}")));

        HttpResponse<String> opened = box.register("POST", SESSIONS, identifier("PHONE", "+380931112233"));

        assertThat(opened.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(opened.body());
        assertThat(body.path("status").asText()).isEqualTo("PROFILE_REQUIRED");
        assertThat(body.path("customer").path("isNew").asBoolean()).isTrue();
        assertThat(body.path("profileFields").toString()).isEqualTo("[\"name\",\"gender\",\"birthDate\",\"email\"]");
        String session = body.path("sessionId").asText();

        HttpResponse<String> profiled = box.register("PUT", SESSIONS + "/" + session + "/profile",
                "{\"name\":\"Petro\",\"gender\":\"male\",\"birthDate\":\"1991-02-03\"}");

        assertThat(profiled.statusCode()).isEqualTo(200);
        JsonNode identified = json.readTree(profiled.body());
        assertThat(identified.path("status").asText()).isEqualTo("IDENTIFIED");
        assertThat(identified.path("customer").path("name").asText()).isEqualTo("Petro");
        assertThat(identified.path("customer").path("posterClientId").asText()).isEqualTo("501");
        fakes.verify(putRequestedFor(urlEqualTo("/incust/v1/term/customer/c-2001/profile")).withRequestBody(
                equalToJson("{\"name\":\"Petro\",\"gender\":\"male\",\"birth_date\":\"1991-02-03\"}")));
        fakes.verify(postRequestedFor(urlPathEqualTo(clients + "createClient")).withRequestBody(equalToJson(
                "{\"client_name\":\"Petro\",\"client_groups_id_client\":\"7\",\"phone\":\"+380931112233\","
                        + "\"birthday\":\"1991-02-03\"}")));

        HttpResponse<String> twice = box.register("PUT", SESSIONS + "/" + session + "/profile", "{}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(json.readTree(twice.body()).path("type").asText()).endsWith("/problems/wrong-state");
        assertThat(json.readTree(twice.body()).path("status").asText()).isEqualTo("IDENTIFIED");
    }

    @Test
    void anEmptyProfileSkips() throws Exception {
        fakes.stubFor(post("/incust/v1/term/customer").willReturn(okJson(
                "{\"id\":\"c-2002\",\"email\":\"new@example.com\",\"is_new\":true,\"bonus_points\":0}")));
        String session = json.readTree(box.register("POST", SESSIONS, identifier("EMAIL", " New@Example.com ")).body())
                .path("sessionId").asText();

        HttpResponse<String> skipped = box.register("PUT", SESSIONS + "/" + session + "/profile", "{}");

        assertThat(skipped.statusCode()).isEqualTo(200);
        assertThat(json.readTree(skipped.body()).path("status").asText()).isEqualTo("IDENTIFIED");
        fakes.verify(postRequestedFor(urlEqualTo("/incust/v1/term/customer")).withRequestBody(equalToJson(
                "{\"identifiers\":[{\"type\":\"email\",\"value\":\"new@example.com\"}]}")));
        fakes.verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void anUnknownQrCodeIsNotFound() throws Exception {
        HttpResponse<String> response = box.register("POST", SESSIONS, identifier("QR", "QR-NOBODY-1"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json.readTree(response.body()).path("type").asText()).endsWith("/problems/customer-not-found");
        fakes.verify(0, postRequestedFor(urlEqualTo("/incust/v1/term/customer")));
    }

    @Test
    void invalidIdentifiersAreRefusedBeforeAnyExternalCall() throws Exception {
        for (String body : new String[] {identifier("PHONE", "12345"), identifier("PHONE", ""), identifier("FAX", "1"),
                identifier("EMAIL", "not-an-email"), identifier("QR", "x".repeat(600)), "{}", "{\"identifier\":7}"}) {
            HttpResponse<String> response = box.register("POST", SESSIONS, body);

            assertThat(response.statusCode()).as(body).isEqualTo(400);
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.path("type").asText()).endsWith("/problems/invalid-request");
            assertThat(problem.path("errors").get(0).path("field").asText()).startsWith("identifier");
        }
        fakes.verify(0, postRequestedFor(urlEqualTo("/incust/v1/term/customer/search")));
    }

    @Test
    void aBadProfileIsRefusedAndTheSessionStaysOpen() throws Exception {
        fakes.stubFor(post("/incust/v1/term/customer").willReturn(okJson(
                "{\"id\":\"c-2003\",\"phone\":\"+380931112244\",\"is_new\":true,\"bonus_points\":0}")));
        String session = json.readTree(box.register("POST", SESSIONS, identifier("PHONE", "+380931112244")).body())
                .path("sessionId").asText();

        HttpResponse<String> bad = box.register("PUT", SESSIONS + "/" + session + "/profile",
                "{\"gender\":\"robot\",\"birthDate\":\"" + LocalDate.now().plusDays(1) + "\",\"email\":\"x\"}");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).findValuesAsText("field")).containsExactly("gender", "birthDate", "email");
        fakes.verify(0, putRequestedFor(anyUrl()));
        assertThat(json.readTree(box.register("GET", SESSIONS + "/" + session, "").body()).path("status").asText())
                .isEqualTo("PROFILE_REQUIRED");
    }

    @Test
    void anotherRegisterNeverSeesTheSession() throws Exception {
        String session = json.readTree(box.register("POST", SESSIONS, identifier("PHONE", "+380501234567")).body())
                .path("sessionId").asText();
        HttpResponse<String> bound = box.send(java.net.http.HttpRequest.newBuilder(box.url("/api/admin/v1/terminal-bindings"))
                .header("Authorization", BlackBox.adminAuthorization()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"posterAccount\":\"" + box.account
                        + "\",\"posterCustomerNumber\":\"861052\",\"posterSpotId\":\"1\",\"posterTabletId\":\"1\","
                        + "\"incust\":{\"login\":\"bar-login\",\"password\":\"bar-password\"}}")));
        assertThat(bound.statusCode()).isEqualTo(201);

        assertThat(box.register("GET", SESSIONS + "/" + session, "", "1", "1").statusCode()).isEqualTo(404);
        assertThat(box.register("PUT", SESSIONS + "/" + session + "/profile", "{}", "1", "1").statusCode())
                .isEqualTo(404);
        assertThat(box.register("GET", SESSIONS + "/no-such-session", "").statusCode()).isEqualTo(404);
    }

    @Test
    void whenPosterIsDownTheCashierMayRetry() throws Exception {
        fakes.stubFor(get(urlPathEqualTo(clients + "getClients")).willReturn(aResponse().withStatus(503)));

        HttpResponse<String> failed = box.register("POST", SESSIONS, identifier("PHONE", "+380501234567"));

        assertThat(failed.statusCode()).isEqualTo(503);
        fakes.stubFor(get(urlPathEqualTo(clients + "getClients")).willReturn(okJson("{\"response\":[]}")));
        assertThat(box.register("POST", SESSIONS, identifier("PHONE", "+380501234567")).statusCode()).isEqualTo(200);
        fakes.verify(getRequestedFor(urlPathEqualTo(clients + "getClients")).withQueryParam("phone",
                equalTo("+380501234567")));
    }

    private static String identifier(String type, String value) {
        return "{\"identifier\":{\"type\":\"" + type + "\",\"value\":\"" + value + "\"}}";
    }
}
