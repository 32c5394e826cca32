package com.posterincust.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * What only the service itself may do in the engine, whoever is logged in to the engine REST API or the webapps
 * (engine users, admins included): start the service's processes — each needs the rows its starter writes, and a
 * start without them could only fail — and complete a user task the model marks {@code completedBy} (Modeler:
 * <i>Extension properties</i>), such as the cashier's confirmation code, which only the register enters. Such a
 * call is refused with the engine's authorization error. The service's own calls run without an engine user, so
 * they pass. The engine REST API and Tasklist are answered 403 before such a task is touched
 * ({@link ServiceOwnedTaskGuard}).
 */
@Component
public class ServiceOwnedWork extends AbstractProcessEnginePlugin {

    public static final String COMPLETED_BY = "completedBy";

    /** Task definition key → who completes it, for every task of every model deployed that names one. */
    private final Map<String, String> serviceOwnedTasks = new ConcurrentHashMap<>();

    /** Who completes the task of this definition key, when only the service may. */
    public Optional<String> completedBy(String taskDefinitionKey) {
        return Optional.ofNullable(taskDefinitionKey).map(serviceOwnedTasks::get);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new Guards());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private final class Guards extends AbstractBpmnParseListener {

        @Override
        public void parseProcess(Element element, ProcessDefinitionEntity process) {
            String key = process.getKey();
            process.addListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution ->
                    refuseEngineUsers(execution, "Instances of process '" + key + "' are started by the service "
                            + "(docs/http-api.md), not through the engine API"));
        }

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String completedBy = property(element, COMPLETED_BY);
            if (completedBy == null) {
                return;
            }
            serviceOwnedTasks.put(activity.getId(), completedBy);
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, (TaskListener) delegate -> refuseEngineUsers(delegate,
                    "Task '" + delegate.getName() + "' is completed by the " + completedBy + ", not in Tasklist"));
        }
    }

    private static void refuseEngineUsers(DelegateExecution execution, String why) {
        if (execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() != null) {
            throw new AuthorizationException(why);
        }
    }

    private static void refuseEngineUsers(DelegateTask task, String why) {
        if (task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() != null) {
            throw new AuthorizationException(why);
        }
    }

    private static String property(Element element, String name) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> name.equals(property.attribute("name")))
                .map(property -> property.attribute("value")).findFirst().orElse(null);
    }
}
