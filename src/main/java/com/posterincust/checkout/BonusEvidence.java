package com.posterincust.checkout;

import java.math.BigDecimal;

/**
 * Which bonus amount a closed receipt paid, from what the register reported and what Poster's receipt shows.
 * Which receipt field carries the amount the register app set ({@code setOrderBonus}) is unsettled, so a receipt
 * showing nothing is not taken for "nothing was paid": the sale is finalized with what the evidence supports, never
 * silently with 0, and every disagreement is told to operators ({@link #check}).
 *
 * @param amount what inCust is told the receipt paid with bonuses, never more than was reserved
 * @param check  for operators: the two figures and what was done; null when they agree
 */
public record BonusEvidence(BigDecimal amount, String check) {

    /**
     * @param reported what the register said the receipt paid (null when it has not said)
     * @param shown    what Poster's receipt shows (null when the receipt could not be found)
     * @param reserved what the reservation holds in inCust
     */
    static BonusEvidence of(BigDecimal reported, BigDecimal shown, BigDecimal reserved) {
        BigDecimal held = reserved == null ? BigDecimal.ZERO : reserved;
        if (reported != null) {
            if (shown == null || shown.compareTo(reported) == 0) {
                return capped(reported, held, null);
            }
            if (shown.signum() == 0) {
                return capped(reported, held, "Poster's receipt shows no bonus paid; the register reported " + money(reported)
                        + ": finalized with " + money(reported.min(held)));
            }
            return capped(shown, held, "The register reported " + money(reported) + " paid with bonuses, Poster's receipt "
                    + "shows " + money(shown) + ": finalized with Poster's " + money(shown.min(held)));
        }
        if (shown != null && shown.signum() > 0) {
            return capped(shown, held, null);
        }
        if (held.signum() == 0) {
            return new BonusEvidence(BigDecimal.ZERO.setScale(2), null);
        }
        return new BonusEvidence(held, "Poster's receipt shows no bonus paid and the register has not reported one; "
                + "finalized with the reserved " + money(held) + ", which the register app puts on the order before payment");
    }

    private static BonusEvidence capped(BigDecimal amount, BigDecimal held, String check) {
        if (amount.compareTo(held) <= 0) {
            return new BonusEvidence(amount.max(BigDecimal.ZERO), check);
        }
        String capped = money(amount) + " is more than the reserved " + money(held) + ": finalized with " + money(held);
        return new BonusEvidence(held, check == null ? capped : check + "; " + capped);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
