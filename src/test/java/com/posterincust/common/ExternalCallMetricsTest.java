package com.posterincust.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ExternalCallMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExternalCallMetrics metrics = new ExternalCallMetrics(registry);

    @Test
    void everyCallIsCountedUnderItsSystemOperationAndOutcome() {
        metrics.timed("incust", "reserve", () -> "ok");
        metrics.timed("incust", "reserve", () -> "ok");
        metrics.timed("poster", "getTablets", () -> "ok");
        assertThatThrownBy(() -> metrics.timed("incust", "reserve", () -> {
            throw new ExternalSystemUnavailableException("inCust", "reserve", "down", false);
        })).isInstanceOf(ExternalSystemUnavailableException.class);
        assertThatThrownBy(() -> metrics.timed("incust", "reserve", () -> {
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(count("incust", "reserve", "ok")).isEqualTo(2);
        assertThat(count("poster", "getTablets", "ok")).isEqualTo(1);
        assertThat(count("incust", "reserve", "unavailable")).isEqualTo(1);
        assertThat(count("incust", "reserve", "refused")).isEqualTo(1);
        assertThat(registry.find(ExternalCallMetrics.METER).timers()).hasSize(4);
    }

    private long count(String system, String operation, String outcome) {
        Timer timer = registry.find(ExternalCallMetrics.METER)
                .tags("system", system, "operation", operation, "outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
