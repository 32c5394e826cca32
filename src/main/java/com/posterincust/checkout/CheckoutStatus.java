package com.posterincust.checkout;

/** The statuses of docs/http-api.md. */
public enum CheckoutStatus {
    AWAITING_REDEMPTION, AWAITING_CONFIRMATION, AWAITING_ORDER_CLOSE, FINALIZING, COMPLETED, CANCELLED, EXPIRED,
    /** A completed sale is being undone in inCust (processes/sale-reversal.bpmn). */
    REVERSING,
    /** A completed sale was undone in inCust, by the service or by an operator by hand. */
    REVERSED;

    /** Nothing more happens to it: the nightly retention may delete it once it is old enough. */
    public boolean finished() {
        return this == COMPLETED || this == CANCELLED || this == EXPIRED || this == REVERSED;
    }

    /** The receipt closed: the sale went on to inCust, whatever became of it since. */
    public boolean receiptClosed() {
        return this == FINALIZING || this == COMPLETED || this == REVERSING || this == REVERSED;
    }
}
