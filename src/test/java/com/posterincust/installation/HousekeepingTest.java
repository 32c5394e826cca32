package com.posterincust.installation;

import static org.assertj.core.api.Assertions.assertThat;

import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookStore;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    @Autowired
    JdbcClient jdbc;

    @Test
    void installLinksStoreNothingUntilUsedAndTheirRecordGoesOnceTheyExpire() {
        long before = usedStates();
        String state = states.issue(Duration.ofMinutes(15));
        assertThat(usedStates()).isEqualTo(before);

        assertThat(states.consume(state)).isEqualTo(OAuthStateRepository.Outcome.ACCEPTED);
        assertThat(states.consume(state)).isEqualTo(OAuthStateRepository.Outcome.ALREADY_USED);
        assertThat(usedStates()).isEqualTo(before + 1);

        states.purgeExpiredBefore(OffsetDateTime.now().plusMinutes(16));
        assertThat(usedStates()).isZero();
        assertThat(states.consume(states.issue(Duration.ofHours(-1)))).isEqualTo(OAuthStateRepository.Outcome.EXPIRED);
    }

    @Test
    void aStateThatWasNotIssuedHereIsUnknown() {
        String issued = states.issue(Duration.ofMinutes(15));
        String forged = issued.substring(0, 20) + (issued.charAt(20) == 'a' ? 'b' : 'a') + issued.substring(21);

        assertThat(states.consume(forged)).isEqualTo(OAuthStateRepository.Outcome.UNKNOWN);
        assertThat(states.consume("abc")).isEqualTo(OAuthStateRepository.Outcome.UNKNOWN);
    }

    private long usedStates() {
        return jdbc.sql("select count(*) from oauth_state").query(Long.class).single();
    }

    @Test
    void webhookRecordsAreKeptLongEnoughToDeduplicatePostersRedeliveries() {
        PosterWebhook hook = new PosterWebhook("mycafe", "client", "5", "changed", "1764331200", null, "x");
        assertThat(webhooks.recordFirstDelivery(hook)).isTrue();

        webhooks.purgeOld();
        assertThat(webhooks.recordFirstDelivery(hook)).as("still a duplicate after the hourly purge").isFalse();

        webhooks.purgeReceivedBefore(OffsetDateTime.now().plusMinutes(1));
        assertThat(webhooks.recordFirstDelivery(hook)).isTrue();
    }
}
