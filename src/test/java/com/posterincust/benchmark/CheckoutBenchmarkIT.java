package com.posterincust.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark from rotting: one short run of every phase against the packaged service. The full run is
 * {@code bench/checkout-benchmark} (docs/performance.md).
 */
class CheckoutBenchmarkIT {

    @Test
    void aShortRunMeasuresEveryFigure() throws Exception {
        CheckoutBenchmark.Report report = CheckoutBenchmark.run(new CheckoutBenchmark.Settings(
                List.of(CheckoutBenchmark.Profile.named("instant")), List.of(4), Duration.ofSeconds(2), 10, 10, 4,
                Duration.ofSeconds(2), 1, 4, 1, List.of(), 4, Duration.ofSeconds(3)));

        CheckoutBenchmark.Run run = report.runs().get(0);
        assertThat(run.cost().serviceCpuMs()).isPositive();
        assertThat(run.cost().rowsWritten()).isPositive();
        assertThat(run.cost().commits()).isPositive();
        assertThat(run.cost().externalCalls()).isPositive();
        assertThat(run.cost().steadyServiceCpuMs()).isPositive();
        CheckoutBenchmark.ProfileRun instant = run.profiles().get(0);
        assertThat(instant.saturation()).isPositive();
        assertThat(instant.rates().get(0).failed()).isZero();
        assertThat(instant.rates().get(0).calls().get("POST order-closed")[0]).isPositive();
        assertThat(instant.rates().get(0).serviceCpuMs()).isPositive();
        assertThat(instant.rates().get(0).postgresCpuMs()).isPositive();
        assertThat(instant.overhead()).isPositive();
        assertThat(report.asMarkdown()).contains("service CPU, steady state", "JIT compiler", "external HTTP calls", "saturation", "CPU per checkout", "Overhead");
    }
}
