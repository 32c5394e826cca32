package com.posterincust.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.posterincust.Jobs;
import com.posterincust.binding.TerminalBindingRepository;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.IncustWire;
import com.posterincust.installation.InstallationRepository;
import com.posterincust.installation.InstallationStatus;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterReceipt;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Every sequence flow of processes/checkout.bpmn, with Poster and inCust mocked at their clients. */
@SpringBootTest(properties = "checkout.receipt-check-limit=2")
@ActiveProfiles("test")
class CheckoutProcessTest {

    static final String TOKEN = "861052:4164553abf6a031302898da7800b59fb";
    static final IncustCredentials TERMINAL = new IncustCredentials("bar-login", "bar-password");

    @TestConfiguration
    static class Coverage {
        @Bean
        SequenceFlowCoverage sequenceFlowCoverage() {
            return new SequenceFlowCoverage();
        }
    }

    @MockitoBean
    PosterClient poster;
    @MockitoBean
    IncustClient incust;

    @Autowired
    CheckoutCommands commands;
    @Autowired
    CheckoutRepository checkouts;
    @Autowired
    InstallationRepository installations;
    @Autowired
    TerminalBindingRepository bindings;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    String account;
    String bindingId;

    static HistoryService historyForCoverage;

    @BeforeEach
    void aBoundRegisterAndAnOffer() {
        historyForCoverage = history;
        account = "cafe" + System.nanoTime();
        installations.storeToken(account, "861052", TOKEN);
        installations.setStatus(account, InstallationStatus.ACTIVE);
        bindingId = UUID.randomUUID().toString();
        bindings.bind(new TerminalBindingRepository.NewBinding(bindingId, account, "1", "2", TERMINAL, "t-77", "Bar", "UAH",
                true));
        when(incust.prepareCheck(eq(TERMINAL), any())).thenReturn(new IncustWire.CheckResult(new BigDecimal("91.00"),
                BigDecimal.ZERO, new BigDecimal("4.55"), new BigDecimal("150.00"), new BigDecimal("45.50"),
                List.of(new IncustWire.CouponRef("COFFEE10", "10% off")), new BigDecimal("91.00")));
    }

    /**
     * The engine fires no "take" for the flows out of an event-based gateway; the event at their end having
     * happened stands for them.
     */
    @AfterAll
    static void everySequenceFlowWasTaken() throws Exception {
        try (InputStream model = CheckoutProcessTest.class.getResourceAsStream("/processes/checkout.bpmn")) {
            Set<String> notTaken = Bpmn.readModelFromStream(model).getModelElementsByType(SequenceFlow.class).stream()
                    .filter(flow -> !SequenceFlowCoverage.TAKEN.contains(CheckoutProcess.KEY + "#" + flow.getId()))
                    .filter(flow -> !(flow.getSource() instanceof EventBasedGateway) || historyForCoverage
                            .createHistoricActivityInstanceQuery().activityId(flow.getTarget().getId()).count() == 0)
                    .map(SequenceFlow::getId)
                    .collect(Collectors.toSet());
            assertThat(notTaken).as("sequence flows no test took").isEmpty();
        }
    }

    @Test
    void withoutConfirmationTheSaleIsReservedClosedByTheRegisterAndFinalized() {
        Checkout checkout = start();
        assertThat(checkout.status()).isEqualTo(CheckoutStatus.AWAITING_REDEMPTION);
        assertThat(checkout.offer().maxRedeemableBonus()).isEqualByComparingTo("45.50");
        reserves(transaction("tx-1", "reserved", "0", null));

        Checkout reserved = commands.chooseRedemption(checkout.id(), new CheckoutModel.Redemption(BigDecimal.ZERO, List.of()));

        assertThat(reserved.status()).isEqualTo(CheckoutStatus.AWAITING_ORDER_CLOSE);
        verify(incust).reserve(eq(TERMINAL), any(), eq(checkout.id()), eq(new IncustWire.Redeem(BigDecimal.ZERO, List.of())));
        assertThat(commands.receiptClosed(checkout.id(), "5001", BigDecimal.ZERO).status())
                .isEqualTo(CheckoutStatus.FINALIZING);
        Jobs.runAll(management);

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        verify(incust).finalizeTransaction(TERMINAL, "tx-1", "5001", new BigDecimal("0.00"));
        verify(incust, never()).cancel(any(), anyString());
    }

    @Test
    void aWrongCodeThenTheRightOneLetsTheReceiptCloseThenFinalizesWithWhatItPaid() {
        Checkout checkout = reservedWithConfirmation("tx-2");
        when(incust.confirm(TERMINAL, "tx-2", "1111")).thenThrow(invalidCode());
        when(incust.transaction(TERMINAL, "tx-2")).thenReturn(transaction("tx-2", "confirmation_required", "20.00", 2));

        Checkout wrong = commands.confirm(checkout.id(), "1111");
        assertThat(wrong.status()).isEqualTo(CheckoutStatus.AWAITING_CONFIRMATION);
        assertThat(wrong.confirmation().attemptsLeft()).isEqualTo(2);

        when(incust.confirm(TERMINAL, "tx-2", "4321")).thenReturn(transaction("tx-2", "confirmed", "20.00", 2));
        Checkout right = commands.confirm(checkout.id(), "4321");
        assertThat(right.status()).isEqualTo(CheckoutStatus.AWAITING_ORDER_CLOSE);
        assertThat(right.result().bonusToApply()).isEqualByComparingTo("20.00");

        commands.receiptClosed(checkout.id(), "5002", new BigDecimal("15.00"));
        Jobs.runAll(management);
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        verify(incust).finalizeTransaction(TERMINAL, "tx-2", "5002", new BigDecimal("15.00"));
    }

    @Test
    void theBonusFinalizedIsNeverMoreThanReserved() {
        Checkout checkout = reservedWithoutConfirmation("tx-3", "20.00");

        commands.receiptClosed(checkout.id(), "5003", new BigDecimal("35.00"));
        Jobs.runAll(management);

        verify(incust).finalizeTransaction(TERMINAL, "tx-3", "5003", new BigDecimal("20.00"));
    }

    @Test
    void runningOutOfAttemptsCancelsAndReleases() {
        Checkout checkout = reservedWithConfirmation("tx-4");
        when(incust.confirm(TERMINAL, "tx-4", "1111")).thenThrow(invalidCode());
        when(incust.transaction(TERMINAL, "tx-4")).thenReturn(transaction("tx-4", "cancelled", "20.00", 0));

        assertThat(commands.confirm(checkout.id(), "1111").status()).isEqualTo(CheckoutStatus.CANCELLED);
        Jobs.runAll(management);

        verify(incust).cancel(TERMINAL, "tx-4");
        assertThat(ended(checkout)).isEqualTo("CodeAttemptsExhausted");
    }

    @Test
    void aCodeThatInCustCallsExpiredCancelsAndReleases() {
        Checkout checkout = reservedWithConfirmation("tx-5");
        when(incust.confirm(TERMINAL, "tx-5", "1111")).thenThrow(new IncustApiException("POST /term/transaction/{id}/confirm",
                422, IncustApiException.CONFIRMATION_CODE_EXPIRED, "expired"));

        assertThat(commands.confirm(checkout.id(), "1111").status()).isEqualTo(CheckoutStatus.CANCELLED);
        Jobs.runAll(management);

        verify(incust).cancel(TERMINAL, "tx-5");
        assertThat(ended(checkout)).isEqualTo("CodeExpiredAtIncust");
    }

    @Test
    void whenTheCodeExpiresUnusedTheCheckoutExpiresAndReleases() {
        Checkout checkout = reservedWithConfirmation("tx-6");
        Job expiry = timer(checkout);
        assertThat(expiry.getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2030-01-01T12:05:00Z").toInstant());

        management.executeJob(expiry.getId());
        Jobs.runAll(management);

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.EXPIRED);
        verify(incust).cancel(TERMINAL, "tx-6");
        assertThat(ended(checkout)).isEqualTo("CheckoutExpired");
    }

    @Test
    void aNewCodeMovesTheExpiry() {
        Checkout checkout = reservedWithConfirmation("tx-7");
        IncustWire.Transaction resent = new IncustWire.Transaction("tx-7", checkout.id(), "confirmation_required",
                new BigDecimal("20.00"), BigDecimal.ZERO, new BigDecimal("71.00"),
                new IncustWire.Confirmation("phone", OffsetDateTime.parse("2030-01-01T12:15:00Z"), 3));
        when(incust.resendConfirmation(TERMINAL, "tx-7")).thenReturn(resent);

        Checkout after = commands.resendCode(checkout.id());

        assertThat(after.status()).isEqualTo(CheckoutStatus.AWAITING_CONFIRMATION);
        assertThat(after.confirmation().expiresAt()).isEqualTo(OffsetDateTime.parse("2030-01-01T12:15:00Z"));
        assertThat(timer(checkout).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2030-01-01T12:15:00Z").toInstant());
    }

    @Test
    void cancellingBeforeTheRedemptionReservesNothing() {
        Checkout checkout = start();

        assertThat(commands.cancel(checkout.id()).status()).isEqualTo(CheckoutStatus.CANCELLED);

        verify(incust, never()).reserve(any(), any(), anyString(), any());
        verify(incust, never()).cancel(any(), anyString());
        assertThat(ended(checkout)).isEqualTo("CheckoutCancelledEarly");
    }

    @Test
    void anOfferNobodyAnswersIsAbandoned() {
        Checkout checkout = start();

        management.executeJob(timer(checkout).getId());

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.EXPIRED);
        assertThat(ended(checkout)).isEqualTo("CheckoutAbandoned");
    }

    @Test
    void cancellingWhileWaitingForTheCodeReleases() {
        Checkout checkout = reservedWithConfirmation("tx-8");

        assertThat(commands.cancel(checkout.id()).status()).isEqualTo(CheckoutStatus.CANCELLED);
        Jobs.runAll(management);

        verify(incust).cancel(TERMINAL, "tx-8");
        assertThat(ended(checkout)).isEqualTo("CancelledWhileConfirming");
    }

    @Test
    void cancellingWhileWaitingForTheReceiptReleases() {
        Checkout checkout = reservedWithoutConfirmation("tx-9", "10.00");

        assertThat(commands.cancel(checkout.id()).status()).isEqualTo(CheckoutStatus.CANCELLED);
        Jobs.runAll(management);

        verify(incust).cancel(TERMINAL, "tx-9");
        assertThat(ended(checkout)).isEqualTo("CancelledWhileWaitingForReceipt");
    }

    @Test
    void aRedemptionInCustRefusesLeavesTheCheckoutWaitingForAnotherChoice() {
        Checkout checkout = start();
        when(incust.reserve(eq(TERMINAL), any(), eq(checkout.id()), any())).thenThrow(new IncustApiException(
                "POST /term/check/reserve", 422, IncustApiException.INSUFFICIENT_BONUSES, "Not enough bonus points"));

        Checkout refused = commands.chooseRedemption(checkout.id(),
                new CheckoutModel.Redemption(new BigDecimal("40.00"), List.of()));

        assertThat(refused.status()).isEqualTo(CheckoutStatus.AWAITING_REDEMPTION);
        assertThat(refused.rejection()).isEqualTo("Not enough bonus points");
        reserves(transaction("tx-10", "reserved", "10.00", null));
        assertThat(commands.chooseRedemption(checkout.id(), new CheckoutModel.Redemption(new BigDecimal("10.00"), List.of()))
                .status()).isEqualTo(CheckoutStatus.AWAITING_ORDER_CLOSE);
    }

    @Test
    void theWebhookFirstThenTheRegisterFinalizesOnceWithWhatPosterSaysWasPaid() {
        Checkout checkout = reservedWithoutConfirmation("tx-11", "20.00", "6001");
        when(poster.getTransaction(account, TOKEN, "6001")).thenReturn(Optional.of(
                new PosterReceipt("6001", PosterReceipt.State.CLOSED, new BigDecimal("12.50"), "2")));

        assertThat(commands.receiptClosed(checkout.id(), "6001", null).status())
                .isEqualTo(CheckoutStatus.FINALIZING);
        assertThat(commands.receiptClosed(checkout.id(), "6001", new BigDecimal("20.00")).status())
                .isEqualTo(CheckoutStatus.FINALIZING);
        Jobs.runAll(management);

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        verify(incust, times(1)).finalizeTransaction(TERMINAL, "tx-11", "6001", new BigDecimal("12.50"));
    }

    /** Poster's receipt shows no bonus where the register applied 20: finalized with 20, an operator checks. */
    @Test
    void whenTheRegisterAndPostersReceiptDisagreeAnOperatorChecksTheBonus() {
        Checkout checkout = reservedWithoutConfirmation("tx-14", "20.00", "6004");
        when(poster.getTransaction(account, TOKEN, "6004")).thenReturn(Optional.of(
                new PosterReceipt("6004", PosterReceipt.State.CLOSED, new BigDecimal("0.00"), "2")));

        commands.receiptClosed(checkout.id(), "6004", new BigDecimal("20.00"));
        Jobs.runAll(management);

        verify(incust).finalizeTransaction(TERMINAL, "tx-14", "6004", new BigDecimal("20.00"));
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        assertThat(checkouts.find(checkout.id()).orElseThrow().bonusCheck())
                .isEqualTo("Poster's receipt shows no bonus paid; the register reported 20.00: finalized with 20.00");
        org.camunda.bpm.engine.task.Task check = tasks.createTaskQuery().processInstanceBusinessKey(checkout.id())
                .singleResult();
        assertThat(check.getTaskDefinitionKey()).isEqualTo("CheckTheBonusOnPostersReceipt");
        assertThat(tasks.createTaskQuery().taskId(check.getId()).taskCandidateGroup("operators").count()).isOne();

        tasks.complete(check.getId());
        assertThat(ended(checkout)).isEqualTo("CheckoutCompletedAfterBonusCheck");
    }

    @Test
    void theRegisterFirstThenTheWebhookChangesNothing() {
        Checkout checkout = reservedWithoutConfirmation("tx-12", "20.00", "6002");

        commands.receiptClosed(checkout.id(), "6002", new BigDecimal("20.00"));
        Jobs.runAll(management);
        assertThat(commands.receiptClosed(checkout.id(), "6002", null).status())
                .isEqualTo(CheckoutStatus.COMPLETED);

        verify(incust, times(1)).finalizeTransaction(any(), anyString(), anyString(), any());
        verify(poster, times(1)).getTransaction(anyString(), anyString(), anyString());
    }

    @Test
    void whenNobodySaysAClosedReceiptIsReadFromPoster() {
        Checkout checkout = reservedWithoutConfirmation("tx-13", "20.00", "6003");
        when(poster.getTransaction(account, TOKEN, "6003")).thenReturn(Optional.of(
                new PosterReceipt("6003", PosterReceipt.State.CLOSED, new BigDecimal("20.00"), "2")));

        management.executeJob(timer(checkout).getId());
        Jobs.runAll(management);

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        verify(incust).finalizeTransaction(TERMINAL, "tx-13", "6003", new BigDecimal("20.00"));
    }

    @Test
    void aDeletedReceiptReleases() {
        Checkout checkout = reservedWithoutConfirmation("tx-14", "20.00", "6004");
        when(poster.getTransaction(account, TOKEN, "6004")).thenReturn(Optional.of(
                new PosterReceipt("6004", PosterReceipt.State.DELETED, BigDecimal.ZERO, "2")));

        management.executeJob(timer(checkout).getId());
        Jobs.runAll(management);

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.CANCELLED);
        verify(incust).cancel(TERMINAL, "tx-14");
        assertThat(ended(checkout)).isEqualTo("ReceiptDeleted");
    }

    @Test
    void aReceiptThatNeverClosesIsCheckedAgainThenReleased() {
        Checkout checkout = reservedWithoutConfirmation("tx-15", "20.00", "6005");
        when(poster.getTransaction(account, TOKEN, "6005")).thenReturn(Optional.of(
                new PosterReceipt("6005", PosterReceipt.State.OPEN, BigDecimal.ZERO, "2")));

        management.executeJob(timer(checkout).getId());
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.AWAITING_ORDER_CLOSE);
        management.executeJob(timer(checkout).getId());
        Jobs.runAll(management);

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.EXPIRED);
        verify(incust).cancel(TERMINAL, "tx-15");
        assertThat(ended(checkout)).isEqualTo("ReceiptNeverClosed");
    }

    @Test
    void aFailingFinalizeIsRetriedAndSucceeds() {
        Checkout checkout = reservedWithoutConfirmation("tx-16", "0.00");
        when(incust.finalizeTransaction(TERMINAL, "tx-16", "5016", new BigDecimal("0.00")))
                .thenThrow(new ExternalSystemUnavailableException("inCust", "finalize", "HTTP 503", false))
                .thenReturn(transaction("tx-16", "finalized", "0", null));
        commands.receiptClosed(checkout.id(), "5016", BigDecimal.ZERO);
        management.executeJob(onlyJob(checkout).getId());
        Job finalize = management.createJobQuery().processInstanceId(instance(checkout)).singleResult();
        assertThatThrownBy(() -> management.executeJob(finalize.getId()))
                .isInstanceOf(ExternalSystemUnavailableException.class);
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.FINALIZING);

        management.executeJob(finalize.getId());

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
    }

    @Test
    void aFinalizeThatKeepsFailingBecomesAnIncident() {
        Checkout checkout = reservedWithoutConfirmation("tx-17", "0.00");
        when(incust.finalizeTransaction(any(), eq("tx-17"), anyString(), any()))
                .thenThrow(new ExternalSystemUnavailableException("inCust", "finalize", "HTTP 503", false));
        commands.receiptClosed(checkout.id(), "5017", BigDecimal.ZERO);
        management.executeJob(onlyJob(checkout).getId());

        for (int attempt = 0; attempt < 5; attempt++) {
            Job finalize = management.createJobQuery().processInstanceId(instance(checkout)).singleResult();
            assertThatThrownBy(() -> management.executeJob(finalize.getId()))
                    .isInstanceOf(ExternalSystemUnavailableException.class);
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(instance(checkout)).singleResult().getActivityId())
                .isEqualTo("FinalizeInIncust");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.FINALIZING);
    }

    @Test
    void aFinalizeRepeatedAfterALostAnswerIsTakenAsDone() {
        Checkout checkout = reservedWithoutConfirmation("tx-18", "0.00");
        when(incust.finalizeTransaction(any(), eq("tx-18"), anyString(), any())).thenThrow(new IncustApiException(
                "POST /term/transaction/{id}/finalize", 409, IncustApiException.TRANSACTION_STATE, "already finalized"));
        when(incust.transaction(TERMINAL, "tx-18")).thenReturn(transaction("tx-18", "finalized", "0", null));

        commands.receiptClosed(checkout.id(), "5018", BigDecimal.ZERO);
        Jobs.runAll(management);

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
    }

    @Test
    void aReleaseOfAReservationInCustAlreadyCancelledIsDone() {
        Checkout checkout = reservedWithoutConfirmation("tx-19", "10.00");
        when(incust.cancel(TERMINAL, "tx-19")).thenThrow(new IncustApiException("POST /term/transaction/{id}/cancel", 409,
                IncustApiException.TRANSACTION_STATE, "already cancelled"));
        when(incust.transaction(TERMINAL, "tx-19")).thenReturn(transaction("tx-19", "cancelled", "10.00", null));

        commands.cancel(checkout.id());
        Jobs.runAll(management);

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(checkout.id()).count()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance(checkout)).count()).isZero();
    }

    @Test
    void cockpitSeesALabelAndPlainAmountsButNoCode() {
        Checkout checkout = reservedWithConfirmation("tx-20");
        when(incust.confirm(TERMINAL, "tx-20", "987654")).thenReturn(transaction("tx-20", "confirmed", "20.00", 2));
        commands.confirm(checkout.id(), "987654");

        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance(checkout)).list();
        assertThat(variables).filteredOn(v -> v.getName().equals(CheckoutProcess.VAR_LABEL))
                .extracting(HistoricVariableInstance::getValue)
                .containsExactly(account + " / register 2 / order order-" + checkout.orderId().substring(6));
        assertThat(variables).filteredOn(v -> v.getName().equals(CheckoutProcess.VAR_TOTAL))
                .extracting(HistoricVariableInstance::getValue).containsExactly(91.0);
        assertThat(variables).allSatisfy(v -> assertThat(String.valueOf(v.getValue())).doesNotContain("987654"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(checkout.id()).count())
                .isEqualTo(1);
    }

    private Checkout start() {
        String id = UUID.randomUUID().toString();
        return commands.start(new CheckoutCommands.NewCheckout(id, account, "2", bindingId, "key-" + id, "hash",
                "order-" + id.substring(0, 8), null, "c-1001", "UAH", new BigDecimal("91.00"),
                List.of(new CheckoutModel.Item("12", null, "Latte", new BigDecimal("2"), new BigDecimal("45.50")))));
    }

    private Checkout reservedWithConfirmation(String transactionId) {
        Checkout checkout = start();
        reserves(new IncustWire.Transaction(transactionId, checkout.id(), "confirmation_required", new BigDecimal("20.00"),
                BigDecimal.ZERO, new BigDecimal("71.00"),
                new IncustWire.Confirmation("phone", OffsetDateTime.parse("2030-01-01T12:05:00Z"), 3)));
        Checkout reserved = commands.chooseRedemption(checkout.id(),
                new CheckoutModel.Redemption(new BigDecimal("20.00"), List.of()));
        assertThat(reserved.status()).isEqualTo(CheckoutStatus.AWAITING_CONFIRMATION);
        assertThat(reserved.confirmation().channel()).isEqualTo("PHONE");
        return reserved;
    }

    private Checkout reservedWithoutConfirmation(String transactionId, String bonus) {
        Checkout checkout = start();
        reserves(transaction(transactionId, "reserved", bonus, null));
        return commands.chooseRedemption(checkout.id(), new CheckoutModel.Redemption(new BigDecimal(bonus), List.of()));
    }

    private Checkout reservedWithoutConfirmation(String transactionId, String bonus, String posterReceipt) {
        Checkout checkout = reservedWithoutConfirmation(transactionId, bonus);
        checkouts.saveReceipt(checkout.id(), posterReceipt, null);
        return checkouts.find(checkout.id()).orElseThrow();
    }

    private void reserves(IncustWire.Transaction transaction) {
        when(incust.reserve(eq(TERMINAL), any(), anyString(), any())).thenReturn(transaction);
    }

    private static IncustWire.Transaction transaction(String id, String status, String bonus, Integer attemptsLeft) {
        return new IncustWire.Transaction(id, null, status, new BigDecimal(bonus), BigDecimal.ZERO, new BigDecimal("71.00"),
                attemptsLeft == null ? null : new IncustWire.Confirmation("phone", OffsetDateTime.parse("2030-01-01T12:05:00Z"),
                        attemptsLeft));
    }

    private static IncustApiException invalidCode() {
        return new IncustApiException("POST /term/transaction/{id}/confirm", 422,
                IncustApiException.CONFIRMATION_CODE_INVALID, "Wrong code");
    }

    private CheckoutStatus status(Checkout checkout) {
        return checkouts.find(checkout.id()).orElseThrow().status();
    }

    private String instance(Checkout checkout) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(checkout.id()).singleResult().getId();
    }

    private Job onlyJob(Checkout checkout) {
        return management.createJobQuery().processInstanceId(instance(checkout)).singleResult();
    }

    private Job timer(Checkout checkout) {
        return management.createJobQuery().processInstanceId(instance(checkout)).timers().singleResult();
    }

    private String ended(Checkout checkout) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(checkout.id()).singleResult()
                .getEndActivityId();
    }
}
