package com.posterincust.binding;

import com.posterincust.installation.Installation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CheckPosterInstallationDelegate implements JavaDelegate {

    private final BindingChecks checks;

    public CheckPosterInstallationDelegate(BindingChecks checks) {
        this.checks = checks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BindingChecks.InstallationCheck check = checks.checkInstallation(
                (String) execution.getVariable(TerminalBindingProcess.VAR_ACCOUNT),
                (String) execution.getVariable(TerminalBindingProcess.VAR_CUSTOMER_NUMBER));
        execution.setVariable(TerminalBindingProcess.VAR_ACCOUNT_INSTALLED, check.usable().isPresent());
        execution.setVariable(TerminalBindingProcess.VAR_POSTER_CURRENCY,
                check.usable().map(Installation::currency).orElse(null));
        BindingRejections.add(execution, check.rejections());
    }
}
