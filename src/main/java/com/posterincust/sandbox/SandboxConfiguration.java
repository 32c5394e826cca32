package com.posterincust.sandbox;

import com.posterincust.common.PublicAddress;
import com.posterincust.incust.IncustProperties;
import com.posterincust.poster.PosterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The default run: fake Poster and inCust served by this process, reached through the real clients over HTTP.
 * Once the port is known, the clients are pointed at the fakes and the app gets demo credentials.
 */
@Configuration
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxConfiguration {

    static final String APPLICATION_ID = "sandbox-app";
    static final String APPLICATION_SECRET = "sandbox-application-secret";

    private static final Logger log = LoggerFactory.getLogger(SandboxConfiguration.class);

    private final PosterProperties poster;
    private final IncustProperties incust;
    private final PublicAddress publicAddress;
    private final String adminUser;
    private final String adminPassword;
    private int port;

    public SandboxConfiguration(PosterProperties poster, IncustProperties incust, PublicAddress publicAddress,
                                @Value("${camunda.bpm.admin-user.id:}") String adminUser,
                                @Value("${camunda.bpm.admin-user.password:}") String adminPassword) {
        this.poster = poster;
        this.incust = incust;
        this.publicAddress = publicAddress;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @EventListener
    public void pointClientsAtSandbox(WebServerInitializedEvent event) {
        port = event.getWebServer().getPort();
        String self = "http://localhost:" + port;
        poster.getApi().setBaseUrl(self + "/sandbox/poster/{account}/api");
        poster.getOauth().setAuthorizeUrl(self + "/sandbox/poster/auth");
        poster.getOauth().setRedirectUri(self + "/poster/oauth/callback");
        if (poster.getApplication().getId().isBlank()) {
            poster.getApplication().setId(APPLICATION_ID);
        }
        if (poster.getApplication().getSecret().isBlank()) {
            poster.getApplication().setSecret(APPLICATION_SECRET);
        }
        incust.getApi().setBaseUrl(self + "/sandbox/incust/v1");
        if (publicAddress.getPublicBaseUrl().isBlank()) {
            publicAddress.setPublicBaseUrl(self);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    public void printDemoAccess() {
        String self = "http://localhost:" + port;
        log.info("""

                ==== Sandbox run: fake Poster and inCust in this process; nothing reaches the real ones ====
                  Sandbox register {}/sandbox/register   <- start here: a checkout as the cashier, by clicking
                  Cockpit        {}/camunda/app/cockpit/   log in as {} / {}
                  Install app    {}/poster/install   (plays Poster's "Allow access" page)
                  Installations  {}/api/admin/v1/installations   (HTTP Basic, same login)
                  SMS outbox     {}/sandbox/sms-outbox   (demo confirmation codes)
                  OpenAPI        {}/v3/api-docs   and   {}/swagger-ui.html
                  Demo Poster account "{}" (customer number {}); inCust terminal logins: {}
                  Demo guests: +380501234567 (150 bonus points, a coupon), +380671112233; any other phone is new
                ==========================================================================================""",
                self, self, adminUser, adminPassword, self, self, self, self, self,
                SandboxData.ACCOUNT, SandboxData.ACCOUNT_NUMBER, SandboxData.terminalLogins());
    }
}
