package com.posterincust.reversal;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class CancelSaleDelegate implements JavaDelegate {

    private final SaleReversalService reversals;

    public CancelSaleDelegate(SaleReversalService reversals) {
        this.reversals = reversals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reversals.cancelInIncust(execution.getProcessBusinessKey())
                .ifPresent(refusal -> {
                    throw new BpmnError(SaleReversalProcess.ERROR_INCUST_REFUSED, refusal);
                });
    }
}
