package com.posterincust.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.RequestPaths;
import com.posterincust.common.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;


/**
 * Puts {@link LoginThrottle} in front of every place a password is checked: HTTP Basic on the admin API and the
 * engine REST API, and the webapps' login form. A throttled address gets 429 without its password being looked at.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";

    private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

    private final LoginThrottle throttle;
    private final ObjectMapper json;

    LoginThrottleFilter(LoginThrottle throttle, ObjectMapper json) {
        this.throttle = throttle;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !checksAPassword(request);
    }

    static boolean checksAPassword(HttpServletRequest request) {
        String path = RequestPaths.routed(request);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                && (path.startsWith("/api/admin/") || path.startsWith("/engine-rest/"));
        boolean webappLogin = "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN)
                && path.contains("/login/");
        return basic || webappLogin;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        Duration wait = throttle.waitFor(address);
        if (!wait.isZero()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            log.warn("Login from {} refused for {} s after repeated failures", address, seconds);
            ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_ATTEMPTS,
                    "Too many wrong passwords from this address; try again in " + seconds + " s");
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
            Problems.write(response, json, problem);
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            throttle.failed(address);
        } else if (status < 400 || status == HttpStatus.FORBIDDEN.value()) {
            throttle.succeeded(address);
        }
    }
}
