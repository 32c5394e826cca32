package com.posterincust.daycheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Read Poster's receipts of the day". */
@Component
public class ReadPostersReceiptsDelegate implements JavaDelegate {

    private final DayCheckService days;

    public ReadPostersReceiptsDelegate(DayCheckService days) {
        this.days = days;
    }

    @Override
    public void execute(DelegateExecution execution) {
        days.readPoster((String) execution.getVariable(DayCheckProcess.VAR_DAY_CHECK_ID));
    }
}
