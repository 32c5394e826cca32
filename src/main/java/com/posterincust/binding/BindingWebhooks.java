package com.posterincust.binding;

import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookReceived;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When the business removes the app, no register of that account is served any more. */
@Component
public class BindingWebhooks {

    private static final Logger log = LoggerFactory.getLogger(BindingWebhooks.class);

    private final TerminalBindingRepository bindings;

    public BindingWebhooks(TerminalBindingRepository bindings) {
        this.bindings = bindings;
    }

    @EventListener
    public void on(PosterWebhookReceived received) {
        PosterWebhook hook = received.hook();
        if (hook.is(PosterWebhook.OBJECT_APPLICATION, PosterWebhook.ACTION_REMOVED)) {
            int deactivated = bindings.deactivateAccount(hook.account());
            log.info("Installation {}: {} register binding(s) deactivated by the uninstall", hook.account(), deactivated);
        }
    }
}
