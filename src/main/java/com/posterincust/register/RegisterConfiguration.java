package com.posterincust.register;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.RefusalLog;
import com.posterincust.binding.Bindings;
import com.posterincust.poster.PosterProperties;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the register authentication in front of {@code /api/register/v1} and hands its result to controllers. */
@Configuration
public class RegisterConfiguration implements WebMvcConfigurer {

    /** After Spring Boot's forwarded-header filter, so the signed URL is the one the register called. */
    private static final int FILTER_ORDER = 0;

    @Bean
    FilterRegistrationBean<RegisterAuthenticationFilter> registerAuthentication(PosterProperties poster,
                                                                                Bindings bindings,
                                                                                UsedSignatures signatures,
                                                                                ObjectMapper json, RefusalLog refusals,
                                                                                Clock clock) {
        FilterRegistrationBean<RegisterAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new RegisterAuthenticationFilter(poster, bindings, signatures, json, refusals, clock));
        registration.addUrlPatterns("/api/register/v1/*");
        registration.setOrder(FILTER_ORDER);
        registration.setName("register-authentication");
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == RegisterContext.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                Object context = request.getAttribute(RegisterContext.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                if (context == null) {
                    throw new IllegalStateException("A register endpoint was reached without register authentication");
                }
                return context;
            }
        });
    }
}
