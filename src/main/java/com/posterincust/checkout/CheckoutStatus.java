package com.posterincust.checkout;

/** The statuses of docs/http-api.md. */
public enum CheckoutStatus {
    AWAITING_REDEMPTION, AWAITING_CONFIRMATION, AWAITING_ORDER_CLOSE, FINALIZING, COMPLETED, CANCELLED, EXPIRED
}
