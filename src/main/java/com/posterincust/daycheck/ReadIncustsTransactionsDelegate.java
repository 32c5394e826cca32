package com.posterincust.daycheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Read inCust's transactions of the day". */
@Component
public class ReadIncustsTransactionsDelegate implements JavaDelegate {

    private final DayCheckService days;

    public ReadIncustsTransactionsDelegate(DayCheckService days) {
        this.days = days;
    }

    @Override
    public void execute(DelegateExecution execution) {
        days.readIncust((String) execution.getVariable(DayCheckProcess.VAR_DAY_CHECK_ID));
    }
}
