package com.posterincust.poster.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The {@code poster_webhook_event} table; its unique key de-duplicates Poster's repeated deliveries. */
@Repository
public class PosterWebhookStore {

    static final Duration RETENTION = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Clock clock;

    public PosterWebhookStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Poster redelivers a hook for about two days; a week later its record can no longer de-duplicate anything.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeOld() {
        purgeReceivedBefore(OffsetDateTime.now(clock).minus(RETENTION));
    }

    public int purgeReceivedBefore(OffsetDateTime cutoff) {
        return jdbc.sql("delete from poster_webhook_event where received_at < ?").param(cutoff).update();
    }

    /**
     * @param storedData what to keep of {@code data}: application hooks carry the access token, which
     *                   must not be stored in clear, so the caller passes null for them
     * @return false when the same hook was recorded before
     */
    public boolean recordFirstDelivery(PosterWebhook hook, String storedData) {
        try {
            jdbc.sql("insert into poster_webhook_event (account, account_number, object, object_id, action, event_time, "
                            + "data, received_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(hook.account(), hook.accountNumber(), hook.object(), hook.objectId(), hook.action(),
                            hook.time(), storedData, OffsetDateTime.now(clock))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }
}
