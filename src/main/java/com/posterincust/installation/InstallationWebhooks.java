package com.posterincust.installation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookReceived;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Poster's {@code application} webhooks: the app added to an account, or removed from it. Only signed fields are
 * used: the account name, and the access token inside {@code data}.
 */
@Component
public class InstallationWebhooks {

    /** Poster's tokens start with the account's number (docs/external-apis.md: {@code 861052:0239...}). */
    private static final Pattern TOKEN_ACCOUNT_NUMBER = Pattern.compile("(\\d{1,20}):.+");
    private static final Logger log = LoggerFactory.getLogger(InstallationWebhooks.class);

    private final InstallationCommands starter;
    private final InstallationService installations;
    private final InstallationRepository repository;
    private final ObjectMapper json;

    public InstallationWebhooks(InstallationCommands starter, InstallationService installations,
                                InstallationRepository repository, ObjectMapper json) {
        this.starter = starter;
        this.installations = installations;
        this.repository = repository;
        this.json = json;
    }

    @EventListener
    public void on(PosterWebhookReceived received) {
        PosterWebhook hook = received.hook();
        if (hook.is(PosterWebhook.OBJECT_APPLICATION, PosterWebhook.ACTION_ADDED)) {
            install(hook);
        } else if (hook.is(PosterWebhook.OBJECT_APPLICATION, PosterWebhook.ACTION_REMOVED)) {
            installations.uninstall(hook.account());
        }
    }

    private void install(PosterWebhook hook) {
        Optional<String> token = accessToken(hook);
        if (token.isEmpty()) {
            log.warn("Installation {}: the application/added webhook grants no access in its data; ignored",
                    hook.account());
            return;
        }
        Optional<String> accountNumber = repository.find(hook.account()).map(Installation::accountNumber)
                .or(() -> accountNumberOf(token.get()));
        if (accountNumber.isEmpty()) {
            log.warn("Installation {}: the webhook's grant does not name the account's number; the OAuth "
                    + "install will record it", hook.account());
            return;
        }
        starter.installFromWebhook(hook.account(), accountNumber.get(), token.get());
    }

    private Optional<String> accessToken(PosterWebhook hook) {
        try {
            JsonNode data = hook.data() == null ? null : json.readTree(hook.data());
            if (data != null && data.path("access_token").isTextual() && !data.get("access_token").asText().isBlank()) {
                return Optional.of(data.get("access_token").asText());
            }
        } catch (IOException unreadable) {
            log.debug("Webhook data of {} is not JSON", hook.account());
        }
        return Optional.empty();
    }

    private static Optional<String> accountNumberOf(String token) {
        Matcher prefix = TOKEN_ACCOUNT_NUMBER.matcher(token);
        return prefix.matches() ? Optional.of(prefix.group(1)) : Optional.empty();
    }
}
