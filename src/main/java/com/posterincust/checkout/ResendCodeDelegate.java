package com.posterincust.checkout;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ResendCodeDelegate implements JavaDelegate {

    private final CheckoutService checkouts;

    public ResendCodeDelegate(CheckoutService checkouts) {
        this.checkouts = checkouts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String checkoutId = execution.getProcessBusinessKey();
        checkouts.resend(checkoutId);
        execution.setVariable(CheckoutProcess.VAR_CONFIRMATION_EXPIRES_AT,
                Date.from(checkouts.codeExpiry(checkoutId).toInstant()));
    }
}
