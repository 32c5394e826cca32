package com.posterincust.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.poster.PosterProperties;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The fake Poster's receipts: closed by the sandbox register, deleted from its archive, read back through
 * {@code dash.getTransaction}. Every change is announced to the service as Poster does, by a signed
 * {@code transaction} webhook whose action is {@code sandbox.poster.receipt-webhook-action} (Poster's own is
 * unsettled: {@code changed} by default, the case the service must handle without the register's word).
 */
@Component
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxReceipts {

    static final int OPEN = 1;
    static final int CLOSED = 2;
    static final int DELETED = 3;

    private static final Logger log = LoggerFactory.getLogger(SandboxReceipts.class);

    /** A line of a receipt, money in major units as the register has it. */
    public record Line(String productId, String name, BigDecimal count, BigDecimal price) {
    }

    /**
     * @param printFiscal Poster's {@code print_fiscal}: 1 printed, 2 after a fiscal return
     * @param returned    how many of each product fiscal returns took back
     */
    public record Receipt(String id, String spotId, String tabletId, String clientId, int status, long closedAt,
                          BigDecimal sum, BigDecimal payedBonus, List<Line> lines, List<Map<String, Object>> history,
                          int printFiscal, Map<String, BigDecimal> returned) {

        /** How many of the product are left on the receipt after its returns. */
        public BigDecimal left(String productId) {
            BigDecimal sold = lines.stream().filter(line -> line.productId().equals(productId)).map(Line::count)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return sold.subtract(returned.getOrDefault(productId, BigDecimal.ZERO));
        }
    }

    static final int PRINTED = 1;
    static final int FISCAL_RETURN = 2;

    private final Map<String, Receipt> receipts = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(7001);
    private final PosterProperties poster;
    private final ObjectMapper json;
    private final Clock clock;
    private final String webhookAction;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile URI webhookUrl;

    public SandboxReceipts(PosterProperties poster, ObjectMapper json, Clock clock,
                           @Value("${sandbox.poster.receipt-webhook-action:changed}") String webhookAction) {
        this.poster = poster;
        this.json = json;
        this.clock = clock;
        this.webhookAction = webhookAction;
    }

    @EventListener
    public void webhooksGoToThisService(WebServerInitializedEvent event) {
        webhookUrl = URI.create("http://localhost:" + event.getWebServer().getPort() + "/poster/webhooks");
    }

    /** The cashier paid: the receipt is closed at that register, and Poster tells the app. */
    public Receipt close(String spotId, String tabletId, String clientId, List<Line> lines, BigDecimal payedBonus) {
        String id = String.valueOf(nextId.getAndIncrement());
        long now = clock.millis() / 1000;
        BigDecimal sum = lines.stream().map(line -> line.count().multiply(line.price()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Map<String, Object>> history = new ArrayList<>();
        history.add(event("open", tabletId, now));
        history.add(event("close", tabletId, now));
        history.add(event("print", tabletId, now));
        Receipt receipt = new Receipt(id, spotId, tabletId, clientId, CLOSED, now, sum, payedBonus, List.copyOf(lines),
                history, PRINTED, Map.of());
        receipts.put(id, receipt);
        announce(id, webhookAction);
        return receipt;
    }

    /** The owner removed a receipt ({@code transactions.removeTransaction}); Poster keeps it as deleted. */
    public Optional<Receipt> delete(String id, String tabletId) {
        Receipt receipt = receipts.get(id);
        if (receipt == null || receipt.status() == DELETED) {
            return Optional.ofNullable(receipt);
        }
        List<Map<String, Object>> history = new ArrayList<>(receipt.history());
        history.add(event("delete", tabletId, clock.millis() / 1000));
        Receipt deleted = new Receipt(receipt.id(), receipt.spotId(), receipt.tabletId(), receipt.clientId(), DELETED,
                receipt.closedAt(), receipt.sum(), receipt.payedBonus(), receipt.lines(), history,
                receipt.printFiscal(), receipt.returned());
        receipts.put(id, deleted);
        announce(id, "removed");
        return Optional.of(deleted);
    }

    /**
     * A fiscal return at a register's receipts archive: some of the receipt's products, each at most what is left;
     * Poster marks the receipt {@code print_fiscal} 2. Empty when there is no such closed receipt or a count is more
     * than is left.
     */
    public synchronized Optional<Receipt> returnItems(String id, String tabletId, Map<String, BigDecimal> counts) {
        Receipt receipt = receipts.get(id);
        if (receipt == null || receipt.status() != CLOSED || counts.isEmpty() || counts.entrySet().stream()
                .anyMatch(count -> count.getValue().signum() <= 0
                        || count.getValue().compareTo(receipt.left(count.getKey())) > 0)) {
            return Optional.empty();
        }
        Map<String, BigDecimal> returned = new LinkedHashMap<>(receipt.returned());
        counts.forEach((productId, count) -> returned.merge(productId, count, BigDecimal::add));
        List<Map<String, Object>> history = new ArrayList<>(receipt.history());
        history.add(event("fiscal_return", tabletId, clock.millis() / 1000));
        Receipt after = new Receipt(receipt.id(), receipt.spotId(), receipt.tabletId(), receipt.clientId(), CLOSED,
                receipt.closedAt(), receipt.sum(), receipt.payedBonus(), receipt.lines(), history, FISCAL_RETURN,
                Map.copyOf(returned));
        receipts.put(id, after);
        return Optional.of(after);
    }

    /**
     * {@code dash.getTransactions} of one day in the account's zone: every status, newest first, {@code size} a page,
     * after {@code nextTr} (the last receipt of the page before).
     */
    public List<Receipt> ofDay(LocalDate day, ZoneId zone, String nextTr, int size) {
        long after = nextTr == null ? Long.MAX_VALUE : Long.parseLong(nextTr);
        return newestFirst().stream()
                .filter(receipt -> Instant.ofEpochSecond(receipt.closedAt()).atZone(zone).toLocalDate().equals(day))
                .filter(receipt -> Long.parseLong(receipt.id()) < after)
                .limit(size).toList();
    }

    public Optional<Receipt> find(String id) {
        return Optional.ofNullable(receipts.get(id));
    }

    public List<Receipt> newestFirst() {
        List<Receipt> all = new ArrayList<>(receipts.values());
        all.sort((a, b) -> Integer.compare(Integer.parseInt(b.id()), Integer.parseInt(a.id())));
        return Collections.unmodifiableList(all);
    }

    private static Map<String, Object> event(String type, String tabletId, long time) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type_history", type);
        event.put("time", time * 1000);
        event.put("spot_tablet_id", tabletId);
        return event;
    }

    /** As Poster does: a signed POST, answered or not; Poster's own retries are not played. */
    private void announce(String receiptId, String action) {
        String time = String.valueOf(clock.millis() / 1000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", SandboxData.ACCOUNT);
        body.put("account_number", SandboxData.ACCOUNT_NUMBER);
        body.put("object", "transaction");
        body.put("object_id", Integer.valueOf(receiptId));
        body.put("action", action);
        body.put("time", time);
        body.put("verify", PosterSigning.webhook(SandboxData.ACCOUNT, "transaction", receiptId, action, null, time,
                poster.getApplication().getSecret()));
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(webhookUrl)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            log.info("Sandbox Poster: transaction webhook for receipt {} ({}) answered {}", receiptId, action,
                    answer.statusCode());
        } catch (Exception e) {
            log.warn("Sandbox Poster: transaction webhook for receipt {} not delivered: {}", receiptId, e.toString());
        }
    }
}
