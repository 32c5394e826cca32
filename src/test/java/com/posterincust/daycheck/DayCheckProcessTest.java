package com.posterincust.daycheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.when;

import com.posterincust.SequenceFlowCoverage;
import com.posterincust.common.ExternalSystemUnavailableException;
import java.time.LocalDate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Every sequence flow of processes/day-check.bpmn, the steps' service mocked: reads retried, then an incident. */
@SpringBootTest
@ActiveProfiles("test")
@Import(SequenceFlowCoverage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DayCheckProcessTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    @MockitoBean
    DayCheckService steps;

    @Autowired
    DayCheckRepository days;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngine engine;

    @BeforeEach
    void engineForAssertions() {
        BpmnAwareTests.init(engine);
    }

    @AfterAll
    void everySequenceFlowWasTaken() {
        SequenceFlowCoverage.assertEveryFlowTaken("processes/day-check.bpmn", history);
    }

    @Test
    void aDayThatAgreesOrWhoseDifferencesAreFixedEndsDoneWithoutATask() {
        DayCheck check = started();
        when(steps.match(check.id())).thenReturn(0);
        when(steps.fix(check.id())).thenReturn(0);
        ProcessInstance instance = instanceOf(check);
        BpmnAwareTests.assertThat(instance).isWaitingAt("ReadPostersReceipts");

        runJobs(instance);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("ReadPostersReceipts", "ReadIncustsTransactions",
                "MatchTheDay", "FixWhatIsSafe", "DayAgrees");
        assertThat(days.find(check.id()).orElseThrow().status()).isEqualTo(DayCheck.Status.DONE);
        assertThat(days.find(check.id()).orElseThrow().finishedAt()).isNotNull();
    }

    @Test
    void differencesLeftOpenAreAnOperatorsTaskAndTheCheckIsDoneMeanwhile() {
        DayCheck check = started();
        when(steps.match(check.id())).thenReturn(2);
        when(steps.fix(check.id())).thenReturn(2);
        ProcessInstance instance = instanceOf(check);

        runJobs(instance);

        BpmnAwareTests.assertThat(instance).isWaitingAt("ReviewOpenDifferences").task()
                .hasCandidateGroup("operators").hasName("Review the open differences of " + check.account() + " / "
                        + DAY);
        BpmnAwareTests.assertThat(instance).variables().containsEntry(DayCheckProcess.VAR_OPEN_DIFFERENCES, 2);
        assertThat(days.find(check.id()).orElseThrow().status()).isEqualTo(DayCheck.Status.DONE);

        complete(task(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("DifferencesReviewed");
    }

    @Test
    void posterUnreadableIsRetriedThenAnIncidentAtItsStep() {
        DayCheck check = started();
        doThrow(unavailable("Poster")).when(steps).readPoster(anyString());

        assertIncidentAfterTheRetries(instanceOf(check), "ReadPostersReceipts");
        assertThat(days.find(check.id()).orElseThrow().status()).isEqualTo(DayCheck.Status.RUNNING);
    }

    @Test
    void inCustUnreadableIsRetriedThenAnIncidentAtItsStep() {
        DayCheck check = started();
        doThrow(unavailable("inCust")).when(steps).readIncust(anyString());
        ProcessInstance instance = instanceOf(check);
        execute(job(instance));

        assertIncidentAfterTheRetries(instance, "ReadIncustsTransactions");
    }

    @Test
    void aFixThatKeepsFailingIsAnIncidentAtTheFixStep() {
        DayCheck check = started();
        when(steps.fix(anyString())).thenThrow(unavailable("inCust"));
        ProcessInstance instance = instanceOf(check);
        execute(job(instance));
        execute(job(instance));

        assertIncidentAfterTheRetries(instance, "FixWhatIsSafe");
    }

    private void assertIncidentAfterTheRetries(ProcessInstance instance, String step) {
        Job failing = job(instance);
        assertThat(failing.getRetries()).isGreaterThan(1);
        for (int attempt = failing.getRetries(); attempt > 0; attempt--) {
            assertThatThrownBy(() -> management.executeJob(failing.getId()))
                    .isInstanceOf(ExternalSystemUnavailableException.class);
        }
        assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult().getActivityId())
                .isEqualTo(step);
    }

    private void runJobs(ProcessInstance instance) {
        for (Job job = job(instance); job != null; job = management.createJobQuery()
                .processInstanceId(instance.getId()).singleResult()) {
            execute(job);
        }
    }

    private DayCheck started() {
        String account = "cafe" + System.nanoTime();
        DayCheck check = days.start(account, DAY);
        runtime.createProcessInstanceByKey(DayCheckProcess.KEY).businessKey(account + "/" + DAY)
                .setVariables(Variables.createVariables().putValue(DayCheckProcess.VAR_DAY_CHECK_ID, check.id())
                        .putValue(DayCheckProcess.VAR_LABEL, account + " / " + DAY))
                .execute();
        return check;
    }

    private ProcessInstance instanceOf(DayCheck check) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(check.account() + "/" + check.day())
                .singleResult();
    }

    private static ExternalSystemUnavailableException unavailable(String system) {
        return new ExternalSystemUnavailableException(system, "read", "HTTP 503", false);
    }
}
