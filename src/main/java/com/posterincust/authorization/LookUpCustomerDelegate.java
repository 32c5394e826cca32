package com.posterincust.authorization;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class LookUpCustomerDelegate implements JavaDelegate {

    private final CustomerAuthorizationService authorization;

    public LookUpCustomerDelegate(CustomerAuthorizationService authorization) {
        this.authorization = authorization;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sessionId = execution.getProcessBusinessKey();
        Optional<String> customerId = authorization.lookUp(sessionId);
        execution.setVariable(AuthorizationProcess.VAR_CUSTOMER_FOUND, customerId.isPresent());
        execution.setVariable(AuthorizationProcess.VAR_CUSTOMER_ID, customerId.orElse(null));
    }
}
