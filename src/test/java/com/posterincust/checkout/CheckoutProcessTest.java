package com.posterincust.checkout;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.posterincust.SequenceFlowCoverage;
import com.posterincust.binding.TerminalBindingRepository;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.Loyalty;
import com.posterincust.installation.InstallationRepository;
import com.posterincust.installation.InstallationStatus;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterReceipt;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
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

/** Every sequence flow of processes/checkout.bpmn, with Poster and inCust mocked at their clients. */
@SpringBootTest(properties = "checkout.receipt-check-limit=2")
@ActiveProfiles("test")
@Import(SequenceFlowCoverage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckoutProcessTest {

    static final String TOKEN = "861052:4164553abf6a031302898da7800b59fb";
    static final IncustCredentials TERMINAL = new IncustCredentials("bar-login", "bar-password");

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
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    String account;
    String bindingId;
    final Map<String, ProcessInstance> started = new HashMap<>();

    @BeforeEach
    void aBoundRegisterAndAnOffer() {
        BpmnAwareTests.init(engine);
        account = "cafe" + System.nanoTime();
        installations.storeToken(account, "861052", TOKEN);
        installations.setStatus(account, InstallationStatus.ACTIVE);
        bindingId = UUID.randomUUID().toString();
        bindings.bind(new TerminalBindingRepository.NewBinding(bindingId, account, "1", "2", TERMINAL, "t-77", "Bar", "UAH",
                true));
        when(incust.prepareCheck(eq(TERMINAL), any())).thenReturn(new Loyalty.CheckResult(new BigDecimal("91.00"),
                BigDecimal.ZERO, new BigDecimal("4.55"), new BigDecimal("150.00"), new BigDecimal("45.50"),
                List.of(new Loyalty.CouponRef("COFFEE10", "10% off")), new BigDecimal("91.00")));
        // asked before a finalize or a cancel is sent: a reservation, unless a test says otherwise
        when(incust.transaction(eq(TERMINAL), anyString())).thenAnswer(asked -> transaction(asked.getArgument(1),
                "reserved", "20.00", null));
    }

    @AfterAll
    void everySequenceFlowWasTaken() {
        SequenceFlowCoverage.assertEveryFlowTaken("processes/checkout.bpmn", history);
    }

    @Test
    void withoutConfirmationTheSaleIsReservedClosedByTheRegisterAndFinalized() {
        Checkout checkout = start();
        assertThat(checkout.status()).isEqualTo(CheckoutStatus.AWAITING_REDEMPTION);
        assertThat(checkout.offer().maxRedeemableBonus()).isEqualByComparingTo("45.50");
        reserves(transaction("tx-1", "reserved", "0", null));

        Checkout reserved = chooseRedemption(checkout, new CheckoutModel.Redemption(BigDecimal.ZERO, List.of()));

        assertThat(reserved.status()).isEqualTo(CheckoutStatus.AWAITING_ORDER_CLOSE);
        verify(incust).reserve(eq(TERMINAL), any(), eq(checkout.id()), eq(new Loyalty.Redeem(BigDecimal.ZERO, List.of())));
        assertThat(receiptClosed(checkout, "5001", BigDecimal.ZERO).status())
                .isEqualTo(CheckoutStatus.FINALIZING);
        runs(checkout, "RecordClosedReceipt", "FinalizeInIncust");

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        verify(incust).finalizeTransaction(TERMINAL, "tx-1", "5001", new BigDecimal("0.00"));
        verify(incust, never()).cancel(any(), anyString());
    }

    @Test
    void aWrongCodeThenTheRightOneLetsTheReceiptCloseThenFinalizesWithWhatItPaid() {
        Checkout checkout = reservedWithConfirmation("tx-2");
        when(incust.confirm(TERMINAL, "tx-2", "1111")).thenThrow(invalidCode());
        when(incust.transaction(TERMINAL, "tx-2")).thenReturn(transaction("tx-2", "confirmation_required", "20.00", 2));

        Checkout wrong = confirm(checkout, "1111");
        assertThat(wrong.status()).isEqualTo(CheckoutStatus.AWAITING_CONFIRMATION);
        assertThat(wrong.confirmation().attemptsLeft()).isEqualTo(2);

        when(incust.confirm(TERMINAL, "tx-2", "4321")).thenReturn(transaction("tx-2", "confirmed", "20.00", 2));
        Checkout right = confirm(checkout, "4321");
        assertThat(right.status()).isEqualTo(CheckoutStatus.AWAITING_ORDER_CLOSE);
        assertThat(right.result().bonusToApply()).isEqualByComparingTo("20.00");

        receiptClosed(checkout, "5002", new BigDecimal("15.00"));
        runs(checkout, "RecordClosedReceipt", "FinalizeInIncust");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        verify(incust).finalizeTransaction(TERMINAL, "tx-2", "5002", new BigDecimal("15.00"));
    }

    @Test
    void theBonusFinalizedIsNeverMoreThanReserved() {
        Checkout checkout = reservedWithoutConfirmation("tx-3", "20.00");

        receiptClosed(checkout, "5003", new BigDecimal("35.00"));
        runs(checkout, "RecordClosedReceipt", "FinalizeInIncust");

        verify(incust).finalizeTransaction(TERMINAL, "tx-3", "5003", new BigDecimal("20.00"));
    }

    /** inCust cancels the transaction after the last attempt: the release asks first and sends nothing. */
    @Test
    void runningOutOfAttemptsCancelsAndReleases() {
        Checkout checkout = reservedWithConfirmation("tx-4");
        when(incust.confirm(TERMINAL, "tx-4", "1111")).thenThrow(invalidCode());
        when(incust.transaction(TERMINAL, "tx-4")).thenReturn(transaction("tx-4", "cancelled", "20.00", 0));

        assertThat(confirm(checkout, "1111").status()).isEqualTo(CheckoutStatus.CANCELLED);
        runs(checkout, "ReleaseReservation");

        verify(incust, never()).cancel(TERMINAL, "tx-4");
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("CodeAttemptsExhausted");
    }

    @Test
    void aCodeThatInCustCallsExpiredCancelsAndReleases() {
        Checkout checkout = reservedWithConfirmation("tx-5");
        when(incust.confirm(TERMINAL, "tx-5", "1111")).thenThrow(new IncustApiException("POST /term/transaction/{id}/confirm",
                422, IncustApiException.CONFIRMATION_CODE_EXPIRED, "expired"));

        assertThat(confirm(checkout, "1111").status()).isEqualTo(CheckoutStatus.CANCELLED);
        runs(checkout, "ReleaseReservation");

        verify(incust).cancel(TERMINAL, "tx-5");
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("CodeExpiredAtIncust");
    }

    @Test
    void whenTheCodeExpiresUnusedTheCheckoutExpiresAndReleases() {
        Checkout checkout = reservedWithConfirmation("tx-6");
        Job expiry = timer(checkout);
        assertThat(expiry.getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2030-01-01T12:05:00Z").toInstant());

        management.executeJob(expiry.getId());
        runs(checkout, "ReleaseReservation");

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.EXPIRED);
        verify(incust).cancel(TERMINAL, "tx-6");
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("CheckoutExpired");
    }

    @Test
    void aNewCodeMovesTheExpiry() {
        Checkout checkout = reservedWithConfirmation("tx-7");
        Loyalty.Transaction resent = new Loyalty.Transaction("tx-7", checkout.id(), "confirmation_required",
                new BigDecimal("20.00"), BigDecimal.ZERO, new BigDecimal("71.00"),
                new Loyalty.Confirmation("phone", OffsetDateTime.parse("2030-01-01T12:15:00Z"), 3));
        when(incust.resendConfirmation(TERMINAL, "tx-7")).thenReturn(resent);

        Checkout after = resendCode(checkout);

        assertThat(after.status()).isEqualTo(CheckoutStatus.AWAITING_CONFIRMATION);
        assertThat(after.confirmation().expiresAt()).isEqualTo(OffsetDateTime.parse("2030-01-01T12:15:00Z"));
        assertThat(timer(checkout).getDuedate().toInstant()).isEqualTo(OffsetDateTime.parse("2030-01-01T12:15:00Z").toInstant());
    }

    @Test
    void cancellingBeforeTheRedemptionReservesNothing() {
        Checkout checkout = start();

        assertThat(cancel(checkout).status()).isEqualTo(CheckoutStatus.CANCELLED);
        runs(checkout, "ReleaseAnyHoldAfterCancel");

        verify(incust, never()).reserve(any(), any(), anyString(), any());
        verify(incust).transactionsByExternalId(TERMINAL, checkout.id());
        verify(incust, never()).cancel(any(), anyString());
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("CheckoutCancelledEarly");
    }

    @Test
    void anOfferNobodyAnswersIsAbandoned() {
        Checkout checkout = start();

        management.executeJob(timer(checkout).getId());
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.EXPIRED);
        runs(checkout, "ReleaseAnyHoldAfterTimeout");

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.EXPIRED);
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("CheckoutAbandoned");
    }

    @Test
    void theCodeIsEnteredAtTheRegisterAndNowhereElse() {
        Checkout checkout = reservedWithConfirmation("tx-22");
        org.camunda.bpm.engine.task.Task enterCode = tasks.createTaskQuery().processInstanceBusinessKey(checkout.id())
                .singleResult();
        assertThat(tasks.getIdentityLinksForTask(enterCode.getId())).as("offered to nobody in Tasklist").isEmpty();

        engine.getIdentityService().setAuthentication("admin", List.of("camunda-admin"));
        try {
            assertThatThrownBy(() -> tasks.complete(enterCode.getId(), Map.of(CheckoutProcess.TRANSIENT_CODE, "1234")))
                    .hasMessageContaining("completed by the register");
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.AWAITING_CONFIRMATION);
        verify(incust, never()).confirm(any(), anyString(), anyString());
        when(incust.confirm(TERMINAL, "tx-22", "1234")).thenReturn(transaction("tx-22", "confirmed", "20.00", 2));
        assertThat(confirm(checkout, "1234").status()).isEqualTo(CheckoutStatus.AWAITING_ORDER_CLOSE);
    }

    /** inCust reserved, but its answer was lost: the checkout still waits for a choice, and knows no transaction. */
    @Test
    void aReservationWhoseAnswerWasLostIsReleasedWhenTheCashierCancels() {
        Checkout checkout = start();
        when(incust.reserve(eq(TERMINAL), any(), eq(checkout.id()), any()))
                .thenThrow(new ExternalSystemUnavailableException("inCust", "reserve", "read timed out", true));
        assertThatThrownBy(() -> chooseRedemption(checkout,
                new CheckoutModel.Redemption(new BigDecimal("20.00"), List.of())))
                .isInstanceOf(ExternalSystemUnavailableException.class);
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.AWAITING_REDEMPTION);
        when(incust.transactionsByExternalId(TERMINAL, checkout.id())).thenReturn(List.of(
                transaction("tx-lost", "reserved", "20.00", null), transaction("tx-old", "cancelled", "5.00", null)));

        assertThat(cancel(checkout).status()).isEqualTo(CheckoutStatus.CANCELLED);
        runs(checkout, "ReleaseAnyHoldAfterCancel");

        verify(incust).cancel(TERMINAL, "tx-lost");
        verify(incust, never()).cancel(TERMINAL, "tx-old");
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("CheckoutCancelledEarly");
    }

    @Test
    void aReservationWhoseAnswerWasLostIsReleasedWhenNobodyChoosesInTime() {
        Checkout checkout = start();
        when(incust.transactionsByExternalId(TERMINAL, checkout.id())).thenReturn(List.of(
                transaction("tx-lost-2", "confirmation_required", "20.00", 3)));

        management.executeJob(timer(checkout).getId());
        runs(checkout, "ReleaseAnyHoldAfterTimeout");

        verify(incust).cancel(TERMINAL, "tx-lost-2");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.EXPIRED);
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("CheckoutAbandoned");
    }

    @Test
    void aLookUpThatKeepsFailingBecomesAnIncidentWhereTheCheckoutWasCancelled() {
        Checkout checkout = start();
        when(incust.transactionsByExternalId(TERMINAL, checkout.id()))
                .thenThrow(new ExternalSystemUnavailableException("inCust", "transactions", "HTTP 503", false));

        assertThat(cancel(checkout).status()).isEqualTo(CheckoutStatus.CANCELLED);
        Job release = job(processOf(checkout));
        assertThat(release.getRetries()).isEqualTo(10);
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> management.executeJob(release.getId()))
                    .isInstanceOf(ExternalSystemUnavailableException.class);
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(instance(checkout)).singleResult().getActivityId())
                .isEqualTo("ReleaseAnyHoldAfterCancel");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.CANCELLED);
    }

    @Test
    void cancellingWhileWaitingForTheCodeReleases() {
        Checkout checkout = reservedWithConfirmation("tx-8");

        assertThat(cancel(checkout).status()).isEqualTo(CheckoutStatus.CANCELLED);
        runs(checkout, "ReleaseReservation");

        verify(incust).cancel(TERMINAL, "tx-8");
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("CancelledWhileConfirming");
    }

    @Test
    void cancellingWhileWaitingForTheReceiptReleases() {
        Checkout checkout = reservedWithoutConfirmation("tx-9", "10.00");

        assertThat(cancel(checkout).status()).isEqualTo(CheckoutStatus.CANCELLED);
        runs(checkout, "ReleaseReservation");

        verify(incust).cancel(TERMINAL, "tx-9");
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("CancelledWhileWaitingForReceipt");
    }

    @Test
    void aRedemptionInCustRefusesLeavesTheCheckoutWaitingForAnotherChoice() {
        Checkout checkout = start();
        when(incust.reserve(eq(TERMINAL), any(), eq(checkout.id()), any())).thenThrow(new IncustApiException(
                "POST /term/check/reserve", 422, IncustApiException.INSUFFICIENT_BONUSES, "Not enough bonus points"));

        Checkout refused = chooseRedemption(checkout,
                new CheckoutModel.Redemption(new BigDecimal("40.00"), List.of()));

        assertThat(refused.status()).isEqualTo(CheckoutStatus.AWAITING_REDEMPTION);
        assertThat(refused.rejection()).isEqualTo("Not enough bonus points");
        reserves(transaction("tx-10", "reserved", "10.00", null));
        assertThat(chooseRedemption(checkout, new CheckoutModel.Redemption(new BigDecimal("10.00"), List.of()))
                .status()).isEqualTo(CheckoutStatus.AWAITING_ORDER_CLOSE);
    }

    @Test
    void theWebhookFirstThenTheRegisterFinalizesOnceWithWhatPosterSaysWasPaid() {
        Checkout checkout = reservedWithoutConfirmation("tx-11", "20.00", "6001");
        when(poster.getTransaction(account, TOKEN, "6001")).thenReturn(Optional.of(
                new PosterReceipt("6001", PosterReceipt.State.CLOSED, new BigDecimal("12.50"), "2", null, null)));

        assertThat(receiptClosed(checkout, "6001", null).status())
                .isEqualTo(CheckoutStatus.FINALIZING);
        assertThat(receiptClosed(checkout, "6001", new BigDecimal("20.00")).status())
                .isEqualTo(CheckoutStatus.FINALIZING);
        runs(checkout, "RecordClosedReceipt", "FinalizeInIncust");

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        verify(incust, times(1)).finalizeTransaction(TERMINAL, "tx-11", "6001", new BigDecimal("12.50"));
    }

    /** Poster's receipt shows no bonus where the register applied 20: finalized with 20, an operator checks. */
    @Test
    void whenTheRegisterAndPostersReceiptDisagreeAnOperatorChecksTheBonus() {
        Checkout checkout = reservedWithoutConfirmation("tx-14", "20.00", "6004");
        when(poster.getTransaction(account, TOKEN, "6004")).thenReturn(Optional.of(
                new PosterReceipt("6004", PosterReceipt.State.CLOSED, new BigDecimal("0.00"), "2", null, null)));

        receiptClosed(checkout, "6004", new BigDecimal("20.00"));
        runs(checkout, "RecordClosedReceipt", "FinalizeInIncust");

        verify(incust).finalizeTransaction(TERMINAL, "tx-14", "6004", new BigDecimal("20.00"));
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        assertThat(checkouts.find(checkout.id()).orElseThrow().bonusCheck())
                .isEqualTo("Poster's receipt shows no bonus paid; the register reported 20.00: finalized with 20.00");
        org.camunda.bpm.engine.task.Task check = tasks.createTaskQuery().processInstanceBusinessKey(checkout.id())
                .singleResult();
        assertThat(check.getTaskDefinitionKey()).isEqualTo("CheckTheBonusOnPostersReceipt");
        assertThat(tasks.createTaskQuery().taskId(check.getId()).taskCandidateGroup("operators").count()).isOne();

        tasks.complete(check.getId());
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("CheckoutCompletedAfterBonusCheck");
    }

    @Test
    void theRegisterFirstThenTheWebhookChangesNothing() {
        Checkout checkout = reservedWithoutConfirmation("tx-12", "20.00", "6002");

        receiptClosed(checkout, "6002", new BigDecimal("20.00"));
        runs(checkout, "RecordClosedReceipt", "FinalizeInIncust");
        assertThat(receiptClosed(checkout, "6002", null).status())
                .isEqualTo(CheckoutStatus.COMPLETED);

        verify(incust, times(1)).finalizeTransaction(any(), anyString(), anyString(), any());
        verify(poster, times(1)).getTransaction(anyString(), anyString(), anyString());
    }

    @Test
    void whenNobodySaysAClosedReceiptIsReadFromPoster() {
        Checkout checkout = reservedWithoutConfirmation("tx-13", "20.00", "6003");
        when(poster.getTransaction(account, TOKEN, "6003")).thenReturn(Optional.of(
                new PosterReceipt("6003", PosterReceipt.State.CLOSED, new BigDecimal("20.00"), "2", null, null)));

        management.executeJob(timer(checkout).getId());
        runs(checkout, "FinalizeInIncust");

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        verify(incust).finalizeTransaction(TERMINAL, "tx-13", "6003", new BigDecimal("20.00"));
    }

    @Test
    void aReceiptPosterSaysWasDeletedEndsAsTheReceiptCheckWouldHaveEndedIt() {
        Checkout checkout = reservedWithoutConfirmation("tx-24", "20.00", "6024");

        assertThat(commands.locked(checkout.id(), commands::receiptDeleted).orElseThrow().status())
                .isEqualTo(CheckoutStatus.CANCELLED);
        runs(checkout, "ReleaseReservation");

        verify(incust).cancel(TERMINAL, "tx-24");
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("ReceiptDeletedInPoster", "ReceiptDeleted")
                .hasNotPassed("ReadReceiptFromPoster");
    }

    @Test
    void aDeletedReceiptReleases() {
        Checkout checkout = reservedWithoutConfirmation("tx-14", "20.00", "6004");
        when(poster.getTransaction(account, TOKEN, "6004")).thenReturn(Optional.of(
                new PosterReceipt("6004", PosterReceipt.State.DELETED, BigDecimal.ZERO, "2", null, null)));

        management.executeJob(timer(checkout).getId());
        runs(checkout, "ReleaseReservation");

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.CANCELLED);
        verify(incust).cancel(TERMINAL, "tx-14");
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("ReceiptDeleted");
    }

    @Test
    void aReceiptThatNeverClosesIsCheckedAgainThenReleased() {
        Checkout checkout = reservedWithoutConfirmation("tx-15", "20.00", "6005");
        when(poster.getTransaction(account, TOKEN, "6005")).thenReturn(Optional.of(
                new PosterReceipt("6005", PosterReceipt.State.OPEN, BigDecimal.ZERO, "2", null, null)));

        management.executeJob(timer(checkout).getId());
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.AWAITING_ORDER_CLOSE);
        management.executeJob(timer(checkout).getId());
        runs(checkout, "ReleaseReservation");

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.EXPIRED);
        verify(incust).cancel(TERMINAL, "tx-15");
        BpmnAwareTests.assertThat(processOf(checkout)).isEnded().hasPassed("ReceiptNeverClosed");
    }

    @Test
    void aFailingFinalizeIsRetriedAndSucceeds() {
        Checkout checkout = reservedWithoutConfirmation("tx-16", "0.00");
        when(incust.finalizeTransaction(TERMINAL, "tx-16", "5016", new BigDecimal("0.00")))
                .thenThrow(new ExternalSystemUnavailableException("inCust", "finalize", "HTTP 503", false))
                .thenReturn(transaction("tx-16", "finalized", "0", null));
        receiptClosed(checkout, "5016", BigDecimal.ZERO);
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
        receiptClosed(checkout, "5017", BigDecimal.ZERO);
        management.executeJob(onlyJob(checkout).getId());

        int attempts = 0;
        for (Job finalize = management.createJobQuery().processInstanceId(instance(checkout)).withRetriesLeft()
                .singleResult(); finalize != null; finalize = management.createJobQuery()
                .processInstanceId(instance(checkout)).withRetriesLeft().singleResult()) {
            String id = finalize.getId();
            assertThatThrownBy(() -> management.executeJob(id)).isInstanceOf(ExternalSystemUnavailableException.class);
            attempts++;
        }

        assertThat(attempts).as("checkout.background-retry-cycle R10/PT1M: ten tries").isEqualTo(10);
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

        receiptClosed(checkout, "5018", BigDecimal.ZERO);
        runs(checkout, "RecordClosedReceipt", "FinalizeInIncust");

        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
    }

    @Test
    void aCancelWhileInCustIsDownAnswersAtOnceAndTheReleaseRetriesUntilAnIncident() {
        Checkout checkout = reservedWithoutConfirmation("tx-21", "10.00");
        when(incust.cancel(TERMINAL, "tx-21"))
                .thenThrow(new ExternalSystemUnavailableException("inCust", "cancel", "HTTP 503", false));

        assertThat(cancel(checkout).status()).isEqualTo(CheckoutStatus.CANCELLED);
        Job release = job(processOf(checkout));
        assertThat(release.getRetries()).isEqualTo(10);
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> management.executeJob(release.getId()))
                    .hasRootCauseInstanceOf(ExternalSystemUnavailableException.class);
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(instance(checkout)).singleResult().getActivityId())
                .isEqualTo("CancelledWhileWaitingForReceipt");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.CANCELLED);
        verify(incust, times(10)).cancel(TERMINAL, "tx-21");
    }

    @Test
    void aReleaseOfAReservationInCustAlreadyCancelledIsDone() {
        Checkout checkout = reservedWithoutConfirmation("tx-19", "10.00");
        when(incust.cancel(TERMINAL, "tx-19")).thenThrow(new IncustApiException("POST /term/transaction/{id}/cancel", 409,
                IncustApiException.TRANSACTION_STATE, "already cancelled"));
        when(incust.transaction(TERMINAL, "tx-19")).thenReturn(transaction("tx-19", "cancelled", "10.00", null));

        cancel(checkout);
        runs(checkout, "ReleaseReservation");

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(checkout.id()).count()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance(checkout)).count()).isZero();
    }

    @Test
    void cockpitSeesALabelAndPlainAmountsButNoCode() {
        Checkout checkout = reservedWithConfirmation("tx-20");
        when(incust.confirm(TERMINAL, "tx-20", "987654")).thenReturn(transaction("tx-20", "confirmed", "20.00", 2));
        confirm(checkout, "987654");

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

    /** The commands as the register and the webhook reach them: under the checkout's lock. */
    private Checkout chooseRedemption(Checkout checkout, CheckoutModel.Redemption redemption) {
        return commands.locked(checkout.id(), locked -> commands.chooseRedemption(locked, redemption)).orElseThrow();
    }

    private Checkout confirm(Checkout checkout, String code) {
        return commands.locked(checkout.id(), locked -> commands.confirm(locked, code)).orElseThrow();
    }

    private Checkout cancel(Checkout checkout) {
        return commands.locked(checkout.id(), commands::cancel).orElseThrow();
    }

    private Checkout resendCode(Checkout checkout) {
        return commands.locked(checkout.id(), commands::resendCode).orElseThrow();
    }

    private Checkout receiptClosed(Checkout checkout, String transactionId, BigDecimal payedBonus) {
        try {
            return commands.locked(checkout.id(), locked -> commands.receiptClosed(locked, transactionId, payedBonus))
                    .orElseThrow();
        } catch (CheckoutCommands.WaitStateGone settledAlready) {
            // as the register's order-closed after the receipt closed: its word is kept, the status answered
            return commands.locked(checkout.id(), locked -> commands.lateReport(locked, transactionId, payedBonus)).orElseThrow();
        }
    }

    private Checkout start() {
        String id = UUID.randomUUID().toString();
        Checkout checkout = commands.start(new CheckoutCommands.NewCheckout(id, account, "2", bindingId, "key-" + id, "hash",
                "order-" + id.substring(0, 8), null, "c-1001", "501", "UAH", new BigDecimal("91.00"),
                List.of(new CheckoutModel.Item("12", null, "Latte", new BigDecimal("2"), new BigDecimal("45.50")))));
        started.put(id, runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).singleResult());
        return checkout;
    }

    private Checkout reservedWithConfirmation(String transactionId) {
        Checkout checkout = start();
        reserves(new Loyalty.Transaction(transactionId, checkout.id(), "confirmation_required", new BigDecimal("20.00"),
                BigDecimal.ZERO, new BigDecimal("71.00"),
                new Loyalty.Confirmation("phone", OffsetDateTime.parse("2030-01-01T12:05:00Z"), 3)));
        Checkout reserved = chooseRedemption(checkout,
                new CheckoutModel.Redemption(new BigDecimal("20.00"), List.of()));
        assertThat(reserved.status()).isEqualTo(CheckoutStatus.AWAITING_CONFIRMATION);
        assertThat(reserved.confirmation().channel()).isEqualTo("PHONE");
        return reserved;
    }

    private Checkout reservedWithoutConfirmation(String transactionId, String bonus) {
        Checkout checkout = start();
        reserves(transaction(transactionId, "reserved", bonus, null));
        return chooseRedemption(checkout, new CheckoutModel.Redemption(new BigDecimal(bonus), List.of()));
    }

    private Checkout reservedWithoutConfirmation(String transactionId, String bonus, String posterReceipt) {
        Checkout checkout = reservedWithoutConfirmation(transactionId, bonus);
        checkouts.saveReceipt(checkout.id(), posterReceipt, null);
        return checkouts.find(checkout.id()).orElseThrow();
    }

    private void reserves(Loyalty.Transaction transaction) {
        when(incust.reserve(eq(TERMINAL), any(), anyString(), any())).thenReturn(transaction);
    }

    private static Loyalty.Transaction transaction(String id, String status, String bonus, Integer attemptsLeft) {
        return new Loyalty.Transaction(id, null, status, new BigDecimal(bonus), BigDecimal.ZERO, new BigDecimal("71.00"),
                attemptsLeft == null ? null : new Loyalty.Confirmation("phone", OffsetDateTime.parse("2030-01-01T12:05:00Z"),
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

    /** The checkout's process instance, kept from its start so that it can be asserted on after it ended. */
    private ProcessInstance processOf(Checkout checkout) {
        return started.get(checkout.id());
    }

    /**
     * Runs the checkout's jobs one at a time as the job executor would, each time its only pending job, which must
     * carry out the named step. (A compensation handler's job names no activity, so the step is checked in history.)
     */
    private void runs(Checkout checkout, String... steps) {
        for (String step : steps) {
            execute(job(processOf(checkout)));
            BpmnAwareTests.assertThat(processOf(checkout)).hasPassed(step);
        }
    }
}
