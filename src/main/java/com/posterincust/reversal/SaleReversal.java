package com.posterincust.reversal;

import java.time.OffsetDateTime;

/**
 * A completed sale undone in inCust, one per checkout.
 *
 * @param outcome null while it runs
 */
public record SaleReversal(String checkoutId, String reason, RequestedBy requestedBy, OffsetDateTime requestedAt,
                           Outcome outcome, OffsetDateTime finishedAt) {

    public enum RequestedBy {
        /** Poster reported the receipt deleted. */
        POSTER,
        /** Asked through the admin API. */
        OPERATOR,
        /** Asked by the café's owner on the app's page in Poster's back office. */
        OWNER
    }

    public enum Outcome { CANCELLED_IN_INCUST, REVERSED_BY_HAND, NOT_POSSIBLE }
}
