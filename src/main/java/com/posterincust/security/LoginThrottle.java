package com.posterincust.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Slows down password guessing per client address, not per user: an attacker who keeps guessing waits longer and
 * longer, while the operator whose name is being guessed logs in from their own address at once. The engine's own
 * per-user lockout is switched off (application.yml), because it let anyone lock an operator out.
 */
public class LoginThrottle {

    /** Wrong passwords an address may send before it has to wait. */
    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(5);
    /** An address that stops failing for this long starts afresh. */
    static final Duration MEMORY = Duration.ofHours(1);
    /** Bounds the memory an attacker spraying addresses can take. */
    static final int MAX_ADDRESSES = 100_000;

    private record Failures(int count, Instant blockedUntil) {
    }

    private final Clock clock;
    private final Cache<String, Failures> failures;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterWrite(MEMORY).build();
    }

    /** How long this address must still wait before its next password is checked; zero when it may try now. */
    public Duration waitFor(String address) {
        Failures known = failures.getIfPresent(address);
        if (known == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), known.blockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    public void failed(String address) {
        failures.asMap().compute(address, (key, known) -> {
            int count = known == null ? 1 : known.count() + 1;
            return new Failures(count, clock.instant().plus(penalty(count)));
        });
    }

    public void succeeded(String address) {
        failures.invalidate(address);
    }

    /** Nothing for the first few, then 1, 2, 4 ... seconds, at most {@link #LONGEST_WAIT}. */
    static Duration penalty(int failures) {
        if (failures <= FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES - 1, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
