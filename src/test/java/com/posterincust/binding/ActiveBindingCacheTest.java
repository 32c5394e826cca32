package com.posterincust.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ActiveBindingCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ActiveBindingCache cache = new ActiveBindingCache(Duration.ofSeconds(10), nanos::get);
    private final AtomicReference<Optional<TerminalBinding>> stored = new AtomicReference<>(Optional.of(binding("b-1")));
    private final AtomicInteger reads = new AtomicInteger();

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aRegistersBindingIsReadOncePerCacheTime() {
        assertThat(get()).contains(binding("b-1"));
        stored.set(Optional.of(binding("b-2")));
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(get()).as("as another node's change is seen: later").contains(binding("b-1"));

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(get()).contains(binding("b-2"));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aRegisterWithoutBindingIsAskedEveryTime() {
        stored.set(Optional.empty());
        assertThat(get()).isEmpty();
        stored.set(Optional.of(binding("b-2")));
        assertThat(get()).contains(binding("b-2"));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeOutsideATransactionIsSeenAtOnce() {
        get();
        stored.set(Optional.empty());
        cache.forgetAllWhenCommitted();
        assertThat(get()).isEmpty();
    }

    @Test
    void aChangeInATransactionIsSeenWhenItCommitsNotBefore() {
        get();
        TransactionSynchronizationManager.initSynchronization();
        cache.forgetAllWhenCommitted();
        stored.set(Optional.of(binding("b-2")));
        assertThat(get()).as("not committed yet").contains(binding("b-1"));

        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        assertThat(get()).contains(binding("b-2"));
    }

    @Test
    void aReadUnderwayWhenAChangeCommitsIsNotKept() {
        assertThat(cache.get("joe/3", () -> {
            cache.forgetAllWhenCommitted();
            return Optional.of(binding("b-1"));
        })).as("the binding read before the change").contains(binding("b-1"));
        stored.set(Optional.of(binding("b-2")));

        assertThat(get()).contains(binding("b-2"));
    }

    private Optional<TerminalBinding> get() {
        return cache.get("joe/3", () -> {
            reads.incrementAndGet();
            return stored.get();
        });
    }

    private static TerminalBinding binding(String id) {
        OffsetDateTime at = OffsetDateTime.parse("2026-12-01T10:00:00Z");
        return new TerminalBinding(id, "joe", "2", "3", "t-77", "Bar register", "UAH", false,
                TerminalBindingStatus.ACTIVE, null, at, at);
    }
}
