package com.posterincust.authorization;

import com.posterincust.common.ProblemException;
import com.posterincust.incust.Loyalty;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A new customer's profile as the cashier typed it; every field optional, {@code {}} skips. */
public record ProfileRequest(String name, String gender, String birthDate, String email) {

    public static final List<String> FIELDS = List.of("name", "gender", "birthDate", "email");
    static final Set<String> GENDERS = Set.of("male", "female");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern NAME = Pattern.compile("\\P{Cntrl}{1,100}");
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);

    public boolean isEmpty() {
        return blank(name) && blank(gender) && blank(birthDate) && blank(email);
    }

    /** The profile in inCust's form, or 400 naming every bad field. */
    public Loyalty.Profile validated(Clock clock) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (!blank(name) && !NAME.matcher(name.trim()).matches()) {
            errors.add(ProblemException.fieldError("name", "must be 1 to 100 printable characters"));
        }
        if (!blank(gender) && !GENDERS.contains(gender.trim().toLowerCase(Locale.ROOT))) {
            errors.add(ProblemException.fieldError("gender", "must be male or female"));
        }
        if (!blank(birthDate)) {
            try {
                LocalDate date = LocalDate.parse(birthDate.trim());
                if (date.isAfter(LocalDate.now(clock))) {
                    errors.add(ProblemException.fieldError("birthDate", "must not be in the future"));
                } else if (date.isBefore(EARLIEST_BIRTH_DATE)) {
                    errors.add(ProblemException.fieldError("birthDate", "must not be before 1900"));
                }
            } catch (DateTimeParseException notADate) {
                errors.add(ProblemException.fieldError("birthDate", "must be a date as YYYY-MM-DD"));
            }
        }
        if (!blank(email) && (!EMAIL.matcher(email.trim()).matches() || email.trim().length() > 254)) {
            errors.add(ProblemException.fieldError("email", "is not an email address"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRequest(errors);
        }
        return new Loyalty.Profile(trimmed(name), blank(gender) ? null : gender.trim().toLowerCase(Locale.ROOT),
                trimmed(birthDate), blank(email) ? null : email.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "ProfileRequest[fields given: " + !isEmpty() + "]";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trimmed(String value) {
        return blank(value) ? null : value.trim();
    }
}
