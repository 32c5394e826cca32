package com.posterincust.binding;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class AnnounceBindingToRegisterDelegate implements JavaDelegate {

    private final BindingService bindings;

    public AnnounceBindingToRegisterDelegate(BindingService bindings) {
        this.bindings = bindings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        bindings.announceToRegister((String) execution.getVariable(TerminalBindingProcess.VAR_BINDING_ID));
    }
}
