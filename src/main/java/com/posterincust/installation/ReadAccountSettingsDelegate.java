package com.posterincust.installation;

import com.posterincust.poster.PosterAccountSettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ReadAccountSettingsDelegate implements JavaDelegate {

    private final InstallationService installations;

    public ReadAccountSettingsDelegate(InstallationService installations) {
        this.installations = installations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String account = (String) execution.getVariable(InstallationProcess.VAR_ACCOUNT);
        PosterAccountSettings settings = PosterRefusals.accessDeniedAsBpmnError(() -> installations.readSettings(account));
        execution.setVariable(InstallationProcess.VAR_CURRENCY, settings.currency());
        execution.setVariable(InstallationProcess.VAR_TIME_ZONE, settings.timeZone());
    }
}
