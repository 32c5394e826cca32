package com.posterincust.daycheck;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Fix what is safe to fix": how many differences stay open, for the model's gateway. */
@Component
public class FixWhatIsSafeDelegate implements JavaDelegate {

    private final DayCheckService days;

    public FixWhatIsSafeDelegate(DayCheckService days) {
        this.days = days;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(DayCheckProcess.VAR_OPEN_DIFFERENCES,
                days.fix((String) execution.getVariable(DayCheckProcess.VAR_DAY_CHECK_ID)));
    }
}
