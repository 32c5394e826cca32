package com.posterincust.checkout;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The returns of checkouts, as the checkout's views show them. The returns are the reversal feature's: it offers them
 * through this seam, so that the checkout knows no other feature's tables.
 */
public interface CheckoutReturns {

    /**
     * @param status              {@code RETURNING} while inCust is asked, then {@code RETURNED}
     * @param bonusPointsReturned redeemed points given back; null until returned
     * @param bonusPointsRemoved  earned points taken back; null until returned
     */
    record ReturnView(String returnId, String status, BigDecimal amount, BigDecimal bonusPointsReturned,
                      BigDecimal bonusPointsRemoved, OffsetDateTime createdAt) {
    }

    /** Oldest first. */
    List<ReturnView> of(String checkoutId);

    /** Of each checkout that has any, oldest first. */
    Map<String, List<ReturnView>> ofAll(Collection<String> checkoutIds);

    /** What the returns took of the sale, in the order's prices. */
    static BigDecimal returnedAmount(List<ReturnView> returns) {
        return returns.stream().map(ReturnView::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
