package com.posterincust.checkout;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * By when a checkout should have moved on by itself, as the checkout model's timers and background retries have it
 * (docs/checkout.md): a checkout still there after that, and a grace for the job executor, is late — someone should
 * look. Final statuses are never late.
 */
@Component
public class CheckoutDeadlines {

    /** The job executor's lag and a clock's drift between nodes: late means clearly late. */
    static final Duration GRACE = Duration.ofMinutes(2);
    private static final Pattern REPEATED = Pattern.compile("R(\\d+)/(P.+)");

    private final CheckoutSettings settings;

    public CheckoutDeadlines(CheckoutSettings settings) {
        this.settings = settings;
    }

    /** When this checkout should have left its status by itself; empty for a status that is final. */
    public Optional<OffsetDateTime> movesOnBy(Checkout checkout) {
        OffsetDateTime since = checkout.updatedAt();
        return switch (checkout.status()) {
            case AWAITING_REDEMPTION -> Optional.of(since.plus(settings.getChoiceTimeout()));
            case AWAITING_CONFIRMATION -> Optional.of(checkout.confirmation() != null
                    && checkout.confirmation().expiresAt() != null ? checkout.confirmation().expiresAt()
                    : since.plus(settings.getCodeExpiryFallback()));
            case AWAITING_ORDER_CLOSE -> Optional.of(since.plus(settings.getReceiptCheckInterval()
                    .multipliedBy(settings.getReceiptCheckLimit() + 1L)));
            case FINALIZING, REVERSING -> Optional.of(since.plus(backgroundRetries()));
            case COMPLETED, CANCELLED, EXPIRED, REVERSED -> Optional.empty();
        };
    }

    public boolean isLate(Checkout checkout, OffsetDateTime now) {
        return movesOnBy(checkout).map(by -> by.plus(GRACE).isBefore(now)).orElse(false);
    }

    /** How long the background retries of {@code checkout.background-retry-cycle} last before an incident. */
    Duration backgroundRetries() {
        Matcher cycle = REPEATED.matcher(settings.getBackgroundRetryCycle().trim());
        if (!cycle.matches()) {
            throw new IllegalStateException("checkout.background-retry-cycle is not Rn/duration: "
                    + settings.getBackgroundRetryCycle());
        }
        return Duration.parse(cycle.group(2)).multipliedBy(Long.parseLong(cycle.group(1)));
    }
}
