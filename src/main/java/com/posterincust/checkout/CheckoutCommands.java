package com.posterincust.checkout;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What registers and Poster ask of a checkout, each in one transaction with the engine: the call runs the model
 * up to its next wait state, and a failure of inCust or Poster on the way rolls everything back.
 */
@Service
public class CheckoutCommands {

    private static final int CONCURRENT_ATTEMPTS = 3;

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CheckoutRepository checkouts;
    private final CheckoutService service;
    private final TransactionTemplate transactions;

    public CheckoutCommands(RuntimeService runtime, TaskService tasks, CheckoutRepository checkouts,
                            CheckoutService service, TransactionTemplate transactions) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.checkouts = checkouts;
        this.service = service;
        this.transactions = transactions;
    }

    public record NewCheckout(String id, String account, String tabletId, String bindingId, String idempotencyKey,
                              String requestHash, String orderId, String transactionId, String customerId,
                              String posterClientId, String currency, BigDecimal total,
                              List<CheckoutModel.Item> items) {
    }

    /**
     * Stores the checkout and runs the model to the offer. Two requests with one Idempotency-Key: the database lets
     * one insert, the other gets {@link org.springframework.dao.DuplicateKeyException}.
     */
    @Transactional
    public Checkout start(NewCheckout checkout) {
        checkouts.insert(checkout.id(), checkout.account(), checkout.tabletId(), checkout.bindingId(),
                checkout.idempotencyKey(), checkout.requestHash(), checkout.orderId(), checkout.transactionId(),
                checkout.customerId(), checkout.posterClientId(), checkout.currency(), checkout.total(),
                checkout.items());
        runtime.createProcessInstanceByKey(CheckoutProcess.KEY)
                .businessKey(checkout.id())
                .setVariables(Variables.createVariables()
                        .putValue(CheckoutProcess.VAR_LABEL, Checkout.label(checkout.account(), checkout.tabletId(),
                                checkout.orderId()))
                        .putValue(CheckoutProcess.VAR_TOTAL, checkout.total().doubleValue()))
                .execute();
        return reread(checkout.id());
    }

    /**
     * Runs {@code work} in one transaction that holds the checkout's row lock, so that the calls on one checkout —
     * the register's, Poster's webhook, the finalize job — take turns and each decides on the status the one before
     * it left. Work that meets the engine's own on the instance (a timer firing, say) is run again.
     *
     * @return what {@code work} answered; empty when there is no such checkout
     */
    public <T> Optional<T> locked(String checkoutId, Function<Checkout, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> checkouts.lock(checkoutId).map(work));
            } catch (OptimisticLockingException concurrent) {
                if (attempt == CONCURRENT_ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    /**
     * The commands below run inside {@link #locked}, on the checkout as it was locked. Whether a call fits is the
     * model's to say: the command tries its message or task, and a checkout that waits for no such thing (its model
     * moved on) throws {@link WaitStateGone}, the transaction rolled back, for the caller to answer from the status.
     */
    @Transactional
    public Checkout chooseRedemption(Checkout checkout, CheckoutModel.Redemption redemption) {
        checkouts.saveRedemption(checkout.id(), redemption);
        correlate(checkout, CheckoutProcess.MESSAGE_REDEMPTION_CHOSEN);
        return reread(checkout.id());
    }

    @Transactional
    public Checkout confirm(Checkout checkout, String code) {
        Task enterCode = tasks.createTaskQuery().processInstanceId(instanceOf(checkout))
                .taskDefinitionKey(CheckoutProcess.TASK_ENTER_CODE).singleResult();
        if (enterCode == null) {
            throw new WaitStateGone(checkout);
        }
        tasks.complete(enterCode.getId(), Variables.createVariables()
                .putValueTyped(CheckoutProcess.TRANSIENT_CODE, Variables.stringValue(code, true)));
        return reread(checkout.id());
    }

    @Transactional
    public Checkout resendCode(Checkout checkout) {
        correlate(checkout, CheckoutProcess.MESSAGE_NEW_CODE);
        return reread(checkout.id());
    }

    /** The register's or Poster's word that the receipt closed: the first settles the checkout. */
    @Transactional
    public Checkout receiptClosed(Checkout checkout, String transactionId, BigDecimal payedBonus) {
        checkouts.saveReceipt(checkout.id(), transactionId, payedBonus);
        correlate(checkout, CheckoutProcess.MESSAGE_RECEIPT_CLOSED);
        return reread(checkout.id());
    }

    /**
     * The register's word after the receipt closed (Poster's webhook came first, at any moment): kept, and told to
     * operators when by it the sale would have been finalized otherwise. When it names another receipt than the
     * webhook's, the register's receipt is checked against Poster ({@link CheckoutService#registerNamedAnotherReceipt}).
     */
    @Transactional
    public Checkout lateReport(Checkout checkout, String transactionId, BigDecimal payedBonus) {
        if (transactionId != null && checkout.transactionId() != null
                && !transactionId.equals(checkout.transactionId())) {
            service.registerNamedAnotherReceipt(checkout, transactionId, payedBonus);
        } else if (payedBonus != null && checkout.payedBonus() == null) {
            checkouts.saveLateReport(checkout.id(), payedBonus, lateReportCheck(checkout, payedBonus));
        }
        return reread(checkout.id());
    }

    /** Poster's word that the receipt the checkout waits for was deleted. */
    @Transactional
    public Checkout receiptDeleted(Checkout checkout) {
        correlate(checkout, CheckoutProcess.MESSAGE_RECEIPT_DELETED);
        return reread(checkout.id());
    }

    @Transactional
    public Checkout cancel(Checkout checkout) {
        correlate(checkout, CheckoutProcess.MESSAGE_CANCELLED);
        return reread(checkout.id());
    }

    /** Null while the sale is not finalized yet (the finalization reads the report then), or when nothing is amiss. */
    private static String lateReportCheck(Checkout checkout, BigDecimal reported) {
        if (checkout.finalizedBonus() == null) {
            return null;
        }
        BonusEvidence byReport = BonusEvidence.of(reported, checkout.posterPayedBonus(), checkout.covered());
        if (byReport.check() == null && byReport.amount().compareTo(checkout.finalizedBonus()) == 0) {
            return null;
        }
        return "The register reported " + reported.toPlainString() + " paid with bonuses after the sale was "
                + "finalized with " + checkout.finalizedBonus().toPlainString() + " in points"
                + (byReport.check() == null ? "" : " (" + byReport.check() + ")");
    }

    /**
     * By the checkout's own instance: no search by business key, no counting of subscriptions first. The model waits
     * for each message in one place at a time, so "all" is the one waiting event or none; none is the expected race
     * (the other signal moved the checkout first), told without an exception, which the engine would log as an error.
     */
    private void correlate(Checkout checkout, String message) {
        if (runtime.createMessageCorrelation(message).processInstanceId(instanceOf(checkout))
                .correlateAllWithResult().isEmpty()) {
            throw new WaitStateGone(checkout);
        }
    }

    /** Checkouts started before the row kept their instance are found by business key. */
    private String instanceOf(Checkout checkout) {
        if (checkout.processInstanceId() != null) {
            return checkout.processInstanceId();
        }
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(checkout.id())
                .processDefinitionKey(CheckoutProcess.KEY).singleResult();
        if (instance == null) {
            throw new WaitStateGone(checkout);
        }
        return instance.getId();
    }

    private Checkout reread(String checkoutId) {
        return checkouts.find(checkoutId).orElseThrow();
    }

    /** The checkout waits for no such call (as it was locked); the caller answers from its status. */
    public static final class WaitStateGone extends RuntimeException {
        private final transient Checkout checkout;

        WaitStateGone(Checkout checkout) {
            super("Checkout " + checkout.id() + " is " + checkout.status(), null, false, false);
            this.checkout = checkout;
        }

        public Checkout checkout() {
            return checkout;
        }
    }
}
