package com.posterincust.common;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problems with the stable {@code type} URIs of register-api.md: {@code /problems/<slug>}. */
public final class Problems {

    public static final String INVALID_REQUEST = "invalid-request";
    public static final String BAD_SIGNATURE = "bad-signature";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String UPSTREAM_UNAVAILABLE = "upstream-unavailable";
    public static final String UPSTREAM_TIMEOUT = "upstream-timeout";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        return problem;
    }

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }
}
