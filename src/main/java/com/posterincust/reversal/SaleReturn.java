package com.posterincust.reversal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A return of part of a completed sale, as the {@code sale_return} table keeps it.
 *
 * @param bonusPointsReturned redeemed points the guest got back; null until inCust applied the return
 * @param bonusPointsRemoved  earned points taken back; null until then
 */
public record SaleReturn(String id, String checkoutId, String account, String idempotencyKey, String requestHash,
                         String tabletId, String transactionId, List<Product> products, BigDecimal amount,
                         Status status, BigDecimal bonusPointsReturned, BigDecimal bonusPointsRemoved,
                         OffsetDateTime createdAt) {

    /** The model's (extension property {@code returnStatus}). */
    public enum Status { RETURNING, RETURNED }

    /** A product of the order and how many of it were returned. */
    public record Product(String productId, String modificationId, BigDecimal count) {

        /** One product of the order: its id and modification, as the register app names them. */
        String key() {
            return productId + "/" + (modificationId == null || modificationId.isBlank() || modificationId.equals("0")
                    ? "" : modificationId);
        }
    }
}
