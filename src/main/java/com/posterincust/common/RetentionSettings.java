package com.posterincust.common;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code orchestrator.retention.*}: how long the service keeps its own records, and the nightly window in which it
 * deletes older ones, the engine's history cleanup window too (docs/operations.md, "Retention").
 *
 * @param windowStart      when the nightly deletion starts, in the server's time zone (the engine's history cleanup
 *                         starts then too)
 * @param windowEnd        when it stops, whatever is left waiting for the next night
 * @param checkouts        a finished checkout (completed, cancelled, expired, reversed), its returns, reversal and
 *                         notes about inCust, from its start: what the owner's page and the admin API show of a sale
 * @param customerSessions a customer session from its start: the guest's identifier and what inCust said of them; the
 *                         owner's page names a sale's guest from their latest session
 * @param dayCheckLines    Poster's receipts and inCust's transactions a day check read, from the day checked
 * @param dayChecks        a day check and its differences, from the day checked
 * @param batchSize        rows deleted per transaction: short locks, bounded undo
 */
@ConfigurationProperties("orchestrator.retention")
public record RetentionSettings(@DefaultValue("01:00") LocalTime windowStart, @DefaultValue("05:00") LocalTime windowEnd,
                                @DefaultValue("P400D") Duration checkouts,
                                @DefaultValue("P90D") Duration customerSessions,
                                @DefaultValue("P7D") Duration dayCheckLines, @DefaultValue("P90D") Duration dayChecks,
                                @DefaultValue("1000") int batchSize) {

    public RetentionSettings {
        if (windowStart.equals(windowEnd)) {
            throw new IllegalArgumentException("orchestrator.retention.window-start and window-end must differ");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("orchestrator.retention.batch-size must be positive");
        }
    }

    /** Whether {@code time} is inside the window; a window may run over midnight (22:00 to 02:00). */
    public boolean windowOpenAt(LocalTime time) {
        return windowStart.isBefore(windowEnd)
                ? !time.isBefore(windowStart) && time.isBefore(windowEnd)
                : !time.isBefore(windowStart) || time.isBefore(windowEnd);
    }
}
