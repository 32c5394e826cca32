package com.posterincust.installation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class StoreWebhookTokenDelegate implements JavaDelegate {

    private final InstallationService installations;

    public StoreWebhookTokenDelegate(InstallationService installations) {
        this.installations = installations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        installations.storeWebhookToken(
                (String) execution.getVariable(InstallationProcess.VAR_ACCOUNT),
                (String) execution.getVariable(InstallationProcess.VAR_ACCOUNT_NUMBER),
                (String) execution.getVariable(InstallationProcess.TRANSIENT_ACCESS_TOKEN));
    }
}
