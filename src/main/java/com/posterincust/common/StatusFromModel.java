package com.posterincust.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The models own their statuses: an element whose extension property names one (say {@code checkoutStatus =
 * AWAITING_CONFIRMATION}, {@code sessionStatus = IDENTIFIED}, {@code installationStatus = ACTIVE}) sets it when the
 * token reaches it — or, for a waiting event, when the event happens. An asynchronous element is reached when the
 * token is parked before it, so a caller sees the new status at once while the work behind it runs in the background.
 * A status that does not exist, one where no token arrives (a sequence flow, the process itself), or (where
 * {@link ModelStatus#onEveryEndEvent()}) an end event naming none, fails the deployment naming the element. Which statuses exist is the features' ({@link ModelStatus} beans); Java writes none of them elsewhere.
 */
@Component
public class StatusFromModel extends AbstractProcessEnginePlugin {

    private final List<ModelStatus<?>> statuses;

    public StatusFromModel(List<ModelStatus<?>> statuses) {
        this.statuses = List.copyOf(statuses);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        statuses.forEach(status -> listeners.add(new StatusListeners<>(status)));
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Attaches a listener where a model names one of the statuses; checks each process once it is parsed. */
    private static final class StatusListeners<S extends Enum<S>> extends AbstractBpmnParseListener {

        private final ModelStatus<S> status;
        private final Set<String> endEventsWithout = new LinkedHashSet<>();
        private final Map<ActivityImpl, S> arrivals = new LinkedHashMap<>();
        private boolean namesStatuses;

        StatusListeners(ModelStatus<S> status) {
            this.status = status;
        }

        @Override
        public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseExclusiveGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseEventBasedGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseManualTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseScriptTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseParallelGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseInclusiveGateway(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseSubProcess(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        @Override
        public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            onArrival(element, activity);
        }

        /** A flow is taken, not reached: a status there would never be set, so the model is refused. */
        @Override
        public void parseSequenceFlow(Element element, ScopeImpl scope, TransitionImpl transition) {
            if (declared(element, transition.getId()).isPresent()) {
                throw new ProcessEngineException("Sequence flow " + transition.getId() + " names a "
                        + status.property() + ", which is set only on the elements a token reaches (tasks, events, "
                        + "gateways): move it to the element the flow leads to");
            }
        }

        @Override
        public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            onHappening(element, activity);
        }

        @Override
        public void parseBoundaryEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            onHappening(element, activity);
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (onArrival(element, activity).isEmpty()) {
                endEventsWithout.add(activity.getId());
            }
        }

        @Override
        public void parseProcess(Element element, ProcessDefinitionEntity process) {
            try {
                if (declared(element, process.getKey()).isPresent()) {
                    throw new ProcessEngineException("Process " + process.getKey() + " names a " + status.property()
                            + " on itself, which is set only on the elements a token reaches: move it to one");
                }
                arrivals.forEach(this::listenForArrival);
                if (namesStatuses && status.onEveryEndEvent() && !endEventsWithout.isEmpty()) {
                    throw new ProcessEngineException("Process " + process.getKey() + " names a " + status.property()
                            + " on some elements but not on its end events " + endEventsWithout
                            + ": give each end event the status its callers see when it ends there");
                }
            } finally {
                endEventsWithout.clear();
                arrivals.clear();
                namesStatuses = false;
            }
        }

        /** Remembered until the whole process is parsed: only then are the flows into the element known. */
        private Optional<S> onArrival(Element element, ActivityImpl activity) {
            Optional<S> named = declared(element, activity.getId());
            named.ifPresent(value -> {
                namesStatuses = true;
                arrivals.put(activity, value);
            });
            return named;
        }

        private void listenForArrival(ActivityImpl activity, S value) {
            if (activity.isAsyncBefore() && !activity.getIncomingTransitions().isEmpty()) {
                activity.getIncomingTransitions().forEach(flow -> ((TransitionImpl) flow)
                        .addListener(ExecutionListener.EVENTNAME_TAKE, sets(value)));
            } else {
                activity.addListener(ExecutionListener.EVENTNAME_START, sets(value));
            }
        }

        private Optional<S> onHappening(Element element, ActivityImpl activity) {
            Optional<S> named = declared(element, activity.getId());
            named.ifPresent(value -> {
                namesStatuses = true;
                activity.addListener(ExecutionListener.EVENTNAME_END, sets(value));
            });
            return named;
        }

        private ExecutionListener sets(S value) {
            return execution -> status.set(execution, value);
        }

        private Optional<S> declared(Element element, String activityId) {
            Element extensions = element.element("extensionElements");
            Element properties = extensions == null ? null
                    : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
            if (properties == null) {
                return Optional.empty();
            }
            for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
                if (status.property().equals(property.attribute("name"))) {
                    String value = property.attribute("value");
                    try {
                        return Optional.of(Enum.valueOf(status.statuses(), value));
                    } catch (IllegalArgumentException | NullPointerException unknown) {
                        throw new ProcessEngineException("Element " + activityId + " names the " + status.property()
                                + " '" + value + "', which is none of "
                                + Arrays.toString(status.statuses().getEnumConstants()));
                    }
                }
            }
            return Optional.empty();
        }
    }
}
