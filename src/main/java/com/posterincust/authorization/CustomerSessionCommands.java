package com.posterincust.authorization;

import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import com.posterincust.incust.Loyalty;
import com.posterincust.register.RegisterContext;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens customer sessions and completes their profile step, each in one transaction with the engine. */
@Service
public class CustomerSessionCommands {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CustomerSessionRepository sessions;

    public CustomerSessionCommands(RuntimeService runtime, TaskService tasks, CustomerSessionRepository sessions) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.sessions = sessions;
    }

    /** Runs the authorization until it ends or waits for the profile; Poster or inCust failing rolls it all back. */
    @Transactional
    public CustomerSession open(RegisterContext register, CustomerIdentifier identifier) {
        String sessionId = UUID.randomUUID().toString();
        sessions.open(sessionId, register.account(), register.tabletId(), register.bindingId(), identifier);
        runtime.createProcessInstanceByKey(AuthorizationProcess.KEY)
                .businessKey(sessionId)
                .setVariables(Variables.createVariables()
                        .putValue(AuthorizationProcess.VAR_LABEL, register.account() + " / register "
                                + register.tabletId() + " / " + identifier)
                        .putValue(AuthorizationProcess.VAR_IDENTIFIER_TYPE, identifier.type().name())
                        .putValue(AuthorizationProcess.VAR_MASKED_IDENTIFIER, identifier.masked()))
                .execute();
        return sessions.find(sessionId).orElseThrow();
    }

    @Transactional
    public CustomerSession completeProfile(CustomerSession session, ProfileRequest request, Loyalty.Profile profile) {
        Task fillProfile = tasks.createTaskQuery().processInstanceBusinessKey(session.id())
                .taskDefinitionKey(AuthorizationProcess.TASK_FILL_PROFILE).singleResult();
        if (fillProfile == null) {
            throw wrongState(sessions.find(session.id()).orElseThrow().status());
        }
        try {
            tasks.complete(fillProfile.getId(), Variables.createVariables()
                    .putValue(AuthorizationProcess.VAR_PROFILE_GIVEN, !request.isEmpty())
                    .putValueTyped(AuthorizationProcess.TRANSIENT_PROFILE_NAME, Variables.stringValue(profile.name(), true))
                    .putValueTyped(AuthorizationProcess.TRANSIENT_PROFILE_GENDER, Variables.stringValue(profile.gender(), true))
                    .putValueTyped(AuthorizationProcess.TRANSIENT_PROFILE_BIRTH_DATE,
                            Variables.stringValue(profile.birthDate(), true))
                    .putValueTyped(AuthorizationProcess.TRANSIENT_PROFILE_EMAIL, Variables.stringValue(profile.email(), true)));
        } catch (OptimisticLockingException timerFiredMeanwhile) {
            throw wrongState(CustomerSessionStatus.IDENTIFIED);
        }
        return sessions.find(session.id()).orElseThrow();
    }

    static ProblemException wrongState(CustomerSessionStatus status) {
        ProblemException problem = new ProblemException(HttpStatus.CONFLICT, Problems.WRONG_STATE,
                "The customer session is " + status + "; this call does not fit it");
        problem.problem().setProperty("status", status.name());
        return problem;
    }
}
