package com.posterincust.authorization;

/** A normalised identifier: E.164 phone, lower-case email, trimmed code. Personal data: never logged in full. */
public record CustomerIdentifier(IdentifierType type, String value) {

    /** What logs and Cockpit may show: the type and the last characters at most. */
    public String masked() {
        if (type == IdentifierType.EMAIL) {
            int at = value.indexOf('@');
            return value.charAt(0) + "***" + (at > 0 ? value.substring(at) : "");
        }
        int visible = Math.min(type == IdentifierType.PHONE ? 2 : 4, value.length() / 3);
        return "*".repeat(value.length() - visible) + value.substring(value.length() - visible);
    }

    @Override
    public String toString() {
        return type + " " + masked();
    }
}
