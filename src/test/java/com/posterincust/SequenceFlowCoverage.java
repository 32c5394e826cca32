package com.posterincust;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * A test-only engine plugin that records every sequence flow the engine takes, so that a process test can prove it
 * walked its whole model: import it into the test's context and call {@link #assertEveryFlowTaken} after all tests.
 */
public class SequenceFlowCoverage extends AbstractProcessEnginePlugin {

    private static final Set<String> TAKEN = ConcurrentHashMap.newKeySet();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : configuration.getCustomPreBPMNParseListeners();
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

    /**
     * Fails naming the flows of the model no test took. The engine fires no "take" for a flow out of an event-based
     * gateway; the event at its end having happened stands for it.
     */
    public static void assertEveryFlowTaken(String modelResource, HistoryService history) {
        BpmnModelInstance model = read(modelResource);
        String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
        Set<String> notTaken = model.getModelElementsByType(SequenceFlow.class).stream()
                .filter(flow -> !TAKEN.contains(processKey + "#" + flow.getId()))
                .filter(flow -> !(flow.getSource() instanceof EventBasedGateway) || history
                        .createHistoricActivityInstanceQuery().activityId(flow.getTarget().getId()).list().stream()
                        .noneMatch(happened -> processKey.equals(happened.getProcessDefinitionKey())))
                .map(SequenceFlow::getId)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(notTaken).as("sequence flows of %s no test took", modelResource).isEmpty();
    }

    private static BpmnModelInstance read(String modelResource) {
        try (InputStream model = SequenceFlowCoverage.class.getResourceAsStream("/" + modelResource)) {
            if (model == null) {
                throw new IllegalArgumentException("No model " + modelResource + " on the class path");
            }
            return Bpmn.readModelFromStream(model);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
