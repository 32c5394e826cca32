package com.posterincust.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.posterincust.SequenceFlowCoverage;
import com.posterincust.binding.TerminalBindingRepository;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.Loyalty;
import com.posterincust.installation.InstallationRepository;
import com.posterincust.installation.InstallationStatus;
import com.posterincust.poster.NewPosterClient;
import com.posterincust.poster.PosterApiException;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterCustomer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
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

/** Every path of processes/customer-authorization.bpmn, with Poster and inCust mocked at their clients. */
@SpringBootTest
@ActiveProfiles("test")
@Import(SequenceFlowCoverage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerAuthorizationProcessTest {

    static final String TOKEN = "861052:4164553abf6a031302898da7800b59fb";
    static final IncustCredentials TERMINAL = new IncustCredentials("bar-login", "bar-password");
    static final String PHONE = "+380501234567";

    @MockitoBean
    PosterClient poster;
    @MockitoBean
    IncustClient incust;

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    CustomerSessionCommands starter;
    @Autowired
    CustomerSessionRepository sessions;
    @Autowired
    InstallationRepository installations;
    @Autowired
    TerminalBindingRepository bindings;

    com.posterincust.register.RegisterContext register;

    @BeforeEach
    void aBoundRegister() {
        BpmnAwareTests.init(engine);
        String account = "cafe" + System.nanoTime();
        installations.storeToken(account, "861052", TOKEN);
        installations.saveLoyaltyGroup(account, "7");
        installations.setStatus(account, InstallationStatus.ACTIVE);
        String bindingId = UUID.randomUUID().toString();
        bindings.bind(new TerminalBindingRepository.NewBinding(bindingId, account, "1", "2", TERMINAL, "t-77", "Bar",
                "UAH", false));
        register = new com.posterincust.register.RegisterContext(account, "1", "2", bindingId, "t-77", "Bar", "UAH",
                false);
        when(poster.findClientsByPhone(anyString(), eq(TOKEN), anyString())).thenReturn(List.of());
        when(poster.createClient(anyString(), eq(TOKEN), any())).thenReturn("501");
    }

    @AfterAll
    void everySequenceFlowWasTaken() {
        SequenceFlowCoverage.assertEveryFlowTaken("processes/customer-authorization.bpmn", history);
    }

    @Test
    void aKnownPhoneLoadsTheWalletAndFindsThePosterClient() {
        knownCustomer(new Loyalty.Identifier(Loyalty.IdentifierType.PHONE, PHONE), olena());
        when(poster.findClientsByPhone(register.account(), TOKEN, PHONE)).thenReturn(List.of(new PosterCustomer("42", PHONE)));

        CustomerSession session = starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE));

        assertThat(session.status()).isEqualTo(CustomerSessionStatus.IDENTIFIED);
        assertThat(session.customer().bonusPoints()).isEqualByComparingTo("150.00");
        assertThat(session.customer().accounts()).extracting(CustomerView.Account::type).containsExactly("money");
        assertThat(session.customer().coupons()).extracting(CustomerView.Coupon::code).containsExactly("COFFEE10");
        assertThat(session.customer().isNew()).isFalse();
        assertThat(session.customer().posterClientId()).isEqualTo("42");
        assertThat(passed(session)).contains("LoadCustomerWallet", "MirrorCustomerInPoster", "CustomerIdentified")
                .doesNotContain("RegisterNewCustomer");
        verify(poster, never()).createClient(anyString(), anyString(), any());
    }

    @Test
    void aKnownCustomerMissingInPosterIsCreatedInTheLoyaltyGroup() {
        knownCustomer(new Loyalty.Identifier(Loyalty.IdentifierType.PHONE, PHONE), olena());

        CustomerSession session = starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE));

        assertThat(session.customer().posterClientId()).isEqualTo("501");
        verify(poster).createClient(register.account(), TOKEN,
                new NewPosterClient("Olena", "7", PHONE, "olena@example.com", LocalDate.of(1990, 4, 1)));
    }

    @Test
    void aDuplicatePhoneAnswerMeansTheClientIsLookedUpAgain() {
        knownCustomer(new Loyalty.Identifier(Loyalty.IdentifierType.PHONE, PHONE), olena());
        when(poster.findClientsByPhone(register.account(), TOKEN, PHONE))
                .thenReturn(List.of())
                .thenReturn(List.of(new PosterCustomer("43", PHONE)));
        when(poster.createClient(anyString(), eq(TOKEN), any()))
                .thenThrow(new PosterApiException("clients.createClient", PosterApiException.DUPLICATE, "duplicate phone"));

        CustomerSession session = starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE));

        assertThat(session.status()).isEqualTo(CustomerSessionStatus.IDENTIFIED);
        assertThat(session.customer().posterClientId()).isEqualTo("43");
    }

    @Test
    void aNewPhoneIsRegisteredAndWaitsForTheProfile() {
        newCustomer(PHONE);

        CustomerSession session = starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE));

        assertThat(session.status()).isEqualTo(CustomerSessionStatus.PROFILE_REQUIRED);
        assertThat(session.customer().isNew()).isTrue();
        assertThat(session.customer().posterClientId()).isNull();
        assertThat(running(session)).hasPassed("RegisterNewCustomer").isWaitingAt("FillCustomerProfile");
        verify(poster, never()).createClient(anyString(), anyString(), any());
    }

    @Test
    void aFilledProfileIsSavedInInCustAndTheGuestMirroredInPoster() {
        newCustomer(PHONE);
        when(incust.updateProfile(TERMINAL, "c-2001", new Loyalty.Profile("Petro", "male", "1991-02-03", null)))
                .thenReturn(customer("c-2001", "Petro", PHONE, null, true, "1991-02-03"));
        CustomerSession opened = starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE));
        ProfileRequest profile = new ProfileRequest("Petro", "Male", "1991-02-03", null);

        CustomerSession session = starter.completeProfile(opened, profile, profile.validated(java.time.Clock.systemUTC()));

        assertThat(session.status()).isEqualTo(CustomerSessionStatus.IDENTIFIED);
        assertThat(session.customer().name()).isEqualTo("Petro");
        assertThat(session.customer().posterClientId()).isEqualTo("501");
        assertThat(passed(session)).contains("SaveCustomerProfile", "MirrorCustomerInPoster");
        verify(poster).createClient(register.account(), TOKEN,
                new NewPosterClient("Petro", "7", PHONE, null, LocalDate.of(1991, 2, 3)));
    }

    @Test
    void anEmptyProfileSkipsTheInCustUpdate() {
        newCustomer(PHONE);
        CustomerSession opened = starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE));
        ProfileRequest empty = new ProfileRequest(null, null, null, null);

        CustomerSession session = starter.completeProfile(opened, empty, empty.validated(java.time.Clock.systemUTC()));

        assertThat(session.status()).isEqualTo(CustomerSessionStatus.IDENTIFIED);
        assertThat(passed(session)).doesNotContain("SaveCustomerProfile").contains("MirrorCustomerInPoster");
        verify(incust, never()).updateProfile(any(), anyString(), any());
        verify(poster).createClient(register.account(), TOKEN, new NewPosterClient("inCust guest 4567", "7", PHONE,
                null, null));
    }

    @Test
    void whenNobodyAnswersTheSessionGoesOnWithAnEmptyProfile() {
        newCustomer(PHONE);
        CustomerSession opened = starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE));
        Job timer = management.createJobQuery().processInstanceId(running(opened).getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isAfter(new java.util.Date(System.currentTimeMillis() + 9 * 60_000));

        management.executeJob(timer.getId());

        CustomerSession session = sessions.find(opened.id()).orElseThrow();
        assertThat(session.status()).isEqualTo(CustomerSessionStatus.IDENTIFIED);
        assertThat(session.customer().posterClientId()).isEqualTo("501");
        assertThat(passed(session)).contains("NobodyAnswered", "MirrorCustomerInPoster")
                .doesNotContain("SaveCustomerProfile");
    }

    @Test
    void whenPosterIsDownAfterTheTimeoutTheTimerIsRetriedThenBecomesAnIncident() {
        newCustomer(PHONE);
        CustomerSession opened = starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE));
        String instance = running(opened).getId();
        when(poster.findClientsByPhone(anyString(), anyString(), anyString()))
                .thenThrow(new ExternalSystemUnavailableException("Poster", "clients.getClients", "HTTP 503", false));

        for (int attempt = 0; attempt < 5; attempt++) {
            Job timer = management.createJobQuery().processInstanceId(instance).singleResult();
            assertThatThrownBy(() -> management.executeJob(timer.getId()))
                    .isInstanceOf(ExternalSystemUnavailableException.class);
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isEqualTo(1);
        assertThat(sessions.find(opened.id()).orElseThrow().status()).isEqualTo(CustomerSessionStatus.PROFILE_REQUIRED);
    }

    @Test
    void anEmailIdentifiesACustomerWithoutPhoneWhoGetsNoPosterClient() {
        Loyalty.Customer noPhone = customer("c-3001", "Ivan", null, "ivan@example.com", false, null);
        knownCustomer(new Loyalty.Identifier(Loyalty.IdentifierType.EMAIL, "ivan@example.com"), noPhone);

        CustomerSession session = starter.open(register, new CustomerIdentifier(IdentifierType.EMAIL, "ivan@example.com"));

        assertThat(session.status()).isEqualTo(CustomerSessionStatus.IDENTIFIED);
        assertThat(session.customer().posterClientId()).isNull();
        verify(poster, never()).findClientsByPhone(anyString(), anyString(), anyString());
    }

    @Test
    void aNewEmailIsRegisteredToo() {
        when(incust.findCustomer(eq(TERMINAL), any())).thenReturn(Optional.empty());
        when(incust.registerCustomer(TERMINAL, List.of(new Loyalty.Identifier(Loyalty.IdentifierType.EMAIL,
                "new@example.com")))).thenReturn(customer("c-2002", null, null, "new@example.com", true, null));

        CustomerSession session = starter.open(register, new CustomerIdentifier(IdentifierType.EMAIL, "new@example.com"));

        assertThat(session.status()).isEqualTo(CustomerSessionStatus.PROFILE_REQUIRED);
    }

    @Test
    void anUnknownQrCodeTemporaryCodeOrCardIsNotFoundAndRegistersNobody() {
        when(incust.findCustomer(eq(TERMINAL), any())).thenReturn(Optional.empty());

        for (IdentifierType type : List.of(IdentifierType.QR, IdentifierType.TEMPORARY_CODE, IdentifierType.CARD)) {
            CustomerSession session = starter.open(register, new CustomerIdentifier(type, "ABCD1234"));

            assertThat(session.status()).as(type.name()).isEqualTo(CustomerSessionStatus.NOT_FOUND);
            assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(session.id())
                    .singleResult().getEndActivityId()).isEqualTo("CustomerNotFound");
        }
        verify(incust, never()).registerCustomer(any(), any());
    }

    /** The decision table has no row for this type: the authorization stops with an error instead of guessing. */
    @Test
    void anIdentifierTypeTheDecisionTableDoesNotKnowStopsTheAuthorizationLoudly() {
        when(incust.findCustomer(eq(TERMINAL), any())).thenReturn(Optional.empty());
        String sessionId = java.util.UUID.randomUUID().toString();
        sessions.open(sessionId, register.account(), register.tabletId(), register.bindingId(),
                new CustomerIdentifier(IdentifierType.QR, "ABCD1234"));

        assertThatThrownBy(() -> runtime.createProcessInstanceByKey(AuthorizationProcess.KEY)
                .businessKey(sessionId).setVariables(Map.of(AuthorizationProcess.VAR_IDENTIFIER_TYPE, "LOYALTY_APP", AuthorizationProcess.VAR_MASKED_IDENTIFIER,
                        "***")).execute())
                .hasMessageContaining("condition expression returns null");
        verify(incust, never()).registerCustomer(any(), any());
    }

    @Test
    void aKnownQrCodeTemporaryCodeOrCardIdentifiesTheCustomer() {
        for (IdentifierType type : List.of(IdentifierType.QR, IdentifierType.TEMPORARY_CODE, IdentifierType.CARD)) {
            knownCustomer(new Loyalty.Identifier(type.onIncust(), "ABCD1234"), olena());

            assertThat(starter.open(register, new CustomerIdentifier(type, "ABCD1234")).status()).as(type.name())
                    .isEqualTo(CustomerSessionStatus.IDENTIFIED);
        }
    }

    @Test
    void inCustFailingLeavesNoSessionBehind() {
        when(incust.findCustomer(eq(TERMINAL), any()))
                .thenThrow(new ExternalSystemUnavailableException("inCust", "POST /term/customer/search", "HTTP 502", false));
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(AuthorizationProcess.KEY).count();

        assertThatThrownBy(() -> starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE)))
                .isInstanceOf(ExternalSystemUnavailableException.class);

        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(AuthorizationProcess.KEY).count())
                .isEqualTo(before);
    }

    @Test
    void posterFailingWhileMirroringLeavesNoSessionBehind() {
        knownCustomer(new Loyalty.Identifier(Loyalty.IdentifierType.PHONE, PHONE), olena());
        when(poster.findClientsByPhone(anyString(), anyString(), anyString()))
                .thenThrow(new ExternalSystemUnavailableException("Poster", "clients.getClients", "timed out", true));
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(AuthorizationProcess.KEY).count();

        assertThatThrownBy(() -> starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE)))
                .isInstanceOf(ExternalSystemUnavailableException.class);

        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(AuthorizationProcess.KEY).count())
                .isEqualTo(before);
    }

    @Test
    void cockpitSeesOnlyTheTypeAndAMaskedIdentifier() {
        knownCustomer(new Loyalty.Identifier(Loyalty.IdentifierType.PHONE, PHONE), olena());

        CustomerSession session = starter.open(register, new CustomerIdentifier(IdentifierType.PHONE, PHONE));

        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(session.id())
                        .singleResult().getId()).list();
        assertThat(variables).extracting(HistoricVariableInstance::getName)
                .contains(AuthorizationProcess.VAR_IDENTIFIER_TYPE, AuthorizationProcess.VAR_MASKED_IDENTIFIER);
        assertThat(variables).allSatisfy(variable -> assertThat(String.valueOf(variable.getValue()))
                .doesNotContain("501234567").doesNotContain("olena@"));
        assertThat(variables).filteredOn(v -> v.getName().equals(AuthorizationProcess.VAR_MASKED_IDENTIFIER))
                .extracting(HistoricVariableInstance::getValue).containsExactly("***********67");
    }

    private void knownCustomer(Loyalty.Identifier identifier, Loyalty.Customer customer) {
        when(incust.findCustomer(TERMINAL, identifier)).thenReturn(Optional.of(customer));
        when(incust.customer(TERMINAL, customer.id())).thenReturn(customer);
    }

    private void newCustomer(String phone) {
        when(incust.findCustomer(eq(TERMINAL), any())).thenReturn(Optional.empty());
        when(incust.registerCustomer(TERMINAL, List.of(new Loyalty.Identifier(Loyalty.IdentifierType.PHONE, phone))))
                .thenReturn(customer("c-2001", null, phone, null, true, null));
    }

    private static Loyalty.Customer olena() {
        return new Loyalty.Customer("c-1001", "Olena", PHONE, "olena@example.com", "female", "1990-04-01", false,
                "full", new BigDecimal("150"), List.of(new Loyalty.Account("a-1", "Gift card", "money",
                new BigDecimal("200.00"))), List.of(new Loyalty.Coupon("COFFEE10", "10% off", "10 % off")));
    }

    private static Loyalty.Customer customer(String id, String name, String phone, String email, boolean isNew,
                                                String birthDate) {
        return new Loyalty.Customer(id, name, phone, email, null, birthDate, isNew, "full", BigDecimal.ZERO,
                List.of(), List.of());
    }

    private ProcessInstance running(CustomerSession session) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(session.id()).singleResult();
    }

    private List<String> passed(CustomerSession session) {
        String id = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(session.id())
                .singleResult().getId();
        return history.createHistoricActivityInstanceQuery().processInstanceId(id).finished().list().stream()
                .map(HistoricActivityInstance::getActivityId).toList();
    }
}
