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
        String checkoutId = execution.getProcessBusinessKey();
        checkouts.prepare(checkoutId, execution.getProcessInstanceId());
    }
}
