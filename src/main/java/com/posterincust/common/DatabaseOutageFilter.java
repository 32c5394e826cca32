package com.posterincust.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost: a request that failed because the database is out of reach — in a filter (the register's binding, a
 * webhook's de-duplication) or anywhere below — is answered 503 {@code database-unavailable} with
 * {@code Retry-After}, not 500, and within the pool's connection timeout instead of hanging.
 */
public class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ObjectMapper json;

    public DatabaseOutageFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseUnavailable.causedBy(failure) || response.isCommitted()) {
                throw failure;
            }
            log.warn("{} {} answered 503: the database is out of reach ({})", request.getMethod(),
                    request.getRequestURI(), failure.getMessage());
            answer(response, json);
        }
    }

    private static void answer(HttpServletResponse response, ObjectMapper json) throws IOException {
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, ApiExceptionHandler.RETRY_AFTER_SECONDS);
        Problems.write(response, json, DatabaseUnavailable.problem());
    }
}
