package com.posterincust.register;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The {@code register_signature} table: a signature of a call with an effect is used once, on every node; a checkout
 * start's once per Idempotency-Key it came with.
 */
@Repository
public class UsedSignatures {

    private final JdbcClient jdbc;
    private final Clock clock;

    public UsedSignatures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param intent what the signature does not cover but names the call's one effect (a checkout start's
     *               Idempotency-Key); null when the signed request is all of it
     * @return false when this signature was used before, for another intent
     */
    public boolean useOnce(String signature, String intent) {
        String key = signature.toLowerCase(Locale.ROOT);
        try {
            jdbc.sql("insert into register_signature (signature, used_at, intent) values (?, ?, ?)")
                    .params(key, OffsetDateTime.now(clock), intent).update();
            return true;
        } catch (DuplicateKeyException usedBefore) {
            return intent != null && jdbc.sql("select count(*) from register_signature where signature = ? "
                    + "and intent = ?").params(key, intent).query(Long.class).single() > 0;
        }
    }

    public void forget(String signature) {
        jdbc.sql("delete from register_signature where signature = ?")
                .param(signature.toLowerCase(Locale.ROOT)).update();
    }

    /** A signature older than twice its accepted clock skew is refused for its time alone. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    public void purgeExpired() {
        jdbc.sql("delete from register_signature where used_at < ?")
                .param(OffsetDateTime.now(clock).minus(RegisterAuthenticationFilter.MAX_CLOCK_SKEW.multipliedBy(2)))
                .update();
    }
}
