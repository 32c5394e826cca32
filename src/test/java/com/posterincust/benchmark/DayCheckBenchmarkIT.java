package com.posterincust.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the day check's benchmark from rotting: a short day. The full run is {@code bench/day-check-benchmark}. */
class DayCheckBenchmarkIT {

    @Test
    void aShortDayIsReadInPagesAndEveryReceiptAgrees() throws Exception {
        DayCheckBenchmark.Figures day = DayCheckBenchmark.run(120);

        assertThat(day.agreed()).isEqualTo(120);
        assertThat(day.open()).isZero();
        assertThat(day.posterCalls()).as("three pages of 50 and the empty one after").isEqualTo(4);
        assertThat(day.incustCalls()).as("two pages of 100, and the terminal's token").isBetween(2L, 3L);
        assertThat(day.millis()).isPositive();
        assertThat(DayCheckBenchmark.asMarkdown(List.of(day))).contains("| 120 |");
    }
}
