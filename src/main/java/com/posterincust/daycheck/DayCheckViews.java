package com.posterincust.daycheck;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** A day check as the admin API and the owner's page show it (register-api.md §7), its status read with its incident. */
@Component
public class DayCheckViews {

    /** What the owner's page shows: the last two weeks. */
    static final int OWNERS_DAYS = 14;

    public record View(String dayCheckId, String account, LocalDate date, DayCheck.Status status,
                       OffsetDateTime startedAt, OffsetDateTime finishedAt, Integer receipts, Integer loyaltyReceipts,
                       Integer agreed, Integer fixed, Integer open, List<DayCheck.Difference> differences) {
    }

    private final DayCheckRepository days;
    private final DayCheckService service;
    private final RuntimeService runtime;

    public DayCheckViews(DayCheckRepository days, DayCheckService service, RuntimeService runtime) {
        this.days = days;
        this.service = service;
        this.runtime = runtime;
    }

    /** The account's checks (of one day, or of every day), newest first, at most {@code limit}. */
    public List<View> of(String account, Optional<LocalDate> day, int limit) {
        return days.findOf(account, day, limit).stream().map(this::view).toList();
    }

    /** The newest check of each of the account's last {@value #OWNERS_DAYS} days that were checked, newest first. */
    public List<View> lastTwoWeeks(String account) {
        LocalDate today = today(account);
        Map<LocalDate, DayCheck> newestOfDay = new LinkedHashMap<>();
        days.findOf(account, Optional.empty(), OWNERS_DAYS * 4).stream()
                .filter(check -> check.day().isAfter(today.minusDays(OWNERS_DAYS + 1)))
                .forEach(check -> newestOfDay.putIfAbsent(check.day(), check));
        return new ArrayList<>(newestOfDay.values()).stream().map(this::view).toList();
    }

    /** A difference a day check left open about one checkout. */
    public record OpenDifference(LocalDate day, DayCheck.Kind kind, String detail) {
    }

    /** The open differences of the account's last two weeks that name a checkout, by checkout: the newest day's. */
    public Map<String, OpenDifference> openByCheckout(String account) {
        Map<String, OpenDifference> open = new LinkedHashMap<>();
        for (View day : lastTwoWeeks(account)) {
            day.differences().stream()
                    .filter(difference -> DayCheck.Difference.OPEN.equals(difference.status())
                            && difference.checkoutId() != null)
                    .forEach(difference -> open.putIfAbsent(difference.checkoutId(),
                            new OpenDifference(day.date(), difference.kind(), difference.detail())));
        }
        return open;
    }

    /** The account's time zone, as Poster's settings gave it. */
    public ZoneId zoneOf(String account) {
        return service.zoneOf(account);
    }

    /** The account's today, in its time zone. */
    public LocalDate today(String account) {
        return LocalDate.now(service.zoneOf(account));
    }

    /** Whether an owner may have this day checked: one of the days the page shows, today's included. */
    public boolean ownersDay(String account, LocalDate day) {
        LocalDate today = today(account);
        return !day.isAfter(today) && day.isAfter(today.minusDays(OWNERS_DAYS + 1));
    }

    public Checked checked(DayCheck check) {
        return new Checked(check.id(), statusOf(check));
    }

    public record Checked(String dayCheckId, DayCheck.Status status) {
    }

    private View view(DayCheck check) {
        return new View(check.id(), check.account(), check.day(), statusOf(check), check.startedAt(),
                check.finishedAt(), check.receipts(), check.loyaltyReceipts(), check.agreed(), check.fixed(),
                check.open(), days.differences(check.id()));
    }

    /** A running check whose instance has an incident (Poster or inCust could not be read, a fix kept failing). */
    private DayCheck.Status statusOf(DayCheck check) {
        if (check.status() == DayCheck.Status.RUNNING && runtime.createProcessInstanceQuery()
                .processDefinitionKey(DayCheckProcess.KEY).processInstanceBusinessKey(check.account() + "/"
                        + check.day()).withIncident().count() > 0) {
            return DayCheck.Status.FAILED;
        }
        return check.status();
    }
}
