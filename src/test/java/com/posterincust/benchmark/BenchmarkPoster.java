package com.posterincust.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Poster for the benchmark, answering after a set latency: just enough to install, bind, find the guest's Poster
 * client, check a receipt, list a day and open the owner's page. (inCust is the one fake inCust, sandbox/FakeIncust.) The JDK server writes headers and
 * body separately; without TCP_NODELAY Nagle and the client's delayed ACK hold every answer about 40 ms, so the
 * server is made with it on.
 */
final class BenchmarkPoster implements AutoCloseable {

    private final HttpServer server;
    private volatile long latencyMillis;
    private final int tablets;
    final AtomicLong requests = new AtomicLong();

    BenchmarkPoster(int tablets) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.tablets = tablets;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    void answerAfter(long millis) {
        this.latencyMillis = millis;
    }

    String api() {
        return base() + "/poster/{account}/api";
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
        exchange.getRequestBody().readAllBytes();
        if (latencyMillis > 0) {
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        poster(exchange, path.substring(path.lastIndexOf('/') + 1));
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
            // the day a day check reads: one the café sold nothing on in Poster
            case "dash.getTransactions" -> answer(exchange, 200, "{\"response\":[]}");
            // the back office opening the owner's page of the benchmark café, as its owner (role 3)
            case "manage" -> answer(exchange, 200, "{\"access_token\":\"manage\",\"account_number\":\"861052\","
                    + "\"user\":{\"id\":1,\"name\":\"Owner\",\"role_id\":3},\"ownerInfo\":{\"company_name\":\"Bench\"}}");
            default -> answer(exchange, 200, "{\"error\":{\"code\":20,\"message\":\"not in the benchmark\"}}");
        }
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
