package com.posterincust.checkout;

import com.posterincust.poster.PosterReceipt;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether a closed receipt Poster's webhook mentions is the receipt of a checkout. The register's word (the receipt it
 * named at the start or at {@code order-closed}) is the checkout's receipt; any other receipt is one only on evidence,
 * and only for a checkout whose register has not named one: the same register, the checkout's guest (the Poster
 * client the register app put on the order), the bonus the checkout set on the order (points and coupons: what
 * inCust pays), closed after the checkout started. A receipt of another guest, without a guest, of another amount or
 * from before never settles the checkout, however it arrives.
 */
final class ReceiptEvidence {

    /** Poster's clock and the service's may differ by this much. */
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(60);

    private ReceiptEvidence() {
    }

    /** Whether {@code receipt} is the one {@code checkout} waits for. */
    static boolean settles(PosterReceipt receipt, Checkout checkout) {
        if (receipt.state() != PosterReceipt.State.CLOSED) {
            return false;
        }
        if (checkout.transactionId() != null) {
            return checkout.transactionId().equals(receipt.transactionId());
        }
        return checkout.tabletId().equals(receipt.tabletId())
                && checkout.posterClientId() != null && checkout.posterClientId().equals(receipt.clientId())
                && receipt.payedBonus() != null && receipt.payedBonus().compareTo(checkout.covered().total()) == 0
                && closedAfterStart(receipt.closedAt(), checkout.createdAt().toInstant());
    }

    private static boolean closedAfterStart(Instant closedAt, Instant started) {
        return closedAt != null && !closedAt.isBefore(started.minus(CLOCK_TOLERANCE));
    }
}
