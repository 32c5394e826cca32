package com.posterincust.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.binding.TerminalBinding;
import com.posterincust.binding.Bindings;
import com.posterincust.common.BufferedBodyRequest;
import com.posterincust.common.Problems;
import com.posterincust.common.RefusalLog;
import com.posterincust.common.RequestPaths;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Every register call comes through {@code Poster.makeRequest}, which signs it with the app secret.
 * Checks the signature over the full URL, the raw body and the time (401 {@code bad-signature}); that the signed URL
 * names the register the unsigned headers claim (401), so a captured request cannot speak for another register; that
 * a call with an effect is not a signed request received before (401); then finds the register's active binding
 * (403 {@code not-bound}; read at most {@code register.binding-cache-time} ago) and hands it to the controllers as a {@link RegisterContext}.
 */
public class RegisterAuthenticationFilter extends OncePerRequestFilter {

    public static final String HEADER_ACCOUNT = "X-Poster-Url";
    public static final String HEADER_SPOT = "X-Poster-Spot-Id";
    public static final String HEADER_TABLET = "X-Poster-Tablet-Id";
    public static final String HEADER_TIME = "X-Poster-Time";
    public static final String HEADER_SIGNATURE = "X-Poster-Signature";

    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(300);
    /** Names the register in the signed URL; binding writes its value into the tablet's extras. */
    public static final String REGISTER_PARAMETER = "register";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(RegisterAuthenticationFilter.class);

    private final PosterProperties poster;
    private final Bindings bindings;
    private final UsedSignatures signatures;
    private final ObjectMapper json;
    private final RefusalLog refusals;
    private final Clock clock;

    public RegisterAuthenticationFilter(PosterProperties poster, Bindings bindings,
                                        UsedSignatures signatures, ObjectMapper json, RefusalLog refusals,
                                        Clock clock) {
        this.poster = poster;
        this.bindings = bindings;
        this.signatures = signatures;
        this.json = json;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = request.getHeader(HEADER_ACCOUNT);
        String tablet = request.getHeader(HEADER_TABLET);
        String time = request.getHeader(HEADER_TIME);
        String signature = request.getHeader(HEADER_SIGNATURE);
        if (isBlank(account) || isBlank(tablet) || isBlank(time) || isBlank(signature)) {
            refuse(response, HttpStatus.UNAUTHORIZED, Problems.BAD_SIGNATURE,
                    "Register requests must carry X-Poster-Url, X-Poster-Tablet-Id, X-Poster-Time and X-Poster-Signature",
                    request, "missing headers");
            return;
        }
        if (!isFresh(time)) {
            refuse(response, HttpStatus.UNAUTHORIZED, Problems.BAD_SIGNATURE,
                    "X-Poster-Time is more than 300 seconds away from the service's time", request, "time " + time);
            return;
        }
        // within its limit: RequestBodyLimitFilter refused a larger body before this filter
        byte[] body = request.getInputStream().readAllBytes();
        String expected = RegisterSignature.sign(fullUrl(request), body, time, poster.getApplication().getSecret());
        if (!RegisterSignature.matches(expected, signature)) {
            refuse(response, HttpStatus.UNAUTHORIZED, Problems.BAD_SIGNATURE,
                    "X-Poster-Signature does not match the request", request, "signature mismatch");
            return;
        }
        String accountName = accountName(account);
        if (!(accountName + "/" + tablet.trim()).equals(registerNamedBy(request.getQueryString()))) {
            refuse(response, HttpStatus.UNAUTHORIZED, Problems.BAD_SIGNATURE, "The signed URL must name this register "
                    + "(?" + REGISTER_PARAMETER + "=<account>/<register>, from the register's extras): reload the "
                    + "register app after its binding", request, "register not named by the signed URL");
            return;
        }
        String spot = request.getHeader(HEADER_SPOT);
        Optional<TerminalBinding> binding = PosterClient.ACCOUNT_NAME.matcher(accountName).matches()
                ? bindings.findActiveCached(accountName, tablet) : Optional.empty();
        if (binding.isEmpty() || (!isBlank(spot) && !spot.equals(binding.get().spotId()))) {
            refuse(response, HttpStatus.FORBIDDEN, "not-bound",
                    "This register is not bound to an inCust terminal; bind it in the administration first",
                    request, "no active binding for " + accountName + "/" + tablet);
            return;
        }
        // a register that is not bound leaves no signature behind: only calls that may act are remembered
        boolean singleUse = hasAnEffect(request);
        if (singleUse && !signatures.useOnce(signature, keyedByIdempotency(request)
                ? String.valueOf(request.getHeader(IDEMPOTENCY_KEY)) : null)) {
            refuse(response, HttpStatus.UNAUTHORIZED, Problems.BAD_SIGNATURE, "This signed request was received "
                    + "before; Poster signs every new call anew", request, "signature used before");
            return;
        }
        TerminalBinding bound = binding.get();
        request.setAttribute(RegisterContext.ATTRIBUTE, new RegisterContext(accountName, bound.spotId(),
                bound.tabletId(), bound.id(), bound.terminalId(), bound.terminalTitle(), bound.terminalCurrency(),
                bound.customerIdWithoutSession()));
        boolean done = false;
        try {
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            done = response.getStatus() < HttpStatus.INTERNAL_SERVER_ERROR.value();
        } finally {
            if (singleUse && !done) {
                forget(signature, request);
            }
        }
    }

    /**
     * Nothing was done (the call rolled back): the same signed request may come again. The answer may be on its way
     * already, so a failure here (the database gone with the call) is logged, never thrown into it; the register's
     * next attempt is signed anew by Poster anyway once a second has passed.
     */
    private void forget(String signature, HttpServletRequest request) {
        try {
            signatures.forget(signature);
        } catch (RuntimeException unreachable) {
            log.info("Register request {} {}: its signature stays used ({})", request.getMethod(),
                    request.getRequestURI(), unreachable.getMessage());
        }
    }

    /**
     * The register the signed URL names ({@code incust_register} of the tablet's extras, which the register app adds
     * to every call): what Poster signs, unlike the account and register headers.
     */
    static String registerNamedBy(String query) {
        if (query == null) {
            return null;
        }
        List<String> named = UriComponentsBuilder.newInstance().query(query).build().getQueryParams()
                .getOrDefault(REGISTER_PARAMETER, List.of());
        return named.size() == 1 ? URLDecoder.decode(named.get(0), StandardCharsets.UTF_8) : null;
    }

    /**
     * Calls whose repeat would do something again: a new checkout or return (its Idempotency-Key is not signed, so a
     * captured call sent with new keys would start one each), a new customer session, a code checked (a wrong one
     * uses an attempt), a new code sent. The others answer a repeat with the same success and change nothing more.
     */
    private static boolean hasAnEffect(HttpServletRequest request) {
        String path = RequestPaths.routed(request);
        return keyedByIdempotency(request) || "POST".equalsIgnoreCase(request.getMethod())
                && (path.endsWith("/customer-sessions") || path.endsWith("/confirmation")
                        || path.endsWith("/confirmation/resend"));
    }

    /**
     * A new checkout or a return: its repeat with the same Idempotency-Key answers the same one; with another key it
     * is a replay.
     */
    private static boolean keyedByIdempotency(HttpServletRequest request) {
        String path = RequestPaths.routed(request);
        return "POST".equalsIgnoreCase(request.getMethod()) && (path.endsWith("/checkouts") || path.endsWith("/returns"));
    }

    private boolean isFresh(String time) {
        try {
            long seconds = Long.parseLong(time.trim());
            return Math.abs(clock.millis() / 1000 - seconds) <= MAX_CLOCK_SKEW.toSeconds();
        } catch (NumberFormatException notSeconds) {
            return false;
        }
    }

    /** The URL as the register called it; behind a proxy the forwarded headers have already rewritten it. */
    static String fullUrl(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURL() + (query == null ? "" : "?" + query);
    }

    /** Poster sends the account as its name; tolerate the host form {@code name.joinposter.com} too. */
    static String accountName(String header) {
        String name = header.trim().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
        int slash = name.indexOf('/');
        if (slash >= 0) {
            name = name.substring(0, slash);
        }
        int dot = name.indexOf('.');
        return dot >= 0 ? name.substring(0, dot) : name;
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String slug, String detail,
                        HttpServletRequest request, String reason) throws IOException {
        refusals.refused(log, "register-" + status.value(), request.getRemoteAddr(),
                "Register request {} {} refused ({}): {}", request.getMethod(), request.getRequestURI(),
                status.value(), reason);
        Problems.write(response, json, Problems.of(status, slug, detail));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
