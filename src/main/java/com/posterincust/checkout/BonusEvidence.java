package com.posterincust.checkout;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Which bonus amount a closed receipt paid, from what the register reported and what Poster's receipt shows.
 * Both figures are all that inCust paid on the receipt: the register app sets the redeemed points plus the coupons'
 * discount as one amount ({@code setOrderBonus}), so they are compared with what the reservation covers, and inCust
 * is told the points part. Which receipt field carries that amount is unsettled, so a receipt showing nothing is not
 * taken for "nothing was paid": the sale is finalized with what the evidence supports, never silently with 0, and
 * every disagreement is told to operators ({@link #check}).
 *
 * @param amount what inCust is told the receipt paid with bonus points, never more than was reserved
 * @param check  for operators: the figures and what was done; null when they agree
 */
public record BonusEvidence(BigDecimal amount, String check) {

    /** What the reservation holds in inCust: bonus points, and the discount of the coupons redeemed with them. */
    record Covered(BigDecimal points, BigDecimal discount) {

        static Covered of(BigDecimal points, BigDecimal discount) {
            return new Covered(points == null ? BigDecimal.ZERO : points, discount == null ? BigDecimal.ZERO : discount);
        }

        BigDecimal total() {
            return points.add(discount);
        }

        /** The points part of what the receipt paid through the app: the coupon's discount is applied whole. */
        BigDecimal pointsOf(BigDecimal paid) {
            return paid.subtract(discount).max(BigDecimal.ZERO).min(points);
        }

        @Override
        public String toString() {
            return discount.signum() == 0 ? money(points)
                    : money(total()) + " (" + money(points) + " in points and " + money(discount) + " coupon discount)";
        }
    }

    /**
     * @param reported what the register said the receipt paid through the app (null when it has not said)
     * @param shown    what Poster's receipt shows (null when the receipt could not be found)
     * @param covered  what the reservation holds in inCust
     */
    static BonusEvidence of(BigDecimal reported, BigDecimal shown, Covered covered) {
        if (reported != null) {
            if (shown == null || shown.compareTo(reported) == 0) {
                return paid(reported, covered, null);
            }
            if (shown.signum() == 0) {
                return paid(reported, covered, "Poster's receipt shows no bonus paid; the register reported "
                        + money(reported) + ": finalized with " + money(reported.min(covered.total())));
            }
            return paid(shown, covered, "The register reported " + money(reported) + " paid with bonuses, Poster's "
                    + "receipt shows " + money(shown) + ": finalized with Poster's " + money(shown.min(covered.total())));
        }
        if (shown != null && shown.signum() > 0) {
            return paid(shown, covered, null);
        }
        if (covered.total().signum() == 0) {
            return new BonusEvidence(BigDecimal.ZERO.setScale(2), null);
        }
        return new BonusEvidence(covered.points(), "Poster's receipt shows no bonus paid and the register has not "
                + "reported one; finalized with the reserved " + covered + ", which the register app puts on the order "
                + "before payment");
    }

    /** The receipt paid {@code paid} through the app: the points part of it, never more than was reserved. */
    private static BonusEvidence paid(BigDecimal paid, Covered covered, String check) {
        if (paid.compareTo(covered.total()) > 0) {
            String capped = money(paid) + " is more than the reserved " + covered + ": finalized with "
                    + money(covered.points());
            return new BonusEvidence(covered.points(), check == null ? capped : check + "; " + capped);
        }
        BigDecimal points = covered.pointsOf(paid);
        if (paid.compareTo(covered.total()) < 0 && covered.discount().signum() > 0) {
            String partly = money(paid) + " is less than the reserved " + covered + ", and a coupon is applied whole: "
                    + "finalized with " + money(points) + " in points";
            return new BonusEvidence(points, check == null ? partly : check + "; " + partly);
        }
        return new BonusEvidence(points, check);
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
