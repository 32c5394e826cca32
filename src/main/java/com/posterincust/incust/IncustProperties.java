package com.posterincust.incust;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code incust.*} settings of register-api.md §4. Mutable because the sandbox points them at itself. */
@ConfigurationProperties("incust")
public class IncustProperties {

    private final Api api = new Api();

    public Api getApi() {
        return api;
    }

    public static class Api {
        private String baseUrl = "https://api.incust.com/v1";
        /** Accept-Language: inCust localises its error messages (en, ru, uk, pl, sk). */
        private String language = "en";
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(5);

        public String getBaseUrl() {
            return baseUrl;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getLanguage() {
            return language;
        }

        public void setLanguage(String language) {
            this.language = language;
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
    }
}
