package com.posterincust.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.PublicAddress;
import com.posterincust.poster.PosterProperties;
import io.swagger.v3.oas.annotations.Hidden;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
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

/**
 * {@code /sandbox/register}: a page that plays a Poster register around the real {@code register-app/bundle.js}.
 * Its server side does what Poster's servers do for the register: signs the app's requests with the app secret
 * (its own md5, not the service's verifier) and forwards them, to this service's register API only; keeps
 * the register's clients and receipts in the fake Poster.
 */
@Hidden
@RestController
@RequestMapping("/sandbox/register")
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxRegisterController {

    record Product(String id, String name, BigDecimal price) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product("12", "Latte", new BigDecimal("45.50")),
            new Product("13", "Cappuccino", new BigDecimal("42.00")),
            new Product("21", "Croissant", new BigDecimal("38.00")),
            new Product("22", "Cheesecake", new BigDecimal("65.00")));

    /** The headers an app may set on a request; Poster adds its own. */
    private static final Set<String> APP_HEADERS = Set.of("content-type", "accept", "idempotency-key");
    private static final Duration LONGEST_REQUEST = Duration.ofSeconds(30);

    public record ProxiedRequest(String url, String method, List<String> headers, JsonNode data, String tablet,
                                 Integer timeout) {
    }

    public record ClosedOrder(String tablet, String clientId, BigDecimal payedBonus, List<SandboxReceipts.Line> lines) {
    }

    public record NewClient(Map<String, String> client) {
    }

    public record PageLanguage(String lang) {
    }

    private final SandboxDemoSetup demo;
    private final SandboxReceipts receipts;
    private final SandboxClients clients;
    private final SandboxPosterController poster;
    private final SandboxSmsOutbox sms;
    private final SandboxDemoLanguage demoLanguage;
    private final PosterProperties posterSettings;
    private final PublicAddress publicAddress;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public SandboxRegisterController(SandboxDemoSetup demo, SandboxReceipts receipts, SandboxClients clients,
                                     SandboxPosterController poster, SandboxSmsOutbox sms,
                                     SandboxDemoLanguage demoLanguage, PosterProperties posterSettings, PublicAddress publicAddress, ObjectMapper json,
                                     Clock clock) {
        this.demo = demo;
        this.receipts = receipts;
        this.clients = clients;
        this.poster = poster;
        this.sms = sms;
        this.demoLanguage = demoLanguage;
        this.posterSettings = posterSettings;
        this.publicAddress = publicAddress;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping(value = {"", "/"}, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<byte[]> page() throws IOException {
        return file("sandbox/register/index.html", MediaType.TEXT_HTML);
    }

    @GetMapping(value = "/app.html", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<byte[]> appFrame() throws IOException {
        return file("sandbox/register/app.html", MediaType.TEXT_HTML);
    }

    @GetMapping("/register.js")
    public ResponseEntity<byte[]> pageScript() throws IOException {
        return file("sandbox/register/register.js", MediaType.valueOf("text/javascript"));
    }

    /** The real register app, exactly the file a release uploads to Poster. */
    @GetMapping("/bundle.js")
    public ResponseEntity<byte[]> bundle() throws IOException {
        return file("register-app/bundle.js", MediaType.valueOf("text/javascript"));
    }

    @GetMapping("/api/state")
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("ready", demo.isReady());
        state.put("account", SandboxData.ACCOUNT);
        state.put("registers", SandboxData.TABLETS.stream().map(tablet -> Map.of("tabletId", tablet.id(),
                "name", tablet.name(), "spotId", tablet.spotId(),
                "terminal", SandboxDemoSetup.TERMINAL_OF_REGISTER.get(tablet.id()))).toList());
        state.put("products", PRODUCTS);
        return state;
    }

    /** The page's language: the demo data are named in it from now on (see {@link SandboxDemoLanguage}). */
    @PostMapping("/api/language")
    public ResponseEntity<Map<String, String>> language(@RequestBody PageLanguage page) {
        if (page == null || !demoLanguage.use(page.lang())) {
            return ResponseEntity.badRequest().body(Map.of("error", "lang is one of " + SandboxDemoLanguage.LANGUAGES));
        }
        return ResponseEntity.ok(Map.of("lang", demoLanguage.language()));
    }

    @PostMapping("/api/setup")
    public Map<String, Object> setUp() {
        demo.setUp();
        return state();
    }

    /** {@code Poster.settings} of a register, with the extras the service wrote on its tablet. */
    @GetMapping("/api/settings")
    public Map<String, Object> settings(@RequestParam String tablet) {
        SandboxData.Tablet register = tablet(tablet);
        JsonNode written = poster.extrasOf(register.id());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("accountUrl", SandboxData.ACCOUNT);
        settings.put("spotId", Integer.valueOf(register.spotId()));
        settings.put("spotTabletId", Integer.valueOf(register.id()));
        settings.put("currencyCodeIso", SandboxData.CURRENCY);
        settings.put("currencySymbol", "₴");
        settings.put("lang", "en");
        settings.put("timezone", SandboxData.TIME_ZONE);
        settings.put("applicationId", posterSettings.getApplication().getId());
        settings.put("extras", Map.of());
        settings.put("spotExtras", Map.of());
        settings.put("spotTabletExtras", written == null ? Map.of() : written);
        return settings;
    }

    /**
     * {@code Poster.makeRequest} as Poster's servers carry it out: sign, forward, answer {@code {code, result}} with the
     * body as text. Only this service's register API may be reached; anything else is 400.
     */
    @PostMapping("/api/request")
    public ResponseEntity<Map<String, Object>> forward(@RequestBody ProxiedRequest request) throws Exception {
        String allowed = publicAddress.getPublicBaseUrl() + "/api/register/v1/";
        if (request.url() == null || !request.url().startsWith(allowed) || request.url().contains("..")) {
            return ResponseEntity.badRequest().body(Map.of("error", "the sandbox forwards to " + allowed + " only"));
        }
        SandboxData.Tablet register = tablet(request.tablet());
        String method = request.method() == null ? "GET" : request.method().toUpperCase(Locale.ROOT);
        boolean withBody = method.equals("POST") || method.equals("PUT");
        String body = withBody && request.data() != null && !request.data().isNull()
                ? json.writeValueAsString(request.data()) : "";
        String time = String.valueOf(clock.millis() / 1000);
        HttpRequest.Builder forwarded = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(request.timeout() == null ? LONGEST_REQUEST : Duration.ofMillis(request.timeout()))
                .header("X-Poster-Url", SandboxData.ACCOUNT)
                .header("X-Poster-Spot-Id", register.spotId())
                .header("X-Poster-Tablet-Id", register.id())
                .header("X-Poster-Time", time)
                .header("X-Poster-Signature", PosterSigning.request(request.url(), body, time,
                        posterSettings.getApplication().getSecret()))
                .method(method, withBody ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
                        : HttpRequest.BodyPublishers.noBody());
        for (String header : request.headers() == null ? List.<String>of() : request.headers()) {
            int colon = header.indexOf(':');
            if (colon > 0 && APP_HEADERS.contains(header.substring(0, colon).trim().toLowerCase(Locale.ROOT))) {
                forwarded.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            HttpResponse<String> response = http.send(forwarded.build(), HttpResponse.BodyHandlers.ofString());
            answer.put("code", response.statusCode());
            answer.put("result", response.body());
        } catch (IOException unreachable) {
            answer.put("code", 0);
            answer.put("result", false);
        }
        return ResponseEntity.ok(answer);
    }

    /** {@code Poster.clients.find}: {@code {foundClients, foundByCard}}. */
    @GetMapping("/api/clients")
    public Map<String, Object> findClients(@RequestParam(name = "search", required = false) String search) {
        return Map.of("foundClients", clients.search(search).stream().map(SandboxRegisterController::registerClient)
                .toList(), "foundByCard", false);
    }

    @GetMapping("/api/clients/{id}")
    public ResponseEntity<Object> client(@PathVariable String id) {
        return ResponseEntity.ok(clients.byId(id).<Object>map(SandboxRegisterController::registerClient).orElse(false));
    }

    /** {@code Poster.clients.create}: {@code {client}}, or {@code {error}} for a phone taken. */
    @PostMapping("/api/clients")
    public Map<String, Object> createClient(@RequestBody NewClient request) {
        Map<String, String> given = request.client() == null ? Map.of() : request.client();
        String name = given.getOrDefault("client_name", "");
        if (name.isBlank()) {
            return Map.of("error", "client_name is required");
        }
        return clients.create(name, given.getOrDefault("phone", ""), given.get("email"),
                        given.get("client_groups_id_client"))
                .<Map<String, Object>>map(client -> Map.of("client", registerClient(client)))
                .orElseGet(() -> Map.of("error", "A client with this phone already exists"));
    }

    /** The cashier paid: the receipt closes in the fake Poster, which tells the service by webhook. */
    @PostMapping("/api/receipts")
    public Map<String, Object> close(@RequestBody ClosedOrder order) {
        SandboxData.Tablet register = tablet(order.tablet());
        SandboxReceipts.Receipt receipt = receipts.close(register.spotId(), register.id(), order.clientId(),
                order.lines(), order.payedBonus() == null ? BigDecimal.ZERO : order.payedBonus());
        return Map.of("id", receipt.id());
    }

    @GetMapping("/api/receipts")
    public List<Map<String, Object>> archive() {
        return receipts.newestFirst().stream().map(receipt -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", receipt.id());
            row.put("tabletId", receipt.tabletId());
            row.put("clientId", receipt.clientId());
            row.put("sum", receipt.sum());
            row.put("payedBonus", receipt.payedBonus());
            row.put("status", receipt.status() == SandboxReceipts.DELETED ? "deleted" : "closed");
            row.put("returned", receipt.printFiscal() == SandboxReceipts.FISCAL_RETURN);
            row.put("lines", receipt.lines().stream().map(line -> Map.of("productId", line.productId(),
                    "name", line.name(), "price", line.price(), "left", receipt.left(line.productId()))).toList());
            return row;
        }).toList();
    }

    /** A fiscal return of some lines, as the receipts archive makes it: Poster marks the receipt, the page tells the app. */
    public record ReturnedLines(String tablet, Map<String, BigDecimal> counts) {
    }

    @PostMapping("/api/receipts/{id}/return")
    public ResponseEntity<Object> returnItems(@PathVariable String id, @RequestBody ReturnedLines returned) {
        tablet(returned.tablet());
        return receipts.returnItems(id, returned.tablet(), returned.counts() == null ? Map.of() : returned.counts())
                .<ResponseEntity<Object>>map(receipt -> ResponseEntity.ok(Map.of("id", receipt.id())))
                .orElseGet(() -> ResponseEntity.badRequest().body(Map.of("error",
                        "no closed receipt " + id + " with that much left to return")));
    }

    /** The owner removes a receipt in Poster ({@code transactions.removeTransaction}). */
    @PostMapping("/api/receipts/{id}/delete")
    public ResponseEntity<Object> delete(@PathVariable String id, @RequestParam String tablet) {
        return receipts.delete(id, tablet(tablet).id()).<ResponseEntity<Object>>map(receipt -> ResponseEntity.ok(
                Map.of("id", receipt.id(), "status", "deleted"))).orElseGet(() -> ResponseEntity.notFound().build());
    }

    /** The latest codes the fake inCust "sent", so the page can show what the guest's phone got. */
    @GetMapping("/api/sms")
    public List<SandboxSmsOutbox.Message> sms() {
        List<SandboxSmsOutbox.Message> newest = sms.json();
        return newest.subList(0, Math.min(5, newest.size()));
    }

    private static Map<String, Object> registerClient(Map<String, Object> client) {
        Map<String, Object> shown = new LinkedHashMap<>(client);
        shown.put("id", Integer.valueOf((String) client.get("client_id")));
        return shown;
    }

    private static SandboxData.Tablet tablet(String id) {
        return SandboxData.TABLETS.stream().filter(tablet -> tablet.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No register " + id + " in the demo account"));
    }

    private static ResponseEntity<byte[]> file(String path, MediaType type) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return ResponseEntity.status(HttpStatus.OK).contentType(type).cacheControl(CacheControl.noStore())
                    .body(in.readAllBytes());
        }
    }
}
