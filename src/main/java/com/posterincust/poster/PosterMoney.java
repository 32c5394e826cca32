package com.posterincust.poster;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Poster's Web API counts money in kopecks (minor units), its register in major units.
 * Everything inside the service is major units as BigDecimal; this is the only place that converts.
 */
public final class PosterMoney {

    private static final int MINOR_DIGITS = 2;

    private PosterMoney() {
    }

    public static BigDecimal fromKopecks(long kopecks) {
        return BigDecimal.valueOf(kopecks, MINOR_DIGITS);
    }

    /** Poster sends numbers as strings or numbers, sometimes with a fraction of a kopeck ("4550.0"). */
    public static BigDecimal fromKopecks(String kopecks) {
        return new BigDecimal(kopecks.trim()).movePointLeft(MINOR_DIGITS).setScale(MINOR_DIGITS, RoundingMode.HALF_UP);
    }

    /** @throws ArithmeticException when the amount has more than two decimals */
    public static long toKopecks(BigDecimal major) {
        return major.movePointRight(MINOR_DIGITS).longValueExact();
    }
}
