package com.posterincust.installation;

import static org.assertj.core.api.Assertions.assertThat;

import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class HousekeepingTest {

    @Autowired
    OAuthStateRepository states;
    @Autowired
    PosterWebhookStore webhooks;

    @Test
    void expiredInstallLinksAreForgottenAfterADay() {
        String longExpired = states.issue(Duration.ofDays(-2));
        String recentlyExpired = states.issue(Duration.ofHours(-1));

        states.purgeExpired();

        assertThat(states.consume(longExpired)).isEqualTo(OAuthStateRepository.Outcome.UNKNOWN);
        assertThat(states.consume(recentlyExpired)).isEqualTo(OAuthStateRepository.Outcome.EXPIRED);
    }

    @Test
    void webhookRecordsAreKeptLongEnoughToDeduplicatePostersRedeliveries() {
        PosterWebhook hook = new PosterWebhook("mycafe", "861052", "client", "5", "changed", "1764331200", null, "x");
        assertThat(webhooks.recordFirstDelivery(hook, null)).isTrue();

        webhooks.purgeOld();
        assertThat(webhooks.recordFirstDelivery(hook, null)).as("still a duplicate after the hourly purge").isFalse();

        webhooks.purgeReceivedBefore(OffsetDateTime.now().plusMinutes(1));
        assertThat(webhooks.recordFirstDelivery(hook, null)).isTrue();
    }
}
