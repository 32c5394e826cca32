package com.posterincust.common;

import feign.Request;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Where an external API lives and how long the service waits for it. */
public class HttpEndpointProperties {

    private String baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration readTimeout = Duration.ofSeconds(5);

    public HttpEndpointProperties(String defaultBaseUrl) {
        this.baseUrl = defaultBaseUrl;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** Feign's per-call timeouts; redirects are never followed (an API that redirects is misconfigured). */
    public Request.Options feignOptions() {
        return new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                readTimeout.toMillis(), TimeUnit.MILLISECONDS, false);
    }
}
