package com.posterincust.checkout;

import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Poster's {@code transaction} webhook. Its action is unsettled ({@code added}, {@code changed}, {@code closed} are
 * all reported), so any of them is only a hint: once the webhook is answered, the receipt is read from Poster and
 * its status decides ({@link ReceiptHints}). When that read fails, the checkout's receipt check settles it later.
 */
@Component
public class CheckoutWebhooks {

    static final String OBJECT_TRANSACTION = "transaction";

    private static final Logger log = LoggerFactory.getLogger(CheckoutWebhooks.class);

    private final ReceiptHints hints;

    public CheckoutWebhooks(ReceiptHints hints) {
        this.hints = hints;
    }

    @Async
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    public void on(PosterWebhookReceived received) {
        PosterWebhook hook = received.hook();
        if (!OBJECT_TRANSACTION.equals(hook.object())) {
            return;
        }
        try {
            hints.receiptChanged(hook.account(), hook.objectId());
        } catch (RuntimeException e) {
            log.warn("Receipt {} of {} could not be settled from Poster's webhook ({}); the receipt check will",
                    hook.objectId(), hook.account(), e.getMessage());
        }
    }
}
