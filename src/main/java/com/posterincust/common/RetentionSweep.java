package com.posterincust.common;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute of the nightly window, deletes what each feature keeps past its retention, a batch per transaction,
 * until nothing is left or the window closes. Several nodes may sweep at once: a batch that meets another node's
 * locks waits for them and then finds its rows gone.
 */
@Component
public class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    private final List<RetainedData> kinds;
    private final RetentionSettings retention;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Clock clock;

    public RetentionSweep(List<RetainedData> kinds, RetentionSettings retention, TransactionTemplate transactions,
                          MeterRegistry meters, Clock clock) {
        this.kinds = kinds;
        this.retention = retention;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${orchestrator.retention.look-every:PT1M}",
            initialDelayString = "${orchestrator.retention.look-every:PT1M}")
    public void sweepInTheWindow() {
        if (retention.windowOpenAt(LocalTime.now(clock))) {
            sweep(() -> retention.windowOpenAt(LocalTime.now(clock)));
        }
    }

    /**
     * @param goOn asked after each batch: whether to take the next
     * @return rows deleted, all kinds together
     */
    public long sweep(BooleanSupplier goOn) {
        long all = 0;
        for (RetainedData kind : kinds) {
            long deleted = 0;
            try {
                int batch;
                do {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    batch = transactions.execute(status -> kind.purgeBatch(now, retention));
                    deleted += batch;
                } while (batch > 0 && goOn.getAsBoolean());
            } catch (DataAccessException another) {
                // another node deleting the same rows (a deadlock PostgreSQL broke): the next sweep goes on
                log.info("Deleting {} past their retention stopped after {} rows, to go on in a minute: {}",
                        kind.name(), deleted, another.getMostSpecificCause().getMessage());
            }
            if (deleted > 0) {
                meters.counter("orchestrator.retention.deleted", "kind", kind.name()).increment(deleted);
                log.info("Deleted {} {} past their retention", deleted, kind.name());
            }
            all += deleted;
        }
        return all;
    }
}
