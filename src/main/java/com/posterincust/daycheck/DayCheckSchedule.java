package com.posterincust.daycheck;

import com.posterincust.binding.Bindings;
import com.posterincust.binding.TerminalBindingStatus;
import com.posterincust.installation.Installation;
import com.posterincust.installation.Installations;
import com.posterincust.installation.InstallationStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night at {@code reconciliation.time} in each account's time zone, the previous day of every installed account
 * with a bound register is checked: one small instance per account and day, which the job executor spreads over the
 * nodes. Looked at every few minutes on every node; a day already checked is not checked again.
 */
@Component
@ConditionalOnProperty(name = "reconciliation.enabled", havingValue = "true", matchIfMissing = true)
public class DayCheckSchedule {

    private final Installations installations;
    private final Bindings bindings;
    private final DayCheckCommands commands;
    private final DayCheckService days;
    private final LocalTime time;
    private final Clock clock;

    public DayCheckSchedule(Installations installations, Bindings bindings,
                            DayCheckCommands commands, DayCheckService days,
                            @Value("${reconciliation.time:04:00}") LocalTime time, Clock clock) {
        this.installations = installations;
        this.bindings = bindings;
        this.commands = commands;
        this.days = days;
        this.time = time;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${reconciliation.look-every:PT5M}", initialDelayString = "PT1M")
    public void startDue() {
        startDue(clock.instant());
    }

    /** The checks due at {@code now}; the ones started. */
    public List<DayCheck> startDue(Instant now) {
        List<DayCheck> started = new ArrayList<>();
        for (Installation installation : installations.findAll()) {
            if (installation.status() != InstallationStatus.ACTIVE || !hasABoundRegister(installation.account())) {
                continue;
            }
            ZonedDateTime local = now.atZone(days.zoneOf(installation.account()));
            if (!local.toLocalTime().isBefore(time)) {
                commands.checkOnce(installation.account(), local.toLocalDate().minusDays(1)).ifPresent(started::add);
            }
        }
        return started;
    }

    private boolean hasABoundRegister(String account) {
        return bindings.findAll(Optional.of(account)).stream()
                .anyMatch(binding -> binding.status() == TerminalBindingStatus.ACTIVE);
    }
}
