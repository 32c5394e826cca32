package com.posterincust.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is calling its REST API, so that engine authorization applies to the call: Spring Security
 * checked the password, the engine checks what this user's groups may do.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(EngineUserAuthenticationProvider.GROUP_PREFIX))
                .map(authority -> authority.substring(EngineUserAuthenticationProvider.GROUP_PREFIX.length()))
                .toList();
        identity.setAuthentication(user.getName(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
