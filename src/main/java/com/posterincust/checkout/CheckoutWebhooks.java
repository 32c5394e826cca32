package com.posterincust.checkout;

import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Poster's {@code transaction} webhook: a closed receipt moves its checkout on, the same as the register's
 * order-closed; whichever comes second changes nothing.
 */
@Component
public class CheckoutWebhooks {

    /** Unsettled in Poster's docs (poster.md §6): the action of a closed receipt is assumed to be {@code closed}. */
    static final String ACTION_CLOSED = "closed";
    static final String OBJECT_TRANSACTION = "transaction";

    private static final Logger log = LoggerFactory.getLogger(CheckoutWebhooks.class);

    private final CheckoutCommands commands;
    private final CheckoutService receipts;

    public CheckoutWebhooks(CheckoutCommands commands, CheckoutService receipts) {
        this.commands = commands;
        this.receipts = receipts;
    }

    /** A receipt whose id a checkout knows is settled at once, inside the webhook's own transaction. */
    @EventListener
    public void on(PosterWebhookReceived received) {
        PosterWebhook hook = received.hook();
        if (!hook.is(OBJECT_TRANSACTION, ACTION_CLOSED)) {
            return;
        }
        for (Checkout checkout : commands.byTransaction(hook.account(), hook.objectId())) {
            if (checkout.status() == CheckoutStatus.AWAITING_ORDER_CLOSE) {
                commands.receiptClosed(checkout.id(), hook.objectId(), null, "WEBHOOK");
                log.info("Checkout {}: receipt {} closed, as Poster's webhook says", checkout.id(), hook.objectId());
            }
        }
    }

    /**
     * A receipt no checkout knows by id yet: after the webhook is answered, Poster is asked which register closed
     * it, and the one checkout of that register still waiting for its receipt takes it. Two or more such checkouts
     * are ambiguous: then the register's order-closed or the receipt check decides.
     */
    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void matchUnknownReceipt(PosterWebhookReceived received) {
        PosterWebhook hook = received.hook();
        if (!hook.is(OBJECT_TRANSACTION, ACTION_CLOSED) || !commands.byTransaction(hook.account(), hook.objectId()).isEmpty()) {
            return;
        }
        try {
            Optional<Checkout> match = receipts.waitingCheckoutOfRegisterThatClosed(hook.account(), hook.objectId());
            match.ifPresent(checkout -> {
                commands.receiptClosed(checkout.id(), hook.objectId(), null, "WEBHOOK");
                log.info("Checkout {}: receipt {} closed at its register, as Poster's webhook says", checkout.id(),
                        hook.objectId());
            });
        } catch (RuntimeException e) {
            log.warn("Receipt {} of {} could not be matched to a checkout ({}); the receipt check will settle it",
                    hook.objectId(), hook.account(), e.getMessage());
        }
    }
}
