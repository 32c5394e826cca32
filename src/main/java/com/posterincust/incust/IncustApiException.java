package com.posterincust.incust;

/**
 * inCust's business answer: the call reached inCust and it said no ({@code {"code": symbol, "message": ..}}).
 * The message is inCust's localised text, fit to show a cashier.
 */
public class IncustApiException extends RuntimeException {

    public static final String CUSTOMER_NOT_FOUND = "customer_not_found";
    public static final String INSUFFICIENT_BONUSES = "insufficient_bonuses";
    public static final String COUPON_INVALID = "coupon_invalid";
    public static final String CONFIRMATION_CODE_INVALID = "confirmation_code_invalid";
    public static final String CONFIRMATION_CODE_EXPIRED = "confirmation_code_expired";
    public static final String TRANSACTION_NOT_FOUND = "transaction_not_found";
    public static final String TRANSACTION_STATE = "transaction_state";
    /** Not an inCust symbol: the terminal login or password was refused by {@code POST /term/token}. */
    public static final String LOGIN_REFUSED = "login_refused";

    private final int httpStatus;
    private final String symbol;
    private final String incustMessage;

    public IncustApiException(String operation, int httpStatus, String symbol, String incustMessage) {
        super("inCust " + operation + " answered " + httpStatus + " " + symbol + ": " + incustMessage);
        this.httpStatus = httpStatus;
        this.symbol = symbol;
        this.incustMessage = incustMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String symbol() {
        return symbol;
    }

    public String incustMessage() {
        return incustMessage;
    }

    public boolean is(String expectedSymbol) {
        return expectedSymbol.equals(symbol);
    }
}
