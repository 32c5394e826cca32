package com.posterincust.poster;

import com.posterincust.common.HttpEndpointProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The {@code poster.*} settings of docs/http-api.md. Mutable because the sandbox points them at itself. */
@ConfigurationProperties("poster")
public class PosterProperties {

    private final Api api = new Api();
    private final OAuth oauth = new OAuth();
    private final Application application = new Application();
    private final Webhooks webhooks = new Webhooks();
    private final Manage manage = new Manage();

    public Api getApi() {
        return api;
    }

    public OAuth getOauth() {
        return oauth;
    }

    public Application getApplication() {
        return application;
    }

    public Webhooks getWebhooks() {
        return webhooks;
    }

    public Manage getManage() {
        return manage;
    }

    /** The app's settings page in Poster's back office (docs/owner.md). */
    public static class Manage {
        /** Where a code from the back office is exchanged for the account it names. */
        private String exchangeUrl = "https://joinposter.com/api/v2/auth/manage";
        /** Who may frame the owner's page: Poster's back office ({@code Content-Security-Policy: frame-ancestors}). */
        private String frameAncestors = "https://*.joinposter.com";
        /** How long the page's own credential lives; reopening the page from Poster gives a new one. */
        private Duration credentialTtl = Duration.ofMinutes(30);
        /**
         * The Poster roles ({@code role_id} of the user Poster names) that may open the page: Poster documents 3 as
         * the account owner's; other positions are each account's own, so an account's managers are added by id.
         */
        private List<String> allowedRoles = List.of("3");

        public List<String> getAllowedRoles() {
            return allowedRoles;
        }

        public void setAllowedRoles(List<String> allowedRoles) {
            this.allowedRoles = allowedRoles;
        }

        public String getExchangeUrl() {
            return exchangeUrl;
        }

        public void setExchangeUrl(String exchangeUrl) {
            this.exchangeUrl = exchangeUrl;
        }

        public String getFrameAncestors() {
            return frameAncestors;
        }

        public void setFrameAncestors(String frameAncestors) {
            this.frameAncestors = frameAncestors;
        }

        public Duration getCredentialTtl() {
            return credentialTtl;
        }

        public void setCredentialTtl(Duration credentialTtl) {
            this.credentialTtl = credentialTtl;
        }
    }

    public static class Webhooks {
        /**
         * A signed hook older than this is acknowledged and ignored: Poster redelivers for about two days, so a
         * genuine hook arrives within this age, and an older one can only be a replay.
         */
        private Duration maxAge = Duration.ofDays(3);

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }
    }

    public static class Api extends HttpEndpointProperties {
        public Api() {
            super("https://{account}.joinposter.com/api");
        }
    }

    public static class OAuth {
        private String authorizeUrl = "https://joinposter.com/api/auth";
        private String redirectUri = "";
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
