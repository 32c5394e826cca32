package com.posterincust.checkout;

import com.posterincust.security.ModelBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Lets the model say, on an event, which status the register sees from then on: {@code ${checkoutStatus.set(execution, 'CANCELLED')}}. */
@ModelBean
@Component("checkoutStatus")
public class CheckoutStatusListener {

    private final CheckoutRepository checkouts;

    public CheckoutStatusListener(CheckoutRepository checkouts) {
        this.checkouts = checkouts;
    }

    public void set(DelegateExecution execution, String status) {
        checkouts.setStatus((String) execution.getVariable(CheckoutProcess.VAR_CHECKOUT_ID), CheckoutStatus.valueOf(status));
    }
}
