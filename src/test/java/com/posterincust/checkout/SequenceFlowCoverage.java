package com.posterincust.checkout;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** A test-only engine plugin that records every sequence flow the engine takes, to prove a model fully walked. */
public class SequenceFlowCoverage extends AbstractProcessEnginePlugin {

    static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new java.util.ArrayList<>() : configuration.getCustomPreBPMNParseListeners();
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseSequenceFlow(Element sequenceFlowElement, ScopeImpl scope, TransitionImpl transition) {
                String flow = transition.getId();
                transition.addListener(ExecutionListener.EVENTNAME_TAKE, execution ->
                        TAKEN.add(((DelegateExecution) execution).getProcessDefinitionId().split(":")[0] + "#" + flow));
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }
}
