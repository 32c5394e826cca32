package com.posterincust.poster;

import java.util.Set;

/**
 * A business answer of Poster's Web API: the call reached Poster and Poster said no.
 * Retrying the same call gives the same answer; the flow has to react (renew the installation,
 * report a wrong id, treat a duplicate as "look it up").
 */
public class PosterApiException extends RuntimeException {

    public static final int NO_TOKEN = 10;
    public static final int BAD_TOKEN = 11;
    public static final int TOKEN_EXPIRED = 12;
    public static final int NO_RIGHTS = 20;
    public static final int UNKNOWN_ID = 32;
    public static final int REQUIRED_FIELD_EMPTY = 34;
    public static final int DUPLICATE = 99;
    public static final int NOT_FOUND = 404;
    /** A restriction of the account's tariff plan (Poster's Russian docs); the English ones say "rate limit". */
    public static final int TARIFF_RESTRICTED = 700;

    private static final Set<Integer> TOKEN_REJECTED = Set.of(NO_TOKEN, BAD_TOKEN, TOKEN_EXPIRED);

    private final String method;
    private final int code;
    private final String posterMessage;

    public PosterApiException(String method, int code, String posterMessage) {
        super(code == TARIFF_RESTRICTED
                ? "Poster " + method + " answered error 700: the account's tariff plan does not allow this method; "
                        + "the business must change its Poster plan (" + posterMessage + ")"
                : "Poster " + method + " answered error " + code + ": " + posterMessage);
        this.method = method;
        this.code = code;
        this.posterMessage = posterMessage;
    }

    public String method() {
        return method;
    }

    public int code() {
        return code;
    }

    public String posterMessage() {
        return posterMessage;
    }

    /** The access token is missing, wrong or expired: only a new installation brings a valid one. */
    public boolean requiresReinstall() {
        return TOKEN_REJECTED.contains(code);
    }
}
