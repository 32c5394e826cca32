package com.posterincust.common;

import feign.Client;
import io.micrometer.core.instrument.MeterRegistry;
import feign.hc5.ApacheHttp5Client;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One pooled HTTP client for the Feign clients of Poster and inCust (timeouts are set per client), and their metrics. */
@Configuration
public class HttpClientConfiguration {

    @Bean(destroyMethod = "close")
    CloseableHttpClient pooledHttpClient() {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(50)
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    @Bean
    ExternalCallMetrics externalCallMetrics(MeterRegistry registry) {
        return new ExternalCallMetrics(registry);
    }

    @Bean
    Client feignHttpClient(CloseableHttpClient pooledHttpClient) {
        return new ApacheHttp5Client(pooledHttpClient);
    }
}
