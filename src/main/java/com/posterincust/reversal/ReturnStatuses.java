package com.posterincust.reversal;

import com.posterincust.common.ModelStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A return's status is its model's ({@code returnStatus} on the elements of sale-return.bpmn), written to the return's
 * row: the instance's business key is the checkout's, the return is its variable {@code returnId}.
 */
@Component
public class ReturnStatuses implements ModelStatus<SaleReturn.Status> {

    private final SaleReturnRepository returns;

    public ReturnStatuses(SaleReturnRepository returns) {
        this.returns = returns;
    }

    @Override
    public String property() {
        return "returnStatus";
    }

    @Override
    public Class<SaleReturn.Status> statuses() {
        return SaleReturn.Status.class;
    }

    @Override
    public boolean onEveryEndEvent() {
        return true;
    }

    @Override
    public void set(DelegateExecution execution, SaleReturn.Status status) {
        returns.setStatus((String) execution.getVariable(SaleReturnProcess.VAR_RETURN_ID), status);
    }
}
