package com.posterincust.authorization;

import com.posterincust.security.ModelBean;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The {@code customers.*} settings. The model reads {@code ${authorizationSettings.profileTimeoutIso}} for its timer,
 * so an analyst can change the wait in configuration or replace the expression in the Modeler.
 */
@ModelBean
@Component("authorizationSettings")
@ConfigurationProperties("customers")
public class AuthorizationSettings {

    /** How long a new customer's profile form waits for the cashier before the session goes on without it. */
    private Duration profileTimeout = Duration.ofMinutes(10);
    /** Region for phones typed without a country code, when the Poster account's country is unknown. */
    private String defaultPhoneRegion = "UA";

    public Duration getProfileTimeout() {
        return profileTimeout;
    }

    /** ISO 8601, as the BPMN timer expects it. */
    public String getProfileTimeoutIso() {
        return profileTimeout.toString();
    }

    public void setProfileTimeout(Duration profileTimeout) {
        this.profileTimeout = profileTimeout;
    }

    public String getDefaultPhoneRegion() {
        return defaultPhoneRegion;
    }

    public void setDefaultPhoneRegion(String defaultPhoneRegion) {
        this.defaultPhoneRegion = defaultPhoneRegion;
    }
}
