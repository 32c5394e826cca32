package com.posterincust.poster;

import java.math.BigDecimal;

/**
 * A receipt of a day as {@code dash.getTransactions} lists it; money in major units.
 *
 * @param printFiscal Poster's {@code print_fiscal}: 0 not printed, 1 printed, 2 a fiscal return was made of it
 */
public record PosterDayReceipt(String transactionId, PosterReceipt.State state, BigDecimal payedBonus, int printFiscal) {

    public static final int FISCAL_RETURN = 2;
}
