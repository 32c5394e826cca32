package com.posterincust.installation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class EnsureLoyaltyClientGroupDelegate implements JavaDelegate {

    private final InstallationService installations;

    public EnsureLoyaltyClientGroupDelegate(InstallationService installations) {
        this.installations = installations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String account = (String) execution.getVariable(InstallationProcess.VAR_ACCOUNT);
        execution.setVariable(InstallationProcess.VAR_LOYALTY_GROUP_ID,
                PosterRefusals.accessDeniedAsBpmnError(() -> installations.ensureLoyaltyGroup(account)));
    }
}
