package com.posterincust.binding;

import com.posterincust.incust.IncustCredentials;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class StoreBindingDelegate implements JavaDelegate {

    private final BindingService bindings;

    public StoreBindingDelegate(BindingService bindings) {
        this.bindings = bindings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TerminalBindingRepository.NewBinding binding = new TerminalBindingRepository.NewBinding(
                (String) execution.getVariable(TerminalBindingProcess.VAR_BINDING_ID),
                (String) execution.getVariable(TerminalBindingProcess.VAR_ACCOUNT),
                (String) execution.getVariable(TerminalBindingProcess.VAR_SPOT_ID),
                (String) execution.getVariable(TerminalBindingProcess.VAR_TABLET_ID),
                new IncustCredentials((String) execution.getVariable(TerminalBindingProcess.TRANSIENT_INCUST_LOGIN),
                        (String) execution.getVariable(TerminalBindingProcess.TRANSIENT_INCUST_PASSWORD)),
                (String) execution.getVariable(TerminalBindingProcess.VAR_TERMINAL_ID),
                (String) execution.getVariable(TerminalBindingProcess.VAR_TERMINAL_TITLE),
                (String) execution.getVariable(TerminalBindingProcess.VAR_TERMINAL_CURRENCY),
                Boolean.TRUE.equals(execution.getVariable(TerminalBindingProcess.VAR_CUSTOMER_ID_WITHOUT_SESSION)));
        bindings.store(binding).ifPresent(replaced ->
                execution.setVariable(TerminalBindingProcess.VAR_REPLACED_BINDING_ID, replaced));
    }
}
