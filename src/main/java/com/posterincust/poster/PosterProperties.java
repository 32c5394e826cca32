package com.posterincust.poster;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code poster.*} settings of register-api.md §4. Mutable because the sandbox points them at itself. */
@ConfigurationProperties("poster")
public class PosterProperties {

    private final Api api = new Api();
    private final OAuth oauth = new OAuth();
    private final Application application = new Application();

    public Api getApi() {
        return api;
    }

    public OAuth getOauth() {
        return oauth;
    }

    public Application getApplication() {
        return application;
    }

    public static class Api {
        /** Web API root; {@code {account}} is replaced by the account name. */
        private String baseUrl = "https://{account}.joinposter.com/api";
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(5);

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
    }

    public static class OAuth {
        private String authorizeUrl = "https://joinposter.com/api/auth";
        private String redirectUri = "http://localhost:8080/poster/oauth/callback";
        /** How long an install link stays usable between /poster/install and the callback. */
        private Duration stateTtl = Duration.ofMinutes(15);

        public String getAuthorizeUrl() {
            return authorizeUrl;
        }

        public void setAuthorizeUrl(String authorizeUrl) {
            this.authorizeUrl = authorizeUrl;
        }

        public String getRedirectUri() {
            return redirectUri;
        }

        public void setRedirectUri(String redirectUri) {
            this.redirectUri = redirectUri;
        }

        public Duration getStateTtl() {
            return stateTtl;
        }

        public void setStateTtl(Duration stateTtl) {
            this.stateTtl = stateTtl;
        }
    }

    public static class Application {
        private String id = "";
        private String secret = "";

        public String getId() {
            return id;
        }

        public void setId(String id) {
            this.id = id;
        }

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }
    }
}
