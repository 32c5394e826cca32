package com.posterincust.common;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The health of the database, answered within a second: a load balancer asking {@code /actuator/health} while the
 * database is out of reach learns DOWN at once instead of waiting out the pool's connection timeout. Replaces
 * Spring Boot's {@code db} indicator, which waits as long as a connection takes.
 */
@Component("dbHealthIndicator")
public class DatabaseHealth implements HealthIndicator {

    static final Duration WITHIN = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    /** At most two checks wait for the database at a time; a third is DOWN without waiting. */
    private final ThreadPoolExecutor checks = new ThreadPoolExecutor(0, 2, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "database-health");
                thread.setDaemon(true);
                return thread;
            });

    public DatabaseHealth(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Health health() {
        Future<Integer> answer;
        try {
            answer = checks.submit(() -> jdbc.queryForObject("select 1", Integer.class));
        } catch (RejectedExecutionException busy) {
            return Health.down().withDetail("reason", "earlier checks still wait for the database").build();
        }
        try {
            answer.get(WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up().build();
        } catch (TimeoutException slow) {
            answer.cancel(true);
            return Health.down().withDetail("reason", "no answer within " + WITHIN.toMillis() + " ms").build();
        } catch (ExecutionException failed) {
            return Health.down(failed.getCause() instanceof Exception e ? e : failed).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        }
    }
}
