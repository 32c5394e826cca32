package com.posterincust.daycheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Match the day with the service's checkouts and returns": how many differences stay open, for the model's gateway. */
@Component
public class MatchTheDayDelegate implements JavaDelegate {

    private final DayCheckService days;

    public MatchTheDayDelegate(DayCheckService days) {
        this.days = days;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DayCheckProcess.VAR_OPEN_DIFFERENCES,
                days.match((String) execution.getVariable(DayCheckProcess.VAR_DAY_CHECK_ID)));
    }
}
