package com.posterincust.installation;

import com.posterincust.poster.PosterApiException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ExchangeAuthorizationCodeDelegate implements JavaDelegate {

    private final InstallationService installations;

    public ExchangeAuthorizationCodeDelegate(InstallationService installations) {
        this.installations = installations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String account = (String) execution.getVariable(InstallationProcess.VAR_ACCOUNT);
        String code = (String) execution.getVariable(InstallationProcess.TRANSIENT_AUTHORIZATION_CODE);
        try {
            execution.setVariable(InstallationProcess.VAR_ACCOUNT_NUMBER, installations.exchangeCode(account, code));
        } catch (PosterApiException refused) {
            throw new BpmnError(InstallationProcess.ERROR_CODE_REFUSED, PosterRefusals.describe(refused));
        }
    }
}
