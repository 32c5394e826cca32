package com.posterincust.owner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.Problems;
import com.posterincust.installation.Installation;
import com.posterincust.installation.Installations;
import com.posterincust.installation.InstallationStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/owner/v1}: the page's credential ({@code Authorization: Bearer …}) names the account every call is
 * checked against, while the app is installed there; without a valid one, 401 with what to do.
 */
class OwnerAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final OwnerCredentials credentials;
    private final Installations installations;
    private final ObjectMapper json;

    OwnerAuthenticationFilter(OwnerCredentials credentials, Installations installations, ObjectMapper json) {
        this.credentials = credentials;
        this.installations = installations;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        Optional<OwnerContext> owner = authorization != null && authorization.startsWith(BEARER)
                ? credentials.verify(authorization.substring(BEARER.length())) : Optional.empty();
        if (owner.isEmpty()) {
            Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                    "This page's access has expired or is not valid: open it again from Poster (Applications → "
                            + "inCust)"));
            return;
        }
        // the credential dies with the installation it was issued for: checked on every call, not when it expires
        boolean installed = installations.find(owner.get().account()).map(Installation::status)
                .filter(status -> status == InstallationStatus.ACTIVE).isPresent();
        if (!installed) {
            Problems.write(response, json, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                    "The inCust app is no longer installed for this account: install it from Poster's marketplace, "
                            + "then open this page again"));
            return;
        }
        request.setAttribute(OwnerContext.ATTRIBUTE, owner.get());
        chain.doFilter(request, response);
    }
}
