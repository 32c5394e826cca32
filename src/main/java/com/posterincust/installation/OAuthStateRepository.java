package com.posterincust.installation;

import com.posterincust.common.TokenCipher;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Install links' {@code state}: signed values that carry their own expiry, so handing one out stores nothing and
 * anyone may ask for links without filling a table. Only a state that comes back in a callback is recorded (the
 * {@code oauth_state} table), once, which makes it single-use; the record is dropped once the state has expired.
 */
@Repository
public class OAuthStateRepository {

    public enum Outcome { ACCEPTED, UNKNOWN, ALREADY_USED, EXPIRED }

    private static final String PURPOSE = "oauth-state";
    private static final int EXPIRY_BYTES = Long.BYTES;
    private static final int NONCE_BYTES = 12;
    private static final int MAC_BYTES = 16;
    private static final int STATE_BYTES = EXPIRY_BYTES + NONCE_BYTES + MAC_BYTES;

    private final JdbcClient jdbc;
    private final TokenCipher keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OAuthStateRepository(JdbcClient jdbc, TokenCipher keys, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
    }

    /** A fresh state: its expiry, a random nonce and a MAC over both, as hex. */
    public String issue(Duration ttl) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        ByteBuffer signed = ByteBuffer.allocate(EXPIRY_BYTES + NONCE_BYTES)
                .putLong(clock.instant().plus(ttl).getEpochSecond()).put(nonce);
        byte[] mac = Arrays.copyOf(keys.mac(PURPOSE, signed.array()), MAC_BYTES);
        return HexFormat.of().formatHex(ByteBuffer.allocate(STATE_BYTES).put(signed.array()).put(mac).array());
    }

    /** Marks the state used; only the first caller within its lifetime gets {@link Outcome#ACCEPTED}. */
    public Outcome consume(String state) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(state);
        } catch (IllegalArgumentException notHex) {
            return Outcome.UNKNOWN;
        }
        if (bytes.length != STATE_BYTES) {
            return Outcome.UNKNOWN;
        }
        byte[] signed = Arrays.copyOf(bytes, EXPIRY_BYTES + NONCE_BYTES);
        byte[] expected = Arrays.copyOf(keys.mac(PURPOSE, signed), MAC_BYTES);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(bytes, signed.length, STATE_BYTES))) {
            return Outcome.UNKNOWN;
        }
        Instant expires = Instant.ofEpochSecond(ByteBuffer.wrap(signed).getLong());
        Instant now = clock.instant();
        if (!expires.isAfter(now)) {
            return Outcome.EXPIRED;
        }
        try {
            jdbc.sql("insert into oauth_state (state, created_at, expires_at, used_at) values (?, ?, ?, ?)")
                    .params(state, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                            OffsetDateTime.ofInstant(expires, ZoneOffset.UTC), OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .update();
            return Outcome.ACCEPTED;
        } catch (DuplicateKeyException usedBefore) {
            return Outcome.ALREADY_USED;
        }
    }

    /** A used state past its expiry is refused by its own signature: its record is no longer needed. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    public void purgeExpired() {
        purgeExpiredBefore(OffsetDateTime.now(clock));
    }

    int purgeExpiredBefore(OffsetDateTime cutoff) {
        return jdbc.sql("delete from oauth_state where expires_at < ?").param(cutoff).update();
    }
}
