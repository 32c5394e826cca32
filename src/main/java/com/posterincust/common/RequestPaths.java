package com.posterincust.common;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is routed on: decoded and normalised by the servlet container ({@code %61dmin} is
 * {@code admin}, {@code /x/../admin} is {@code /admin}, path parameters gone), as Spring MVC and Jersey see it. Rules
 * about paths judge this one, never the raw request URI a caller can spell many ways.
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    public static String routed(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }
}
