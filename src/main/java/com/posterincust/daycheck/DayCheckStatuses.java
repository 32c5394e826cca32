package com.posterincust.daycheck;

import com.posterincust.common.ModelStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** A day check's status is its model's ({@code dayCheckStatus} on the elements of day-check.bpmn). */
@Component
public class DayCheckStatuses implements ModelStatus<DayCheck.Status> {

    private final DayCheckRepository days;

    public DayCheckStatuses(DayCheckRepository days) {
        this.days = days;
    }

    @Override
    public String property() {
        return "dayCheckStatus";
    }

    @Override
    public Class<DayCheck.Status> statuses() {
        return DayCheck.Status.class;
    }

    @Override
    public boolean onEveryEndEvent() {
        return true;
    }

    @Override
    public void set(DelegateExecution execution, DayCheck.Status status) {
        days.setStatus((String) execution.getVariable(DayCheckProcess.VAR_DAY_CHECK_ID), status);
    }
}
