package com.posterincust.owner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.installation.Installations;
import com.posterincust.poster.PosterProperties;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the page's credential in front of {@code /api/owner/v1} and hands the owner to the controllers. */
@Configuration
public class OwnerConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<OwnerAuthenticationFilter> ownerAuthentication(OwnerCredentials credentials,
                                                                          Installations installations,
                                                                          ObjectMapper json) {
        FilterRegistrationBean<OwnerAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new OwnerAuthenticationFilter(credentials, installations, json));
        registration.addUrlPatterns("/api/owner/v1/*");
        registration.setName("owner-authentication");
        return registration;
    }

    /**
     * The owner's page is framed by Poster's back office, another site: {@code frame-ancestors} names who may
     * (poster.manage.frame-ancestors); every other page keeps refusing to be framed by other sites.
     */
    @Bean
    @Order(4)
    SecurityFilterChain ownersPage(HttpSecurity http, PosterProperties poster) throws Exception {
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(OwnerPageController.PATH))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors "
                                + poster.getManage().getFrameAncestors())))
                .build();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == OwnerContext.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                Object owner = request.getAttribute(OwnerContext.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                if (owner == null) {
                    throw new IllegalStateException("An owner endpoint was reached without the page's credential");
                }
                return owner;
            }
        });
    }
}
