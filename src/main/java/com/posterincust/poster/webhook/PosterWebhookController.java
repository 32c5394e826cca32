package com.posterincust.poster.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import com.posterincust.common.RefusalLog;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterProperties;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
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
 * Poster's webhooks (docs/http-api.md). Verifies, records once, hands the hook to its listeners and
 * answers; listeners only write to the database, so the answer leaves in milliseconds.
 *
 * <p>A signed hook the service cannot use (fields no Poster hook has, or older than {@code poster.webhooks.max-age})
 * is acknowledged and ignored: Poster would otherwise deliver it again for two days.
 */
@RestController
public class PosterWebhookController {

    private static final Logger log = LoggerFactory.getLogger(PosterWebhookController.class);
    private static final List<String> REQUIRED = List.of("account", "object", "object_id", "action", "time", "verify");
    /** The objects of Poster's webhook documentation (docs/external-apis.md). */
    static final Set<String> OBJECTS = Set.of("transaction", "incoming_order", "product", "dish", "category",
            "prepack", "ingredient", "workshop", "ingredients_category", "client", "client_payed_sum", "clients_group",
            "promotion", "promotion_prize", "client_ewallet", "loyalty_rule", "storage", "stock", "supply",
            "book_transaction", "cash_shift_transaction", "spot", "register", "waiter", "configs", "application");
    /** Poster's documented actions, and {@code closed}, which integrations report for receipts. */
    static final Set<String> ACTIONS = new TreeSet<>(Set.of("added", "changed", "removed", "transformed", "closed"));
    private static final Map<String, String> ACCEPTED = Map.of("status", "accept");

    private final ObjectMapper json;
    private final PosterProperties poster;
    private final PosterWebhookStore store;
    private final ApplicationEventPublisher events;
    private final RefusalLog refusals;
    private final Clock clock;

    public PosterWebhookController(ObjectMapper json, PosterProperties poster, PosterWebhookStore store,
                                   ApplicationEventPublisher events, RefusalLog refusals, Clock clock) {
        this.json = json;
        this.poster = poster;
        this.store = store;
        this.events = events;
        this.refusals = refusals;
        this.clock = clock;
    }

    @Operation(summary = "Receive a Poster webhook")
    @PostMapping("/poster/webhooks")
    @Transactional
    public ResponseEntity<Object> receive(@RequestBody(required = false) byte[] body, HttpServletRequest request) {
        PosterWebhook hook = parse(body, request.getRemoteAddr());
        if (!PosterWebhookSignature.isValid(hook, poster.getApplication().getSecret())) {
            refusals.refused(log, "webhook-signature", request.getRemoteAddr(),
                    "Webhook refused, bad signature: {}", hook);
            ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, Problems.BAD_SIGNATURE,
                    "The webhook's verify field does not match its content");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        Optional<String> unusable = unusable(hook);
        if (unusable.isPresent()) {
            log.warn("Webhook acknowledged and ignored, {}: {}", unusable.get(), hook);
        } else if (store.recordFirstDelivery(hook)) {
            log.info("Webhook received: {}", hook);
            events.publishEvent(new PosterWebhookReceived(hook));
        } else {
            log.info("Webhook ignored as a duplicate: {}", hook);
        }
        return ResponseEntity.ok(ACCEPTED);
    }

    /** Why a correctly signed hook cannot be acted on, if it cannot. */
    private Optional<String> unusable(PosterWebhook hook) {
        Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(hook.time())), clock.instant());
        if (age.abs().compareTo(poster.getWebhooks().getMaxAge()) > 0) {
            return Optional.of("its time is further than poster.webhooks.max-age from now (a replay, or a wrong clock)");
        }
        return Optional.empty();
    }

    /**
     * The signed fields as Poster writes them, checked before the signature is: fields joined with {@code ;} are
     * signed, so a field holding a {@code ;} could make one signature fit several hooks.
     */
    private static List<Map<String, String>> unlikePosters(PosterWebhook hook) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (!PosterClient.ACCOUNT_NAME.matcher(hook.account()).matches()) {
            errors.add(Map.of("field", "account", "message", "is not a Poster account name"));
        }
        if (!OBJECTS.contains(hook.object())) {
            errors.add(Map.of("field", "object", "message", "is none of the objects Poster's webhooks name"));
        }
        if (!hook.objectId().matches("\\d{1,20}")) {
            errors.add(Map.of("field", "object_id", "message", "is not a Poster id (digits)"));
        }
        if (!ACTIONS.contains(hook.action())) {
            errors.add(Map.of("field", "action", "message", "is none of " + ACTIONS));
        }
        if (!hook.time().matches("\\d{1,12}")) {
            errors.add(Map.of("field", "time", "message", "is not in unix seconds"));
        }
        return errors;
    }

    private PosterWebhook parse(byte[] body, String source) {
        JsonNode tree;
        try {
            tree = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (IOException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw invalid(List.of(Map.of("field", "body", "message", "must be a JSON object")), source, null);
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
        if (errors.isEmpty()) {
            PosterWebhook hook = new PosterWebhook(text(tree, "account"), text(tree, "object"),
                    text(tree, "object_id"), text(tree, "action"), text(tree, "time"),
                    data == null || data.isNull() ? null : data.asText(), text(tree, "verify"));
            errors.addAll(unlikePosters(hook));
            if (errors.isEmpty()) {
                return hook;
            }
            throw invalid(errors, source, hook);
        }
        throw invalid(errors, source, null);
    }

    private static String text(JsonNode tree, String field) {
        return tree.get(field).asText();
    }

    private ProblemException invalid(List<Map<String, String>> errors, String source, PosterWebhook hook) {
        refusals.refused(log, "webhook-malformed", source, "Webhook refused, malformed: {} in {}", errors,
                hook == null ? "its body" : hook);
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, Problems.INVALID_REQUEST,
                "The webhook is not of Poster's shape");
        problem.problem().setProperty("errors", errors);
        return problem;
    }
}
