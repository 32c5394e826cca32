package com.posterincust.poster;

import java.util.Currency;
import java.util.Locale;

/**
 * Poster describes {@code currency_code_iso} as the numeric ISO 4217 code but shows {@code "UAH"} in its examples:
 * both are read, and the alphabetic code is what the service keeps and compares with inCust's.
 */
public final class PosterCurrency {

    private PosterCurrency() {
    }

    public static String alphabeticCode(String received) {
        if (received == null || received.isBlank()) {
            return null;
        }
        String code = received.trim();
        if (code.matches("\\d{1,3}")) {
            int numeric = Integer.parseInt(code);
            return Currency.getAvailableCurrencies().stream().filter(c -> c.getNumericCode() == numeric)
                    .map(Currency::getCurrencyCode).findFirst().orElse(code);
        }
        return code.toUpperCase(Locale.ROOT);
    }
}
