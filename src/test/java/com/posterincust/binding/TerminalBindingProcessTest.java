package com.posterincust.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.posterincust.FinishedInstance;
import com.posterincust.SequenceFlowCoverage;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.Loyalty;
import com.posterincust.installation.InstallationRepository;
import com.posterincust.installation.InstallationStatus;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterSpot;
import com.posterincust.poster.PosterTablet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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

/** Every path of processes/terminal-binding.bpmn, with Poster and inCust mocked at their clients. */
@SpringBootTest
@ActiveProfiles("test")
@Import(SequenceFlowCoverage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerminalBindingProcessTest {

    static final String TOKEN = "861052:4164553abf6a031302898da7800b59fb";
    static final Loyalty.Terminal TERMINAL =
            new Loyalty.Terminal("t-77", "Bar register", "UAH");

    @MockitoBean
    PosterClient poster;
    @MockitoBean
    IncustClient incust;

    @Autowired
    BindingCommands starter;
    @Autowired
    TerminalBindingRepository bindings;
    @Autowired
    InstallationRepository installations;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngine engine;

    String account;

    @BeforeEach
    void anActiveInstallationWithTwoSpotsAndThreeRegisters() {
        BpmnAwareTests.init(engine);
        account = "cafe" + System.nanoTime();
        installations.storeToken(account, "861052", TOKEN);
        installations.saveSettings(account, "UAH", "Europe/Kyiv", "My Cafe");
        installations.saveLoyaltyGroup(account, "7");
        installations.setStatus(account, InstallationStatus.ACTIVE);
        when(poster.getSpots(anyString(), eq(TOKEN)))
                .thenReturn(List.of(new PosterSpot("1", "Podil"), new PosterSpot("2", "Obolon")));
        when(poster.getTablets(anyString(), eq(TOKEN))).thenReturn(List.of(new PosterTablet("1", "Podil bar", "1"),
                new PosterTablet("2", "Podil terrace", "1"), new PosterTablet("3", "Obolon bar", "2")));
        when(incust.login(new IncustCredentials("bar-login", "bar-password"))).thenReturn(TERMINAL);
    }

    @AfterAll
    void everySequenceFlowWasTaken() {
        SequenceFlowCoverage.assertEveryFlowTaken("processes/terminal-binding.bpmn", history);
    }

    @Test
    void aCorrectRequestIsStoredAndAnnouncedToTheRegister() {
        BindingCommands.BindingOutcome outcome = starter.bind(request("861052", "2", "3"));

        TerminalBinding binding = ((BindingCommands.BindingOutcome.Bound) outcome).binding();
        assertThat(binding.status()).isEqualTo(TerminalBindingStatus.ACTIVE);
        assertThat(binding.terminalId()).isEqualTo("t-77");
        assertThat(binding.terminalCurrency()).isEqualTo("UAH");
        assertThat(bindings.findActive(account, "3")).map(TerminalBinding::id).contains(binding.id());
        assertThat(bindings.credentials(binding.id())).isEqualTo(new IncustCredentials("bar-login", "bar-password"));
        BpmnAwareTests.assertThat(FinishedInstance.withBusinessKey(history, binding.id())).isEnded()
                .hasPassed("RegisterBound");
        verify(poster).setTabletExtras(eq(account), eq(TOKEN), eq("3"), eq(Map.of(
                "incust_bound", true, "incust_binding_id", binding.id(), "incust_terminal_id", "t-77",
                "incust_terminal_title", "Bar register", "incust_currency", "UAH",
                "incust_api_url", "https://orchestrator.test/api/register/v1", "incust_client_group_id", "7",
                "incust_register", account + "/3")));
    }

    @Test
    void theAccountMustBeInstalled() {
        BindingRequest request = new BindingRequest("nobodyhere", "861052", "2", "3",
                new BindingRequest.IncustLogin("bar-login", "bar-password"), null);

        assertThat(reasons(starter.bind(request))).containsExactly(
                new BindingRejection("posterAccount", "The inCust app is not installed in this Poster account"));
        verify(poster, never()).getSpots(anyString(), anyString());
    }

    @Test
    void aPendingOrRenewalNeedingOrUninstalledAccountIsRefusedWithItsReason() {
        installations.setStatus(account, InstallationStatus.PENDING);
        assertThat(reasons(starter.bind(request("861052", "2", "3")))).extracting(BindingRejection::message)
                .containsExactly("The inCust app installation in this Poster account is not finished yet; try again in a minute");

        installations.setStatus(account, InstallationStatus.NEEDS_RENEWAL);
        assertThat(reasons(starter.bind(request("861052", "2", "3")))).extracting(BindingRejection::message)
                .containsExactly("Poster no longer accepts the app's access to this account; install the inCust app again");

        installations.setStatus(account, InstallationStatus.UNINSTALLED);
        assertThat(reasons(starter.bind(request("861052", "2", "3")))).extracting(BindingRejection::field)
                .containsExactly("posterAccount");
    }

    @Test
    void theCustomerNumberMustBeTheAccountsOwn() {
        assertThat(reasons(starter.bind(request("999999", "2", "3")))).containsExactly(new BindingRejection(
                "posterCustomerNumber", "This is not the Poster customer number of account " + account));
    }

    @Test
    void theLocationMustExist() {
        assertThat(reasons(starter.bind(request("861052", "9", "3")))).containsExactly(new BindingRejection(
                "posterSpotId", "Poster account " + account + " has no location 9"));
    }

    @Test
    void theRegisterMustExist() {
        assertThat(reasons(starter.bind(request("861052", "2", "42")))).containsExactly(new BindingRejection(
                "posterTabletId", "Poster account " + account + " has no register 42"));
    }

    @Test
    void theRegisterMustBelongToTheLocation() {
        assertThat(reasons(starter.bind(request("861052", "1", "3")))).containsExactly(new BindingRejection(
                "posterTabletId", "Register 3 belongs to location 2, not to location 1"));
    }

    @Test
    void theInCustLoginMustWork() {
        when(incust.login(new IncustCredentials("bar-login", "bar-password"))).thenThrow(new IncustApiException(
                "POST /term/token", 401, IncustApiException.LOGIN_REFUSED, "Wrong login or password"));

        assertThat(reasons(starter.bind(request("861052", "2", "3")))).containsExactly(new BindingRejection(
                "incust", "inCust refused this terminal login and password: Wrong login or password"));
    }

    @Test
    void theTerminalMustWorkInTheAccountsCurrency() {
        when(incust.login(any())).thenReturn(new Loyalty.Terminal("t-78", "Dollar bar", "USD"));

        assertThat(reasons(starter.bind(request("861052", "2", "3")))).containsExactly(new BindingRejection(
                "incust", "The inCust terminal works in USD, the Poster account in UAH"));
    }

    @Test
    void everyWrongValueIsReportedAtOnce() {
        when(incust.login(any())).thenThrow(new IncustApiException("POST /term/token", 401,
                IncustApiException.LOGIN_REFUSED, "Wrong login or password"));

        BindingCommands.BindingOutcome outcome = starter.bind(request("123", "9", "42"));

        assertThat(reasons(outcome)).extracting(BindingRejection::field)
                .containsExactly("posterCustomerNumber", "posterSpotId", "posterTabletId", "incust");
        assertThat(bindings.findAll(Optional.of(account))).isEmpty();
        verify(poster, never()).setTabletExtras(anyString(), anyString(), anyString(), anyMap());
    }

    @Test
    void aNotInstalledAccountStillGetsItsTerminalChecked() {
        when(incust.login(any())).thenThrow(new IncustApiException("POST /term/token", 401,
                IncustApiException.LOGIN_REFUSED, "Wrong login or password"));
        BindingRequest request = new BindingRequest("nobodyhere", "861052", "2", "3",
                new BindingRequest.IncustLogin("bar-login", "wrong"), null);

        assertThat(reasons(starter.bind(request))).extracting(BindingRejection::field)
                .containsExactly("posterAccount", "incust");
    }

    @Test
    void bindingTheSameRegisterAgainReplacesTheOldBinding() {
        TerminalBinding first = bound(starter.bind(request("861052", "2", "3")));

        TerminalBinding second = bound(starter.bind(request("861052", "2", "3")));

        assertThat(bindings.find(first.id()).orElseThrow().status()).isEqualTo(TerminalBindingStatus.REPLACED);
        assertThat(bindings.find(first.id()).orElseThrow().replacedBy()).isEqualTo(second.id());
        assertThat(bindings.findActive(account, "3")).map(TerminalBinding::id).contains(second.id());
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceOf(second.id()))
                .variableName(TerminalBindingProcess.VAR_REPLACED_BINDING_ID).singleResult().getValue())
                .isEqualTo(first.id());
    }

    @Test
    void posterFailingLeavesNothingStored() {
        doThrow(new ExternalSystemUnavailableException("Poster", "application.setEntityExtras", "HTTP 503", false))
                .when(poster).setTabletExtras(anyString(), anyString(), anyString(), anyMap());

        assertThatThrownBy(() -> starter.bind(request("861052", "2", "3")))
                .isInstanceOf(ExternalSystemUnavailableException.class);
        assertThat(bindings.findAll(Optional.of(account))).isEmpty();
    }

    @Test
    void posterFailingDuringTheChecksLeavesNothingStored() {
        when(poster.getTablets(anyString(), anyString()))
                .thenThrow(new ExternalSystemUnavailableException("Poster", "access.getTablets", "timed out", true));

        assertThatThrownBy(() -> starter.bind(request("861052", "2", "3")))
                .isInstanceOf(ExternalSystemUnavailableException.class);
        assertThat(bindings.findAll(Optional.of(account))).isEmpty();
    }

    @Test
    void inCustFailingLeavesNothingStored() {
        when(incust.login(any())).thenThrow(new ExternalSystemUnavailableException("inCust", "POST /term/token", "HTTP 502", false));

        assertThatThrownBy(() -> starter.bind(request("861052", "2", "3")))
                .isInstanceOf(ExternalSystemUnavailableException.class);
        assertThat(bindings.findAll(Optional.of(account))).isEmpty();
    }

    @Test
    void twoAdministratorsBindingOneRegisterAtOnceLeaveExactlyOneActiveBinding() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<TerminalBinding> bind = () -> {
            together.await(10, TimeUnit.SECONDS);
            return bound(starter.bind(request("861052", "2", "3")));
        };
        ExecutorService admins = Executors.newFixedThreadPool(2);
        try {
            List<Future<TerminalBinding>> results = new ArrayList<>(List.of(admins.submit(bind), admins.submit(bind)));
            for (Future<TerminalBinding> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            admins.shutdownNow();
        }

        List<TerminalBinding> all = bindings.findAll(Optional.of(account));
        assertThat(all).hasSize(2);
        assertThat(all).filteredOn(b -> b.status() == TerminalBindingStatus.ACTIVE).hasSize(1);
        assertThat(all).filteredOn(b -> b.status() == TerminalBindingStatus.REPLACED).hasSize(1);
    }

    @Test
    void theLoginAndPasswordAreNeverProcessVariables() {
        TerminalBinding binding = bound(starter.bind(request("861052", "2", "3")));

        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(instanceOf(binding.id())).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName)
                .contains(TerminalBindingProcess.VAR_LABEL)
                .doesNotContain(TerminalBindingProcess.TRANSIENT_INCUST_PASSWORD,
                        TerminalBindingProcess.TRANSIENT_INCUST_LOGIN);
        assertThat(variables).allSatisfy(v -> assertThat(String.valueOf(v.getValue()))
                .doesNotContain("bar-password").doesNotContain("bar-login"));
    }

    private BindingRequest request(String customerNumber, String spot, String tablet) {
        return new BindingRequest(account, customerNumber, spot, tablet,
                new BindingRequest.IncustLogin("bar-login", "bar-password"), null);
    }

    private String instanceOf(String bindingId) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(bindingId).singleResult().getId();
    }

    private List<BindingRejection> reasons(BindingCommands.BindingOutcome outcome) {
        assertThat(outcome).isInstanceOf(BindingCommands.BindingOutcome.Rejected.class);
        List<BindingRejection> reasons = ((BindingCommands.BindingOutcome.Rejected) outcome).reasons();
        HistoricProcessInstance latest = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(TerminalBindingProcess.KEY).orderByProcessInstanceStartTime().desc()
                .listPage(0, 1).get(0);
        BpmnAwareTests.assertThat(new FinishedInstance(latest)).isEnded()
                .hasPassed("BindingRejected");
        return reasons;
    }

    private static TerminalBinding bound(BindingCommands.BindingOutcome outcome) {
        assertThat(outcome).isInstanceOf(BindingCommands.BindingOutcome.Bound.class);
        return ((BindingCommands.BindingOutcome.Bound) outcome).binding();
    }
}
