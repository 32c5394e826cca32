package com.posterincust.authorization;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class MirrorCustomerInPosterDelegate implements JavaDelegate {

    private final CustomerAuthorizationService authorization;

    public MirrorCustomerInPosterDelegate(CustomerAuthorizationService authorization) {
        this.authorization = authorization;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String sessionId = execution.getProcessBusinessKey();
        execution.setVariable(AuthorizationProcess.VAR_POSTER_CLIENT_ID,
                authorization.mirrorInPoster(sessionId).orElse(null));
    }
}
