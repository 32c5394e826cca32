package com.posterincust.authorization;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class LoadCustomerWalletDelegate implements JavaDelegate {

    private final CustomerAuthorizationService authorization;

    public LoadCustomerWalletDelegate(CustomerAuthorizationService authorization) {
        this.authorization = authorization;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sessionId = execution.getProcessBusinessKey();
        authorization.loadWallet(sessionId, (String) execution.getVariable(AuthorizationProcess.VAR_CUSTOMER_ID));
    }
}
