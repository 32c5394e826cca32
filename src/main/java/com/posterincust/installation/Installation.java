package com.posterincust.installation;

import java.time.OffsetDateTime;

/** A Poster account that installed the app. The access token stays in the repository, encrypted. */
public record Installation(String account, String accountNumber, InstallationStatus status, String currency,
                           String timeZone, String companyName, String loyaltyGroupId, String country,
                           OffsetDateTime installedAt, OffsetDateTime updatedAt) {
}
