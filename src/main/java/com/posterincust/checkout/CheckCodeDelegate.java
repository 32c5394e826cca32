package com.posterincust.checkout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CheckCodeDelegate implements JavaDelegate {

    private final CheckoutService checkouts;

    public CheckCodeDelegate(CheckoutService checkouts) {
        this.checkouts = checkouts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String checkoutId = execution.getProcessBusinessKey();
        execution.setVariable(CheckoutProcess.VAR_CODE_OUTCOME, checkouts.checkCode(checkoutId,
                (String) execution.getVariable(CheckoutProcess.TRANSIENT_CODE)).name());
    }
}
