package com.posterincust.incust;

import com.posterincust.common.HttpEndpointProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code incust.*} settings of docs/http-api.md. Mutable because the sandbox points them at itself. */
@ConfigurationProperties("incust")
public class IncustProperties {

    private final Api api = new Api();

    public Api getApi() {
        return api;
    }

    public static class Api extends HttpEndpointProperties {
        /** Accept-Language: inCust localises its error messages (en, ru, uk, pl, sk). */
        private String language = "en";

        public Api() {
            super("https://api.incust.com/v1");
        }

        public String getLanguage() {
            return language;
        }

        public void setLanguage(String language) {
            this.language = language;
        }
    }
}
