package com.posterincust.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The smoke (always) keeps the benchmark from rotting; the full run is its own command (README, docs/performance.md):
 * {@code ./mvnw test -Dtest=CheckoutBenchmarkTest#benchmark -Dbenchmark=true}.
 */
class CheckoutBenchmarkTest {

    @Test
    void smoke() throws Exception {
        CheckoutBenchmark.Report report = CheckoutBenchmark.run(
                new CheckoutBenchmark.Settings("h2", 0, 2, Duration.ofSeconds(3)));

        assertThat(report.completed()).isPositive();
        assertThat(report.callPercentiles()).containsKeys("POST checkouts", "POST confirmation", "POST order-closed");
        assertThat(report.sqlPerCheckout()).isPositive();
        assertThat(report.overheadRatio()).isPositive();
        assertThat(report.asTable()).contains("completed checkouts", "overhead ratio");
    }

    @Test
    @EnabledIfSystemProperty(named = "benchmark", matches = "true")
    void benchmark() throws Exception {
        int registers = Integer.getInteger("benchmark.registers", 50);
        Duration duration = Duration.ofSeconds(Long.getLong("benchmark.seconds", 30));
        StringBuilder tables = new StringBuilder();
        for (String database : System.getProperty("benchmark.databases", "h2,postgres").split(",")) {
            for (String latency : System.getProperty("benchmark.latencies", "0,20").split(",")) {
                CheckoutBenchmark.Report report = CheckoutBenchmark.run(new CheckoutBenchmark.Settings(database.trim(),
                        Long.parseLong(latency.trim()), registers, duration));
                System.out.println(report.asTable());
                tables.append(report.asTable());
            }
        }
        if (Boolean.getBoolean("benchmark.sqlByText")) {
            SqlStatementCounter.BY_SQL.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get())).limit(40)
                    .forEach(e -> System.out.println("SQL " + e.getValue() + " " + e.getKey()));
        }
        Path out = Path.of("target", "benchmark.md");
        Files.writeString(out, tables, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
