package com.posterincust.checkout;

/** The statuses of register-api.md §1. */
public enum CheckoutStatus {
    AWAITING_REDEMPTION, AWAITING_CONFIRMATION, AWAITING_ORDER_CLOSE, FINALIZING, COMPLETED, CANCELLED, EXPIRED
}
