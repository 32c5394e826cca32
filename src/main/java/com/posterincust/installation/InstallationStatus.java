package com.posterincust.installation;

/** Where a Poster account stands with the service. */
public enum InstallationStatus {
    /** Token stored; settings and the loyalty client group are still being prepared. */
    PENDING,
    /** Ready: registers of this account may be bound and served. */
    ACTIVE,
    /** Poster rejected the stored token or the app's rights: the business must install the app again. */
    NEEDS_RENEWAL,
    /** The business removed the app in Poster. */
    UNINSTALLED
}
