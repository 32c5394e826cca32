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
    private final TransactionTemplate transactions;

    public CheckoutCommands(RuntimeService runtime, TaskService tasks, CheckoutRepository checkouts,
                            TransactionTemplate transactions) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.checkouts = checkouts;
        this.transactions = transactions;
    }

    public record NewCheckout(String id, String account, String tabletId, String bindingId, String idempotencyKey,
                              String requestHash, String orderId, String transactionId, String customerId,
                              String currency, BigDecimal total, List<CheckoutModel.Item> items) {
    }

    /**
     * Stores the checkout and runs the model to the offer. Two requests with one Idempotency-Key: the database lets
     * one insert, the other gets {@link org.springframework.dao.DuplicateKeyException}.
     */
    @Transactional
    public Checkout start(NewCheckout checkout) {
        checkouts.insert(checkout.id(), checkout.account(), checkout.tabletId(), checkout.bindingId(),
                checkout.idempotencyKey(), checkout.requestHash(), checkout.orderId(), checkout.transactionId(),
                checkout.customerId(), checkout.currency(), checkout.total(), checkout.items());
        runtime.createProcessInstanceByKey(CheckoutProcess.KEY)
                .businessKey(checkout.id())
                .setVariables(Variables.createVariables()
                        .putValue(CheckoutProcess.VAR_CHECKOUT_ID, checkout.id())
                        .putValue(CheckoutProcess.VAR_LABEL, checkout.account() + " / register " + checkout.tabletId()
                                + " / order " + checkout.orderId())
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

    /** The commands below run inside {@link #locked}: they act on the status the lock was taken on. */
    @Transactional
    public Checkout chooseRedemption(String checkoutId, CheckoutModel.Redemption redemption) {
        checkouts.saveRedemption(checkoutId, redemption);
        correlate(checkoutId, CheckoutProcess.MESSAGE_REDEMPTION_CHOSEN);
        return reread(checkoutId);
    }

    @Transactional
    public Checkout confirm(String checkoutId, String code) {
        Task enterCode = tasks.createTaskQuery().processInstanceBusinessKey(checkoutId)
                .taskDefinitionKey(CheckoutProcess.TASK_ENTER_CODE).singleResult();
        if (enterCode == null) {
            throw new WaitStateGone(reread(checkoutId));
        }
        tasks.complete(enterCode.getId(), Variables.createVariables()
                .putValueTyped(CheckoutProcess.TRANSIENT_CODE, Variables.stringValue(code, true)));
        return reread(checkoutId);
    }

    @Transactional
    public Checkout resendCode(String checkoutId) {
        correlate(checkoutId, CheckoutProcess.MESSAGE_NEW_CODE);
        return reread(checkoutId);
    }

    /**
     * The register's or Poster's word that the receipt closed. The first settles the checkout; the other, at any
     * moment after, changes nothing but keeps what the register reported (and tells operators when by it the sale
     * would have been finalized otherwise).
     */
    @Transactional
    public Checkout receiptClosed(Checkout checkout, String transactionId, BigDecimal payedBonus) {
        if (checkout.status() == CheckoutStatus.AWAITING_ORDER_CLOSE) {
            checkouts.saveReceipt(checkout.id(), transactionId, payedBonus);
            correlate(checkout.id(), CheckoutProcess.MESSAGE_RECEIPT_CLOSED);
        } else if (checkout.status().receiptClosed()) {
            if (payedBonus != null && checkout.payedBonus() == null) {
                checkouts.saveLateReport(checkout.id(), payedBonus, lateReportCheck(checkout, payedBonus));
            }
        } else {
            throw new WaitStateGone(checkout);
        }
        return reread(checkout.id());
    }

    @Transactional
    public Checkout cancel(String checkoutId) {
        correlate(checkoutId, CheckoutProcess.MESSAGE_CANCELLED);
        return reread(checkoutId);
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

    public List<Checkout> byTransaction(String account, String transactionId) {
        return checkouts.findByTransaction(account, transactionId);
    }

    private void correlate(String checkoutId, String message) {
        if (runtime.createEventSubscriptionQuery().eventName(message)
                .processInstanceId(instanceId(checkoutId)).count() == 0) {
            throw new WaitStateGone(reread(checkoutId));
        }
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(checkoutId).correlateWithResult();
    }

    private String instanceId(String checkoutId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(checkoutId)
                .processDefinitionKey(CheckoutProcess.KEY).singleResult();
        if (instance == null) {
            throw new WaitStateGone(reread(checkoutId));
        }
        return instance.getId();
    }

    private Checkout reread(String checkoutId) {
        return checkouts.find(checkoutId).orElseThrow();
    }

    /** The checkout is no longer waiting for this call; the caller answers with its current status. */
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
