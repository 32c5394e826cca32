package com.posterincust.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.posterincust.SequenceFlowCoverage;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.poster.PosterAccessGrant;
import com.posterincust.poster.PosterAccountSettings;
import com.posterincust.poster.PosterApiException;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterClientGroup;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Every path of processes/poster-installation.bpmn, with Poster mocked at the client. */
@SpringBootTest
@ActiveProfiles("test")
@Import(SequenceFlowCoverage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstallationProcessTest {

    static final String TOKEN = "861052:4164553abf6a031302898da7800b59fb";
    static final String CODE = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6";

    @MockitoBean
    PosterClient poster;

    @Autowired
    ProcessEngine engine;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    InstallationCommands starter;
    @Autowired
    OAuthStateRepository states;
    @Autowired
    InstallationRepository installations;

    String account;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        account = "cafe-" + System.nanoTime();
        when(poster.exchangeCode(anyString(), eq(CODE)))
                .thenReturn(new PosterAccessGrant(TOKEN, "861052", "UA", "My Cafe"));
        when(poster.getAllSettings(anyString(), eq(TOKEN)))
                .thenReturn(new PosterAccountSettings(account, "My Cafe", "UAH", "Europe/Kyiv", "uk"));
        when(poster.getClientGroups(anyString(), eq(TOKEN))).thenReturn(List.of(new PosterClientGroup("1", "Regulars")));
        when(poster.createClientGroup(anyString(), eq(TOKEN), eq(InstallationProcess.LOYALTY_GROUP_NAME))).thenReturn("8");
    }

    @AfterAll
    void everySequenceFlowWasTaken() {
        SequenceFlowCoverage.assertEveryFlowTaken("processes/poster-installation.bpmn", history);
    }

    @Test
    void anOAuthCodeBecomesAnActiveInstallationWithItsLoyaltyGroup() {
        InstallationCommands.CallbackOutcome outcome = starter.completeOAuth(account, CODE, newState());

        assertThat(outcome).isEqualTo(new InstallationCommands.CallbackOutcome.Connected(account, "861052"));
        ProcessInstance instance = running();
        assertThat(instance).hasPassed("ExchangeCode").isWaitingAt("PrepareAccount");
        assertThat(installations.find(account).orElseThrow().status()).isEqualTo(InstallationStatus.PENDING);

        runPreparation();

        assertThat(instance).hasPassed("ReadAccountSettings", "EnsureLoyaltyClientGroup")
                .isEnded().hasPassed("AccountConnected");
        Installation installed = installations.find(account).orElseThrow();
        assertThat(installed.status()).isEqualTo(InstallationStatus.ACTIVE);
        assertThat(installed.accountNumber()).isEqualTo("861052");
        assertThat(installed.currency()).isEqualTo("UAH");
        assertThat(installed.timeZone()).isEqualTo("Europe/Kyiv");
        assertThat(installed.loyaltyGroupId()).isEqualTo("8");
        assertThat(installations.accessToken(account)).contains(TOKEN);
    }

    @Test
    void anExistingLoyaltyGroupIsReusedNotCreatedAgain() {
        when(poster.getClientGroups(anyString(), eq(TOKEN)))
                .thenReturn(List.of(new PosterClientGroup("7", InstallationProcess.LOYALTY_GROUP_NAME)));

        starter.completeOAuth(account, CODE, newState());
        runPreparation();

        assertThat(installations.find(account).orElseThrow().loyaltyGroupId()).isEqualTo("7");
        verify(poster, never()).createClientGroup(anyString(), anyString(), anyString());
    }

    @Test
    void aCodeThatPosterRefusesEndsTheInstallationRefusedAndStoresNothing() {
        when(poster.exchangeCode(anyString(), eq("used-code")))
                .thenThrow(new PosterApiException("v2/auth/access_token", 400, "Authorization code is invalid"));

        InstallationCommands.CallbackOutcome outcome = starter.completeOAuth(account, "used-code", newState());

        assertThat(outcome).isInstanceOf(InstallationCommands.CallbackOutcome.Rejected.class);
        assertThat(((InstallationCommands.CallbackOutcome.Rejected) outcome).reason())
                .contains("Authorization code is invalid");
        HistoricProcessInstance ended = finished();
        assertThat(ended.getEndActivityId()).isEqualTo("InstallationRefused");
        assertThat(installations.find(account)).isEmpty();
    }

    @Test
    void whenPosterIsUnreachableNothingIsStoredAndTheSameLinkWorksAgain() {
        when(poster.exchangeCode(anyString(), eq(CODE)))
                .thenThrow(new ExternalSystemUnavailableException("Poster", "v2/auth/access_token", "HTTP 503", false))
                .thenReturn(new PosterAccessGrant(TOKEN, "861052", "UA", "My Cafe"));
        String state = newState();

        assertThatThrownBy(() -> starter.completeOAuth(account, CODE, state))
                .isInstanceOf(ExternalSystemUnavailableException.class);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(account).count()).isZero();
        assertThat(installations.find(account)).isEmpty();

        assertThat(starter.completeOAuth(account, CODE, state))
                .isInstanceOf(InstallationCommands.CallbackOutcome.Connected.class);
    }

    @Test
    void theInstallWebhookStoresItsTokenWithoutAnExchange() {
        starter.installFromWebhook(account, "861052", TOKEN);

        ProcessInstance instance = running();
        assertThat(instance).hasPassed("StoreWebhookToken").hasNotPassed("ExchangeCode").isWaitingAt("PrepareAccount");
        runPreparation();
        assertThat(instance).isEnded().hasPassed("AccountConnected");
        assertThat(installations.find(account).orElseThrow().status()).isEqualTo(InstallationStatus.ACTIVE);
        verify(poster, never()).exchangeCode(anyString(), anyString());
    }

    @Test
    void aRejectedTokenWhileReadingSettingsMarksTheInstallationForRenewal() {
        when(poster.getAllSettings(anyString(), eq(TOKEN)))
                .thenThrow(new PosterApiException("settings.getAllSettings", PosterApiException.TOKEN_EXPIRED, "expired"));

        starter.completeOAuth(account, CODE, newState());
        ProcessInstance instance = running();
        runPreparation();

        assertThat(instance).isEnded().hasPassed("InstallationNeedsRenewal")
                .hasNotPassed("EnsureLoyaltyClientGroup", "AccountConnected");
        assertThat(installations.find(account).orElseThrow().status()).isEqualTo(InstallationStatus.NEEDS_RENEWAL);
    }

    @Test
    void missingRightsWhileEnsuringTheGroupMarksTheInstallationForRenewal() {
        when(poster.getClientGroups(anyString(), eq(TOKEN)))
                .thenThrow(new PosterApiException("clients.getGroups", PosterApiException.NO_RIGHTS, "no rights"));

        starter.completeOAuth(account, CODE, newState());
        ProcessInstance instance = running();
        runPreparation();

        assertThat(instance).isEnded().hasPassed("ReadAccountSettings", "InstallationNeedsRenewal")
                .hasNotPassed("AccountConnected");
        assertThat(installations.find(account).orElseThrow().status()).isEqualTo(InstallationStatus.NEEDS_RENEWAL);
    }

    @Test
    void aPosterOutageIsRetriedFiveTimesThenBecomesAnIncidentThatCanBeRetried() {
        when(poster.getAllSettings(anyString(), eq(TOKEN)))
                .thenThrow(new ExternalSystemUnavailableException("Poster", "settings.getAllSettings", "HTTP 503", false));
        starter.completeOAuth(account, CODE, newState());
        ProcessInstance instance = running();

        for (int attempt = 1; attempt <= 5; attempt++) {
            Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(job.getRetries()).isEqualTo(attempt == 1 ? 5 : 6 - attempt);
            assertThatThrownBy(() -> management.executeJob(job.getId()))
                    .isInstanceOf(ExternalSystemUnavailableException.class);
        }

        Job exhausted = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(exhausted.getRetries()).isZero();
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(installations.find(account).orElseThrow().status()).isEqualTo(InstallationStatus.PENDING);

        when(poster.getAllSettings(anyString(), eq(TOKEN)))
                .thenReturn(new PosterAccountSettings(account, "My Cafe", "UAH", "Europe/Kyiv", "uk"));
        management.setJobRetries(exhausted.getId(), 1);
        management.executeJob(exhausted.getId());

        assertThat(instance).isEnded().hasPassed("AccountConnected");
        assertThat(installations.find(account).orElseThrow().status()).isEqualTo(InstallationStatus.ACTIVE);
    }

    @Test
    void installingAgainRenewsTheTokenOfTheSameInstallation() {
        starter.completeOAuth(account, CODE, newState());
        runPreparation();
        when(poster.exchangeCode(anyString(), eq("second-code")))
                .thenReturn(new PosterAccessGrant("861052:renewed", "861052", "UA", "My Cafe"));
        when(poster.getAllSettings(anyString(), eq("861052:renewed")))
                .thenReturn(new PosterAccountSettings(account, "My Cafe", "UAH", "Europe/Kyiv", "uk"));
        when(poster.getClientGroups(anyString(), eq("861052:renewed")))
                .thenReturn(List.of(new PosterClientGroup("8", InstallationProcess.LOYALTY_GROUP_NAME)));

        starter.completeOAuth(account, "second-code", newState());

        assertThat(installations.find(account).orElseThrow().status())
                .as("an active account stays active while its new token is being checked")
                .isEqualTo(InstallationStatus.ACTIVE);
        runPreparation();
        assertThat(installations.findAll().stream().filter(i -> i.account().equals(account))).hasSize(1);
        assertThat(installations.accessToken(account)).contains("861052:renewed");
        verify(poster, never()).createClientGroup(anyString(), eq("861052:renewed"), anyString());
    }

    @Test
    void neitherTheCodeNorTheTokenIsEverAProcessVariable() {
        starter.completeOAuth(account, CODE, newState());
        runPreparation();
        starter.installFromWebhook(account, "861052", TOKEN);
        runPreparation();

        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery().list();
        assertThat(variables).isNotEmpty();
        assertThat(variables).allSatisfy(variable -> assertThat(String.valueOf(variable.getValue()))
                .doesNotContain(CODE).doesNotContain("4164553abf"));
        assertThat(variables).extracting(HistoricVariableInstance::getName)
                .doesNotContain(InstallationProcess.TRANSIENT_AUTHORIZATION_CODE, InstallationProcess.TRANSIENT_ACCESS_TOKEN);
    }

    private void runPreparation() {
        execute(job(running()));
    }

    private String newState() {
        return states.issue(Duration.ofMinutes(5));
    }

    private ProcessInstance running() {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(account).singleResult();
    }

    private HistoricProcessInstance finished() {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(account).finished().singleResult();
    }
}
