package com.posterincust.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.OrchestratorApplication;
import com.posterincust.PostgresTestDatabase;
import com.posterincust.register.RegisterSignature;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Full checkouts per second through the service, with register call latencies, finalize lag, SQL statements per
 * checkout, heap and CPU, and the overhead against making the same Poster/inCust calls directly.
 * Driver, fakes and service share this JVM and the machine's cores, as the report says.
 */
public final class CheckoutBenchmark {

    static final String SECRET = "bench-secret";
    static final String ACCOUNT = "benchcafe";

    public record Settings(String database, long latencyMillis, int registers, Duration duration) {
    }

    public record Report(Settings settings, long completed, double checkoutsPerSecond, Map<String, long[]> callPercentiles,
                         long[] finalizeLagPercentiles, long[] checkoutPercentiles, double sqlPerCheckout,
                         long heapUsedMb, long heapMaxSeenMb, double cpuPercent, long[] baselinePercentiles,
                         double overheadRatio) {

        public String asTable() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%n| %s, fakes %d ms, %d registers, %ds | |%n|---|---|%n",
                    settings.database(), settings.latencyMillis(), settings.registers(), settings.duration().toSeconds()));
            out.append(String.format(Locale.ROOT, "| completed checkouts | %d (%.1f /s) |%n", completed, checkoutsPerSecond));
            callPercentiles.forEach((call, p) -> out.append(String.format(Locale.ROOT,
                    "| %s p50 / p95 / p99 | %d / %d / %d ms |%n", call, p[0], p[1], p[2])));
            out.append(String.format(Locale.ROOT, "| order-closed → COMPLETED p50 / p95 / p99 | %d / %d / %d ms |%n",
                    finalizeLagPercentiles[0], finalizeLagPercentiles[1], finalizeLagPercentiles[2]));
            out.append(String.format(Locale.ROOT, "| whole checkout through the service p50 / p95 / p99 | %d / %d / %d ms |%n",
                    checkoutPercentiles[0], checkoutPercentiles[1], checkoutPercentiles[2]));
            out.append(String.format(Locale.ROOT, "| same Poster/inCust calls made directly p50 / p95 / p99 | %d / %d / %d ms |%n",
                    baselinePercentiles[0], baselinePercentiles[1], baselinePercentiles[2]));
            out.append(String.format(Locale.ROOT, "| overhead ratio (p50 through service / p50 direct) | %.2f× |%n", overheadRatio));
            out.append(String.format(Locale.ROOT, "| SQL statements per checkout | %.0f |%n", sqlPerCheckout));
            out.append(String.format(Locale.ROOT, "| heap after run / max seen | %d / %d MB |%n", heapUsedMb, heapMaxSeenMb));
            out.append(String.format(Locale.ROOT, "| CPU (this JVM: service, driver, fakes) | %.0f %% of %d cores |%n",
                    cpuPercent, Runtime.getRuntime().availableProcessors()));
            return out.toString();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, ConcurrentLinkedQueue<Long>> calls = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> finalizeLags = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> checkouts = new ConcurrentLinkedQueue<>();
    /** Checkouts whose receipt closed: their end is read from the service afterwards, not polled for meanwhile. */
    private final ConcurrentLinkedQueue<Closed> closedCheckouts = new ConcurrentLinkedQueue<>();

    private record Closed(String id, int tablet, long startedAtMillis, long closedAtMillis) {
    }
    private final AtomicLong orders = new AtomicLong();
    private int port;

    public static Report run(Settings settings) throws Exception {
        return new CheckoutBenchmark().execute(settings);
    }

    private Report execute(Settings settings) throws Exception {
        try (BenchmarkFakes fakes = new BenchmarkFakes(settings.latencyMillis(), settings.registers())) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.profiles.active=production",
                    "--sandbox.enabled=false",
                    "--poster.application.id=bench", "--poster.application.secret=" + SECRET,
                    "--poster.oauth.redirect-uri=http://localhost/poster/oauth/callback",
                    "--orchestrator.public-base-url=https://orchestrator.bench",
                    "--poster.api.base-url=" + fakes.posterApi(), "--incust.api.base-url=" + fakes.incustApi(),
                    "--camunda.bpm.admin-user.id=admin", "--camunda.bpm.admin-user.password=bench-admin-password",
                    "--orchestrator.encryption.key=TnKgNVTXQ10OoTNtKpRuGmvEk0QJRcCQtuGttTm25vA=",
                    "--camunda.bpm.generate-unique-process-engine-name=true", "--logging.level.root=warn",
                    "--spring.main.banner-mode=off"));
            String extra = System.getProperty("benchmark.args", "");
            if (!extra.isBlank()) {
                args.addAll(List.of(extra.trim().split("\\s+")));
            }
            if (settings.database().equals("postgres")) {
                args.add("--spring.datasource.url=" + PostgresTestDatabase.create());
                args.add("--spring.datasource.username=" + PostgresTestDatabase.user());
                args.add("--spring.datasource.password=" + PostgresTestDatabase.password());
            } else {
                args.add("--spring.datasource.url=jdbc:h2:mem:bench" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            }
            try (ConfigurableApplicationContext service = new SpringApplicationBuilder(OrchestratorApplication.class,
                    SqlStatementCounter.class).run(args.toArray(String[]::new))) {
                port = ((WebServerApplicationContext) service).getWebServer().getPort();
                installAndBind(settings.registers());
                long sqlBefore = SqlStatementCounter.EXECUTED.get();
                ResourceSampler sampler = new ResourceSampler();
                Recording profile = startProfileIfAsked();
                long startedAt = System.currentTimeMillis();
                drive(settings, this::checkOutThroughService);
                long lastCompletion = awaitCompletions();
                stopProfile(profile, settings);
                double seconds = (lastCompletion - startedAt) / 1000.0;
                sampler.stop();
                long completed = checkouts.size();
                double sqlPerCheckout = completed == 0 ? 0 : (SqlStatementCounter.EXECUTED.get() - sqlBefore) / (double) completed;
                List<Long> baseline = baseline(settings, fakes);
                Map<String, long[]> percentiles = new LinkedHashMap<>();
                for (String call : List.of("POST customer-sessions", "POST checkouts", "POST redemption",
                        "POST confirmation", "POST order-closed")) {
                    percentiles.put(call, percentiles(calls.getOrDefault(call, new ConcurrentLinkedQueue<>())));
                }
                long[] through = percentiles(checkouts);
                long[] direct = percentiles(baseline);
                return new Report(settings, completed, completed / seconds, percentiles, percentiles(finalizeLags), through,
                        sqlPerCheckout, sampler.heapAfterMb(), sampler.heapMaxMb, sampler.cpuPercent(),
                        direct, direct[0] == 0 ? 0 : through[0] / (double) direct[0]);
            }
        }
    }

    /** {@code -Dbenchmark.profile=true}: a JFR recording of the measured stretch only, in target/. */
    private static Recording startProfileIfAsked() throws Exception {
        if (!Boolean.getBoolean("benchmark.profile")) {
            return null;
        }
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        return recording;
    }

    private static void stopProfile(Recording recording, Settings settings) throws Exception {
        if (recording != null) {
            recording.stop();
            recording.dump(Path.of("target", "benchmark-" + settings.database() + "-" + settings.latencyMillis() + "ms.jfr"));
            recording.close();
        }
    }

    private interface Register {
        void checkOut(int register) throws Exception;
    }

    private static void drive(Settings settings, Register register) throws InterruptedException {
        ExecutorService registers = Executors.newFixedThreadPool(settings.registers());
        long end = System.nanoTime() + settings.duration().toNanos();
        CountDownLatch done = new CountDownLatch(settings.registers());
        for (int r = 1; r <= settings.registers(); r++) {
            int tablet = r;
            registers.submit(() -> {
                try {
                    while (System.nanoTime() < end) {
                        register.checkOut(tablet);
                    }
                } catch (Exception e) {
                    System.err.println("register " + tablet + " stopped: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await(settings.duration().toSeconds() + 120, TimeUnit.SECONDS);
        registers.shutdownNow();
    }

    private void checkOutThroughService(int tablet) throws Exception {
        long start = System.currentTimeMillis();
        String order = "b" + orders.incrementAndGet();
        String session = json.readTree(call("POST customer-sessions", "POST", "/api/register/v1/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"+380501234567\"}}", tablet, null, 200)).path("sessionId").asText();
        String checkout = json.readTree(call("POST checkouts", "POST", "/api/register/v1/checkouts",
                "{\"orderId\":\"" + order + "\",\"customerSessionId\":\"" + session + "\",\"items\":[{\"productId\":\"12\","
                        + "\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,\"currency\":\"UAH\"}",
                tablet, order, 201)).path("checkoutId").asText();
        String base = "/api/register/v1/checkouts/" + checkout;
        call("POST redemption", "POST", base + "/redemption", "{\"bonusPoints\":10.00}", tablet, null, 200);
        if (tablet % 2 == 0) {
            call("POST confirmation", "POST", base + "/confirmation", "{\"code\":\"" + BenchmarkFakes.CODE + "\"}",
                    tablet, null, 200);
        }
        long closed = System.currentTimeMillis();
        call("POST order-closed", "POST", base + "/order-closed", "{\"transactionId\":\"" + orders.get()
                + "\",\"payedBonus\":10.00}", tablet, null, 202);
        closedCheckouts.add(new Closed(checkout, tablet, start, closed));
    }

    /**
     * Waits for every closed checkout to complete, then takes each one's completion time from the service
     * ({@code updatedAt} of the COMPLETED checkout): a register does not poll, so the benchmark does not either.
     *
     * @return when the last checkout completed, epoch millis
     */
    private long awaitCompletions() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        long last = 0;
        for (Closed closed : closedCheckouts) {
            JsonNode checkout = json.readTree(send("GET", "/api/register/v1/checkouts/" + closed.id(), "", closed.tablet(), null).body());
            while (!checkout.path("status").asText().equals("COMPLETED") && System.currentTimeMillis() < deadline) {
                LockSupport.parkNanos(20_000_000);
                checkout = json.readTree(send("GET", "/api/register/v1/checkouts/" + closed.id(), "", closed.tablet(), null).body());
            }
            if (!checkout.path("status").asText().equals("COMPLETED")) {
                continue;
            }
            long completedAt = OffsetDateTime.parse(checkout.path("updatedAt").asText()).toInstant().toEpochMilli();
            last = Math.max(last, completedAt);
            finalizeLags.add(completedAt - closed.closedAtMillis());
            checkouts.add(completedAt - closed.startedAtMillis());
        }
        return last;
    }

    /** The Poster and inCust calls one checkout causes, made straight to the fakes at the same concurrency. */
    private List<Long> baseline(Settings settings, BenchmarkFakes fakes) throws InterruptedException {
        ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();
        String incust = fakes.incustApi() + "/term";
        String poster = fakes.base() + "/poster/" + ACCOUNT + "/api";
        drive(new Settings(settings.database(), settings.latencyMillis(), settings.registers(),
                Duration.ofSeconds(Math.max(3, settings.duration().toSeconds() / 3))), tablet -> {
            long start = System.nanoTime();
            String auth = "Bearer " + (tablet % 2 == 0 ? "confirm-" : "instant-") + tablet;
            String external = "base" + orders.incrementAndGet();
            direct("POST", incust + "/customer/search", "{\"identifier\":{\"type\":\"phone\",\"value\":\"+380501234567\"}}", auth);
            direct("GET", incust + "/customer/c-1", "", auth);
            direct("GET", poster + "/clients.getClients?token=t&phone=%2B380501234567", "", null);
            direct("POST", incust + "/check/prepare", "{\"customer_id\":\"c-1\",\"amount\":91.00}", auth);
            direct("POST", incust + "/check/reserve", "{\"external_id\":\"" + external + "\",\"redeem\":{\"bonuses\":10.00}}", auth);
            if (tablet % 2 == 0) {
                direct("POST", incust + "/transaction/tx-" + external + "/confirm", "{\"code\":\"1234\"}", auth);
            }
            direct("POST", incust + "/transaction/tx-" + external + "/finalize", "{\"paid_with_bonuses\":10.00}", auth);
            times.add((System.nanoTime() - start) / 1_000_000);
        });
        return new ArrayList<>(times);
    }

    private void direct(String method, String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private String call(String name, String method, String path, String body, int tablet, String key, int expected)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send(method, path, body, tablet, key);
        calls.computeIfAbsent(name, n -> new ConcurrentLinkedQueue<>()).add((System.nanoTime() - start) / 1_000_000);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String body, int tablet, String key) throws Exception {
        String url = "http://localhost:" + port + path;
        String time = String.valueOf(System.currentTimeMillis() / 1000);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("X-Poster-Url", ACCOUNT).header("X-Poster-Spot-Id", "1").header("X-Poster-Tablet-Id", String.valueOf(tablet))
                .header("X-Poster-Time", time)
                .header("X-Poster-Signature", RegisterSignature.sign(url, body.getBytes(StandardCharsets.UTF_8), time, SECRET))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void installAndBind(int registers) throws Exception {
        String location = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/poster/install")).build(),
                HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow();
        String state = location.replaceAll(".*state=", "");
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/poster/oauth/callback?code=c0de&account="
                + ACCOUNT + "&state=" + state)).build(), HttpResponse.BodyHandlers.discarding());
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:bench-admin-password".getBytes(StandardCharsets.UTF_8));
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && !http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/admin/v1/installations/" + ACCOUNT)).header("Authorization", basic)
                .build(), HttpResponse.BodyHandlers.ofString()).body().contains("ACTIVE")) {
            LockSupport.parkNanos(10_000_000);
        }
        for (int tablet = 1; tablet <= registers; tablet++) {
            String login = (tablet % 2 == 0 ? "confirm-" : "instant-") + tablet;
            HttpResponse<String> bound = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/admin/v1/terminal-bindings")).header("Authorization", basic)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"posterAccount\":\"" + ACCOUNT + "\",\"posterCustomerNumber\":\"861052\",\"posterSpotId\":\"1\","
                                    + "\"posterTabletId\":\"" + tablet + "\",\"incust\":{\"login\":\"" + login
                                    + "\",\"password\":\"p\"},\"customerIdWithoutSession\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (bound.statusCode() != 201) {
                throw new IllegalStateException("binding register " + tablet + ": " + bound.body());
            }
        }
    }

    private static long[] percentiles(java.util.Collection<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return new long[] {0, 0, 0};
        }
        Collections.sort(sorted);
        return new long[] {at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99)};
    }

    private static long at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /** Heap and process CPU, sampled every 200 ms while the registers run. */
    private static final class ResourceSampler {
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final long cpuStart = os.getProcessCpuTime();
        private final long wallStart = System.nanoTime();
        private final Thread thread;
        private volatile boolean running = true;
        private volatile long cpuEnd;
        private volatile long wallEnd;
        volatile long heapMaxMb;

        ResourceSampler() {
            thread = new Thread(() -> {
                while (running) {
                    heapMaxMb = Math.max(heapMaxMb, usedHeapMb());
                    LockSupport.parkNanos(200_000_000);
                }
            }, "benchmark-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            running = false;
            cpuEnd = os.getProcessCpuTime();
            wallEnd = System.nanoTime();
        }

        double cpuPercent() {
            return 100.0 * (cpuEnd - cpuStart) / (double) (wallEnd - wallStart) / Runtime.getRuntime().availableProcessors();
        }

        long heapAfterMb() {
            System.gc();
            return usedHeapMb();
        }

        private static long usedHeapMb() {
            Runtime runtime = Runtime.getRuntime();
            return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
        }
    }
}
