package com.posterincust.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orchestrator.public-base-url}: where registers reach this service (through Poster's proxy), e.g.
 * {@code https://orchestrator.example.com}. Binding writes it into each register's extras. Mutable because the
 * sandbox sets it to its own address once the port is known.
 */
@ConfigurationProperties("orchestrator")
public class PublicAddress {

    private String publicBaseUrl = "";

    public String getPublicBaseUrl() {
        return publicBaseUrl;
    }

    public void setPublicBaseUrl(String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.endsWith("/")
                ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }
}
