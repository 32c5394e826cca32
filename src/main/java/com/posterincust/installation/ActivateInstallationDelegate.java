package com.posterincust.installation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ActivateInstallationDelegate implements JavaDelegate {

    private final InstallationService installations;

    public ActivateInstallationDelegate(InstallationService installations) {
        this.installations = installations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        installations.activate((String) execution.getVariable(InstallationProcess.VAR_ACCOUNT));
    }
}
