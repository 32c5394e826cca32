package com.posterincust.daycheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.posterincust.BlackBox;
import com.posterincust.SalesRun;
import com.posterincust.binding.Bindings;
import com.posterincust.installation.Installations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nightly start (register-api.md §7): at {@code reconciliation.time} in the account's time zone, the day before of
 * every installed account with a bound register, once. The schedule is off in the tests; this one is driven at the
 * moments the test names.
 */
class DayCheckScheduleTest extends SalesRun {

    @Autowired
    Installations installations;
    @Autowired
    Bindings bindings;
    @Autowired
    DayCheckCommands commands;
    @Autowired
    DayCheckService service;
    @Autowired
    RuntimeService runtime;

    /** Checks the test started for every café of the service it shares: not run, so ended here. */
    private final List<DayCheck> started = new ArrayList<>();

    @Test
    void atFourInTheMorningEachInstalledAccountWithABoundRegisterGetsOneCheckOfTheDayBefore() throws Exception {
        BlackBox unbound = new BlackBox(fakes, json, port).withAccountNumber("861053").stubPosterAndIncust()
                .install(management);
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        Instant fourNextMorning = day.plusDays(1).atTime(4, 0).toInstant(ZoneOffset.UTC);
        DayCheckSchedule schedule = new DayCheckSchedule(installations, bindings, commands, service,
                LocalTime.of(4, 0), Clock.systemUTC());

        List<DayCheck> beforeFour = schedule.startDue(fourNextMorning.minusSeconds(1));
        started.addAll(beforeFour);
        List<DayCheck> atFour = schedule.startDue(fourNextMorning);
        started.addAll(atFour);
        List<DayCheck> aMinuteLater = schedule.startDue(fourNextMorning.plusSeconds(60));
        started.addAll(aMinuteLater);

        assertThat(beforeFour).isEmpty();
        assertThat(atFour).filteredOn(check -> check.account().equals(box.account)).singleElement()
                .satisfies(check -> assertThat(check.day()).isEqualTo(day));
        assertThat(atFour).noneMatch(check -> check.account().equals(unbound.account));
        assertThat(aMinuteLater).noneMatch(check -> check.account().equals(box.account));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(DayCheckProcess.KEY)
                .processInstanceBusinessKey(box.account + "/" + day).count()).isEqualTo(1);
    }

    @AfterEach
    void endTheChecksOfOtherTestsCafes() {
        started.forEach(check -> runtime.createProcessInstanceQuery().processInstanceBusinessKey(check.account() + "/"
                + check.day()).list().forEach(instance -> runtime.deleteProcessInstance(instance.getId(),
                "started by the schedule's test", true)));
    }
}
