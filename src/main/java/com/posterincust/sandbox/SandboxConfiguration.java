package com.posterincust.sandbox;

import com.posterincust.common.PublicAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The sandbox run (application-sandbox.yml): fake Poster and inCust served by this process, reached through the real
 * clients over HTTP. It must never become production by accident: when the sandbox is on only because no profile was
 * chosen, yet production settings are configured (a real Poster app, a database other than H2, an administrator
 * password other than the demo one), the service refuses to start and says why.
 */
@Configuration
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxConfiguration implements InitializingBean {

    static final String PROFILE = "sandbox";
    static final String APPLICATION_ID = "sandbox-app";
    static final String APPLICATION_SECRET = "sandbox-application-secret";
    static final String DEMO_PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    private final Environment environment;
    private final PublicAddress publicAddress;

    public SandboxConfiguration(Environment environment, PublicAddress publicAddress) {
        this.environment = environment;
        this.publicAddress = publicAddress;
    }

    @Override
    public void afterPropertiesSet() {
        if (Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
            return;
        }
        List<String> production = new ArrayList<>();
        if (!APPLICATION_ID.equals(environment.getProperty("poster.application.id"))) {
            production.add("poster.application.id is a real Poster app");
        }
        if (!APPLICATION_SECRET.equals(environment.getProperty("poster.application.secret"))) {
            production.add("poster.application.secret is a real app secret");
        }
        if (!environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:")) {
            production.add("spring.datasource.url is not an H2 database");
        }
        if (!DEMO_PASSWORD.equals(environment.getProperty("camunda.bpm.admin-user.password"))) {
            production.add("camunda.bpm.admin-user.password is not the demo password");
        }
        if (!production.isEmpty()) {
            throw new IllegalStateException("The sandbox is on only because no profile was chosen, but "
                    + String.join("; ", production) + ". For production choose a profile (SPRING_PROFILES_ACTIVE="
                    + "production) and set sandbox.enabled=false; to run the sandbox with these settings on purpose, "
                    + "choose it: SPRING_PROFILES_ACTIVE=sandbox");
        }
    }

    /** A line per log event: the log writes a message's line breaks as visible escapes (docs/operations.md). */
    @EventListener(ApplicationReadyEvent.class)
    public void printDemoAccess(ApplicationReadyEvent ready) {
        String self = publicAddress.getPublicBaseUrl();
        List.of("==== Sandbox run: fake Poster and inCust in this process; nothing reaches the real ones ====",
                "  Sandbox register " + self + "/sandbox/register   <- start here: a checkout as the cashier, by clicking",
                "  Back office    " + self + "/sandbox/back-office   (the café owner's page: registers, bindings, sales)",
                "  Cockpit        " + self + "/camunda/app/cockpit/   log in as "
                        + environment.getProperty("camunda.bpm.admin-user.id") + " / "
                        + environment.getProperty("camunda.bpm.admin-user.password"),
                "  Install app    " + self + "/poster/install   (plays Poster's \"Allow access\" page)",
                "  Installations  " + self + "/api/admin/v1/installations   (HTTP Basic, same login)",
                "  SMS outbox     " + self + "/sandbox/sms-outbox   (demo confirmation codes)",
                "  OpenAPI        " + self + "/v3/api-docs   and   " + self + "/swagger-ui.html",
                "  Demo Poster account \"" + SandboxData.ACCOUNT + "\" (customer number " + SandboxData.ACCOUNT_NUMBER
                        + "); inCust terminal logins: " + SandboxData.terminalLogins(),
                "  Demo guests: +380501234567 (150 bonus points, a coupon), +380671112233; any other phone is new",
                "==========================================================================================")
                .forEach(log::info);
    }
}
