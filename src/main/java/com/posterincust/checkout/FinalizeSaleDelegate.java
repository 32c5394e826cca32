package com.posterincust.checkout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class FinalizeSaleDelegate implements JavaDelegate {

    private final CheckoutService checkouts;

    public FinalizeSaleDelegate(CheckoutService checkouts) {
        this.checkouts = checkouts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String checkoutId = execution.getProcessBusinessKey();
        execution.setVariable(CheckoutProcess.VAR_BONUS_CHECK, checkouts.finalizeSale(checkoutId).check());
    }
}
