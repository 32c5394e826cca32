package com.posterincust.installation;

import com.posterincust.poster.PosterProperties;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Starts the installation process from its two entry points. The one-time code and the webhook's token
 * travel as transient variables: the synchronous first step uses them and the engine never stores them.
 */
@Service
public class InstallationCommands {

    private static final Logger log = LoggerFactory.getLogger(InstallationCommands.class);

    public sealed interface CallbackOutcome {
        record Connected(String account, String accountNumber) implements CallbackOutcome {
        }

        record Rejected(String reason) implements CallbackOutcome {
        }
    }

    private final RuntimeService runtime;
    private final OAuthStateRepository states;
    private final PosterProperties poster;

    public InstallationCommands(RuntimeService runtime, OAuthStateRepository states, PosterProperties poster) {
        this.runtime = runtime;
        this.states = states;
        this.poster = poster;
    }

    /** The Poster authorize URL for a new install, carrying a fresh single-use state. */
    @Transactional
    public String authorizeUrl() {
        String state = states.issue(poster.getOauth().getStateTtl());
        return UriComponentsBuilder.fromUriString(poster.getOauth().getAuthorizeUrl())
                .queryParam("application_id", poster.getApplication().getId())
                .queryParam("redirect_uri", poster.getOauth().getRedirectUri())
                .queryParam("response_type", "code")
                .queryParam("state", state)
                .encode()
                .toUriString();
    }

    /**
     * Consumes the state and runs the installation up to its first save point, in one transaction:
     * when Poster cannot be reached the whole call rolls back, so the same callback link may be retried.
     * Poster does not document relaying {@code state} (and is reported not to): a callback without one still
     * installs, since only Poster can issue a code that the token exchange, signed with the app secret, accepts
     * (docs/installation-process.md weighs this). A state that is present must be ours, unused and unexpired.
     */
    @Transactional
    public CallbackOutcome completeOAuth(String account, String code, String state) {
        OAuthStateRepository.Outcome stateOutcome = state == null ? OAuthStateRepository.Outcome.ACCEPTED
                : states.consume(state);
        if (stateOutcome != OAuthStateRepository.Outcome.ACCEPTED) {
            log.warn("OAuth callback for {} refused: state {}", account, stateOutcome);
            return new CallbackOutcome.Rejected(switch (stateOutcome) {
                case UNKNOWN -> "This install link is unknown. Start again from the app's Connect button.";
                case ALREADY_USED -> "This install link was already used. Start again from the app's Connect button.";
                case EXPIRED -> "This install link has expired. Start again from the app's Connect button.";
                case ACCEPTED -> throw new IllegalStateException();
            });
        }
        VariableMap variables = Variables.createVariables()
                .putValue(InstallationProcess.VAR_ACCOUNT, account)
                .putValue(InstallationProcess.VAR_GRANT_TYPE, InstallationProcess.GRANT_CODE)
                .putValueTyped(InstallationProcess.TRANSIENT_AUTHORIZATION_CODE, Variables.stringValue(code, true));
        Map<String, Object> result = runtime.createProcessInstanceByKey(InstallationProcess.KEY)
                .businessKey(account)
                .setVariables(variables)
                .executeWithVariablesInReturn()
                .getVariables();
        Object refusal = result.get(InstallationProcess.VAR_REFUSAL_REASON);
        if (refusal != null) {
            log.warn("OAuth callback for {} refused by Poster: {}", account, refusal);
            return new CallbackOutcome.Rejected("Poster did not accept the authorization code (it may be used or "
                    + "expired). Start again from the app's Connect button. Poster said: " + refusal);
        }
        return new CallbackOutcome.Connected(account, (String) result.get(InstallationProcess.VAR_ACCOUNT_NUMBER));
    }

    /** Poster's install webhook carries the token itself; storing it is the only synchronous step. */
    @Transactional
    public void installFromWebhook(String account, String accountNumber, String accessToken) {
        runtime.createProcessInstanceByKey(InstallationProcess.KEY)
                .businessKey(account)
                .setVariables(Variables.createVariables()
                        .putValue(InstallationProcess.VAR_ACCOUNT, account)
                        .putValue(InstallationProcess.VAR_ACCOUNT_NUMBER, accountNumber)
                        .putValue(InstallationProcess.VAR_GRANT_TYPE, InstallationProcess.GRANT_TOKEN)
                        .putValueTyped(InstallationProcess.TRANSIENT_ACCESS_TOKEN,
                                Variables.stringValue(accessToken, true)))
                .execute();
    }
}
