package com.posterincust.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Outermost: each surface that strangers can reach gets a share of the web server's worker threads of its own, taken
 * before a byte of the body is read. Poster's webhooks and the registers' calls can each fill their share, never the
 * others' nor what health, operators and owners need; a request over its surface's share is answered 503 {@code busy}
 * at once ({@code Retry-After}; Poster delivers a webhook again, the register app retries).
 */
public class WorkerShareFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(WorkerShareFilter.class);

    private final Map<String, Semaphore> shares;
    private final ObjectMapper json;
    private final RefusalLog refusals;

    /** @param sharesByPathPrefix the threads each path prefix may hold at once */
    public WorkerShareFilter(Map<String, Integer> sharesByPathPrefix, ObjectMapper json, RefusalLog refusals) {
        this.shares = Map.copyOf(sharesByPathPrefix.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, share -> new Semaphore(share.getValue()))));
        this.json = json;
        this.refusals = refusals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPaths.routed(request);
        Semaphore share = shares.entrySet().stream().filter(surface -> path.startsWith(surface.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (share == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!share.tryAcquire()) {
            refusals.refused(log, "busy", request.getRemoteAddr(), "{} {} answered 503: its surface's share of "
                    + "threads is in use", request.getMethod(), request.getRequestURI());
            response.setHeader(HttpHeaders.RETRY_AFTER, ApiExceptionHandler.RETRY_AFTER_SECONDS);
            ConnectionDrop.afterTheAnswer(request);
            Problems.write(response, json, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, Problems.BUSY,
                    "The service is busy with requests like this one; nothing was done, try again"));
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            share.release();
        }
    }
}
