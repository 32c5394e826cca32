package com.posterincust.register;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The {@code register_signature} table: a signature of a call with an effect is used once, on every node. */
@Repository
public class UsedSignatures {

    private final JdbcClient jdbc;
    private final Clock clock;

    public UsedSignatures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return false when this signature was used before */
    public boolean useOnce(String signature) {
        try {
            jdbc.sql("insert into register_signature (signature, used_at) values (?, ?)")
                    .params(signature.toLowerCase(java.util.Locale.ROOT), OffsetDateTime.now(clock)).update();
            return true;
        } catch (DuplicateKeyException usedBefore) {
            return false;
        }
    }

    public void forget(String signature) {
        jdbc.sql("delete from register_signature where signature = ?")
                .param(signature.toLowerCase(java.util.Locale.ROOT)).update();
    }

    /** A signature older than twice its accepted clock skew is refused for its time alone. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    public void purgeExpired() {
        jdbc.sql("delete from register_signature where used_at < ?")
                .param(OffsetDateTime.now(clock).minus(RegisterAuthenticationFilter.MAX_CLOCK_SKEW.multipliedBy(2)))
                .update();
    }
}
