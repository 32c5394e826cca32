package com.posterincust.poster.webhook;

import com.posterincust.poster.PosterProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The {@code poster_webhook_event} table; its unique key, made of signed fields only, de-duplicates Poster's
 * repeated deliveries and any replay of a captured hook.
 */
@Repository
public class PosterWebhookStore {

    private final JdbcClient jdbc;
    private final PosterProperties poster;
    private final Clock clock;

    public PosterWebhookStore(JdbcClient jdbc, PosterProperties poster, Clock clock) {
        this.jdbc = jdbc;
        this.poster = poster;
        this.clock = clock;
    }

    /**
     * A record must outlive the age at which hooks are ignored anyway: until then it is what refuses a replay.
     */
    Duration retention() {
        return poster.getWebhooks().getMaxAge().plusDays(1);
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeOld() {
        purgeReceivedBefore(OffsetDateTime.now(clock).minus(retention()));
    }

    public int purgeReceivedBefore(OffsetDateTime cutoff) {
        return jdbc.sql("delete from poster_webhook_event where received_at < ?").param(cutoff).update();
    }

    /** @return false when the same hook was recorded before */
    public boolean recordFirstDelivery(PosterWebhook hook) {
        try {
            jdbc.sql("insert into poster_webhook_event (account, object, object_id, action, event_time, received_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(hook.account(), hook.object(), hook.objectId(), hook.action(), hook.time(),
                            OffsetDateTime.now(clock))
                    .update();
            return true;
        } catch (DuplicateKeyException alreadyRecorded) {
            return false;
        }
    }
}
