package com.posterincust.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
public class DatabaseOutageConfiguration {

    /** Around everything but the body limits, which never touch the database. */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutage(ObjectMapper json) {
        FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
                new DatabaseOutageFilter(json));
        registration.setName("database-outage");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
