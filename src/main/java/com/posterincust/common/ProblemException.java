package com.posterincust.common;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Ends a request with a prepared problem answer. */
public class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ProblemException(HttpStatus status, String slug, String detail) {
        super(detail, null, false, false);
        this.problem = Problems.of(status, slug, detail);
    }

    /** 400 {@code invalid-request} naming each bad field. */
    public static ProblemException invalidRequest(List<Map<String, String>> errors) {
        ProblemException invalid = new ProblemException(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                "The request has invalid fields");
        invalid.problem.setProperty("errors", errors);
        return invalid;
    }

    public static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    public ProblemDetail problem() {
        return problem;
    }
}
