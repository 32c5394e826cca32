package com.posterincust.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Hidden;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A fake of inCust's Terminal API, its request and answer shapes written out here from the assumed contract of docs/external-apis.md, field
 * by field, as JSON trees: none of the service's own inCust classes are used, so a mistake in them cannot hide in a
 * fake that makes the same one. As strict as the spec: {@code Accept-Language} must be one of inCust's languages,
 * tokens expire, money is decimal. The rules live in {@link SandboxIncust}.
 */
@Hidden
@RestController
@RequestMapping("/sandbox/incust/v1/term")
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxIncustController {

    static final Set<String> LANGUAGES = Set.of("en", "ru", "uk", "pl", "sk");

    private final SandboxIncust incust;
    private final SandboxDemoLanguage names;
    private final ObjectMapper json;

    public SandboxIncustController(SandboxIncust incust, SandboxDemoLanguage names, ObjectMapper json) {
        this.incust = incust;
        this.names = names;
        this.json = json;
    }

    /** Every call, before anything else: inCust answers in the language asked for, and one must be asked for. */
    @ModelAttribute
    void requireLanguage(@RequestHeader(name = "Accept-Language", required = false) String language) {
        String asked = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(asked.length() > 2 ? asked.substring(0, 2) : asked)) {
            throw new SandboxIncust.Refused(400, "invalid_request",
                    "Accept-Language must be one of " + LANGUAGES + ", it was " + language);
        }
    }

    @PostMapping("/token")
    public ObjectNode token(@RequestBody JsonNode body) {
        SandboxIncust.Issued issued = incust.login(text(body, "login"), text(body, "password"));
        return json.createObjectNode().put("token", issued.token()).put("id", issued.terminal().id())
                .put("currency", SandboxData.CURRENCY).put("title", names.name(issued.terminal().title()))
                .put("business_code", "demo-business");
    }

    @GetMapping("/settings")
    public ObjectNode settings(@RequestHeader(name = "Authorization", required = false) String auth) {
        SandboxData.Terminal terminal = incust.terminal(auth);
        return json.createObjectNode().put("id", terminal.id()).put("title", names.name(terminal.title()))
                .put("currency", SandboxData.CURRENCY).put("redemption_confirmation", terminal.confirmation())
                .put("confirmation_limit", BigDecimal.ZERO);
    }

    @PostMapping("/customer/search")
    public ObjectNode search(@RequestHeader(name = "Authorization", required = false) String auth,
                             @RequestBody JsonNode body) {
        incust.terminal(auth);
        JsonNode identifier = body.path("identifier");
        ObjectNode answer = json.createObjectNode();
        ArrayNode customers = answer.putArray("customers");
        incust.search(text(identifier, "type"), text(identifier, "value")).forEach(c -> customers.add(customer(c)));
        return answer;
    }

    @PostMapping("/customer")
    public ObjectNode register(@RequestHeader(name = "Authorization", required = false) String auth,
                               @RequestBody JsonNode body) {
        incust.terminal(auth);
        String phone = null;
        String email = null;
        for (JsonNode identifier : body.path("identifiers")) {
            if ("phone".equals(text(identifier, "type"))) {
                phone = text(identifier, "value");
            } else if ("email".equals(text(identifier, "type"))) {
                email = text(identifier, "value");
            }
        }
        return customer(incust.register(phone, email));
    }

    @GetMapping("/customer/{id}")
    public ObjectNode customer(@RequestHeader(name = "Authorization", required = false) String auth,
                               @PathVariable String id) {
        incust.terminal(auth);
        return customer(incust.customer(id));
    }

    @PutMapping("/customer/{id}/profile")
    public ObjectNode profile(@RequestHeader(name = "Authorization", required = false) String auth,
                              @PathVariable String id, @RequestBody JsonNode body) {
        incust.terminal(auth);
        return customer(incust.updateProfile(id, text(body, "name"), text(body, "gender"), text(body, "birth_date"),
                text(body, "email")));
    }

    @PostMapping("/check/prepare")
    public ObjectNode prepare(@RequestHeader(name = "Authorization", required = false) String auth,
                              @RequestBody JsonNode check) {
        incust.terminal(auth);
        JsonNode redeem = check.path("redeem");
        SandboxIncust.Offer offer = redeem.isObject()
                ? incust.prepare(text(check, "customer_id"), money(check, "amount"), items(check),
                        money(redeem, "bonuses") == null ? BigDecimal.ZERO : money(redeem, "bonuses"), codes(redeem))
                : incust.prepare(text(check, "customer_id"), money(check, "amount"), items(check));
        ObjectNode answer = json.createObjectNode().put("amount", offer.amount())
                .put("discount_amount", offer.discount()).put("bonuses_to_add", offer.bonusesToAdd())
                .put("bonus_points_available", offer.bonusPoints())
                .put("max_redeemable_bonuses", offer.maxRedeemable()).put("amount_to_pay", offer.amountToPay());
        ArrayNode coupons = answer.putArray("applicable_coupons");
        offer.coupons().forEach(c -> coupons.addObject().put("code", c.code()).put("title", names.name(c.title())));
        return answer;
    }

    @PostMapping("/check/reserve")
    public ObjectNode reserve(@RequestHeader(name = "Authorization", required = false) String auth,
                              @RequestBody JsonNode check) {
        SandboxData.Terminal terminal = incust.terminal(auth);
        JsonNode redeem = check.path("redeem");
        BigDecimal bonuses = money(redeem, "bonuses");
        return transaction(incust.reserve(terminal, text(check, "external_id"), text(check, "customer_id"),
                money(check, "amount"), items(check), bonuses == null ? BigDecimal.ZERO : bonuses, codes(redeem)));
    }

    private static List<String> codes(JsonNode redeem) {
        List<String> coupons = new ArrayList<>();
        redeem.path("coupons").forEach(coupon -> coupons.add(coupon.asText()));
        return coupons;
    }

    @PostMapping("/transaction/{id}/confirmation/resend")
    public ObjectNode resend(@RequestHeader(name = "Authorization", required = false) String auth,
                             @PathVariable String id) {
        return transaction(incust.resend(incust.terminal(auth), id));
    }

    @PostMapping("/transaction/{id}/confirm")
    public ObjectNode confirm(@RequestHeader(name = "Authorization", required = false) String auth,
                              @PathVariable String id, @RequestBody JsonNode body) {
        return transaction(incust.confirm(incust.terminal(auth), id, text(body, "code")));
    }

    @PostMapping("/transaction/{id}/finalize")
    public ObjectNode finalizeTransaction(@RequestHeader(name = "Authorization", required = false) String auth,
                                          @PathVariable String id, @RequestBody JsonNode body) {
        return transaction(incust.finalizeTransaction(incust.terminal(auth), id, money(body, "paid_with_bonuses")));
    }

    @PostMapping("/transaction/{id}/cancel")
    public ObjectNode cancel(@RequestHeader(name = "Authorization", required = false) String auth,
                             @PathVariable String id) {
        return transaction(incust.cancel(incust.terminal(auth), id));
    }

    @PostMapping("/transaction/{id}/return")
    public ObjectNode returnPart(@RequestHeader(name = "Authorization", required = false) String auth,
                                 @PathVariable String id, @RequestBody JsonNode body) {
        return transaction(incust.returnPart(incust.terminal(auth), id, text(body, "external_id"),
                money(body, "amount"), body.path("return_redeemed").asBoolean(false)));
    }

    @GetMapping("/transaction/{id}")
    public ObjectNode transaction(@RequestHeader(name = "Authorization", required = false) String auth,
                                  @PathVariable String id) {
        return transaction(incust.transaction(incust.terminal(auth), id));
    }

    /** By {@code external_id}, or a period's ({@code date_from} inclusive, {@code date_to} exclusive) in pages. */
    @GetMapping("/transactions")
    public ObjectNode transactions(@RequestHeader(name = "Authorization", required = false) String auth,
                                   @RequestParam(name = "external_id", required = false) String externalId,
                                   @RequestParam(name = "date_from", required = false) String from,
                                   @RequestParam(name = "date_to", required = false) String to,
                                   @RequestParam(name = "cursor", required = false) String cursor) {
        SandboxData.Terminal terminal = incust.terminal(auth);
        ObjectNode answer = json.createObjectNode();
        ArrayNode list = answer.putArray("transactions");
        if (externalId != null) {
            incust.byExternalId(terminal, externalId).forEach(tx -> list.add(transaction(tx)));
            return answer;
        }
        if (from == null || to == null || (cursor != null && !cursor.matches("\\d{1,9}"))) {
            throw new SandboxIncust.Refused(400, "invalid_request", "external_id, or date_from and date_to");
        }
        int skip = cursor == null ? 0 : Integer.parseInt(cursor);
        List<SandboxIncust.Tx> page = incust.between(terminal, OffsetDateTime.parse(from), OffsetDateTime.parse(to),
                skip, TRANSACTIONS_PAGE + 1);
        page.stream().limit(TRANSACTIONS_PAGE).forEach(tx -> list.add(transaction(tx)));
        if (page.size() > TRANSACTIONS_PAGE) {
            answer.put("next_cursor", String.valueOf(skip + TRANSACTIONS_PAGE));
        } else {
            answer.putNull("next_cursor");
        }
        return answer;
    }

    /** inCust's page is at most 100 transactions (the assumed contract); the fake pages by 100 too. */
    static final int TRANSACTIONS_PAGE = 100;

    /** inCust's error shape: the status it chose and {@code {"code","message"}}. */
    @ExceptionHandler(SandboxIncust.Refused.class)
    ResponseEntity<ObjectNode> refused(SandboxIncust.Refused e) {
        return ResponseEntity.status(e.status).body(json.createObjectNode().put("code", e.symbol)
                .put("message", e.getMessage()));
    }

    @ExceptionHandler(SandboxIncust.Unauthorized.class)
    ResponseEntity<ObjectNode> unauthorized() {
        return ResponseEntity.status(401).body(json.createObjectNode().put("code", "unauthorized")
                .put("message", "Token is missing or expired"));
    }

    private ObjectNode customer(SandboxIncust.Customer customer) {
        ObjectNode shape = json.createObjectNode().put("id", customer.id).put("name", customer.name)
                .put("phone", customer.phone).put("email", customer.email).put("gender", customer.gender)
                .put("birth_date", customer.birthDate).put("is_new", customer.isNew).put("access", "full")
                .put("bonus_points", customer.bonusPoints);
        ArrayNode accounts = shape.putArray("accounts");
        customer.accounts.forEach(a -> accounts.addObject().put("id", a.id()).put("title", names.name(a.title()))
                .put("type", a.type()).put("balance", a.balance()));
        ArrayNode coupons = shape.putArray("coupons");
        customer.coupons.forEach(c -> coupons.addObject().put("code", c.code()).put("title", names.name(c.title()))
                .put("description", names.name(c.description())));
        return shape;
    }

    private ObjectNode transaction(SandboxIncust.Tx tx) {
        ObjectNode shape = json.createObjectNode().put("id", tx.id).put("external_id", tx.externalId)
                .put("status", tx.status).put("redeemed_bonuses", tx.redeemedBonuses)
                .put("discount_amount", tx.discountAmount).put("amount_to_pay", tx.amountToPay);
        shape.put("created_at", tx.createdAt == null ? null : tx.createdAt.toString());
        shape.put("amount", tx.amount).put("bonuses_added", tx.bonusesAdded)
                .put("returned_amount", tx.returnedAmount);
        ArrayNode returns = shape.putArray("returns");
        tx.returns.forEach(done -> returns.addObject().put("external_id", done.externalId())
                .put("amount", done.amount()).put("bonuses_returned", done.bonusesReturned())
                .put("bonuses_removed", done.bonusesRemoved()).put("created_at", done.createdAt().toString()));
        if (tx.code != null && SandboxIncust.CONFIRMATION_REQUIRED.equals(tx.status)) {
            shape.putObject("confirmation").put("channel", "phone").put("expires_at", tx.expiresAt.toString())
                    .put("attempts_left", tx.attemptsLeft);
        } else {
            shape.putNull("confirmation");
        }
        return shape;
    }

    private static List<SandboxIncust.Item> items(JsonNode check) {
        List<SandboxIncust.Item> items = new ArrayList<>();
        for (JsonNode item : check.path("items")) {
            items.add(new SandboxIncust.Item(text(item, "code"), text(item, "title"), money(item, "quantity"),
                    money(item, "price"), money(item, "amount")));
        }
        return items;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static BigDecimal money(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.decimalValue();
    }
}
