package com.posterincust;

import com.posterincust.common.PublicAddress;
import com.posterincust.poster.PosterProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Outside the sandbox the service talks to the real Poster: refuse to start, naming every missing or
 * unsafe setting at once, rather than fail at the first install.
 */
@Component
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "false")
public class ProductionSettingsCheck implements InitializingBean {

    static final String DEMO_ADMIN_PASSWORD = "demo";

    private final PosterProperties poster;
    private final PublicAddress publicAddress;
    private final String adminPassword;

    public ProductionSettingsCheck(PosterProperties poster, PublicAddress publicAddress,
                                   @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
        this.poster = poster;
        this.publicAddress = publicAddress;
        this.adminPassword = adminPassword;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        if (poster.getApplication().getId().isBlank()) {
            problems.add("poster.application.id (POSTER_APPLICATION_ID) is not set");
        }
        if (poster.getApplication().getSecret().isBlank()) {
            problems.add("poster.application.secret (POSTER_APPLICATION_SECRET) is not set");
        }
        if (poster.getOauth().getRedirectUri().isBlank()) {
            problems.add("poster.oauth.redirect-uri (POSTER_OAUTH_REDIRECT_URI) is not set");
        }
        if (!publicAddress.getPublicBaseUrl().startsWith("https://")) {
            problems.add("orchestrator.public-base-url (ORCHESTRATOR_PUBLIC_BASE_URL) is not an https:// address: "
                    + "registers are told to reach the service there");
        }
        if (DEMO_ADMIN_PASSWORD.equals(adminPassword)) {
            problems.add("camunda.bpm.admin-user.password (CAMUNDA_BPM_ADMIN_USER_PASSWORD) is still the demo password");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("sandbox.enabled=false, but the production settings are incomplete: "
                    + String.join("; ", problems));
        }
    }
}
