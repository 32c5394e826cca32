package com.posterincust.binding;

import java.time.OffsetDateTime;

/** A Poster register bound to an inCust terminal. The terminal's credentials stay in the repository, encrypted. */
public record TerminalBinding(String id, String account, String spotId, String tabletId, String terminalId,
                              String terminalTitle, String terminalCurrency, boolean customerIdWithoutSession,
                              TerminalBindingStatus status,
                              String replacedBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
