package com.posterincust.installation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class MarkInstallationForRenewalDelegate implements JavaDelegate {

    private final InstallationService installations;

    public MarkInstallationForRenewalDelegate(InstallationService installations) {
        this.installations = installations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        installations.markForRenewal((String) execution.getVariable(InstallationProcess.VAR_ACCOUNT),
                (String) execution.getVariable(InstallationProcess.VAR_REFUSAL_REASON));
    }
}
