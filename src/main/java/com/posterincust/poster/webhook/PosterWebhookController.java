package com.posterincust.poster.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import com.posterincust.poster.PosterProperties;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Poster's webhooks (register-api.md §3). Verifies, records once, hands the hook to its listeners and
 * answers; listeners only write to the database, so the answer leaves in milliseconds.
 */
@RestController
public class PosterWebhookController {

    private static final Logger log = LoggerFactory.getLogger(PosterWebhookController.class);
    private static final List<String> REQUIRED = List.of("account", "account_number", "object", "object_id", "action",
            "time", "verify");

    private final ObjectMapper json;
    private final PosterProperties poster;
    private final PosterWebhookStore store;
    private final ApplicationEventPublisher events;

    public PosterWebhookController(ObjectMapper json, PosterProperties poster, PosterWebhookStore store,
                                   ApplicationEventPublisher events) {
        this.json = json;
        this.poster = poster;
        this.store = store;
        this.events = events;
    }

    @Operation(summary = "Receive a Poster webhook")
    @PostMapping("/poster/webhooks")
    @Transactional
    public ResponseEntity<Object> receive(@RequestBody(required = false) byte[] body) {
        PosterWebhook hook = parse(body);
        if (!PosterWebhookSignature.isValid(hook, poster.getApplication().getSecret())) {
            log.warn("Webhook refused, bad signature: {}", hook);
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, Problems.BAD_SIGNATURE,
                    "The webhook's verify field does not match its content");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        String storedData = PosterWebhook.OBJECT_APPLICATION.equals(hook.object()) ? null : hook.data();
        if (store.recordFirstDelivery(hook, storedData)) {
            log.info("Webhook received: {}", hook);
            events.publishEvent(new PosterWebhookReceived(hook));
        } else {
            log.info("Webhook ignored as a duplicate: {}", hook);
        }
        return ResponseEntity.ok(Map.of("status", "accept"));
    }

    private PosterWebhook parse(byte[] body) {
        JsonNode tree;
        try {
            tree = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw invalid(List.of(Map.of("field", "body", "message", "must be a JSON object")));
        }
        List<Map<String, String>> errors = new ArrayList<>();
        for (String field : REQUIRED) {
            JsonNode value = tree.get(field);
            if (value == null || value.isNull() || !value.isValueNode() || value.asText().isEmpty()) {
                errors.add(Map.of("field", field, "message", "is required"));
            }
        }
        JsonNode data = tree.get("data");
        if (data != null && !data.isNull() && !data.isTextual()) {
            errors.add(Map.of("field", "data", "message", "must be a JSON string"));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new PosterWebhook(text(tree, "account"), text(tree, "account_number"), text(tree, "object"),
                text(tree, "object_id"), text(tree, "action"), text(tree, "time"),
                data == null || data.isNull() ? null : data.asText(), text(tree, "verify"));
    }

    private static String text(JsonNode tree, String field) {
        return tree.get(field).asText();
    }

    private static ProblemException invalid(List<Map<String, String>> errors) {
        log.warn("Webhook refused, malformed: {}", errors);
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                "The webhook is not of Poster's shape");
        problem.problem().setProperty("errors", errors);
        return problem;
    }
}
