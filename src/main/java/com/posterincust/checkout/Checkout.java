package com.posterincust.checkout;

import com.posterincust.checkout.CheckoutModel.Confirmation;
import com.posterincust.checkout.CheckoutModel.Item;
import com.posterincust.checkout.CheckoutModel.Offer;
import com.posterincust.checkout.CheckoutModel.Redemption;
import com.posterincust.checkout.CheckoutModel.Result;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One checkout of one receipt at one register, as the {@code checkout} table keeps it.
 *
 * @param transactionId  Poster's receipt, as the register named it or Poster's webhook matched it
 * @param posterClientId the guest as Poster knows them; null when the register gave a bare inCust customer id
 */
public record Checkout(String id, String account, String tabletId, String bindingId, String idempotencyKey,
                       String requestHash, String orderId, String transactionId, String customerId,
                       String posterClientId, String currency,
                       BigDecimal total, List<Item> items, CheckoutStatus status, Offer offer, Redemption redemption,
                       Result result, String incustTransactionId, BigDecimal reservedBonuses,
                       Confirmation confirmation, boolean confirmed, BigDecimal payedBonus, String rejection,
                       BigDecimal posterPayedBonus, BigDecimal finalizedBonus, String bonusCheck,
                       OffsetDateTime createdAt, OffsetDateTime updatedAt, String processInstanceId) {

    /** How Cockpit names the checkout's instances, and those of its reversal and returns. */
    public String label() {
        return label(account, tabletId, orderId);
    }

    static String label(String account, String tabletId, String orderId) {
        return account + " / register " + tabletId + " / order " + orderId;
    }

    /** The points inCust took for the sale: what it was told at finalizing, else what the reservation holds. */
    public BigDecimal redeemedPoints() {
        if (finalizedBonus != null) {
            return finalizedBonus;
        }
        return result == null ? null : result.bonusToApply();
    }

    /** What the reservation holds in inCust: the points redeemed and the coupons' discount. */
    BonusEvidence.Covered covered() {
        return BonusEvidence.Covered.of(reservedBonuses, result == null ? null : result.discount());
    }
}
