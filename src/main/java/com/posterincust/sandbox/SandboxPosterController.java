package com.posterincust.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.posterincust.poster.PosterProperties;
import io.swagger.v3.oas.annotations.Hidden;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A fake of Poster's OAuth pages and Web API, speaking the wire shapes of docs/external-apis.md:
 * bare OAuth answers, {@code {"response": ..}} envelopes, errors as {@code {"error":{"code","message"}}}.
 * Where Poster's documentation leaves a point open, the fake takes the reading hardest on the service: it does not
 * relay the OAuth {@code state} (unless {@code sandbox.poster.relay-state=true}), keeps deleted receipts out of
 * {@code dash.getTransaction} without a status filter, and marks rows with {@code delete}.
 */
@Hidden
@RestController
@RequestMapping("/sandbox/poster")
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxPosterController {

    private record IssuedCode(String account, String redirectUri) {
    }

    private final PosterProperties poster;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, IssuedCode> codes = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** Codes the back office put on the app's page, each good once: the account number each opens. */
    private final Map<String, String> manageCodes = new ConcurrentHashMap<>();
    private final List<Map<String, Object>> groups = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> tabletExtras = new ConcurrentHashMap<>();
    private final AtomicInteger nextGroupId = new AtomicInteger(1);

    /** Poster's page size of {@code dash.getTransactions} is its own; the sandbox's is small, so paging is taken. */
    static final int RECEIPTS_PAGE = 50;

    private final SandboxReceipts receipts;
    private final SandboxClients clients;
    /** Poster's back office speaks the language the sandbox was last shown in. */
    private final SandboxDemoLanguage demoLanguage;

    private final boolean relayState;

    public SandboxPosterController(PosterProperties poster, SandboxReceipts receipts, SandboxClients clients,
                                   SandboxDemoLanguage demoLanguage,
                                   @Value("${sandbox.poster.relay-state:false}") boolean relayState) {
        this.poster = poster;
        this.demoLanguage = demoLanguage;
        this.receipts = receipts;
        this.clients = clients;
        this.relayState = relayState;
        groups.add(group(String.valueOf(nextGroupId.getAndIncrement()), "Regular guests"));
    }

    @GetMapping(value = "/auth", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> authorizePage(@RequestParam(name = "application_id", required = false) String applicationId,
                                                @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                                @RequestParam(name = "response_type", required = false) String responseType,
                                                @RequestParam(required = false) String state) {
        if (!poster.getApplication().getId().equals(applicationId) || !"code".equals(responseType)
                || !poster.getOauth().getRedirectUri().equals(redirectUri)) {
            return html(HttpStatus.BAD_REQUEST, "<h1>Poster (sandbox): wrong application request</h1>"
                    + "<p>application_id, redirect_uri and response_type=code must match the registered app.</p>");
        }
        String allow = UriComponentsBuilder.fromPath("/sandbox/poster/auth/allow")
                .queryParam("redirect_uri", redirectUri)
                .queryParamIfPresent("state", java.util.Optional.ofNullable(state))
                .encode().toUriString();
        return html(HttpStatus.OK, "<h1>Poster (sandbox)</h1><p>The application <b>"
                + HtmlUtils.htmlEscape(applicationId) + "</b> asks for access to the account <b>"
                + SandboxData.COMPANY_NAME + " (" + SandboxData.ACCOUNT + ")</b>.</p>"
                + "<p><a id=\"allow\" href=\"" + HtmlUtils.htmlEscape(allow) + "\" style=\"padding:.6em 1.2em;"
                + "background:#3c8;color:#fff;text-decoration:none;border-radius:4px\">Allow access</a></p>");
    }

    /** The demo set-up's "Allow access", without a browser: a one-time code for the demo account. */
    String issueCode(String redirectUri) {
        String code = randomHex(16);
        codes.put(code, new IssuedCode(SandboxData.ACCOUNT, redirectUri));
        return code;
    }

    /** What Poster's back office does when the owner opens Applications → inCust: a one-time code for the page. */
    String issueManageCode() {
        String code = randomHex(16);
        manageCodes.put(code, SandboxData.ACCOUNT_NUMBER);
        return code;
    }

    /**
     * The back office's code exchange, strict: {@code verify} checked, a code good once, the account named by its
     * number only. Failures flat, as Poster documents them (142 wrong verify, 143 unknown application).
     */
    @PostMapping(value = "/api/v2/auth/manage", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Map<String, Object> manage(@RequestParam Map<String, String> form) {
        String id = poster.getApplication().getId();
        if (!id.equals(form.get("application_id"))) {
            return Map.of("error", 143, "message", "Application not found", "field", "application_id");
        }
        String code = String.valueOf(form.get("code"));
        String expected = PosterSigning.md5(id + ":" + poster.getApplication().getSecret() + ":" + code);
        if (!expected.equals(form.get("verify"))
                || !poster.getApplication().getSecret().equals(form.get("application_secret"))) {
            return Map.of("error", 142, "message", "Wrong verify", "field", "verify");
        }
        String accountNumber = manageCodes.remove(code);
        if (accountNumber == null) {
            return Map.of("error", 141, "message", "The code is wrong, used or expired", "field", "code");
        }
        String token = SandboxData.ACCOUNT_NUMBER + ":" + randomHex(16);
        tokens.put(token, SandboxData.ACCOUNT);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("account_number", accountNumber);
        answer.put("user", Map.of("id", 1, "name", "Demo Owner", "email", "owner@example.com", "role_id", 3));
        answer.put("ownerInfo", Map.of("email", "owner@example.com", "name", "Demo Owner",
                "company_name", SandboxData.COMPANY_NAME));
        return answer;
    }

    JsonNode extrasOf(String tabletId) {
        return tabletExtras.get(tabletId);
    }

    @GetMapping("/auth/allow")
    public ResponseEntity<Void> allow(@RequestParam(name = "redirect_uri") String redirectUri,
                                      @RequestParam(required = false) String state) {
        String code = issueCode(redirectUri);
        String target = UriComponentsBuilder.fromUriString(redirectUri)
                .queryParam("code", code)
                .queryParam("account", SandboxData.ACCOUNT)
                .queryParamIfPresent("state", java.util.Optional.ofNullable(relayState ? state : null))
                .encode().toUriString();
        return ResponseEntity.status(HttpStatus.FOUND).header("Location", target).build();
    }

    @PostMapping(value = "/{account}/api/v2/auth/access_token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public Map<String, Object> accessToken(@PathVariable String account, @RequestParam Map<String, String> form) {
        if (!poster.getApplication().getId().equals(form.get("application_id"))
                || !poster.getApplication().getSecret().equals(form.get("application_secret"))) {
            return oauthError(401, "invalid_client", "Wrong application_id or application_secret");
        }
        IssuedCode issued = codes.remove(String.valueOf(form.get("code")));
        if (!"authorization_code".equals(form.get("grant_type")) || issued == null
                || !issued.account().equals(account) || !issued.redirectUri().equals(form.get("redirect_uri"))) {
            return oauthError(400, "invalid_grant", "The code is wrong, used or expired");
        }
        String token = SandboxData.ACCOUNT_NUMBER + ":" + randomHex(16);
        tokens.put(token, account);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", token);
        answer.put("account_number", SandboxData.ACCOUNT_NUMBER);
        answer.put("user", Map.of("id", 1, "name", "Demo Owner", "email", "owner@example.com", "role_id", 3));
        answer.put("ownerInfo", Map.of("email", "owner@example.com", "phone", "+380441234567", "city", "Kyiv",
                "country", "UA", "name", "Demo Owner", "company_name", SandboxData.COMPANY_NAME));
        return answer;
    }

    @GetMapping("/{account}/api/{method}")
    public Map<String, Object> read(@PathVariable String account, @PathVariable String method,
                                    @RequestParam(required = false) String token,
                                    @RequestParam(required = false) String phone,
                                    @RequestParam(name = "transaction_id", required = false) String transactionId,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String dateFrom,
                                    @RequestParam(name = "next_tr", required = false) String nextTr) {
        if (!account.equals(tokens.get(token))) {
            return error(11, "Access token is invalid");
        }
        return switch (method) {
            case "settings.getAllSettings" -> response(Map.of(
                    "COMPANY_ID", SandboxData.ACCOUNT,
                    "company_name", SandboxData.COMPANY_NAME,
                    "timezone", SandboxData.TIME_ZONE,
                    "lang", demoLanguage.language(),
                    "currency", Map.of("currency_code_iso", SandboxData.CURRENCY, "currency_symbol", "₴")));
            case "clients.getGroups" -> response(groups);
            case "access.getSpots" -> response(SandboxData.SPOTS.stream().map(spot -> Map.of(
                    "spot_id", spot.id(), "spot_name", spot.name(), "spot_adress", spot.address(),
                    "storages", List.of())).toList());
            case "clients.getClients" -> phone == null || phone.isBlank() ? error(34, "phone is required")
                    : response(clients.byPhone(phone).stream().toList());
            case "dash.getTransaction" -> transaction(transactionId, status);
            case "dash.getTransactions" -> dateFrom == null || !dateFrom.matches("\\d{8}")
                    ? error(34, "dateFrom is required (Ymd)") : response(receipts.ofDay(LocalDate.parse(dateFrom,
                            DateTimeFormatter.BASIC_ISO_DATE), ZoneId.of(SandboxData.TIME_ZONE), nextTr,
                            RECEIPTS_PAGE).stream().map(SandboxPosterController::receiptShape).toList());
            case "access.getTablets" -> response(SandboxData.TABLETS.stream().map(tablet -> Map.of(
                    "tablet_id", tablet.id(), "tablet_name", tablet.name(), "spot_id", tablet.spotId())).toList());
            default -> error(20, "The sandbox does not offer " + method);
        };
    }

    @PostMapping("/{account}/api/{method}")
    public Map<String, Object> write(@PathVariable String account, @PathVariable String method,
                                     @RequestParam(required = false) String token,
                                     @RequestBody(required = false) JsonNode body) {
        if (!account.equals(tokens.get(token))) {
            return error(11, "Access token is invalid");
        }
        if (body == null) {
            return error(34, "Request body is empty");
        }
        return switch (method) {
            case "clients.createGroup" -> createGroup(body);
            case "application.setEntityExtras" -> setExtras(body);
            case "clients.createClient" -> createClient(body);
            default -> error(20, "The sandbox does not offer " + method);
        };
    }

    /**
     * A receipt in Poster's shape: money in kopecks as strings, a list of one. What Poster does without a
     * {@code status} filter is undocumented, so the fake takes the strict reading: deleted receipts only when asked
     * for (0 = all, 3 = deleted). Unknown, or filtered out: {@code false}.
     */
    private Map<String, Object> transaction(String transactionId, String status) {
        if (transactionId == null || transactionId.isBlank()) {
            return error(34, "transaction_id is required");
        }
        return receipts.find(transactionId)
                .filter(receipt -> status == null ? receipt.status() != SandboxReceipts.DELETED
                        : status.equals("0") || status.equals(String.valueOf(receipt.status())))
                .<Map<String, Object>>map(receipt -> response(List.of(receiptShape(receipt))))
                .orElseGet(() -> response(false));
    }

    private static Map<String, Object> receiptShape(SandboxReceipts.Receipt receipt) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("transaction_id", receipt.id());
        shape.put("date_close", String.valueOf(receipt.closedAt() * 1000));
        shape.put("status", String.valueOf(receipt.status()));
        shape.put("payed_bonus", kopecks(receipt.payedBonus()));
        shape.put("payed_sum", kopecks(receipt.sum().subtract(receipt.payedBonus())));
        shape.put("sum", kopecks(receipt.sum()));
        shape.put("spot_id", receipt.spotId());
        shape.put("client_id", receipt.clientId() == null ? "0" : receipt.clientId());
        shape.put("print_fiscal", String.valueOf(receipt.printFiscal()));
        shape.put("products", receipt.lines().stream().map(line -> Map.of("product_id", line.productId(),
                "modification_id", "0", "num", line.count().stripTrailingZeros().toPlainString(),
                "product_price", kopecks(line.price()))).toList());
        shape.put("history", receipt.history().stream().map(event -> {
            Map<String, Object> text = new LinkedHashMap<>();
            event.forEach((key, value) -> text.put(key, String.valueOf(value)));
            return text;
        }).toList());
        return shape;
    }

    private static String kopecks(java.math.BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private Map<String, Object> createGroup(JsonNode body) {
        String name = body.path("client_groups_name").asText("");
        if (name.isBlank()) {
            return error(34, "client_groups_name is required");
        }
        String id = String.valueOf(nextGroupId.getAndIncrement());
        groups.add(group(id, name));
        return response(Integer.valueOf(id));
    }

    private Map<String, Object> createClient(JsonNode body) {
        if (body.path("client_name").asText("").isBlank()) {
            return error(34, "client_name is required");
        }
        return clients.create(body.path("client_name").asText(), body.path("phone").asText(""),
                        body.path("email").asText(""), body.path("client_groups_id_client").asText())
                .<Map<String, Object>>map(client -> response(Integer.valueOf((String) client.get("client_id"))))
                .orElseGet(() -> error(99, "A client with this phone already exists"));
    }

    private Map<String, Object> setExtras(JsonNode body) {
        String entityId = body.path("entity_id").asText("");
        if (!"tablet".equals(body.path("entity_type").asText()) || SandboxData.TABLETS.stream()
                .noneMatch(tablet -> tablet.id().equals(entityId))) {
            return error(32, "No such tablet");
        }
        tabletExtras.put(entityId, body.path("extras"));
        return response(true);
    }

    private static Map<String, Object> group(String id, String name) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("client_groups_id", id);
        group.put("client_groups_name", name);
        group.put("client_groups_discount", "0");
        group.put("loyalty_type", "1");
        group.put("delete", "0");
        return group;
    }

    private static Map<String, Object> response(Object value) {
        return Map.of("response", value);
    }

    private static Map<String, Object> error(int code, String message) {
        return Map.of("error", Map.of("code", code, "message", message));
    }

    private static Map<String, Object> oauthError(int code, String type, String message) {
        return Map.of("code", code, "error_type", type, "error_message", message);
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                .body("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Poster sandbox</title>"
                        + "</head><body style=\"font-family:sans-serif;max-width:40em;margin:4em auto\">" + body
                        + "</body></html>");
    }
}
