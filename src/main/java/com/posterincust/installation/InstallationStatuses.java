package com.posterincust.installation;

import com.posterincust.common.ModelStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An installation's status while it is being connected is its model's: {@code installationStatus} on the elements of
 * poster-installation.bpmn (common/StatusFromModel). Not every end event names one: an installation the model gives
 * up on keeps the status it had (a reinstall of an active account stays active). Uninstalling is Poster's webhook,
 * not a model.
 */
@Component
public class InstallationStatuses implements ModelStatus<InstallationStatus> {

    public static final String PROPERTY = "installationStatus";

    private static final Logger log = LoggerFactory.getLogger(InstallationStatuses.class);

    private final InstallationRepository installations;

    public InstallationStatuses(InstallationRepository installations) {
        this.installations = installations;
    }

    @Override
    public String property() {
        return PROPERTY;
    }

    @Override
    public Class<InstallationStatus> statuses() {
        return InstallationStatus.class;
    }

    @Override
    public boolean onEveryEndEvent() {
        return false;
    }

    @Override
    public void set(DelegateExecution execution, InstallationStatus status) {
        String account = (String) execution.getVariable(InstallationProcess.VAR_ACCOUNT);
        installations.setStatus(account, status);
        if (status == InstallationStatus.NEEDS_RENEWAL) {
            log.warn("Installation {}: Poster refused access ({}); the business must install the app again", account,
                    execution.getVariable(InstallationProcess.VAR_REFUSAL_REASON));
        } else {
            log.info("Installation {}: {}", account, status);
        }
    }
}
