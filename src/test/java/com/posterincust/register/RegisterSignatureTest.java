package com.posterincust.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class RegisterSignatureTest {

    @Test
    void isTheMd5OfUrlBodyTimeAndSecretConcatenated() throws Exception {
        String url = "https://orchestrator.example.com/api/register/v1/checkouts?x=1";
        String body = "{\"total\":91.00}";
        String expected = String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5")
                .digest((url + body + "1764331200" + "secret").getBytes(StandardCharsets.UTF_8))));

        assertThat(RegisterSignature.sign(url, body.getBytes(StandardCharsets.UTF_8), "1764331200", "secret"))
                .isEqualTo(expected);
    }

    @Test
    void comparesWithoutCaringForHexCase() {
        String signature = RegisterSignature.sign("https://x/y", new byte[0], "1", "s");

        assertThat(RegisterSignature.matches(signature, signature.toUpperCase())).isTrue();
        assertThat(RegisterSignature.matches(signature, signature.substring(1) + "0")).isFalse();
    }

    @Test
    void takesTheAccountNameFromEitherFormOfTheHeader() {
        assertThat(RegisterAuthenticationFilter.accountName("mycafe")).isEqualTo("mycafe");
        assertThat(RegisterAuthenticationFilter.accountName("mycafe.joinposter.com")).isEqualTo("mycafe");
        assertThat(RegisterAuthenticationFilter.accountName("https://MyCafe.joinposter.com/")).isEqualTo("mycafe");
    }
}
