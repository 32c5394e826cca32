package com.posterincust.poster;

import java.math.BigDecimal;

/** A receipt as {@code dash.getTransaction} tells it; money already in major units. */
public record PosterReceipt(String transactionId, State state, BigDecimal payedBonus, String tabletId) {

    /** Poster's status 1, 2, 3. */
    public enum State { OPEN, CLOSED, DELETED }
}
