package com.posterincust.checkout;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** The checkout's parts as the register sees them (docs/http-api.md); money in major units. */
public final class CheckoutModel {

    private CheckoutModel() {
    }

    public record Item(String productId, String modificationId, String name, BigDecimal count, BigDecimal price) {

        /** The line's code in inCust's check: the product, and its modification when it has one. */
        public String incustCode() {
            return modificationId == null ? productId : productId + "-" + modificationId;
        }
    }

    public record Coupon(String code, String title) {
    }

    public record Offer(BigDecimal bonusBalance, BigDecimal maxRedeemableBonus, List<Coupon> coupons,
                        BigDecimal discount, BigDecimal bonusesToAdd, BigDecimal totalToPay) {
    }

    public record Redemption(BigDecimal bonusPoints, List<String> couponCodes) {
    }

    public record Result(BigDecimal bonusToApply, BigDecimal discount, BigDecimal totalToPay) {
    }

    /** What the guest pays and earns with a redemption, as inCust calculates it, before anything is reserved. */
    public record Preview(BigDecimal discount, BigDecimal bonusesToAdd, BigDecimal totalToPay) {
    }

    public record Confirmation(String channel, OffsetDateTime expiresAt, Integer attemptsLeft) {
    }
}
