package com.posterincust.common;

import java.math.BigDecimal;

/**
 * The one rule for money the register sends (major units): at least 0, at most 2 decimals, and small enough for
 * the {@code decimal(14, 2)} columns that keep it.
 */
public final class Amounts {

    public static final String RULE = "must be an amount of at least 0 with at most 2 decimals, below 1000000000000";
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private Amounts() {
    }

    public static boolean isValid(BigDecimal amount) {
        return amount != null && amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2
                && amount.compareTo(LIMIT) < 0;
    }
}
