package com.posterincust.common;

import java.util.regex.Pattern;

/** The one rule for each kind of id the service is sent. */
public final class Ids {

    /** Ids the register makes up or inCust gives: letters, digits, {@code -} and {@code _}, at most 100. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    public static final String NAME_RULE = "letters, digits, - or _, at most 100";
    /** Poster's numeric ids (receipts, registers, locations, the customer number), sent as text. */
    public static final String POSTER_NUMBER_REGEX = "\\d{1,20}";
    public static final Pattern POSTER_NUMBER = Pattern.compile(POSTER_NUMBER_REGEX);

    private Ids() {
    }

    public static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    public static boolean isPosterNumber(String value) {
        return value != null && POSTER_NUMBER.matcher(value).matches();
    }
}
