package com.posterincust.checkout;

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
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The model owns the checkout's status: an element whose properties (Modeler: <i>Properties panel → Extension
 * properties</i>) say {@code checkoutStatus = AWAITING_CONFIRMATION} sets that status when the token reaches it — or,
 * for a waiting event, when the event happens. An asynchronous element is reached when the token is parked before
 * it, so the register sees "cancelled" at once while the release behind it runs in the background. Nothing else
 * writes a status. A process that names a status anywhere
 * must name one on every end event; a model that forgets, or names a status that does not exist, fails to deploy.
 */
@Component
public class CheckoutStatusFromModel extends AbstractProcessEnginePlugin {

    public static final String PROPERTY = "checkoutStatus";

    private final CheckoutRepository checkouts;

    public CheckoutStatusFromModel(CheckoutRepository checkouts) {
        this.checkouts = checkouts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners =
                configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                        : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new StatusListeners());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Attaches a status listener where the model names a status; checks each process once it is parsed. */
    private final class StatusListeners extends AbstractBpmnParseListener {

        private final Set<String> endEventsWithout = new LinkedHashSet<>();
        private final Map<ActivityImpl, CheckoutStatus> arrivals = new LinkedHashMap<>();
        private boolean namesStatuses;

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
                arrivals.forEach(this::listenForArrival);
                if (namesStatuses && !endEventsWithout.isEmpty()) {
                    throw new ProcessEngineException("Process " + process.getKey() + " names a " + PROPERTY
                            + " on some elements but not on its end events " + endEventsWithout
                            + ": give each end event the status the register sees when it ends there");
                }
            } finally {
                endEventsWithout.clear();
                arrivals.clear();
                namesStatuses = false;
            }
        }

        /** Remembered until the whole process is parsed: only then are the flows into the element known. */
        private Optional<CheckoutStatus> onArrival(Element element, ActivityImpl activity) {
            Optional<CheckoutStatus> status = declaredStatus(element, activity.getId());
            status.ifPresent(named -> {
                namesStatuses = true;
                arrivals.put(activity, named);
            });
            return status;
        }

        private void listenForArrival(ActivityImpl activity, CheckoutStatus status) {
            if (activity.isAsyncBefore() && !activity.getIncomingTransitions().isEmpty()) {
                activity.getIncomingTransitions().forEach(flow -> ((TransitionImpl) flow)
                        .addListener(ExecutionListener.EVENTNAME_TAKE, setsStatus(status)));
            } else {
                activity.addListener(ExecutionListener.EVENTNAME_START, setsStatus(status));
            }
        }

        private Optional<CheckoutStatus> onHappening(Element element, ActivityImpl activity) {
            Optional<CheckoutStatus> status = declaredStatus(element, activity.getId());
            status.ifPresent(named -> {
                namesStatuses = true;
                activity.addListener(ExecutionListener.EVENTNAME_END, setsStatus(named));
            });
            return status;
        }

        private ExecutionListener setsStatus(CheckoutStatus status) {
            return execution -> checkouts.setStatus((String) execution.getVariable(CheckoutProcess.VAR_CHECKOUT_ID),
                    status);
        }
    }

    static Optional<CheckoutStatus> declaredStatus(Element element, String activityId) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return Optional.empty();
        }
        for (Element property : properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")) {
            if (PROPERTY.equals(property.attribute("name"))) {
                String value = property.attribute("value");
                try {
                    return Optional.of(CheckoutStatus.valueOf(value));
                } catch (IllegalArgumentException | NullPointerException unknown) {
                    throw new ProcessEngineException("Element " + activityId + " names the " + PROPERTY + " '" + value
                            + "', which is none of " + Arrays.toString(CheckoutStatus.values()));
                }
            }
        }
        return Optional.empty();
    }
}
