package com.posterincust.binding;

/** Where a register's binding to an inCust terminal stands. */
public enum TerminalBindingStatus {
    /** The register is served by this terminal. */
    ACTIVE,
    /** The same register was bound again; the newer binding serves it. */
    REPLACED,
    /** An administrator removed the binding. */
    REMOVED,
    /** The business uninstalled the app from its Poster account. */
    DEACTIVATED
}
