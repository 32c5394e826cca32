package com.posterincust.binding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The active binding of each register as its calls find it (the register API's authentication): read from the
 * database once per {@code register.binding-cache-time}, not on each of a checkout's five calls. A binding made,
 * replaced or removed on this node is forgotten when its transaction commits; another node sees the change within
 * the cache time. A register without an active binding is not remembered: one bound a moment ago is served at once
 * on every node.
 */
final class ActiveBindingCache {

    private static final long MAX_REGISTERS = 100_000;

    private final Cache<String, TerminalBinding> bindings;
    /** Moves on each change: a read that began before it is not kept, or it would bring the old binding back. */
    private final AtomicLong changes = new AtomicLong();

    ActiveBindingCache(Duration time, Ticker ticker) {
        this.bindings = Caffeine.newBuilder().expireAfterWrite(time).maximumSize(MAX_REGISTERS).ticker(ticker).build();
    }

    Optional<TerminalBinding> get(String register, Supplier<Optional<TerminalBinding>> read) {
        TerminalBinding remembered = bindings.getIfPresent(register);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        long changesBefore = changes.get();
        Optional<TerminalBinding> active = read.get();
        if (changes.get() == changesBefore) {
            active.ifPresent(binding -> bindings.put(register, binding));
        }
        return active;
    }

    /** Bindings change a few times a day: all are forgotten, so no change needs to say which register it was. */
    void forgetAllWhenCommitted() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            forgetAll();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                forgetAll();
            }
        });
    }

    private void forgetAll() {
        changes.incrementAndGet();
        bindings.invalidateAll();
    }
}
