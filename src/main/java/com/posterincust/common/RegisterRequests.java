package com.posterincust.common;

import java.util.List;

/** What every effect a register asks for must carry: an Idempotency-Key of its own, and a body. */
public final class RegisterRequests {

    public static final int LONGEST_IDEMPOTENCY_KEY = 200;

    /**
     * @param meaning what the key is for the register, said in the refusal ("the register's order id")
     * @throws ProblemException 400 naming the header when it is missing, blank or too long
     */
    public static String idempotencyKey(String key, String meaning) {
        if (key == null || key.isBlank() || key.length() > LONGEST_IDEMPOTENCY_KEY) {
            throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("Idempotency-Key",
                    "header is required (" + meaning + "), at most " + LONGEST_IDEMPOTENCY_KEY + " characters")));
        }
        return key;
    }

    /** @throws ProblemException 400 naming the body when there is none */
    public static <T> T body(T request) {
        if (request == null) {
            throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("body", "is required")));
        }
        return request;
    }

    private RegisterRequests() {
    }
}
