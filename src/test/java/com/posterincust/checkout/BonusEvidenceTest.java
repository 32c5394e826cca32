package com.posterincust.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What a receipt paid with bonuses, when the register and Poster's receipt agree, disagree, or one is silent. */
class BonusEvidenceTest {

    static final BigDecimal RESERVED = new BigDecimal("20.00");

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
        assertThat(BonusEvidence.of(null, null, BigDecimal.ZERO)).isEqualTo(new BonusEvidence(money("0.00"), null));
    }

    @Test
    void neverMoreThanWasReserved() {
        BonusEvidence evidence = BonusEvidence.of(money("35.00"), null, RESERVED);

        assertThat(evidence.amount()).isEqualByComparingTo("20.00");
        assertThat(evidence.check()).isEqualTo("35.00 is more than the reserved 20.00: finalized with 20.00");
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
