package com.posterincust.common;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Ends a request with a prepared problem answer. */
public class ProblemException extends RuntimeException {

    private final transient ProblemDetail problem;

    public ProblemException(HttpStatus status, String slug, String detail) {
        super(detail, null, false, false);
        this.problem = Problems.of(status, slug, detail);
    }

    public ProblemDetail problem() {
        return problem;
    }
}
