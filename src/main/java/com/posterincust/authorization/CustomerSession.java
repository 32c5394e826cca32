package com.posterincust.authorization;

import java.time.OffsetDateTime;

/** One identification of a guest at one register. */
public record CustomerSession(String id, String account, String tabletId, String bindingId, CustomerIdentifier identifier,
                              CustomerSessionStatus status, String customerId, CustomerView customer,
                              String customerBirthDate, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
