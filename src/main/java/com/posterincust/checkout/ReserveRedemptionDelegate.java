package com.posterincust.checkout;

import com.posterincust.incust.Loyalty;
import java.util.Date;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class ReserveRedemptionDelegate implements JavaDelegate {

    private final CheckoutService checkouts;

    public ReserveRedemptionDelegate(CheckoutService checkouts) {
        this.checkouts = checkouts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String checkoutId = execution.getProcessBusinessKey();
        CheckoutService.Reservation reservation = checkouts.reserve(checkoutId);
        if (reservation instanceof CheckoutService.Reservation.Refused refused) {
            throw new BpmnError(CheckoutProcess.ERROR_REDEMPTION_REJECTED, refused.reason());
        }
        Loyalty.Transaction reserved = ((CheckoutService.Reservation.Reserved) reservation).transaction();
        boolean confirmationRequired = reserved.confirmationRequired();
        execution.setVariable(CheckoutProcess.VAR_CONFIRMATION_REQUIRED, confirmationRequired);
        execution.setVariable(CheckoutProcess.VAR_BONUS_TO_APPLY,
                reserved.redeemedBonuses() == null ? 0.0 : reserved.redeemedBonuses().doubleValue());
        if (confirmationRequired) {
            execution.setVariable(CheckoutProcess.VAR_CONFIRMATION_EXPIRES_AT,
                    Date.from(checkouts.codeExpiry(checkoutId).toInstant()));
        }
    }
}
