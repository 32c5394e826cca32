package com.posterincust.checkout;

import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
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

    public CheckoutWebhooks(CheckoutCommands commands) {
        this.commands = commands;
    }

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
}
