package com.posterincust;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * A process instance found in history by its business key, for camunda-bpm-assert, when the instance ran to its end
 * inside the call under test and so was never seen running.
 */
public record FinishedInstance(HistoricProcessInstance historic) implements ProcessInstance {

    public static ProcessInstance withBusinessKey(HistoryService history, String businessKey) {
        return new FinishedInstance(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .singleResult());
    }

    @Override
    public String getId() {
        return historic.getId();
    }

    @Override
    public String getProcessInstanceId() {
        return historic.getId();
    }

    @Override
    public String getProcessDefinitionId() {
        return historic.getProcessDefinitionId();
    }

    @Override
    public String getProcessDefinitionKey() {
        return historic.getProcessDefinitionKey();
    }

    @Override
    public String getBusinessKey() {
        return historic.getBusinessKey();
    }

    @Override
    public String getRootProcessInstanceId() {
        return historic.getRootProcessInstanceId();
    }

    @Override
    public String getCaseInstanceId() {
        return historic.getCaseInstanceId();
    }

    @Override
    public String getTenantId() {
        return historic.getTenantId();
    }

    @Override
    public boolean isSuspended() {
        return false;
    }

    @Override
    public boolean isEnded() {
        return historic.getEndTime() != null;
    }
}
