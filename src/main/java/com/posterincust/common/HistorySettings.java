package com.posterincust.common;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code orchestrator.history.time-to-live.<model>}: days the engine keeps the history of each model's finished
 * instances ({@link HistoryTimeToLive}).
 */
@ConfigurationProperties("orchestrator.history")
public record HistorySettings(Map<String, Integer> timeToLive) {

    public HistorySettings {
        timeToLive = timeToLive == null ? Map.of() : Map.copyOf(timeToLive);
    }
}
