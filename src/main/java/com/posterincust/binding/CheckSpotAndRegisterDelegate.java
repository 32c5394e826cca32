package com.posterincust.binding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CheckSpotAndRegisterDelegate implements JavaDelegate {

    private final BindingChecks checks;

    public CheckSpotAndRegisterDelegate(BindingChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BindingRejections.add(execution, checks.checkSpotAndTablet(
                (String) execution.getVariable(TerminalBindingProcess.VAR_ACCOUNT),
                (String) execution.getVariable(TerminalBindingProcess.VAR_SPOT_ID),
                (String) execution.getVariable(TerminalBindingProcess.VAR_TABLET_ID)));
    }
}
