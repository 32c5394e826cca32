package com.posterincust.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problems with the stable {@code type} URIs of docs/http-api.md: {@code /problems/<slug>}. */
public final class Problems {

    public static final String INVALID_REQUEST = "invalid-request";
    public static final String BAD_SIGNATURE = "bad-signature";
    public static final String UNAUTHORIZED = "unauthorized";
    public static final String FORBIDDEN = "forbidden";
    public static final String NOT_FOUND = "not-found";
    public static final String WRONG_STATE = "wrong-state";
    public static final String UPSTREAM_UNAVAILABLE = "upstream-unavailable";
    public static final String UPSTREAM_TIMEOUT = "upstream-timeout";
    public static final String DATABASE_UNAVAILABLE = "database-unavailable";
    public static final String CUSTOMER_NOT_FOUND = "customer-not-found";
    public static final String IDEMPOTENCY_CONFLICT = "idempotency-conflict";
    public static final String REDEMPTION_REJECTED = "redemption-rejected";
    public static final String WRONG_CODE = "wrong-code";
    public static final String CONFIRMATION_EXPIRED = "confirmation-expired";
    public static final String ALREADY_COMPLETED = "already-completed";
    public static final String INCUST_REFUSED = "incust-refused";
    public static final String POSTER_REFUSED = "poster-refused";
    public static final String INTERNAL_ERROR = "internal-error";
    public static final String TOO_MANY_ATTEMPTS = "too-many-attempts";
    public static final String REQUEST_TIMEOUT = "request-timeout";
    public static final String BUSY = "busy";
    public static final String METHOD_NOT_ALLOWED = "method-not-allowed";
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = "not-acceptable";
    public static final String PAYLOAD_TOO_LARGE = "payload-too-large";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        return problem;
    }

    /** For filters, which answer before Spring MVC's exception handling is reached. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    static boolean isUntyped(ProblemDetail problem) {
        return problem.getType() == null || "about:blank".equals(problem.getType().toString());
    }

    /** The slug of an answer that has no more specific one. */
    public static String slugOf(int status) {
        return switch (status) {
            case 400 -> INVALID_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? INTERNAL_ERROR : "http-" + status;
        };
    }
}
