package com.posterincust.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a limit (docs/http-api.md): a larger one is answered 413 {@code payload-too-large}
 * before it is read. A declared length is judged at once; a chunked body is read up to its limit and no further,
 * so no request, signed or not, can make the service hold more than the limit in memory. The limit is that of the
 * path the request is routed on ({@link RequestPaths}), however the caller spelt it. The bodies of the JSON APIs are
 * read here, in full and in time ({@link #BODY_DEADLINE}), or the request is dropped with 408.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    public static final int KIB = 1024;
    /** The longest a body of the JSON APIs may take to arrive in full. */
    static final Duration BODY_DEADLINE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

    private final Map<String, Integer> limitsByPathPrefix;
    private final int otherwise;
    private final ObjectMapper json;
    private final RefusalLog refusals;

    /**
     * @param limitsByPathPrefix the limit in bytes of each path prefix; the longest matching prefix wins
     * @param otherwise          the limit of every other path
     */
    public RequestBodyLimitFilter(Map<String, Integer> limitsByPathPrefix, int otherwise, ObjectMapper json,
                                  RefusalLog refusals) {
        this.limitsByPathPrefix = Map.copyOf(limitsByPathPrefix);
        this.otherwise = otherwise;
        this.json = json;
        this.refusals = refusals;
    }

    int limitOf(String path) {
        return limitsByPathPrefix.entrySet().stream()
                .filter(limit -> path.startsWith(limit.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(otherwise);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPaths.routed(request);
        int limit = limitOf(path);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        boolean api = limitsByPathPrefix.keySet().stream().anyMatch(path::startsWith);
        if (declared >= 0 && !api) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = readWithin(request, limit);
        } catch (SlowBody slow) {
            tooSlow(request, response, slow.getMessage());
            return;
        }
        if (body.length > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /**
     * The body, up to one byte over the limit, as long as it keeps coming: each read waits at most the connector's
     * timeout ({@code server.tomcat.connection-timeout}) and the whole body must have arrived within
     * {@link #BODY_DEADLINE}, so a client trickling a byte now and then cannot hold a worker thread.
     */
    private byte[] readWithin(HttpServletRequest request, int limit) throws IOException {
        long deadline = System.nanoTime() + BODY_DEADLINE.toNanos();
        InputStream in = request.getInputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream(Math.min(limit + 1, 8 * KIB));
        byte[] chunk = new byte[8 * KIB];
        int read;
        do {
            try {
                read = in.read(chunk, 0, Math.min(chunk.length, limit + 1 - body.size()));
            } catch (IOException stalled) {
                // the connector's read timeout, or the client gone
                throw new SlowBody("stopped coming");
            }
            if (read > 0) {
                body.write(chunk, 0, read);
            }
            if (System.nanoTime() > deadline) {
                throw new SlowBody("did not arrive within " + BODY_DEADLINE.toSeconds() + " s");
            }
        } while (read >= 0 && body.size() <= limit);
        return body.toByteArray();
    }

    /** The client may be gone already: the answer is tried, and the connection ends either way. */
    private void tooSlow(HttpServletRequest request, HttpServletResponse response, String why) {
        refusals.refused(log, "slow-body", request.getRemoteAddr(), "{} {} dropped: its body {}", request.getMethod(),
                request.getRequestURI(), why);
        ConnectionDrop.afterTheAnswer(request);
        try {
            Problems.write(response, json, Problems.of(HttpStatus.REQUEST_TIMEOUT, Problems.REQUEST_TIMEOUT,
                    "The request body " + why + ": send it at once"));
            response.flushBuffer();
        } catch (IOException gone) {
            log.debug("{} {}: the client left before the answer", request.getMethod(), request.getRequestURI());
        }
    }

    /** A body that comes too slowly: the request is dropped. */
    private static final class SlowBody extends IOException {
        SlowBody(String why) {
            super(why);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int limit) throws IOException {
        log.warn("{} {} refused: body over its limit of {} bytes", request.getMethod(), request.getRequestURI(), limit);
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limit + " bytes, the limit of this endpoint");
        problem.setProperty("limit", limit);
        // the rest of the body is not worth reading: the answer leaves now, then the connection ends
        ConnectionDrop.afterTheAnswer(request);
        Problems.write(response, json, problem);
        response.flushBuffer();
    }
}
