package com.posterincust.checkout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CalculateCheckDelegate implements JavaDelegate {

    private final CheckoutService checkouts;

    public CalculateCheckDelegate(CheckoutService checkouts) {
        this.checkouts = checkouts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String checkoutId = (String) execution.getVariable(CheckoutProcess.VAR_CHECKOUT_ID);
        checkouts.prepare(checkoutId, execution.getProcessInstanceId());
    }
}
