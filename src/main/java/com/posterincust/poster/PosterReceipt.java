package com.posterincust.poster;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A receipt as {@code dash.getTransaction} tells it; money already in major units.
 *
 * @param clientId the guest (Poster client) on the receipt; null when none ({@code client_id} 0)
 * @param closedAt when it closed ({@code date_close}, ms); null while open or when Poster does not say
 */
public record PosterReceipt(String transactionId, State state, BigDecimal payedBonus, String tabletId, String clientId,
                            Instant closedAt) {

    /** Poster's status 1, 2, 3. */
    public enum State { OPEN, CLOSED, DELETED }
}
