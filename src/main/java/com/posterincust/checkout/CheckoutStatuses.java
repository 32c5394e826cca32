package com.posterincust.checkout;

import com.posterincust.common.ModelStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The checkout's status is its models' (checkout and sale reversal): {@code checkoutStatus} on their elements
 * (common/StatusFromModel), written to the checkout's row. Every end event names one: a register waits on it.
 */
@Component
public class CheckoutStatuses implements ModelStatus<CheckoutStatus> {

    public static final String PROPERTY = "checkoutStatus";

    private final CheckoutRepository checkouts;
    private final MeterRegistry meters;

    public CheckoutStatuses(CheckoutRepository checkouts, MeterRegistry meters) {
        this.checkouts = checkouts;
        this.meters = meters;
    }

    @Override
    public String property() {
        return PROPERTY;
    }

    @Override
    public Class<CheckoutStatus> statuses() {
        return CheckoutStatus.class;
    }

    @Override
    public boolean onEveryEndEvent() {
        return true;
    }

    @Override
    public void set(DelegateExecution execution, CheckoutStatus status) {
        checkouts.setStatus(execution.getProcessBusinessKey(), status);
        if (status.finished() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    meters.counter("orchestrator.checkouts.finished", "status", status.name()).increment();
                }
            });
        }
    }
}
