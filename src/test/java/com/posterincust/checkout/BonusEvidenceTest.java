package com.posterincust.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What a receipt paid with bonuses, when the register and Poster's receipt agree, disagree, or one is silent. */
class BonusEvidenceTest {

    static final BonusEvidence.Covered RESERVED = BonusEvidence.Covered.of(new BigDecimal("20.00"), null);

    @Test
    void whenBothSayTheSameNobodyIsAsked() {
        assertThat(BonusEvidence.of(money("15.00"), money("15.00"), RESERVED))
                .isEqualTo(new BonusEvidence(money("15.00"), null));
    }

    @Test
    void theRegistersWordStandsWhenTheReceiptIsNotFound() {
        assertThat(BonusEvidence.of(money("15.00"), null, RESERVED)).isEqualTo(new BonusEvidence(money("15.00"), null));
    }

    @Test
    void aReceiptShowingNothingIsNotTakenForNothingPaid() {
        BonusEvidence evidence = BonusEvidence.of(money("20.00"), money("0.00"), RESERVED);

        assertThat(evidence.amount()).isEqualByComparingTo("20.00");
        assertThat(evidence.check()).isEqualTo("Poster's receipt shows no bonus paid; the register reported 20.00: "
                + "finalized with 20.00");
    }

    @Test
    void anotherAmountOnPostersReceiptIsTheRecordOfWhatWasPaid() {
        BonusEvidence evidence = BonusEvidence.of(money("20.00"), money("12.50"), RESERVED);

        assertThat(evidence.amount()).isEqualByComparingTo("12.50");
        assertThat(evidence.check()).contains("register reported 20.00", "shows 12.50", "finalized with Poster's 12.50");
    }

    @Test
    void withoutTheRegistersWordPostersAmountStands() {
        assertThat(BonusEvidence.of(null, money("12.50"), RESERVED)).isEqualTo(new BonusEvidence(money("12.50"), null));
    }

    @Test
    void withNeitherTheReservationStandsAndAnOperatorIsTold() {
        BonusEvidence evidence = BonusEvidence.of(null, money("0.00"), RESERVED);

        assertThat(evidence.amount()).isEqualByComparingTo("20.00");
        assertThat(evidence.check()).contains("has not reported", "finalized with the reserved 20.00");
    }

    @Test
    void nothingReservedNothingPaid() {
        assertThat(BonusEvidence.of(null, null, BonusEvidence.Covered.of(BigDecimal.ZERO, BigDecimal.ZERO))).isEqualTo(new BonusEvidence(money("0.00"), null));
    }

    @Test
    void neverMoreThanWasReserved() {
        BonusEvidence evidence = BonusEvidence.of(money("35.00"), null, RESERVED);

        assertThat(evidence.amount()).isEqualByComparingTo("20.00");
        assertThat(evidence.check()).isEqualTo("35.00 is more than the reserved 20.00: finalized with 20.00");
    }

    /** Olena's 10 points and the 10 % coupon on a 65.00 check: the register app puts 16.50 on the order. */
    @Test
    void pointsAndACouponTogetherAreWhatTheReceiptPaidThroughTheApp() {
        BonusEvidence.Covered tenPointsAndACoupon = BonusEvidence.Covered.of(money("10.00"), money("6.50"));

        assertThat(BonusEvidence.of(money("16.50"), money("16.50"), tenPointsAndACoupon))
                .isEqualTo(new BonusEvidence(money("10.00"), null));
        assertThat(BonusEvidence.of(money("16.50"), null, tenPointsAndACoupon))
                .isEqualTo(new BonusEvidence(money("10.00"), null));
        assertThat(BonusEvidence.of(null, money("16.50"), tenPointsAndACoupon))
                .isEqualTo(new BonusEvidence(money("10.00"), null));
    }

    @Test
    void aCouponAloneRedeemsNoPoints() {
        assertThat(BonusEvidence.of(money("11.05"), money("11.05"), BonusEvidence.Covered.of(null, money("11.05"))))
                .isEqualTo(new BonusEvidence(money("0.00"), null));
    }

    @Test
    void withACouponMoreThanWasCoveredIsCappedAndNamed() {
        BonusEvidence evidence = BonusEvidence.of(money("30.00"), null, BonusEvidence.Covered.of(money("10.00"),
                money("6.50")));

        assertThat(evidence.amount()).isEqualByComparingTo("10.00");
        assertThat(evidence.check()).isEqualTo("30.00 is more than the reserved 16.50 (10.00 in points and 6.50 "
                + "coupon discount): finalized with 10.00");
    }

    /** Which part is missing cannot be told: the coupon is applied whole, the points take the rest, an operator looks. */
    @Test
    void withACouponLessThanWasCoveredIsARealDisagreement() {
        BonusEvidence evidence = BonusEvidence.of(money("10.00"), money("10.00"), BonusEvidence.Covered.of(
                money("10.00"), money("6.50")));

        assertThat(evidence.amount()).isEqualByComparingTo("3.50");
        assertThat(evidence.check()).contains("10.00 is less than the reserved 16.50", "finalized with 3.50 in points");
    }

    @Test
    void withNeitherFigureAndACouponThePointsReservedAreFinalized() {
        BonusEvidence evidence = BonusEvidence.of(null, null, BonusEvidence.Covered.of(money("10.00"), money("6.50")));

        assertThat(evidence.amount()).isEqualByComparingTo("10.00");
        assertThat(evidence.check()).contains("finalized with the reserved 16.50 (10.00 in points and 6.50 coupon "
                + "discount)");
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
