package com.posterincust.daycheck;

import com.posterincust.installation.Installations;
import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the check of an account's day, at most one running per account and day on any node: the installation's row
 * is locked while the running check is looked for and a new one started, in one transaction.
 */
@Service
public class DayCheckCommands {

    private static final Logger log = LoggerFactory.getLogger(DayCheckCommands.class);

    private final DayCheckRepository days;
    private final Installations installations;
    private final RuntimeService runtime;

    public DayCheckCommands(DayCheckRepository days, Installations installations, RuntimeService runtime) {
        this.days = days;
        this.installations = installations;
        this.runtime = runtime;
    }

    /** The check of that day running now, or a new one; empty for an account that is not installed. */
    @Transactional
    public Optional<DayCheck> check(String account, LocalDate day) {
        if (installations.lock(account).isEmpty()) {
            return Optional.empty();
        }
        Optional<DayCheck> running = days.findRunning(account, day);
        return running.isPresent() ? running : Optional.of(start(account, day));
    }

    /** The nightly start: a day already checked (or being checked) is not checked again. */
    @Transactional
    public Optional<DayCheck> checkOnce(String account, LocalDate day) {
        if (installations.lock(account).isEmpty() || !days.findOf(account, Optional.of(day), 1).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(start(account, day));
    }

    private DayCheck start(String account, LocalDate day) {
        DayCheck check = days.start(account, day);
        runtime.createProcessInstanceByKey(DayCheckProcess.KEY)
                .businessKey(account + "/" + day)
                .setVariables(Variables.createVariables()
                        .putValue(DayCheckProcess.VAR_DAY_CHECK_ID, check.id())
                        .putValue(DayCheckProcess.VAR_LABEL, account + " / " + day))
                .execute();
        log.info("Day check {} of {} {} started", check.id(), account, day);
        return days.find(check.id()).orElseThrow();
    }
}
