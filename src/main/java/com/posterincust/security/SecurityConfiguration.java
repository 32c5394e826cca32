package com.posterincust.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what:
 * <ul>
 *   <li>{@code /api/admin/**}: HTTP Basic of an engine user in {@code camunda-admin} (401 / 403 problems);</li>
 *   <li>{@code /engine-rest/**}: HTTP Basic of any engine user (the engine REST API has no authentication
 *       of its own);</li>
 *   <li>Cockpit ({@code /camunda/**}) has its own login; the Poster-facing endpoints and the register API
 *       authenticate by Poster's signatures in their controllers and filters.</li>
 * </ul>
 */
@Configuration
public class SecurityConfiguration {

    private static final String ADMIN_GROUP = EngineUserAuthenticationProvider.GROUP_PREFIX + Groups.CAMUNDA_ADMIN;

    @Bean
    EngineUserAuthenticationProvider engineUserAuthenticationProvider(IdentityService identityService) {
        return new EngineUserAuthenticationProvider(identityService);
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http, EngineUserAuthenticationProvider engineUsers, ObjectMapper json)
            throws Exception {
        return basicAuthenticated(http, "/api/admin/**", engineUsers, json,
                "HTTP Basic credentials of a Cockpit administrator are required")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ADMIN_GROUP))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        writeProblem(response, json, HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                                "Only members of the camunda-admin group may use the admin API")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, EngineUserAuthenticationProvider engineUsers, ObjectMapper json)
            throws Exception {
        return basicAuthenticated(http, "/engine-rest/**", engineUsers, json,
                "HTTP Basic credentials of an engine user are required")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .build();
    }

    private static HttpSecurity basicAuthenticated(HttpSecurity http, String paths,
                                                   EngineUserAuthenticationProvider engineUsers, ObjectMapper json,
                                                   String missingCredentials) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(paths))
                .authenticationProvider(engineUsers)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"checkout-orchestrator\"");
                    writeProblem(response, json, HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, missingCredentials);
                }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
    }

    /** Everything else authenticates on its own terms (see the class comment), so Spring Security stays out. */
    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .requestCache(cache -> cache.disable())
                .build();
    }

    private static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String slug,
                                     String detail) throws IOException {
        Problems.write(response, json, Problems.of(status, slug, detail));
    }
}
