package com.posterincust.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    MutableClock clock = new MutableClock();
    LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void theFirstFewWrongPasswordsCostNothingThenTheWaitDoublesUpToFiveMinutes() {
        assertThat(LoginThrottle.penalty(5)).isZero();
        assertThat(LoginThrottle.penalty(6)).isEqualTo(Duration.ofSeconds(1));
        assertThat(LoginThrottle.penalty(7)).isEqualTo(Duration.ofSeconds(2));
        assertThat(LoginThrottle.penalty(14)).isEqualTo(Duration.ofSeconds(256));
        assertThat(LoginThrottle.penalty(15)).isEqualTo(Duration.ofMinutes(5));
        assertThat(LoginThrottle.penalty(1_000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void onlyTheGuessingAddressWaitsAndOnlyUntilItsPenaltyEnds() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("203.0.113.7");
        }

        assertThat(throttle.waitFor("203.0.113.7")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("198.51.100.1")).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(throttle.waitFor("203.0.113.7")).isZero();
    }

    @Test
    void aRightPasswordForgetsTheAddressesFailures() {
        for (int i = 0; i < 7; i++) {
            throttle.failed("203.0.113.7");
        }
        throttle.succeeded("203.0.113.7");

        throttle.failed("203.0.113.7");
        assertThat(throttle.waitFor("203.0.113.7")).isZero();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
