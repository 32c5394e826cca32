package com.posterincust.checkout;

/** Names shared by processes/checkout.bpmn and its Java side. */
public final class CheckoutProcess {

    public static final String KEY = "checkout";
    public static final String TASK_ENTER_CODE = "EnterConfirmationCode";

    public static final String MESSAGE_REDEMPTION_CHOSEN = "checkout-redemption-chosen";
    public static final String MESSAGE_CANCELLED = "checkout-cancelled";
    public static final String MESSAGE_NEW_CODE = "checkout-new-code-requested";
    public static final String MESSAGE_RECEIPT_CLOSED = "checkout-receipt-closed";
    public static final String MESSAGE_RECEIPT_DELETED = "checkout-receipt-deleted";

    public static final String VAR_LABEL = "checkoutLabel";
    public static final String VAR_TOTAL = "total";
    public static final String VAR_CONFIRMATION_REQUIRED = "confirmationRequired";
    public static final String VAR_CONFIRMATION_EXPIRES_AT = "confirmationExpiresAt";
    public static final String VAR_CODE_OUTCOME = "codeOutcome";
    public static final String VAR_RECEIPT_STATE = "receiptState";
    public static final String VAR_RECEIPT_CHECKS = "receiptChecks";
    public static final String VAR_BONUS_TO_APPLY = "bonusToApply";
    /** The note for operators when the register and Poster's receipt disagreed on the bonus paid; null otherwise. */
    public static final String VAR_BONUS_CHECK = "bonusCheck";
    /** Transient: the code the customer read out; never stored. */
    public static final String TRANSIENT_CODE = "confirmationCode";

    public static final String ERROR_REDEMPTION_REJECTED = "redemption-rejected";

    private CheckoutProcess() {
    }
}
