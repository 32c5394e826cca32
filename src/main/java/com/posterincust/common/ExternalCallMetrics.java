package com.posterincust.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code orchestrator.external.calls}: latency of every call to Poster and inCust, tagged with the system, the
 * operation and the outcome ({@code ok}, {@code refused} = a business answer, {@code unavailable}).
 */
public final class ExternalCallMetrics {

    public static final String METER = "orchestrator.external.calls";

    private final MeterRegistry registry;
    /** A timer is built once per system, operation and outcome, not on every call (docs/performance.md). */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public ExternalCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** For clients built outside Spring (tests): measured, but nowhere published. */
    public static ExternalCallMetrics unpublished() {
        return new ExternalCallMetrics(new SimpleMeterRegistry());
    }

    public <T> T timed(String system, String operation, Supplier<T> call) {
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            return call.get();
        } catch (ExternalSystemUnavailableException e) {
            outcome = "unavailable";
            throw e;
        } catch (RuntimeException e) {
            outcome = "refused";
            throw e;
        } finally {
            timer(system, operation, outcome).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String system, String operation, String outcome) {
        return timers.computeIfAbsent(system + ' ' + operation + ' ' + outcome, key -> Timer.builder(METER)
                .tag("system", system).tag("operation", operation).tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(registry));
    }
}
