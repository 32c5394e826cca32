package com.posterincust.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.Problems;
import com.posterincust.common.Problems;
import com.posterincust.common.RefusalLog;
import com.posterincust.common.RequestBodyLimitFilter;
import com.posterincust.common.WorkerShareFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what (docs/operations.md, "Who may use which surface"):
 * <ul>
 *   <li>{@code /api/admin/**}: HTTP Basic of an engine user in {@code camunda-admin} (401 / 403 problems);</li>
 *   <li>{@code /engine-rest/**}: HTTP Basic of a user in {@code camunda-admin} or {@code operators}; engine
 *       authorization then decides what the call may do ({@link EngineAccess});</li>
 *   <li>{@code /actuator/**} but {@code /actuator/health}: HTTP Basic of a user in {@code camunda-admin} or
 *       {@code operators};</li>
 *   <li>Cockpit ({@code /camunda/**}) has its own login, and engine authorization limits it the same way; the
 *       Poster-facing endpoints and the register API authenticate by Poster's signatures.</li>
 * </ul>
 * In front of all of them: body limits, login throttling per client address and, outside the sandbox, no model
 * deployment through an API, and no task only the service completes completed through them.
 */
@Configuration
public class SecurityConfiguration {

    private static final String ADMINS = EngineUserAuthenticationProvider.GROUP_PREFIX + EngineAccess.ADMINS;
    private static final String OPERATORS = EngineUserAuthenticationProvider.GROUP_PREFIX + EngineAccess.OPERATORS;
    private static final int KIB = RequestBodyLimitFilter.KIB;

    @Bean
    EngineUserAuthenticationProvider engineUserAuthenticationProvider(IdentityService identityService) {
        return new EngineUserAuthenticationProvider(identityService);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimits(ObjectMapper json, RefusalLog refusals) {
        RequestBodyLimitFilter limits = new RequestBodyLimitFilter(Map.of(
                "/api/register/", 1024 * KIB,
                "/poster/webhooks", 256 * KIB,
                "/api/admin/", 64 * KIB,
                "/api/owner/", 64 * KIB), 1024 * KIB, json, refusals);
        return registration(limits, "request-body-limits", Ordered.HIGHEST_PRECEDENCE + 2);
    }

    /**
     * Of the web server's 200 worker threads ({@code server.tomcat.threads.max}), Poster's webhooks may hold 32 and
     * the registers 128 at once, so neither starves the other, health, operators or owners (docs/operations.md).
     */
    @Bean
    FilterRegistrationBean<WorkerShareFilter> workerShares(ObjectMapper json, RefusalLog refusals) {
        WorkerShareFilter shares = new WorkerShareFilter(Map.of("/poster/webhooks", 32, "/api/register/", 128), json,
                refusals);
        return registration(shares, "worker-shares", Ordered.HIGHEST_PRECEDENCE);
    }

    /**
     * A URL Spring Security's firewall refuses ({@code ;}, {@code //}, an encoded slash …) is answered 400 like every
     * other problem, with the headers every page has: never framed, never sniffed.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, rejected) -> {
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            Problems.write(response, json, Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                    "The request's URL is not one this service accepts"));
        };
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock) {
        return new LoginThrottle(clock);
    }

    /** Before Spring Security, which checks the passwords, and before the webapps' login. */
    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottling(LoginThrottle throttle, ObjectMapper json) {
        return registration(new LoginThrottleFilter(throttle, json), "login-throttle", Ordered.HIGHEST_PRECEDENCE + 10);
    }

    @Bean
    FilterRegistrationBean<ModelDeploymentGuard> modelDeploymentGuard(
            ObjectMapper json, @Value("${orchestrator.models.rest-deployment:false}") boolean allowed) {
        FilterRegistrationBean<ModelDeploymentGuard> guard =
                registration(new ModelDeploymentGuard(json), "model-deployment-guard", Ordered.HIGHEST_PRECEDENCE + 20);
        guard.setEnabled(!allowed);
        return guard;
    }

    @Bean
    FilterRegistrationBean<ServiceOwnedTaskGuard> serviceOwnedTaskGuard(TaskService tasks, ServiceOwnedWork owned,
                                                                        ObjectMapper json) {
        return registration(new ServiceOwnedTaskGuard(tasks, owned, json), "service-owned-task-guard",
                Ordered.HIGHEST_PRECEDENCE + 30);
    }

    /**
     * The register API authenticates every call by Poster's signature (register/RegisterAuthenticationFilter) and
     * keeps no session: of Spring Security's chain only the response headers, not the dozen filters a checkout's five
     * calls would pass through for nothing (docs/performance.md).
     */
    @Bean
    @Order(0)
    SecurityFilterChain registerApi(HttpSecurity http) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/register/**"))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .exceptionHandling(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain adminApi(HttpSecurity http, EngineUserAuthenticationProvider engineUsers, ObjectMapper json)
            throws Exception {
        return basicAuthenticated(http, "/api/admin/**", engineUsers, json,
                "HTTP Basic credentials of a Cockpit administrator are required")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ADMINS))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        writeProblem(response, json, HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                                "Only members of the camunda-admin group may use the admin API")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, EngineUserAuthenticationProvider engineUsers,
                                   IdentityService identity, ObjectMapper json) throws Exception {
        return basicAuthenticated(http, "/engine-rest/**", engineUsers, json,
                "HTTP Basic credentials of an administrator or operator are required")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAnyAuthority(ADMINS, OPERATORS))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        writeProblem(response, json, HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                                "Only members of the camunda-admin or operators group may use the engine REST API")))
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .build();
    }

    /**
     * Management: {@code /actuator/health} tells anyone (a load balancer) whether the service is up; its components,
     * the health group and the metrics are for operators and administrators, as Prometheus scrapes them (HTTP Basic).
     */
    @Bean
    @Order(3)
    SecurityFilterChain management(HttpSecurity http, EngineUserAuthenticationProvider engineUsers, ObjectMapper json)
            throws Exception {
        return basicAuthenticated(http, "/actuator/**", engineUsers, json,
                "HTTP Basic credentials of an administrator or operator are required")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/actuator/health")).permitAll()
                        .anyRequest().hasAnyAuthority(ADMINS, OPERATORS))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        writeProblem(response, json, HttpStatus.FORBIDDEN, Problems.FORBIDDEN,
                                "Only members of the camunda-admin or operators group may read the service's health "
                                        + "details and metrics")))
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

    /**
     * Everything else authenticates on its own terms (see the class comment), so Spring Security stays out. Before
     * it, at order 4, the owner's page (owner/OwnerConfiguration), which Poster's back office frames.
     */
    @Bean
    @Order(5)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .requestCache(cache -> cache.disable())
                .build();
    }

    private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(F filter, String name,
                                                                                            int order) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.setOrder(order);
        return registration;
    }

    private static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String slug,
                                     String detail) throws IOException {
        Problems.write(response, json, Problems.of(status, slug, detail));
    }
}
