package com.posterincust;

/**
 * inCust's transaction answer (docs/external-apis.md, inCust), written once for the tests that stub one particular
 * answer in WireMock; tests that need inCust to remember use the one stateful fake (sandbox/FakeIncust).
 */
public final class IncustAnswers {

    /** Status, redeemed bonuses, amount to pay, confirmation (an object or {@code null}). */
    public static final String TX = "{\"id\":\"tx-1\",\"external_id\":\"x\",\"status\":\"%s\",\"redeemed_bonuses\":%s,"
            + "\"discount_amount\":0,\"amount_to_pay\":%s,\"confirmation\":%s}";
    /** Attempts left. */
    public static final String CONFIRMATION = "{\"channel\":\"phone\",\"expires_at\":\"2030-01-01T12:05:00Z\","
            + "\"attempts_left\":%d}";

    /** A sale of 91.00 reserved with nothing redeemed, as {@code tx-1}. */
    public static String reserved() {
        return TX.formatted("reserved", "0", "91.00", "null");
    }

    private IncustAnswers() {
    }
}
