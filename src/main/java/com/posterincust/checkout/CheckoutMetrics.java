package com.posterincust.checkout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * {@code orchestrator.checkouts{status}}: checkouts in each status not finished yet, and
 * {@code orchestrator.incidents}: open incidents of all processes, read from the database at most every ten seconds,
 * however often they are scraped; {@code orchestrator.checkouts.finished{status}}: checkouts this node saw finish,
 * counted as their status is written (a count of a year of finished sales would read them all).
 */
@Component
public class CheckoutMetrics {

    private static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final CheckoutRepository checkouts;
    private final Clock clock;
    private volatile Map<CheckoutStatus, Long> snapshot = Map.of();
    private volatile Instant takenAt = Instant.EPOCH;

    public CheckoutMetrics(MeterRegistry registry, CheckoutRepository checkouts, RuntimeService runtime, Clock clock) {
        this.checkouts = checkouts;
        this.clock = clock;
        for (CheckoutStatus status : CheckoutStatus.values()) {
            if (status.finished()) {
                Counter.builder("orchestrator.checkouts.finished").tag("status", status.name())
                        .description("Checkouts that reached a finished status on this node").register(registry);
                continue;
            }
            Gauge.builder("orchestrator.checkouts", this, metrics -> metrics.count(status))
                    .tag("status", status.name())
                    .description("Checkouts in each status")
                    .register(registry);
        }
        Gauge.builder("orchestrator.incidents", runtime, engine -> engine.createIncidentQuery().count())
                .description("Open incidents: jobs whose retries ran out")
                .register(registry);
    }

    double count(CheckoutStatus status) {
        if (takenAt.plus(FRESH_FOR).isBefore(clock.instant())) {
            snapshot = checkouts.countUnfinishedByStatus();
            takenAt = clock.instant();
        }
        return snapshot.getOrDefault(status, 0L);
    }
}
