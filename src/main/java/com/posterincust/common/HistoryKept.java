package com.posterincust.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The history level {@code orchestrator} ({@code camunda.bpm.history-level}): what operators and analysts read of a
 * finished instance and nothing more. Kept: each process instance (business key, start, end), the end event it
 * reached as an activity row (the engine's REST API shows no end event of an instance, and every end is its
 * {@code COMPLETED}: the row is how an operator tells a cancelled or expired checkout from a paid one), each user
 * task, and the variables named {@code …Label} (the checkout's, session's and binding's label, by which an operator
 * finds an instance). Not kept, unlike {@code audit}: a row for every other activity an instance passed and the last
 * value of every other variable (docs/performance.md, docs/operations.md).
 * <p>
 * The engine stores its history level in the database and refuses to start with another: this plugin lets a database
 * move between {@code audit} and {@code orchestrator} (an existing installation, or the tests, which keep {@code audit}
 * for their assertions on the activities an instance passed).
 */
@Component
public class HistoryKept extends AbstractProcessEnginePlugin {

    public static final HistoryLevel ORCHESTRATOR = new Orchestrator();
    private static final Logger log = LoggerFactory.getLogger(HistoryKept.class);
    private static final String LABEL = "Label";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(ORCHESTRATOR);
        configuration.setCustomHistoryLevels(levels);
    }

    /** Runs before the engine compares its configured history level with the database's. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        int configured = configuration.getHistoryLevel().getId();
        int audit = HistoryLevel.HISTORY_LEVEL_AUDIT.getId();
        int stored;
        if (configured == ORCHESTRATOR.getId()) {
            stored = audit;
        } else if (configured == audit) {
            stored = ORCHESTRATOR.getId();
        } else {
            return;
        }
        String table = (configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix())
                + "ACT_GE_PROPERTY";
        try (Connection connection = configuration.getDataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update " + table + " set VALUE_ = ? where NAME_ = 'historyLevel' and VALUE_ = ?")) {
            update.setString(1, String.valueOf(configured));
            update.setString(2, String.valueOf(stored));
            if (update.executeUpdate() > 0) {
                log.info("History level of the database moved to {}", configuration.getHistoryLevel().getName());
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException noEngineTablesYet) {
            log.debug("No history level stored yet: the engine stores the configured one", noEngineTablesYet);
        }
    }

    private static final class Orchestrator extends AbstractHistoryLevel {

        @Override
        public int getId() {
            return 21;
        }

        @Override
        public String getName() {
            return "orchestrator";
        }

        @Override
        public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
            return switch (eventType.getEntityType()) {
                case "process-instance", "task-instance" -> true;
                // asked without an activity, the engine wants to know whether any activity's is kept
                case "activity-instance" -> entity == null
                        || entity instanceof DelegateExecution execution && reachesAnEnd(execution);
                // a variable's last value, as audit keeps it (not each change: that is full's); asked without a
                // variable, the engine wants to know whether any variable's is kept
                case "variable-instance" -> !"update-detail".equals(eventType.getEventName()) && (entity == null
                        || entity instanceof VariableInstance variable && variable.getName().endsWith(LABEL));
                default -> false;
            };
        }

        private static boolean reachesAnEnd(DelegateExecution execution) {
            return execution.getCurrentActivityId() != null && execution.getBpmnModelElementInstance() instanceof EndEvent;
        }
    }
}
