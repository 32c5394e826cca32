package com.posterincust.production;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An inCust that remembers: a transaction is finalized or cancelled once, a second try is refused with
 * {@code transaction_state} as inCust does. Finalizing takes a while, so a service can be killed in the middle of it.
 * Counts the effective state changes, which is what "never finalized twice" is about. A reservation is made when
 * its request arrives and may be answered late, so a service can also be killed between inCust's work and its own
 * commit.
 */
final class StatefulFakeIncust implements AutoCloseable {

    private static final Pattern EXTERNAL_ID = Pattern.compile("\"external_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TRANSACTION_PATH = Pattern.compile("/v1/term/transaction/([^/]+)(/.*)?");

    final Map<String, String> status = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> finalizations = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> cancellations = new ConcurrentHashMap<>();
    final AtomicInteger finalizeCallsStarted = new AtomicInteger();
    final AtomicInteger reservationsMade = new AtomicInteger();
    private final HttpServer server;
    private final long finalizeMillis;
    private final long reserveMillis;

    StatefulFakeIncust(long finalizeMillis) throws IOException {
        this(finalizeMillis, 0);
    }

    /** {@code reserveMillis}: how long inCust takes to answer a reservation it has already made. */
    StatefulFakeIncust(long finalizeMillis, long reserveMillis) throws IOException {
        this.finalizeMillis = finalizeMillis;
        this.reserveMillis = reserveMillis;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/v1/term", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (path.endsWith("/term/token")) {
            answer(exchange, 200, "{\"token\":\"t\",\"id\":\"t-77\",\"currency\":\"UAH\",\"title\":\"Bar\"}");
        } else if (path.endsWith("/term/settings")) {
            answer(exchange, 200, "{\"id\":\"t-77\",\"title\":\"Bar\",\"currency\":\"UAH\",\"redemption_confirmation\":\"never\"}");
        } else if (path.endsWith("/check/prepare")) {
            answer(exchange, 200, "{\"amount\":91.00,\"max_redeemable_bonuses\":45.50,\"bonus_points_available\":150.00,"
                    + "\"amount_to_pay\":91.00}");
        } else if (path.endsWith("/check/reserve")) {
            Matcher external = EXTERNAL_ID.matcher(body);
            String id = "tx-" + (external.find() ? external.group(1) : "unknown");
            if (status.putIfAbsent(id, "reserved") == null) {
                reservationsMade.incrementAndGet();
            }
            pause(reserveMillis);
            answer(exchange, 200, transaction(id));
        } else if (path.endsWith("/term/transactions")) {
            String query = exchange.getRequestURI().getQuery();
            String id = "tx-" + (query == null ? "" : query.replace("external_id=", ""));
            answer(exchange, 200, "{\"transactions\":[" + (status.containsKey(id) ? transaction(id) : "") + "]}");
        } else {
            Matcher transactionPath = TRANSACTION_PATH.matcher(path);
            if (!transactionPath.matches()) {
                answer(exchange, 404, "{\"code\":\"not_found\",\"message\":\"" + path + "\"}");
                return;
            }
            String id = transactionPath.group(1);
            String operation = transactionPath.group(2) == null ? "" : transactionPath.group(2);
            switch (operation) {
                case "/finalize" -> finalizeTransaction(exchange, id);
                case "/cancel" -> change(exchange, id, "cancelled", cancellations);
                default -> answer(exchange, 200, transaction(id));
            }
        }
    }

    private void finalizeTransaction(HttpExchange exchange, String id) throws IOException {
        finalizeCallsStarted.incrementAndGet();
        pause(finalizeMillis);
        change(exchange, id, "finalized", finalizations);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void change(HttpExchange exchange, String id, String to, Map<String, AtomicInteger> counter)
            throws IOException {
        if (!"reserved".equals(status.get(id))) {
            answer(exchange, 409, "{\"code\":\"transaction_state\",\"message\":\"Transaction is " + status.get(id) + "\"}");
            return;
        }
        status.put(id, to);
        counter.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
        answer(exchange, 200, transaction(id));
    }

    private String transaction(String id) {
        return "{\"id\":\"" + id + "\",\"status\":\"" + status.getOrDefault(id, "reserved") + "\",\"redeemed_bonuses\":0,"
                + "\"discount_amount\":0,\"amount_to_pay\":91.00}";
    }

    private static void answer(HttpExchange exchange, int code, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException clientGone) {
            // the service was killed while waiting: inCust did the work all the same
        }
    }
}
