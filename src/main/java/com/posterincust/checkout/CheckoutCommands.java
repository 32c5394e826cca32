package com.posterincust.checkout;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What registers and Poster ask of a checkout, each in one transaction with the engine: the call runs the model
 * up to its next wait state, and a failure of inCust or Poster on the way rolls everything back.
 */
@Service
public class CheckoutCommands {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CheckoutRepository checkouts;

    public CheckoutCommands(RuntimeService runtime, TaskService tasks, CheckoutRepository checkouts) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.checkouts = checkouts;
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

    @Transactional
    public Checkout chooseRedemption(String checkoutId, CheckoutModel.Redemption redemption) {
        checkouts.saveRedemption(checkoutId, redemption);
        correlate(checkoutId, CheckoutProcess.MESSAGE_REDEMPTION_CHOSEN, Map.of());
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
        correlate(checkoutId, CheckoutProcess.MESSAGE_NEW_CODE, Map.of());
        return reread(checkoutId);
    }

    /** The register's or Poster's word that the receipt closed; the later of the two changes nothing. */
    @Transactional
    public Checkout receiptClosed(String checkoutId, String transactionId, BigDecimal payedBonus) {
        CheckoutStatus status = checkouts.find(checkoutId).orElseThrow().status();
        if (status == CheckoutStatus.AWAITING_ORDER_CLOSE) {
            checkouts.saveReceipt(checkoutId, transactionId, payedBonus);
            correlate(checkoutId, CheckoutProcess.MESSAGE_RECEIPT_CLOSED, Map.of());
        } else if (payedBonus != null && (status == CheckoutStatus.FINALIZING || status == CheckoutStatus.COMPLETED)) {
            checkouts.saveLateReport(checkoutId, payedBonus);
        }
        return reread(checkoutId);
    }

    @Transactional
    public Checkout cancel(String checkoutId) {
        correlate(checkoutId, CheckoutProcess.MESSAGE_CANCELLED, Map.of());
        return reread(checkoutId);
    }

    public List<Checkout> byTransaction(String account, String transactionId) {
        return checkouts.findByTransaction(account, transactionId);
    }

    private void correlate(String checkoutId, String message, Map<String, Object> variables) {
        if (runtime.createEventSubscriptionQuery().eventName(message)
                .processInstanceId(instanceId(checkoutId)).count() == 0) {
            throw new WaitStateGone(reread(checkoutId));
        }
        runtime.createMessageCorrelation(message).processInstanceBusinessKey(checkoutId).setVariables(variables)
                .correlateWithResult();
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
