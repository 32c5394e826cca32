package com.posterincust.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may do what in the engine, with engine authorization on: {@code camunda-admin} everything (the starter grants
 * it), {@code operators} see every process in Cockpit and retry failed jobs, nobody else anything. The operators'
 * grants are created once; an administrator may change them in the Admin webapp afterwards. Operators work only the
 * tasks models give them (candidate group {@code operators}: the engine grants each such task to the group), never
 * every task of every process, so a task the model gives nobody (the cashier's confirmation code) is nobody's in
 * Tasklist; grants of task work on every process, which earlier versions created, are taken back at start. Tasklist's
 * filter shows the operators' tasks.
 */
@Component
public class EngineAccess extends AbstractProcessEnginePlugin {

    public static final String ADMINS = Groups.CAMUNDA_ADMIN;
    public static final String OPERATORS = "operators";

    static final String OPERATORS_FILTER = "Operators' tasks";

    private static final Logger log = LoggerFactory.getLogger(EngineAccess.class);

    record Grant(Resource resource, String resourceId, List<Permission> permissions) {
    }

    static final List<Grant> OPERATOR_GRANTS = List.of(
            new Grant(Resources.APPLICATION, "cockpit", List.of(Permissions.ACCESS)),
            new Grant(Resources.APPLICATION, "tasklist", List.of(Permissions.ACCESS)),
            new Grant(Resources.PROCESS_DEFINITION, Authorization.ANY, List.of(ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.RETRY_JOB)),
            new Grant(Resources.FILTER, Authorization.ANY, List.of(Permissions.READ)),
            new Grant(Resources.PROCESS_INSTANCE, Authorization.ANY, List.of(ProcessInstancePermissions.READ,
                    ProcessInstancePermissions.RETRY_JOB)),
            new Grant(Resources.DEPLOYMENT, Authorization.ANY, List.of(Permissions.READ)),
            new Grant(Resources.DECISION_DEFINITION, Authorization.ANY, List.of(Permissions.READ)),
            new Grant(Resources.DECISION_REQUIREMENTS_DEFINITION, Authorization.ANY, List.of(Permissions.READ)));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        if (identity.createGroupQuery().groupId(OPERATORS).count() > 0) {
            takeBackTaskWorkOnEveryProcess(authorizations);
            return;
        }
        try {
            Group operators = identity.newGroup(OPERATORS);
            operators.setName("Operators: see checkouts in Cockpit, retry failed jobs, work their tasks");
            operators.setType(Groups.GROUP_TYPE_WORKFLOW);
            identity.saveGroup(operators);
            for (Grant grant : OPERATOR_GRANTS) {
                Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
                authorization.setGroupId(OPERATORS);
                authorization.setResource(grant.resource());
                authorization.setResourceId(grant.resourceId());
                grant.permissions().forEach(authorization::addPermission);
                authorizations.saveAuthorization(authorization);
            }
            TaskService tasks = engine.getTaskService();
            engine.getFilterService().saveFilter(engine.getFilterService().newTaskFilter(OPERATORS_FILTER)
                    .setQuery(tasks.createTaskQuery().taskCandidateGroup(OPERATORS).includeAssignedTasks()));
            log.info("Created the engine group '{}' with its Cockpit and job-retry grants", OPERATORS);
        } catch (ProcessEngineException anotherNodeWasFaster) {
            if (identity.createGroupQuery().groupId(OPERATORS).count() == 0) {
                throw anotherNodeWasFaster;
            }
        }
    }

    private static void takeBackTaskWorkOnEveryProcess(AuthorizationService authorizations) {
        for (Authorization grant : authorizations.createAuthorizationQuery().groupIdIn(OPERATORS)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(Authorization.ANY).list()) {
            if (grant.isPermissionGranted(ProcessDefinitionPermissions.READ_TASK)
                    || grant.isPermissionGranted(ProcessDefinitionPermissions.TASK_WORK)) {
                grant.removePermission(ProcessDefinitionPermissions.READ_TASK);
                grant.removePermission(ProcessDefinitionPermissions.TASK_WORK);
                authorizations.saveAuthorization(grant);
                log.info("Group '{}' no longer works every task of every process, only its own", OPERATORS);
            }
        }
    }
}
