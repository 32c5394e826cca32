package com.posterincust.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Poster and inCust for the benchmark, answering after a set latency each: just enough of both to install, bind,
 * identify a known customer and check out. Terminal {@code confirm-*} asks for a code (always 1234), terminal
 * {@code instant-*} does not. The JDK server writes headers and body separately; without TCP_NODELAY Nagle and the
 * client's delayed ACK hold every answer about 40 ms, so the server is made with it on.
 */
final class BenchmarkFakes implements AutoCloseable {

    static final String CODE = "1234";
    private static final Pattern EXTERNAL_ID = Pattern.compile("\"external_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern BONUSES = Pattern.compile("\"bonuses\"\\s*:\\s*([0-9.]+)");
    private static final Pattern TRANSACTION = Pattern.compile("/incust/v1/term/transaction/([^/]+)(/.*)?");

    private final HttpServer server;
    private volatile long posterMillis;
    private volatile long incustMillis;
    private final int tablets;
    private final Map<String, String> status = new ConcurrentHashMap<>();
    final AtomicLong requests = new AtomicLong();

    BenchmarkFakes(int tablets) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.tablets = tablets;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    void answerAfter(long posterMillis, long incustMillis) {
        this.posterMillis = posterMillis;
        this.incustMillis = incustMillis;
    }

    String posterApi() {
        return base() + "/poster/{account}/api";
    }

    String incustApi() {
        return base() + "/incust/v1";
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean poster = path.startsWith("/poster/");
        long latency = poster ? posterMillis : incustMillis;
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (poster) {
            poster(exchange, path.substring(path.lastIndexOf('/') + 1));
        } else {
            incust(exchange, path, body, exchange.getRequestHeaders().getFirst("Authorization"));
        }
    }

    private void poster(HttpExchange exchange, String method) throws IOException {
        switch (method) {
            case "access_token" -> answer(exchange, 200, "{\"access_token\":\"861052:bench\",\"account_number\":\"861052\","
                    + "\"ownerInfo\":{\"country\":\"UA\"}}");
            case "settings.getAllSettings" -> answer(exchange, 200,
                    "{\"response\":{\"COMPANY_ID\":\"bench\",\"currency\":{\"currency_code_iso\":\"UAH\"}}}");
            case "clients.getGroups" -> answer(exchange, 200,
                    "{\"response\":[{\"client_groups_id\":\"7\",\"client_groups_name\":\"inCust loyalty\"}]}");
            case "access.getSpots" -> answer(exchange, 200, "{\"response\":[{\"spot_id\":\"1\",\"spot_name\":\"Main\"}]}");
            case "access.getTablets" -> {
                StringBuilder list = new StringBuilder();
                for (int tablet = 1; tablet <= tablets; tablet++) {
                    list.append(tablet == 1 ? "" : ",").append("{\"tablet_id\":\"").append(tablet)
                            .append("\",\"tablet_name\":\"Register ").append(tablet).append("\",\"spot_id\":\"1\"}");
                }
                answer(exchange, 200, "{\"response\":[" + list + "]}");
            }
            case "application.setEntityExtras" -> answer(exchange, 200, "{\"response\":true}");
            case "clients.getClients" -> answer(exchange, 200, "{\"response\":[{\"client_id\":\"42\"}]}");
            case "dash.getTransaction" -> answer(exchange, 200, "{\"response\":false}");
            default -> answer(exchange, 200, "{\"error\":{\"code\":20,\"message\":\"not in the benchmark\"}}");
        }
    }

    private void incust(HttpExchange exchange, String path, String body, String authorization) throws IOException {
        if (path.endsWith("/term/token")) {
            String login = body.replaceAll(".*\"login\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            answer(exchange, 200, "{\"token\":\"" + login + "\",\"id\":\"t-" + login + "\",\"currency\":\"UAH\",\"title\":\""
                    + login + "\"}");
        } else if (path.endsWith("/term/settings")) {
            answer(exchange, 200, "{\"id\":\"t\",\"title\":\"t\",\"currency\":\"UAH\"}");
        } else if (path.endsWith("/customer/search") || path.matches(".*/term/customer/[^/]+")) {
            String customer = "{\"id\":\"c-1\",\"name\":\"Guest\",\"phone\":\"+380501234567\",\"is_new\":false,"
                    + "\"bonus_points\":150.00,\"accounts\":[],\"coupons\":[]}";
            answer(exchange, 200, path.endsWith("/search") ? "{\"customers\":[" + customer + "]}" : customer);
        } else if (path.endsWith("/check/prepare")) {
            answer(exchange, 200, "{\"amount\":91.00,\"discount_amount\":0,\"bonuses_to_add\":4.55,"
                    + "\"bonus_points_available\":150.00,\"max_redeemable_bonuses\":45.50,\"applicable_coupons\":[],"
                    + "\"amount_to_pay\":91.00}");
        } else if (path.endsWith("/check/reserve")) {
            Matcher external = EXTERNAL_ID.matcher(body);
            Matcher bonuses = BONUSES.matcher(body);
            String id = "tx-" + (external.find() ? external.group(1) : "x");
            boolean redeems = bonuses.find() && Double.parseDouble(bonuses.group(1)) > 0;
            boolean confirm = redeems && authorization != null && authorization.contains("confirm-");
            status.putIfAbsent(id, confirm ? "confirmation_required" : "reserved");
            answer(exchange, 200, transaction(id));
        } else {
            Matcher transaction = TRANSACTION.matcher(path);
            if (!transaction.matches()) {
                answer(exchange, 404, "{\"code\":\"not_found\",\"message\":\"" + path + "\"}");
                return;
            }
            String id = transaction.group(1);
            String operation = transaction.group(2) == null ? "" : transaction.group(2);
            switch (operation) {
                case "/confirm" -> {
                    if (body.contains("\"" + CODE + "\"")) {
                        status.put(id, "confirmed");
                        answer(exchange, 200, transaction(id));
                    } else {
                        answer(exchange, 422, "{\"code\":\"confirmation_code_invalid\",\"message\":\"wrong\"}");
                    }
                }
                case "/finalize" -> {
                    status.put(id, "finalized");
                    answer(exchange, 200, transaction(id));
                }
                case "/cancel" -> {
                    status.put(id, "cancelled");
                    answer(exchange, 200, transaction(id));
                }
                default -> answer(exchange, 200, transaction(id));
            }
        }
    }

    private String transaction(String id) {
        String state = status.getOrDefault(id, "reserved");
        String confirmation = state.equals("confirmation_required")
                ? ",\"confirmation\":{\"channel\":\"phone\",\"expires_at\":\"2099-01-01T00:00:00Z\",\"attempts_left\":3}" : "";
        return "{\"id\":\"" + id + "\",\"status\":\"" + state + "\",\"redeemed_bonuses\":10.00,\"discount_amount\":0,"
                + "\"amount_to_pay\":81.00" + confirmation + "}";
    }

    private static void answer(HttpExchange exchange, int code, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
