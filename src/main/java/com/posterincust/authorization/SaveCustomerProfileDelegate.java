package com.posterincust.authorization;

import com.posterincust.incust.Loyalty;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class SaveCustomerProfileDelegate implements JavaDelegate {

    private final CustomerAuthorizationService authorization;

    public SaveCustomerProfileDelegate(CustomerAuthorizationService authorization) {
        this.authorization = authorization;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sessionId = execution.getProcessBusinessKey();
        authorization.saveProfile(sessionId, new Loyalty.Profile(
                (String) execution.getVariable(AuthorizationProcess.TRANSIENT_PROFILE_NAME),
                (String) execution.getVariable(AuthorizationProcess.TRANSIENT_PROFILE_GENDER),
                (String) execution.getVariable(AuthorizationProcess.TRANSIENT_PROFILE_BIRTH_DATE),
                (String) execution.getVariable(AuthorizationProcess.TRANSIENT_PROFILE_EMAIL)));
    }
}
