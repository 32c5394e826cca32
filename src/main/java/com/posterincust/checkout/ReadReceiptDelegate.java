package com.posterincust.checkout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ReadReceiptDelegate implements JavaDelegate {

    private final CheckoutService checkouts;

    public ReadReceiptDelegate(CheckoutService checkouts) {
        this.checkouts = checkouts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String checkoutId = execution.getProcessBusinessKey();
        Object checks = execution.getVariable(CheckoutProcess.VAR_RECEIPT_CHECKS);
        execution.setVariable(CheckoutProcess.VAR_RECEIPT_CHECKS, checks == null ? 1 : (Integer) checks + 1);
        execution.setVariable(CheckoutProcess.VAR_RECEIPT_STATE, checkouts.readReceipt(checkoutId).name());
    }
}
