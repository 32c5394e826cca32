package com.posterincust.reversal;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RecordHandReversalDelegate implements JavaDelegate {

    private final SaleReversalService reversals;

    public RecordHandReversalDelegate(SaleReversalService reversals) {
        this.reversals = reversals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reversals.recordHandReversal(execution.getProcessBusinessKey(),
                SaleReversalProcess.DONE_BY_HAND.equals(execution.getVariable(SaleReversalProcess.VAR_HAND_REVERSAL)));
    }
}
