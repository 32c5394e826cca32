package com.posterincust.authorization;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RegisterNewCustomerDelegate implements JavaDelegate {

    private final CustomerAuthorizationService authorization;

    public RegisterNewCustomerDelegate(CustomerAuthorizationService authorization) {
        this.authorization = authorization;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sessionId = execution.getProcessBusinessKey();
        execution.setVariable(AuthorizationProcess.VAR_CUSTOMER_ID, authorization.register(sessionId));
    }
}
