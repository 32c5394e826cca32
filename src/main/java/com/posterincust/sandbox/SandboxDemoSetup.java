package com.posterincust.sandbox;

import com.posterincust.binding.BindingRequest;
import com.posterincust.binding.BindingCommands;
import com.posterincust.binding.Bindings;
import com.posterincust.installation.Installation;
import com.posterincust.installation.Installations;
import com.posterincust.installation.InstallationCommands;
import com.posterincust.installation.InstallationStatus;
import com.posterincust.poster.PosterProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes the default run ready to click: the demo account installed (as if its owner pressed "Allow access") and the
 * demo registers bound to the demo inCust terminals, through the same processes a business goes through. Runs at
 * start unless {@code sandbox.demo-setup-at-start=false}, and from the sandbox register's "Set up the demo" button.
 */
@Component
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxDemoSetup {

    /** Which demo register works with which demo terminal: Podil bar asks the guest for a code, the others do not. */
    static final Map<String, String> TERMINAL_OF_REGISTER = Map.of("1", "demo-confirm", "2", "demo-instant",
            "3", "demo-instant");

    private static final Duration PREPARATION = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(SandboxDemoSetup.class);

    private final SandboxPosterController poster;
    private final PosterProperties posterSettings;
    private final InstallationCommands installer;
    private final Installations installations;
    private final BindingCommands binder;
    private final Bindings bindings;
    private final boolean atStart;
    private final ReentrantLock running = new ReentrantLock();

    public SandboxDemoSetup(SandboxPosterController poster, PosterProperties posterSettings,
                            InstallationCommands installer,
                            Installations installations, BindingCommands binder,
                            Bindings bindings,
                            @Value("${sandbox.demo-setup-at-start:true}") boolean atStart) {
        this.poster = poster;
        this.posterSettings = posterSettings;
        this.installer = installer;
        this.installations = installations;
        this.binder = binder;
        this.bindings = bindings;
        this.atStart = atStart;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void setUpAtStart() {
        if (atStart) {
            Thread setup = new Thread(this::setUp, "sandbox-demo-setup");
            setup.setDaemon(true);
            setup.start();
        }
    }

    public boolean isReady() {
        return installed() && SandboxData.TABLETS.stream()
                .allMatch(tablet -> bindings.findActive(SandboxData.ACCOUNT, tablet.id()).isPresent());
    }

    /** Installs and binds what is missing; safe to run again, and once at a time. */
    public void setUp() {
        if (!running.tryLock()) {
            return;
        }
        try {
            if (!installed()) {
                install();
            }
            for (SandboxData.Tablet tablet : SandboxData.TABLETS) {
                if (bindings.findActive(SandboxData.ACCOUNT, tablet.id()).isEmpty()) {
                    binder.bind(new BindingRequest(SandboxData.ACCOUNT, SandboxData.ACCOUNT_NUMBER, tablet.spotId(),
                            tablet.id(), new BindingRequest.IncustLogin(TERMINAL_OF_REGISTER.get(tablet.id()),
                            SandboxData.TERMINAL_PASSWORD), false));
                }
            }
            log.info("Sandbox: demo account {} installed and registers {} bound", SandboxData.ACCOUNT,
                    List.copyOf(TERMINAL_OF_REGISTER.keySet()));
        } catch (RuntimeException e) {
            log.warn("Sandbox: the demo set-up did not finish ({}); press \"Set up the demo\" on /sandbox/register",
                    e.getMessage());
        } finally {
            running.unlock();
        }
    }

    private boolean installed() {
        return installations.find(SandboxData.ACCOUNT).map(Installation::status)
                .filter(status -> status == InstallationStatus.ACTIVE).isPresent();
    }

    private void install() {
        String redirectUri = posterSettings.getOauth().getRedirectUri();
        String code = poster.issueCode(redirectUri);
        installer.completeOAuth(SandboxData.ACCOUNT, code, installations.issueOAuthState(posterSettings.getOauth().getStateTtl()));
        long deadline = System.nanoTime() + PREPARATION.toNanos();
        while (!installed()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo account was not prepared within " + PREPARATION);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
    }
}
