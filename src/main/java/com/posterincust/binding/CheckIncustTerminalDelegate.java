package com.posterincust.binding;

import com.posterincust.incust.IncustCredentials;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CheckIncustTerminalDelegate implements JavaDelegate {

    private final BindingChecks checks;

    public CheckIncustTerminalDelegate(BindingChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BindingChecks.TerminalCheck check = checks.checkTerminal(
                new IncustCredentials((String) execution.getVariable(TerminalBindingProcess.TRANSIENT_INCUST_LOGIN),
                        (String) execution.getVariable(TerminalBindingProcess.TRANSIENT_INCUST_PASSWORD)),
                (String) execution.getVariable(TerminalBindingProcess.VAR_POSTER_CURRENCY));
        check.terminal().ifPresent(terminal -> {
            execution.setVariable(TerminalBindingProcess.VAR_TERMINAL_ID, terminal.id());
            execution.setVariable(TerminalBindingProcess.VAR_TERMINAL_TITLE, terminal.title());
            execution.setVariable(TerminalBindingProcess.VAR_TERMINAL_CURRENCY, terminal.currency());
        });
        BindingRejections.add(execution, check.rejections());
    }
}
