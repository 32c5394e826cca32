package com.posterincust.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.springframework.stereotype.Component;

/**
 * Refused requests (a bad signature, a malformed webhook) are logged once per kind and source address a minute, the
 * next line saying how many more there were: a flood of them from one address is a line a minute, not a line each,
 * while the first refusal of a register whose signature broke is still seen at once.
 */
@Component
public class RefusalLog {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Bounds the memory an attacker spraying addresses can take. */
    static final int MAX_SOURCES = 10_000;

    /** A minute of refusals of one kind from one source: when it began, how many went unlogged before it. */
    private record Window(Instant start, long unlogged, long unloggedBefore, boolean fresh) {
    }

    private final Clock clock;
    private final Cache<String, Window> windows = Caffeine.newBuilder().maximumSize(MAX_SOURCES)
            .expireAfterWrite(WINDOW.multipliedBy(2)).build();

    public RefusalLog(Clock clock) {
        this.clock = clock;
    }

    /**
     * Logs {@code message} at WARN (with its arguments), unless a refusal of this kind from this source was logged
     * within the minute; then only counts it.
     */
    public void refused(Logger log, String kind, String source, String message, Object... arguments) {
        Instant now = clock.instant();
        Window window = windows.asMap().compute(kind + ' ' + source, (key, open) -> {
            if (open == null || !now.isBefore(open.start().plus(WINDOW))) {
                return new Window(now, 0, open == null ? 0 : open.unlogged(), true);
            }
            return new Window(open.start(), open.unlogged() + 1, 0, false);
        });
        if (!window.fresh()) {
            return;
        }
        if (window.unloggedBefore() > 0) {
            log.warn(message + " ({} more refused from {} in the minute before, not logged one by one)",
                    append(arguments, window.unloggedBefore(), source));
        } else {
            log.warn(message, arguments);
        }
    }

    private static Object[] append(Object[] arguments, Object... more) {
        Object[] all = new Object[arguments.length + more.length];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        System.arraycopy(more, 0, all, arguments.length, more.length);
        return all;
    }
}
