package com.posterincust.installation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** The {@code oauth_state} table: one random value per install link, usable once, for a limited time. */
@Repository
public class OAuthStateRepository {

    public enum Outcome { ACCEPTED, UNKNOWN, ALREADY_USED, EXPIRED }

    private static final int STATE_BYTES = 24;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OAuthStateRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String issue(Duration ttl) {
        byte[] bytes = new byte[STATE_BYTES];
        random.nextBytes(bytes);
        String state = HexFormat.of().formatHex(bytes);
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into oauth_state (state, created_at, expires_at) values (?, ?, ?)")
                .params(state, now, now.plus(ttl))
                .update();
        return state;
    }

    /** Marks the state used; only the first caller within its lifetime gets {@link Outcome#ACCEPTED}. */
    public Outcome consume(String state) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int taken = jdbc.sql("update oauth_state set used_at = ? where state = ? and used_at is null and expires_at > ?")
                .params(now, state, now)
                .update();
        if (taken == 1) {
            return Outcome.ACCEPTED;
        }
        Optional<Boolean> used = jdbc.sql("select used_at is not null from oauth_state where state = ?")
                .param(state)
                .query(Boolean.class)
                .optional();
        return used.map(u -> u ? Outcome.ALREADY_USED : Outcome.EXPIRED).orElse(Outcome.UNKNOWN);
    }

    /** Forgets states that expired before {@code now - age}; they can no longer be used by anybody. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeExpired() {
        purgeOlderThan(Duration.ofDays(1));
    }

    int purgeOlderThan(Duration age) {
        return jdbc.sql("delete from oauth_state where expires_at < ?")
                .param(OffsetDateTime.now(clock).minus(age))
                .update();
    }
}
