package com.posterincust.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A checkout is late once it has stayed longer than the model lets it, and a grace for the job executor. */
class CheckoutDeadlinesTest {

    private static final OffsetDateTime SINCE = OffsetDateTime.of(2026, 12, 4, 12, 0, 0, 0, ZoneOffset.UTC);

    private final CheckoutSettings settings = new CheckoutSettings();
    private final CheckoutDeadlines deadlines = new CheckoutDeadlines(settings);

    @Test
    void eachWaitingStatusHasTheDeadlineOfItsTimer() {
        assertThat(deadlines.movesOnBy(checkout(CheckoutStatus.AWAITING_REDEMPTION, null)))
                .contains(SINCE.plusMinutes(15));
        assertThat(deadlines.movesOnBy(checkout(CheckoutStatus.AWAITING_CONFIRMATION, null)))
                .as("no expiry from inCust: the fallback").contains(SINCE.plusMinutes(5));
        assertThat(deadlines.movesOnBy(checkout(CheckoutStatus.AWAITING_CONFIRMATION, SINCE.plusMinutes(2))))
                .as("inCust's expiry").contains(SINCE.plusMinutes(2));
        assertThat(deadlines.movesOnBy(checkout(CheckoutStatus.AWAITING_ORDER_CLOSE, null)))
                .as("every reading of the receipt and the last one's wait").contains(SINCE.plusMinutes(70));
        assertThat(deadlines.movesOnBy(checkout(CheckoutStatus.FINALIZING, null))).as("R10/PT1M")
                .contains(SINCE.plusMinutes(10));
        assertThat(deadlines.movesOnBy(checkout(CheckoutStatus.REVERSING, null))).contains(SINCE.plusMinutes(10));
        for (CheckoutStatus done : List.of(CheckoutStatus.COMPLETED, CheckoutStatus.CANCELLED, CheckoutStatus.EXPIRED,
                CheckoutStatus.REVERSED)) {
            assertThat(deadlines.movesOnBy(checkout(done, null))).as(done.name()).isEmpty();
        }
    }

    @Test
    void lateIsPastTheDeadlineAndTheGrace() {
        Checkout choosing = checkout(CheckoutStatus.AWAITING_REDEMPTION, null);
        assertThat(deadlines.isLate(choosing, SINCE.plusMinutes(16))).as("the timer may be on its way").isFalse();
        assertThat(deadlines.isLate(choosing, SINCE.plusMinutes(17).plusSeconds(1))).isTrue();
        assertThat(deadlines.isLate(checkout(CheckoutStatus.COMPLETED, null), SINCE.plusDays(300))).isFalse();
    }

    @Test
    void theRetriesFollowTheSettingAndAMalformedOneIsNamed() {
        settings.setBackgroundRetryCycle("R5/PT30S");
        assertThat(deadlines.backgroundRetries()).isEqualTo(Duration.ofSeconds(150));
        settings.setBackgroundRetryCycle("PT1M");
        assertThatThrownBy(deadlines::backgroundRetries).hasMessageContaining("checkout.background-retry-cycle");
    }

    private static Checkout checkout(CheckoutStatus status, OffsetDateTime codeExpiresAt) {
        return new Checkout("c", "cafe", "1", "b", "k", "h", "o", null, null, null, "UAH", BigDecimal.TEN, List.of(),
                status, null, null, null, null, null,
                codeExpiresAt == null ? null : new CheckoutModel.Confirmation("SMS", codeExpiresAt, 3), false, null,
                null, null, null, null, SINCE, SINCE, null);
    }
}
