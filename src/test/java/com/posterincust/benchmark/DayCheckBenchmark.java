package com.posterincust.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.posterincust.BlackBox;
import com.posterincust.Jobs;
import com.posterincust.OrchestratorApplication;
import com.posterincust.PostgresTestDatabase;
import com.posterincust.sandbox.FakeIncust;
import java.lang.management.ManagementFactory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A café's day of many receipts checked (docs/performance.md, "A day check"): the service in this JVM on a fresh
 * PostgreSQL database, Poster's day from WireMock in pages of {@value #POSTER_PAGE}, inCust's from the stateful fake
 * (pages of 100), every receipt a completed loyalty sale of the service. Measures the check's time, the calls it made
 * to Poster and inCust, and (checking the day again) the most heap reachable during a check: with the day read and
 * matched page by page, it stays where it is whatever the day's size. Run by {@code bench/day-check-benchmark}; {@code DayCheckBenchmarkIT} keeps it
 * from rotting.
 */
public final class DayCheckBenchmark {

    static final int POSTER_PAGE = 50;
    static final ObjectMapper json = new ObjectMapper();

    public record Figures(int receipts, long millis, long posterCalls, long incustCalls, long liveHeapMb,
                          int agreed, int open) {
    }

    private DayCheckBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("benchmark.receipts", "500,5000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        List<Figures> figures = new ArrayList<>();
        for (int receipts : sizes) {
            figures.add(run(receipts));
        }
        System.out.println(asMarkdown(figures));
        System.exit(0);
    }

    /** One day of {@code receipts} receipts on a service, database and fakes of its own. */
    public static Figures run(int receipts) throws Exception {
        WireMockServer poster = new WireMockServer(wireMockConfig().dynamicPort());
        poster.start();
        String database = PostgresTestDatabase.create();
        try (FakeIncust incust = FakeIncust.start();
             ConfigurableApplicationContext service = new SpringApplicationBuilder(OrchestratorApplication.class)
                     .profiles("test").run("--server.port=0", "--spring.datasource.url=" + database,
                             "--spring.datasource.username=" + PostgresTestDatabase.user(),
                             "--spring.datasource.password=" + PostgresTestDatabase.password(),
                             "--poster.api.base-url=" + poster.baseUrl() + "/poster/{account}/api",
                             "--incust.api.base-url=" + incust.baseUrl(),
                             "--logging.level.com.posterincust=warn",
                             // info shows when each step of the check ended
                             "--logging.level.com.posterincust.daycheck=" + System.getProperty("benchmark.log",
                                     "warn"))) {
            ManagementService management = service.getBean(ManagementService.class);
            int port = ((ServletWebServerApplicationContext) service).getWebServer().getPort();
            BlackBox cafe = new BlackBox(poster, json, port).stubPosterAndIncust().install(management)
                    .bindRegister(true, FakeIncust.INSTANT_LOGIN, FakeIncust.PASSWORD);
            String day = LocalDate.now(ZoneOffset.UTC).toString();
            aDayOfSales(cafe, receipts, service.getBean(JdbcTemplate.class), incust, poster);
            long incustBefore = incust.requests();
            long started = System.nanoTime();
            checkTheDay(cafe, day, management);
            long millis = (System.nanoTime() - started) / 1_000_000;
            long incustCalls = incust.requests() - incustBefore;
            long posterCalls = poster.countRequestsMatching(getRequestedFor(urlPathEqualTo(
                    "/poster/" + cafe.account + "/api/dash.getTransactions")).build()).getCount();
            // the same day again, the heap watched: a second check reads and matches all of it the same way (WireMock's
            // journal of the calls, the fakes' not the service's, emptied first)
            poster.resetRequests();
            long baseline = heapAfterGc();
            long live;
            try (LiveHeap heap = LiveHeap.watch()) {
                checkTheDay(cafe, day, management);
                live = heap.most();
            }
            JsonNode check = json.readTree(admin(cafe, "GET", "/api/admin/v1/day-checks?account=" + cafe.account
                    + "&date=" + day, null).body()).path(0);
            if (!"DONE".equals(check.path("status").asText()) || check.path("receipts").asInt() != receipts) {
                throw new IllegalStateException("The day check did not read the whole day: " + check);
            }
            return new Figures(receipts, millis, posterCalls, incustCalls, Math.max(0, live - baseline) / (1024 * 1024),
                    check.path("agreed").asInt(), check.path("open").asInt());
        } finally {
            poster.stop();
        }
    }

    /**
     * Every receipt a sale of 100.00 the fake inCust finalized, the service's completed checkout of it, Poster's
     * closed receipt with no bonus paid: a day that agrees, so the figures are of reading and matching.
     */
    private static void aDayOfSales(BlackBox cafe, int receipts, JdbcTemplate sql, FakeIncust incust,
                                    WireMockServer poster) {
        String binding = sql.queryForObject("select id from terminal_binding where account = ?", String.class,
                cafe.account);
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> checkouts = new ArrayList<>();
        List<String> page = new ArrayList<>();
        String after = null;
        for (int i = 1; i <= receipts; i++) {
            String checkout = UUID.randomUUID().toString();
            String receipt = String.valueOf(100_000 + i);
            String sale = incust.saleMadeElsewhere(FakeIncust.INSTANT_LOGIN, checkout);
            checkouts.add(new Object[] {checkout, cafe.account, "3", binding, checkout, "benchmark", "order-" + i,
                    receipt, FakeIncust.CUSTOMER, "UAH", new java.math.BigDecimal("100.00"), "[]", "COMPLETED", sale,
                    now, now});
            page.add("{\"transaction_id\":\"" + receipt + "\",\"date_close\":\"" + now.getTime() + "\",\"status\":\"2\","
                    + "\"payed_bonus\":\"0\",\"payed_cash\":\"10000\",\"payed_sum\":\"10000\",\"sum\":\"10000\","
                    + "\"spot_id\":\"2\",\"client_id\":\"0\",\"print_fiscal\":\"1\",\"products\":[{\"product_id\":"
                    + "\"12\",\"modification_id\":\"0\",\"num\":\"1\",\"payed_sum\":\"10000\","
                    + "\"product_price\":\"10000\"}]}");
            if (page.size() == POSTER_PAGE || i == receipts) {
                poster.stubFor(pageAfter(cafe, after).willReturn(okJson("{\"response\":[" + String.join(",", page)
                        + "]}")));
                after = receipt;
                page.clear();
            }
        }
        poster.stubFor(pageAfter(cafe, after).willReturn(okJson("{\"response\":[]}")));
        sql.batchUpdate("insert into checkout (id, account, tablet_id, binding_id, idempotency_key, request_hash, "
                + "order_id, transaction_id, customer_id, currency, total, items, status, incust_transaction_id, "
                + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", checkouts);
    }

    private static MappingBuilder pageAfter(BlackBox cafe, String after) {
        MappingBuilder page = get(urlPathEqualTo("/poster/" + cafe.account + "/api/dash.getTransactions"));
        return after == null ? page.withQueryParam("next_tr", absent()) : page.withQueryParam("next_tr", equalTo(after));
    }

    /**
     * The heap still reachable while the check runs: a full collection every {@value #SAMPLE_MILLIS} ms, the heap in
     * use after it, its most. Slows the check down: the timed check runs without it.
     */
    static final class LiveHeap implements AutoCloseable {

        static final long SAMPLE_MILLIS = 50;
        private final AtomicLong most = new AtomicLong();
        private final AtomicBoolean watching = new AtomicBoolean(true);
        private final Thread sampler = new Thread(this::sample, "live-heap-sampler");

        static LiveHeap watch() {
            LiveHeap heap = new LiveHeap();
            heap.sampler.setDaemon(true);
            heap.sampler.start();
            return heap;
        }

        private void sample() {
            while (watching.get()) {
                most.accumulateAndGet(heapAfterGc(), Math::max);
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }

        long most() {
            return most.get();
        }

        @Override
        public void close() throws InterruptedException {
            watching.set(false);
            sampler.join();
        }
    }

    private static void checkTheDay(BlackBox cafe, String day, ManagementService management) throws Exception {
        HttpResponse<String> asked = admin(cafe, "POST", "/api/admin/v1/day-checks",
                "{\"account\":\"" + cafe.account + "\",\"date\":\"" + day + "\"}");
        if (asked.statusCode() != 202) {
            throw new IllegalStateException("The day check was not started: " + asked.body());
        }
        Jobs.runAll(management);
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static HttpResponse<String> admin(BlackBox cafe, String method, String path, String body) throws Exception {
        return cafe.send(HttpRequest.newBuilder(cafe.url(path)).header("Authorization", BlackBox.adminAuthorization())
                .header("Content-Type", "application/json").method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    static String asMarkdown(List<Figures> figures) {
        StringBuilder table = new StringBuilder("| receipts | time of the check | Poster calls | inCust calls | "
                + "most heap reachable during a check, above the idle service | agreed | open |\n|---|---|---|---|---|---|---|\n");
        for (Figures day : figures) {
            table.append(String.format("| %d | %.1f s | %d | %d | %s | %d | %d |%n", day.receipts(),
                    day.millis() / 1000.0, day.posterCalls(), day.incustCalls(), day.liveHeapMb() + " MiB",
                    day.agreed(), day.open()));
        }
        return table.toString();
    }
}
