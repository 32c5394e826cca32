package com.posterincust.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The history level of production, on an engine of its own (the Spring tests keep audit). */
class HistoryKeptTest {

    private final String database = "jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private ProcessEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aFinishedInstanceKeepsItsInstanceUserTasksEndAndLabelButNotItsOtherActivitiesOrVariables() {
        engine = engine("orchestrator");
        engine.getRepositoryService().createDeployment().addModelInstance("sale.bpmn", Bpmn.createExecutableProcess("sale")
                .camundaHistoryTimeToLive(1)
                .startEvent("started").userTask("code").name("Enter the code").endEvent("sold").done()).deploy();

        ProcessInstance sale = engine.getRuntimeService().startProcessInstanceByKey("sale", "checkout-1",
                Map.of("checkoutLabel", "mycafe / register 3 / order 17", "checkoutId", "checkout-1", "points", 10));
        engine.getRuntimeService().setVariable(sale.getId(), "points", 20);
        engine.getTaskService().complete(engine.getTaskService().createTaskQuery().singleResult().getId());

        var instance = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("checkout-1").singleResult();
        assertThat(instance.getEndTime()).isNotNull();
        assertThat(instance.getEndActivityId()).isEqualTo("sold");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().list())
                .extracting(HistoricVariableInstance::getName, HistoricVariableInstance::getValue)
                .containsExactly(tuple("checkoutLabel", "mycafe / register 3 / order 17"));
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().list())
                .as("of the activities, only the end reached: how a cancelled sale is told from a paid one")
                .extracting(activity -> activity.getActivityId(), activity -> activity.getEndTime() != null)
                .containsExactly(tuple("sold", true));
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().executedActivityIdIn("sold").count())
                .isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().executedActivityIdIn("lost").count())
                .isZero();
        assertThat(engine.getHistoryService().createHistoricDetailQuery().count()).isZero();
    }

    @Test
    void aDatabaseMovesBetweenAuditAndOrchestrator() {
        engine = engine("audit");
        engine.close();
        engine = engine("orchestrator");
        assertThat(storedLevel()).isEqualTo(HistoryKept.ORCHESTRATOR.getId());
        engine.close();
        engine = engine("audit");
        assertThat(storedLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_AUDIT.getId());
        engine.close();
        engine = null;

        assertThatThrownBy(() -> engine("full")).as("a move the plugin does not make is the engine's error still")
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("historyLevel mismatch");
    }

    private int storedLevel() {
        return Integer.parseInt(engine.getManagementService().getProperties().get("historyLevel"));
    }

    private ProcessEngine engine(String history) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl(database)
                .setHistory(history)
                .setProcessEngineName("history-" + UUID.randomUUID())
                .setJobExecutorActivate(false);
        configuration.setProcessEnginePlugins(List.of(new HistoryKept()));
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        return configuration.buildProcessEngine();
    }
}
