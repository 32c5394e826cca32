package com.posterincust.reversal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.posterincust.SequenceFlowCoverage;
import com.posterincust.binding.TerminalBindingRepository;
import com.posterincust.checkout.CheckoutModel;
import com.posterincust.checkout.CheckoutRepository;
import com.posterincust.checkout.CheckoutStatus;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.Loyalty;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Every sequence flow of processes/sale-reversal.bpmn, with inCust mocked at its client. */
@SpringBootTest
@ActiveProfiles("test")
@Import(SequenceFlowCoverage.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaleReversalProcessTest {

    static final IncustCredentials TERMINAL = new IncustCredentials("bar-login", "bar-password");
    static final String REASON = "The guest returned the cake";

    @MockitoBean
    IncustClient incust;

    @Autowired
    SaleReversalCommands reversals;
    @Autowired
    SaleReversalRepository stored;
    @Autowired
    CheckoutRepository checkouts;
    @Autowired
    TerminalBindingRepository bindings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    ProcessEngine engine;

    String account;
    String bindingId;

    @BeforeEach
    void aBoundRegister() {
        BpmnAwareTests.init(engine);
        account = "cafe" + System.nanoTime();
        bindingId = UUID.randomUUID().toString();
        bindings.bind(new TerminalBindingRepository.NewBinding(bindingId, account, "1", "2", TERMINAL, "t-77", "Bar",
                "UAH", true));
        // asked before the cancel is sent: the finalized sale, unless a test says otherwise
        when(incust.transaction(org.mockito.ArgumentMatchers.eq(TERMINAL), anyString()))
                .thenAnswer(asked -> transaction(asked.getArgument(1), "finalized"));
    }

    @AfterAll
    void everySequenceFlowWasTaken() {
        SequenceFlowCoverage.assertEveryFlowTaken("processes/sale-reversal.bpmn", history);
    }

    @Test
    void inCustCancelsTheSaleAndTheCheckoutIsReversed() {
        String checkout = completedSale("tx-1");

        assertThat(reversals.request(checkout, REASON, SaleReversal.RequestedBy.OPERATOR))
                .isInstanceOf(SaleReversalCommands.Requested.Started.class);
        ProcessInstance reversal = reversalOf(checkout);
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.REVERSING);
        BpmnAwareTests.assertThat(reversal).isWaitingAt("CancelTheSaleInIncust");

        execute(job(reversal));

        BpmnAwareTests.assertThat(reversal).isEnded().hasPassed("SaleReversedInIncust");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.REVERSED);
        verify(incust).cancel(TERMINAL, "tx-1");
        SaleReversal done = stored.find(checkout).orElseThrow();
        assertThat(done.outcome()).isEqualTo(SaleReversal.Outcome.CANCELLED_IN_INCUST);
        assertThat(done.reason()).isEqualTo(REASON);
        assertThat(done.requestedBy()).isEqualTo(SaleReversal.RequestedBy.OPERATOR);
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.requestedAt());
    }

    @Test
    void aTransactionInCustShowsCancelledAlreadyIsReversed() {
        String checkout = completedSale("tx-2");
        when(incust.cancel(TERMINAL, "tx-2")).thenThrow(refusal());
        when(incust.transaction(TERMINAL, "tx-2")).thenReturn(transaction("tx-2", "cancelled"));
        reversals.request(checkout, REASON, SaleReversal.RequestedBy.OPERATOR);
        ProcessInstance reversal = reversalOf(checkout);

        execute(job(reversal));

        BpmnAwareTests.assertThat(reversal).isEnded().hasPassed("SaleReversedInIncust");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.REVERSED);
    }

    @Test
    void whenInCustRefusesAnOperatorReversesTheSaleByHandAndSaysDone() {
        String checkout = completedSale("tx-3");
        when(incust.cancel(TERMINAL, "tx-3")).thenThrow(refusal());
        when(incust.transaction(TERMINAL, "tx-3")).thenReturn(transaction("tx-3", "finalized"));
        reversals.request(checkout, REASON, SaleReversal.RequestedBy.OPERATOR);
        ProcessInstance reversal = reversalOf(checkout);

        execute(job(reversal));

        BpmnAwareTests.assertThat(reversal).isWaitingAt(SaleReversalProcess.TASK_REVERSE_BY_HAND)
                .task().hasCandidateGroup("operators");
        BpmnAwareTests.assertThat(reversal).variables()
                .containsEntry(SaleReversalProcess.VAR_GUEST, "c-1001")
                .containsEntry(SaleReversalProcess.VAR_REDEEMED, "20.00")
                .containsEntry(SaleReversalProcess.VAR_EARNED, "3.55")
                .containsEntry(SaleReversalProcess.VAR_INCUST_TRANSACTION, "tx-3")
                .containsEntry("incustRefusal", "A finalized transaction cannot be cancelled")
                .containsEntry(SaleReversalProcess.VAR_LABEL, account + " / register 2 / order order-1");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.REVERSING);

        complete(task(reversal), withVariables(SaleReversalProcess.VAR_HAND_REVERSAL, "done"));

        BpmnAwareTests.assertThat(reversal).isEnded().hasPassed("RecordTheOperatorsAnswer", "SaleReversedByHand");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.REVERSED);
        assertThat(stored.find(checkout).orElseThrow().outcome()).isEqualTo(SaleReversal.Outcome.REVERSED_BY_HAND);
        verify(incust, times(1)).cancel(TERMINAL, "tx-3");
    }

    @Test
    void whenTheOperatorFindsItNotPossibleTheSaleStandsAndIsNotReversedAgain() {
        String checkout = completedSale("tx-4");
        when(incust.cancel(TERMINAL, "tx-4")).thenThrow(refusal());
        when(incust.transaction(TERMINAL, "tx-4")).thenThrow(new IncustApiException(
                "GET /term/transaction/{id}", 404, IncustApiException.TRANSACTION_NOT_FOUND, "Transaction not found"));
        reversals.request(checkout, REASON, SaleReversal.RequestedBy.OPERATOR);
        ProcessInstance reversal = reversalOf(checkout);
        execute(job(reversal));

        complete(task(reversal), withVariables(SaleReversalProcess.VAR_HAND_REVERSAL, "notPossible"));

        BpmnAwareTests.assertThat(reversal).isEnded().hasPassed("ReversalNotPossible");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.COMPLETED);
        assertThat(stored.find(checkout).orElseThrow().outcome()).isEqualTo(SaleReversal.Outcome.NOT_POSSIBLE);
        assertThat(reversals.request(checkout, REASON, SaleReversal.RequestedBy.OPERATOR))
                .isInstanceOf(SaleReversalCommands.Requested.WrongState.class);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SaleReversalProcess.KEY)
                .processInstanceBusinessKey(checkout).count()).isZero();
    }

    @Test
    void inCustUnreachableIsRetriedTenTimesThenAnIncidentTheCheckoutStillReversing() {
        String checkout = completedSale("tx-5");
        when(incust.cancel(TERMINAL, "tx-5"))
                .thenThrow(new ExternalSystemUnavailableException("inCust", "cancel", "HTTP 503", false));
        reversals.request(checkout, REASON, SaleReversal.RequestedBy.OPERATOR);
        Job cancel = job(reversalOf(checkout));
        assertThat(cancel.getRetries()).isEqualTo(10);

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> management.executeJob(cancel.getId()))
                    .isInstanceOf(ExternalSystemUnavailableException.class);
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(reversalOf(checkout).getId()).singleResult()
                .getActivityId()).isEqualTo("CancelTheSaleInIncust");
        assertThat(status(checkout)).isEqualTo(CheckoutStatus.REVERSING);
        assertThat(stored.find(checkout).orElseThrow().outcome()).isNull();
    }

    @Test
    void theSameRequestAgainIsAnsweredAsItStandsAndStartsNothing() {
        String checkout = completedSale("tx-6");
        reversals.request(checkout, REASON, SaleReversal.RequestedBy.OPERATOR);

        SaleReversalCommands.Requested again = reversals.request(checkout, REASON, SaleReversal.RequestedBy.OPERATOR);
        SaleReversalCommands.Requested other = reversals.request(checkout, "Another reason", SaleReversal.RequestedBy.OPERATOR);
        SaleReversalCommands.Requested fromPoster = reversals.request(checkout, REASON, SaleReversal.RequestedBy.POSTER);

        assertThat(again).isInstanceOfSatisfying(SaleReversalCommands.Requested.Repeated.class,
                repeated -> assertThat(repeated.checkout().status()).isEqualTo(CheckoutStatus.REVERSING));
        assertThat(other).isInstanceOf(SaleReversalCommands.Requested.WrongState.class);
        assertThat(fromPoster).isInstanceOf(SaleReversalCommands.Requested.WrongState.class);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(SaleReversalProcess.KEY)
                .processInstanceBusinessKey(checkout).count()).isEqualTo(1);
        verify(incust, never()).cancel(any(), anyString());
    }

    @Test
    void onlyACompletedSaleCanBeReversed() {
        String checkout = completedSale("tx-7");
        checkouts.setStatus(checkout, CheckoutStatus.AWAITING_ORDER_CLOSE);

        assertThat(reversals.request(checkout, REASON, SaleReversal.RequestedBy.OPERATOR))
                .isInstanceOfSatisfying(SaleReversalCommands.Requested.WrongState.class,
                        wrong -> assertThat(wrong.checkout().status()).isEqualTo(CheckoutStatus.AWAITING_ORDER_CLOSE));
        assertThat(reversals.request("no-such-checkout", REASON, SaleReversal.RequestedBy.OPERATOR))
                .isInstanceOf(SaleReversalCommands.Requested.NotFound.class);
        assertThat(stored.find(checkout)).isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SaleReversalProcess.KEY)
                .processInstanceBusinessKey(checkout).count()).isZero();
    }

    /** A sale the checkout process finalized: 20.00 redeemed, 3.55 earned as offered. */
    private String completedSale(String incustTransactionId) {
        String id = UUID.randomUUID().toString();
        checkouts.insert(id, account, "2", bindingId, "key-" + id, "hash", "order-1", "5001", "c-1001", "501", "UAH",
                new BigDecimal("91.00"), List.of(new CheckoutModel.Item("12", null, "Latte", new BigDecimal("2"),
                        new BigDecimal("45.50"))));
        checkouts.saveOffer(id, new CheckoutModel.Offer(new BigDecimal("150.00"), new BigDecimal("45.50"), List.of(),
                BigDecimal.ZERO, new BigDecimal("3.55"), new BigDecimal("91.00")), null);
        checkouts.saveReservation(id, incustTransactionId, new BigDecimal("20.00"), new CheckoutModel.Result(
                new BigDecimal("20.00"), BigDecimal.ZERO, new BigDecimal("71.00")), null);
        jdbc.sql("update checkout set finalized_bonus = 20.00 where id = ?").param(id).update();
        checkouts.setStatus(id, CheckoutStatus.COMPLETED);
        return id;
    }

    /** The checkout's running reversal; kept by the test, it can be asserted on after it ended. */
    private ProcessInstance reversalOf(String checkout) {
        ProcessInstance running = runtime.createProcessInstanceQuery().processDefinitionKey(SaleReversalProcess.KEY)
                .processInstanceBusinessKey(checkout).singleResult();
        assertThat(running).as("the reversal of " + checkout).isNotNull();
        return running;
    }

    private CheckoutStatus status(String checkout) {
        return checkouts.find(checkout).orElseThrow().status();
    }

    private static IncustApiException refusal() {
        return new IncustApiException("POST /term/transaction/{id}/cancel", 409, IncustApiException.TRANSACTION_STATE,
                "A finalized transaction cannot be cancelled");
    }

    private static Loyalty.Transaction transaction(String id, String status) {
        return new Loyalty.Transaction(id, null, status, new BigDecimal("20.00"), BigDecimal.ZERO,
                new BigDecimal("71.00"), null);
    }
}
