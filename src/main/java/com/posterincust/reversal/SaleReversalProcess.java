package com.posterincust.reversal;

import com.posterincust.checkout.CheckoutProcess;

/** Names shared by processes/sale-reversal.bpmn and its Java side. */
public final class SaleReversalProcess {

    public static final String KEY = "sale-reversal";
    public static final String TASK_REVERSE_BY_HAND = "ReverseTheSaleByHand";

    /** The same name as the checkout's label; the business key is the checkout's id, whose statuses the model sets. */
    public static final String VAR_LABEL = CheckoutProcess.VAR_LABEL;
    public static final String VAR_REASON = "reason";
    public static final String VAR_GUEST = "guest";
    public static final String VAR_REDEEMED = "redeemedBonus";
    public static final String VAR_EARNED = "earnedBonus";
    public static final String VAR_INCUST_TRANSACTION = "incustTransactionId";
    /** The operator's answer on the task: {@link #DONE_BY_HAND} or {@code notPossible}. */
    public static final String VAR_HAND_REVERSAL = "handReversal";
    public static final String DONE_BY_HAND = "done";

    public static final String ERROR_INCUST_REFUSED = "incust-refused-reversal";

    private SaleReversalProcess() {
    }
}
