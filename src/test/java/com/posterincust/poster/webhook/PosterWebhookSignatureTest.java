package com.posterincust.poster.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PosterWebhookSignatureTest {

    static final String SECRET = "app-secret";

    @Test
    void signsTheFieldsJoinedBySemicolonsWithDataWhenPresent() {
        PosterWebhook hook = new PosterWebhook("mycafe", "application", "1234", "added", "1764331200",
                "{\"access_token\":\"x\"}", null);

        assertThat(PosterWebhookSignature.sign(hook, SECRET)).isEqualTo(com.posterincust.poster.PosterMd5.hex(
                "mycafe;application;1234;added;{\"access_token\":\"x\"};1764331200;app-secret"));
    }

    @Test
    void leavesDataOutWhenAbsent() {
        PosterWebhook hook = new PosterWebhook("mycafe", "transaction", "77", "changed", "1764331200", null, null);

        assertThat(PosterWebhookSignature.sign(hook, SECRET))
                .isEqualTo(com.posterincust.poster.PosterMd5.hex("mycafe;transaction;77;changed;1764331200;app-secret"));
    }

    @Test
    void acceptsTheGenuineSignatureInEitherCaseAndRefusesAnyOther() {
        PosterWebhook unsigned = new PosterWebhook("mycafe", "transaction", "77", "changed", "1764331200",
                null, null);
        String verify = PosterWebhookSignature.sign(unsigned, SECRET);

        assertThat(PosterWebhookSignature.isValid(withVerify(unsigned, verify), SECRET)).isTrue();
        assertThat(PosterWebhookSignature.isValid(withVerify(unsigned, verify.toUpperCase()), SECRET)).isTrue();
        assertThat(PosterWebhookSignature.isValid(withVerify(unsigned, verify), "other-secret")).isFalse();
        assertThat(PosterWebhookSignature.isValid(withVerify(unsigned, null), SECRET)).isFalse();
        PosterWebhook otherTime = new PosterWebhook("mycafe", "transaction", "77", "changed", "1764331201",
                null, verify);
        assertThat(PosterWebhookSignature.isValid(otherTime, SECRET)).isFalse();
    }

    private static PosterWebhook withVerify(PosterWebhook hook, String verify) {
        return new PosterWebhook(hook.account(), hook.object(), hook.objectId(), hook.action(),
                hook.time(), hook.data(), verify);
    }
}
