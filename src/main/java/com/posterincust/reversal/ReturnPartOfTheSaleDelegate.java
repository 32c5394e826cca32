package com.posterincust.reversal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Return part of the sale in inCust": the service's step, its outcome for the model's gateways. */
@Component
public class ReturnPartOfTheSaleDelegate implements JavaDelegate {

    private final SaleReturnService returns;

    public ReturnPartOfTheSaleDelegate(SaleReturnService returns) {
        this.returns = returns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SaleReturnService.Outcome outcome = returns.returnInIncust(
                (String) execution.getVariable(SaleReturnProcess.VAR_RETURN_ID));
        execution.setVariable(SaleReturnProcess.VAR_SALE_FINALIZED, outcome.saleFinalized());
        execution.setVariable(SaleReturnProcess.VAR_WHOLE_SALE_RETURNED, outcome.wholeSaleReturned());
    }
}
