package com.posterincust.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark from rotting: one short run of every phase against the packaged service, the growth phase on a
 * database filled to a hundredth of a year. The full run is {@code bench/checkout-benchmark} (docs/performance.md).
 * It is also the test that no statement the service ran on the filled database reads a big table from start to end.
 */
class CheckoutBenchmarkIT {

    @Test
    void aShortRunMeasuresEveryFigure() throws Exception {
        CheckoutBenchmark.Report report = CheckoutBenchmark.run(new CheckoutBenchmark.Settings(
                List.of(CheckoutBenchmark.Profile.named("instant")), List.of(4), Duration.ofSeconds(2), 10, 10, 4,
                Duration.ofSeconds(2), 1, 4, 1, List.of(), 4, Duration.ofSeconds(3), 0.01, Duration.ofSeconds(15)));

        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "benchmark-it.md"), report.asMarkdown());
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
        CheckoutBenchmark.Measured filled = run.filled();
        assertThat(filled.cost().rowsWritten()).isPositive();
        assertThat(filled.profiles().get(0).rates().get(0).failed()).isZero();
        assertThat(filled.pages().ownerList()).isPositive();
        assertThat(filled.pages().operatorsOfARareStatus()).isPositive();
        assertThat(filled.pages().dayCheck()).isPositive();
        assertThat(filled.pages().startupSeconds()).isPositive();
        CheckoutBenchmark.Growth growth = run.growth();
        assertThat(growth.filled().rows()).containsKeys("checkout", "customer_session", "act_hi_procinst", "act_ru_job",
                "register_signature", "poster_webhook_event", "installation", "terminal_binding");
        assertThat(growth.filled().rows().get("checkout")).isGreaterThanOrEqualTo(10_000 + 500);
        assertThat(growth.plans()).as("the filled pass's statements, explained").hasSizeGreaterThan(30)
                .allSatisfy(plan -> assertThat(plan.plan()).as(plan.statement()).doesNotStartWith("not explained"));
        assertThat(growth.seqScansOfBigTables()).as("statements reading a big table whole").isEmpty();
        assertThat(growth.deletedRowsPerSecond()).as("the nightly deletions, window open").isPositive();
        assertThat(growth.historyRowsPerSecond()).isPositive();
        assertThat(report.asMarkdown()).contains("Empty vs filled", "owner's page", "Retention", "Plans");
        assertThat(report.asMarkdown()).contains("service CPU, steady state", "JIT compiler", "external HTTP calls", "saturation", "CPU per checkout", "Overhead");
    }
}
