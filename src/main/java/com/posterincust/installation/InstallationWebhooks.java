package com.posterincust.installation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.webhook.PosterWebhook;
import com.posterincust.poster.webhook.PosterWebhookReceived;
import java.io.IOException;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Poster's {@code application} webhooks: the app added to an account, or removed from it. */
@Component
public class InstallationWebhooks {

    private final InstallationStarter starter;
    private final InstallationService installations;
    private final ObjectMapper json;

    public InstallationWebhooks(InstallationStarter starter, InstallationService installations, ObjectMapper json) {
        this.starter = starter;
        this.installations = installations;
        this.json = json;
    }

    @EventListener
    public void on(PosterWebhookReceived received) {
        PosterWebhook hook = received.hook();
        if (!PosterWebhook.OBJECT_APPLICATION.equals(hook.object())) {
            return;
        }
        if (!PosterClient.ACCOUNT_NAME.matcher(hook.account()).matches()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                    "account is not a Poster account name");
        }
        if (hook.is(PosterWebhook.OBJECT_APPLICATION, PosterWebhook.ACTION_ADDED)) {
            starter.installFromWebhook(hook.account(), hook.accountNumber(), accessToken(hook));
        } else if (hook.is(PosterWebhook.OBJECT_APPLICATION, PosterWebhook.ACTION_REMOVED)) {
            installations.uninstall(hook.account());
        }
    }

    private String accessToken(PosterWebhook hook) {
        try {
            JsonNode data = hook.data() == null ? null : json.readTree(hook.data());
            if (data != null && data.path("access_token").isTextual() && !data.get("access_token").asText().isBlank()) {
                return data.get("access_token").asText();
            }
        } catch (IOException unreadable) {
            // falls through to the same answer as a missing token
        }
        throw new ProblemException(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                "The application/added webhook has no access_token in data");
    }
}
