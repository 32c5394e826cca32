package com.posterincust.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.posterincust.AgainstFakesTest;
import com.posterincust.BlackBox;
import com.posterincust.register.RegisterSignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Behind a configured reverse proxy: the URL the register called is the one its signature covers, and the client
 * address the proxy reports is the one whose passwords are throttled.
 */
@TestPropertySource(properties = "orchestrator.trusted-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1")
class TrustedProxyTest extends AgainstFakesTest {

    @Autowired
    IdentityService identity;

    @Test
    void behindATrustedProxyTheForwardedUrlIsTheSignedOne() throws Exception {
        fakes.resetAll();
        BlackBox box = new BlackBox(fakes, json, port).stubPosterAndIncust().install(management).bindRegister();
        String time = String.valueOf(System.currentTimeMillis() / 1000);
        String connection = BlackBox.named("/api/register/v1/connection", box.account, "3");
        String publicUrl = "https://orchestrator.example.com" + connection;

        HttpResponse<String> response = box.send(HttpRequest.newBuilder(box.url(connection))
                .header("X-Poster-Url", box.account)
                .header("X-Poster-Spot-Id", "2")
                .header("X-Poster-Tablet-Id", "3")
                .header("X-Poster-Time", time)
                .header("X-Poster-Signature", RegisterSignature.sign(publicUrl, new byte[0], time, BlackBox.SECRET))
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "orchestrator.example.com")
                .header("X-Forwarded-Port", "443")
                .GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsFromOneAddressNeverLockTheOperatorOutElsewhere() throws Exception {
        BlackBox box = new BlackBox(fakes, json, port);
        List<Integer> attacker = new ArrayList<>();
        for (int attempt = 0; attempt < 12; attempt++) {
            attacker.add(installations(box, "203.0.113.7", "admin:guess-" + attempt).statusCode());
        }

        assertThat(attacker.subList(0, 6)).containsOnly(401);
        assertThat(attacker.subList(6, 12)).containsOnly(429);
        HttpResponse<String> throttled = installations(box, "203.0.113.7", "admin:test-admin-password");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(json.readTree(throttled.body()).path("type").asText()).endsWith("/problems/too-many-attempts");
        assertThat(installations(box, "198.51.100.1", "admin:test-admin-password").statusCode()).isEqualTo(200);
        assertThat(identity.checkPassword("admin", "test-admin-password"))
                .as("the engine locks nobody after wrong passwords").isTrue();
    }

    private static HttpResponse<String> installations(BlackBox box, String clientAddress, String credentials)
            throws Exception {
        return box.send(HttpRequest.newBuilder(box.url("/api/admin/v1/installations"))
                .header("X-Forwarded-For", clientAddress)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .GET());
    }
}
