package com.posterincust.authorization;

import com.posterincust.common.ModelStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A customer session's status is its model's: {@code sessionStatus} on the elements of customer-authorization.bpmn
 * (common/StatusFromModel), written to the session's row. Every end event names one: the register reads it.
 */
@Component
public class SessionStatuses implements ModelStatus<CustomerSessionStatus> {

    public static final String PROPERTY = "sessionStatus";

    private final CustomerSessionRepository sessions;

    public SessionStatuses(CustomerSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public String property() {
        return PROPERTY;
    }

    @Override
    public Class<CustomerSessionStatus> statuses() {
        return CustomerSessionStatus.class;
    }

    @Override
    public boolean onEveryEndEvent() {
        return true;
    }

    @Override
    public void set(DelegateExecution execution, CustomerSessionStatus status) {
        sessions.setStatus(execution.getProcessBusinessKey(), status);
    }
}
