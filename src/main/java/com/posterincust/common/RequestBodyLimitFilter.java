package com.posterincust.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 * path the request is routed on ({@link RequestPaths}), however the caller spelt it.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    public static final int KIB = 1024;

    private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

    private final Map<String, Integer> limitsByPathPrefix;
    private final int otherwise;
    private final ObjectMapper json;

    /**
     * @param limitsByPathPrefix the limit in bytes of each path prefix; the longest matching prefix wins
     * @param otherwise          the limit of every other path
     */
    public RequestBodyLimitFilter(Map<String, Integer> limitsByPathPrefix, int otherwise, ObjectMapper json) {
        this.limitsByPathPrefix = Map.copyOf(limitsByPathPrefix);
        this.otherwise = otherwise;
        this.json = json;
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
        int limit = limitOf(RequestPaths.routed(request));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, limit);
            return;
        }
        if (declared >= 0) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int limit) throws IOException {
        log.warn("{} {} refused: body over its limit of {} bytes", request.getMethod(), request.getRequestURI(), limit);
        ProblemDetail problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, Problems.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + limit + " bytes, the limit of this endpoint");
        problem.setProperty("limit", limit);
        // the rest of the body is not worth reading: the answer leaves now, then the connection ends
        response.setHeader("Connection", "close");
        Problems.write(response, json, problem);
        response.flushBuffer();
    }
}
