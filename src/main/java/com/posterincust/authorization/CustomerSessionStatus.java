package com.posterincust.authorization;

public enum CustomerSessionStatus {
    /** Only inside the request that opens the session. */
    IDENTIFYING,
    /** A new customer: the cashier may fill the profile (or skip it). */
    PROFILE_REQUIRED,
    /** The customer is known, their wallet loaded and their Poster client found or created. */
    IDENTIFIED,
    /** A QR code, temporary code or card that inCust does not know. */
    NOT_FOUND
}
