package com.posterincust.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.posterincust.poster.PosterReceipt;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule of {@link ReceiptEvidence}, case by case. */
class ReceiptEvidenceTest {

    static final Instant STARTED = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void theNamedReceiptSettlesAndNoOtherDoes() {
        Checkout named = checkout("7001", "42", "10.00", "0");

        assertThat(ReceiptEvidence.settles(closed("7001", "3", null, "0.00", STARTED.minusSeconds(3600)), named)).isTrue();
        assertThat(ReceiptEvidence.settles(closed("7002", "3", "42", "10.00", STARTED.plusSeconds(60)), named)).isFalse();
    }

    @Test
    void anUnnamedCheckoutNeedsItsRegisterGuestBonusAndTime() {
        Checkout waiting = checkout(null, "42", "10.00", "0");

        assertThat(ReceiptEvidence.settles(closed("1", "3", "42", "10.00", STARTED.plusSeconds(60)), waiting)).isTrue();
        assertThat(ReceiptEvidence.settles(closed("1", "2", "42", "10.00", STARTED.plusSeconds(60)), waiting))
                .as("another register").isFalse();
        assertThat(ReceiptEvidence.settles(closed("1", "3", null, "10.00", STARTED.plusSeconds(60)), waiting))
                .as("no guest").isFalse();
        assertThat(ReceiptEvidence.settles(closed("1", "3", "43", "10.00", STARTED.plusSeconds(60)), waiting))
                .as("another guest").isFalse();
        assertThat(ReceiptEvidence.settles(closed("1", "3", "42", "500.00", STARTED.plusSeconds(60)), waiting))
                .as("another bonus").isFalse();
        assertThat(ReceiptEvidence.settles(closed("1", "3", "42", "10.00", STARTED.minusSeconds(120)), waiting))
                .as("closed before the checkout started").isFalse();
        assertThat(ReceiptEvidence.settles(closed("1", "3", "42", "10.00", STARTED.minusSeconds(30)), waiting))
                .as("within the clocks' difference").isTrue();
        assertThat(ReceiptEvidence.settles(closed("1", "3", "42", "10.00", null), waiting))
                .as("no time of closing").isFalse();
    }

    @Test
    void theBonusIsPointsAndCouponsTogetherAsTheRegisterAppSetsIt() {
        Checkout withCoupon = checkout(null, "42", "10.00", "9.10");

        assertThat(ReceiptEvidence.settles(closed("1", "3", "42", "19.10", STARTED), withCoupon)).isTrue();
        assertThat(ReceiptEvidence.settles(closed("1", "3", "42", "10.00", STARTED), withCoupon)).isFalse();
    }

    @Test
    void aGuestPosterDoesNotKnowIsNeverMatched() {
        assertThat(ReceiptEvidence.settles(closed("1", "3", "42", "10.00", STARTED), checkout(null, null, "10.00", "0")))
                .isFalse();
    }

    @Test
    void onlyAClosedReceiptSettles() {
        PosterReceipt deleted = new PosterReceipt("7001", PosterReceipt.State.DELETED, BigDecimal.ZERO, "3", "42",
                STARTED);

        assertThat(ReceiptEvidence.settles(deleted, checkout("7001", "42", "0", "0"))).isFalse();
    }

    private static PosterReceipt closed(String id, String tablet, String client, String bonus, Instant closedAt) {
        return new PosterReceipt(id, PosterReceipt.State.CLOSED, new BigDecimal(bonus), tablet, client, closedAt);
    }

    private static Checkout checkout(String transactionId, String posterClientId, String points, String discount) {
        OffsetDateTime started = STARTED.atOffset(ZoneOffset.UTC);
        return new Checkout("c-1", "cafe", "3", "b-1", "key", "hash", "order-1", transactionId, "c-1001",
                posterClientId, "UAH", new BigDecimal("91.00"), List.of(), CheckoutStatus.AWAITING_ORDER_CLOSE, null,
                null, new CheckoutModel.Result(new BigDecimal(points), new BigDecimal(discount), BigDecimal.ZERO),
                "tx-1", new BigDecimal(points), null, false, null, null, null, null, null, started, started, "pi-1");
    }
}
