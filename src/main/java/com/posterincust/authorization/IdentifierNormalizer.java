package com.posterincust.authorization;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.posterincust.common.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns what the cashier typed into the form inCust and Poster match on, and refuses what cannot be an
 * identifier before any external call is made.
 */
@Component
public class IdentifierNormalizer {

    static final String FIELD_TYPE = "identifier.type";
    static final String FIELD_VALUE = "identifier.value";
    private static final int MAX_LENGTH = 512;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{4,32}");
    private static final Pattern CARD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{2,62}[A-Za-z0-9]");
    private static final Pattern PRINTABLE = Pattern.compile("\\P{Cntrl}+");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    /** @param defaultRegion ISO 3166 alpha-2 country used for phones typed without a country code */
    public CustomerIdentifier normalize(String type, String value, String defaultRegion) {
        IdentifierType parsed = parseType(type);
        if (value == null || value.isBlank()) {
            throw invalid(FIELD_VALUE, "is required");
        }
        if (value.length() > MAX_LENGTH) {
            throw invalid(FIELD_VALUE, "must be at most " + MAX_LENGTH + " characters");
        }
        String trimmed = value.trim();
        return new CustomerIdentifier(parsed, switch (parsed) {
            case PHONE -> phone(trimmed, defaultRegion);
            case EMAIL -> email(trimmed);
            case TEMPORARY_CODE -> matching(trimmed, CODE, "must be 4 to 32 letters or digits");
            case CARD -> matching(trimmed, CARD, "must be 4 to 64 letters, digits, spaces or dashes");
            case QR -> matching(trimmed, PRINTABLE, "must not contain control characters");
        });
    }

    private static IdentifierType parseType(String type) {
        if (type == null || type.isBlank()) {
            throw invalid(FIELD_TYPE, "is required");
        }
        try {
            return IdentifierType.valueOf(type.trim());
        } catch (IllegalArgumentException unknown) {
            throw invalid(FIELD_TYPE, "must be one of " + Arrays.stream(IdentifierType.values()).map(Enum::name)
                    .collect(Collectors.joining(", ")));
        }
    }

    private String phone(String typed, String defaultRegion) {
        try {
            Phonenumber.PhoneNumber number = phones.parse(typed, defaultRegion);
            if (!phones.isValidNumber(number)) {
                throw invalid(FIELD_VALUE, "is not a valid phone number");
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException notANumber) {
            throw invalid(FIELD_VALUE, "is not a phone number");
        }
    }

    private static String email(String typed) {
        String email = typed.toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            throw invalid(FIELD_VALUE, "is not an email address");
        }
        return email;
    }

    private static String matching(String typed, Pattern shape, String message) {
        if (!shape.matcher(typed).matches()) {
            throw invalid(FIELD_VALUE, message);
        }
        return typed;
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalidRequest(List.of(ProblemException.fieldError(field, message)));
    }
}
