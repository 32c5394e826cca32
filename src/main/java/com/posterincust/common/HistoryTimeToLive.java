package com.posterincust.common;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * {@code orchestrator.history.time-to-live.<model>}: days the engine keeps a finished instance's history, per model,
 * where operators set it, instead of in the model's {@code camunda:historyTimeToLive} alone. Applied to each model's
 * latest version at start; an instance takes its removal time when it starts (strategy {@code start}),
 * so a new value holds for instances started after it (docs/operations.md, "Retention").
 */
@Component
public class HistoryTimeToLive implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(HistoryTimeToLive.class);

    private final RepositoryService repository;
    private final HistorySettings settings;

    public HistoryTimeToLive(RepositoryService repository, HistorySettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /** The engine deploys the models when it is built, before the beans that use it: they are there now. */
    @Override
    public void afterPropertiesSet() {
        apply();
    }

    void apply() {
        settings.timeToLive().forEach((model, days) -> {
            if (days == null || days < 0) {
                throw new IllegalStateException("orchestrator.history.time-to-live." + model + " must be 0 or more days");
            }
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(model)
                    .latestVersion().singleResult();
            if (latest == null) {
                throw new IllegalStateException("orchestrator.history.time-to-live names " + model
                        + ", which is no deployed model");
            }
            if (!days.equals(latest.getHistoryTimeToLive())) {
                repository.updateProcessDefinitionHistoryTimeToLive(latest.getId(), days);
                log.info("History of {} kept {} days (was {})", model, days, latest.getHistoryTimeToLive());
            }
        });
    }
}
