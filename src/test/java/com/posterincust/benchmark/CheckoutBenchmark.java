package com.posterincust.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.BlackBox;
import com.posterincust.PostgresTestDatabase;
import com.posterincust.production.PackagedService;
import com.posterincust.register.RegisterSignature;
import com.posterincust.sandbox.FakeIncust;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The checkout benchmark (docs/performance.md): the packaged service in a process of its own on PostgreSQL; this
 * process drives it as registers do and plays Poster and inCust. Per run: a warm-up; the cost of one checkout
 * (CPU of the service and of PostgreSQL from /proc, commits, rows written, statements) from sequential checkouts
 * with the idle rate taken out; per latency profile the saturation rate (closed loop), open-loop fixed arrival
 * rates with each register call's p50/p99, and the overhead against the same Poster/inCust calls made directly at
 * the same time, below 70 % load. The report gives the median of the runs.
 */
public final class CheckoutBenchmark {

    static final String ACCOUNT = "benchcafe";
    static final List<String> CALLS = List.of("POST customer-sessions", "POST checkouts", "POST redemption",
            "POST confirmation", "POST order-closed");
    static final String ADMIN = "Basic " + java.util.Base64.getEncoder().encodeToString(
            "admin:test-admin-password".getBytes(StandardCharsets.UTF_8));

    public record Profile(String name, long posterMillis, long incustMillis) {

        static Profile named(String name) {
            return switch (name) {
                case "instant" -> new Profile("0 ms", 0, 0);
                case "realistic" -> new Profile("realistic: Poster 50 ms, inCust 100 ms", 50, 100);
                default -> throw new IllegalArgumentException("profiles: instant, realistic");
            };
        }
    }

    /**
     * @param nodes      instances of the service on the one database; the registers use them in turn
     * @param steadyRate checkouts per second started on the clock after the sequential ones, for {@code steadyTime}:
     *                   the CPU per checkout at a steady load, the figure the cost is judged by
     */
    public record Settings(List<Profile> profiles, List<Integer> rates, Duration atEachRate, int warmUp,
                           int costCheckouts, int saturationRegisters, Duration saturationTime, int repeats,
                           int registers, int nodes, List<String> serviceArgs, int steadyRate, Duration steadyTime,
                           double fill, Duration cleanupTime) {

        /** The same settings with a growth phase: a database filled to {@code scale} of a year (1: the issue's). */
        public Settings filled(double scale, Duration cleanup) {
            return new Settings(profiles, rates, atEachRate, warmUp, costCheckouts, saturationRegisters, saturationTime,
                    repeats, registers, nodes, serviceArgs, steadyRate, steadyTime, scale, cleanup);
        }

        static Settings fromSystemProperties() {
            String args = System.getProperty("benchmark.args", "").trim();
            return new Settings(
                    Arrays.stream(System.getProperty("benchmark.profiles", "instant,realistic").split(","))
                            .map(String::trim).filter(name -> !name.isEmpty()).map(Profile::named).toList(),
                    Arrays.stream(System.getProperty("benchmark.rates", "10,20,40,80").split(","))
                            .map(String::trim).map(Integer::valueOf).toList(),
                    Duration.ofSeconds(Long.getLong("benchmark.seconds", 15)),
                    Integer.getInteger("benchmark.warmup", 1000),
                    Integer.getInteger("benchmark.cost", 200),
                    Integer.getInteger("benchmark.saturation.registers", 64),
                    Duration.ofSeconds(Long.getLong("benchmark.saturation.seconds", 20)),
                    Integer.getInteger("benchmark.repeats", 3),
                    Integer.getInteger("benchmark.registers", 40),
                    Integer.getInteger("benchmark.nodes", 1),
                    args.isEmpty() ? List.of() : List.of(args.split("\\s+")),
                    Integer.getInteger("benchmark.steady.rate", 10),
                    Duration.ofSeconds(Long.getLong("benchmark.steady.seconds", 60)),
                    Double.parseDouble(System.getProperty("benchmark.fill", "0")),
                    Duration.ofSeconds(Long.getLong("benchmark.cleanup.seconds", 120)));
        }
    }

    /**
     * What one checkout costs, idle activity taken out: CPU of sequential checkouts and at a steady rate, and of the
     * sequential ones their commits, rows, statements (NaN without pg_stat_statements) and external calls.
     */
    public record Cost(double serviceCpuMs, double postgresCpuMs, double commits, double rowsWritten,
                       double statements, double externalCalls, double steadyServiceCpuMs, double steadyPostgresCpuMs,
                       double steadyJitCpuMs) {
    }

    /**
     * @param calls per register call: p50 and p99 in ms
     * @param serviceCpuMs CPU of the service per completed checkout under this load, idle not taken out: the cost
     *                     at a steady rate, where the sequential figure also carries per-call wake-ups and JIT work
     */
    public record RateRun(int offered, double achieved, long failed, Map<String, long[]> calls, double serviceCpuMs,
                          double postgresCpuMs) {
    }

    public record ProfileRun(Profile profile, double saturation, List<RateRun> rates, int overheadRate,
                             long throughP50, long directP50) {

        double overhead() {
            return directP50 == 0 ? 0 : throughP50 / (double) directP50;
        }
    }

    /**
     * The owner's page and operators' lists as their people call them, median ms of {@code PAGE_CALLS} calls each;
     * a day check of the benchmark café from its start to its end; the service's start-up on this database.
     */
    public record Pages(double ownerList, double ownerListOfADay, double operatorsAll, double operatorsOfAStatus,
                        double operatorsOfAnAccount, double operatorsOfARareStatus, double dayCheck,
                        double startupSeconds) {
    }

    /** One pass over a database: the cost, the profiles, the pages. */
    public record Measured(Cost cost, List<ProfileRun> profiles, Pages pages) {
    }

    /**
     * What the database was filled with, the plans of the statements the filled pass ran, and the nightly deletions'
     * rate against what a saturated service writes that they must delete.
     *
     * @param keptRowsPerCheckout   rows a checkout leaves that only retention deletes (history, checkout, session)
     * @param deletedRowsPerSecond  rows the engine's history cleanup and the service's retention deleted per second
     *                              with the window open
     * @param historyRowsPerSecond  of them, the engine's history
     */
    public record Growth(Fill.Filled filled, List<QueryPlans.Plan> plans, double keptRowsPerCheckout,
                         double deletedRowsPerSecond, double historyRowsPerSecond) {

        List<QueryPlans.Plan> seqScansOfBigTables() {
            return plans.stream().filter(plan -> !plan.bigSeqScans().isEmpty()).toList();
        }
    }

    /** @param filled null without a growth phase */
    public record Run(Measured empty, Measured filled, Growth growth) {

        public Cost cost() {
            return empty.cost();
        }

        public List<ProfileRun> profiles() {
            return empty.profiles();
        }
    }

    public record Report(Settings settings, List<Run> runs) {

        public String asMarkdown() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "Median of %d run(s); %d node(s); service arguments: %s%n%n",
                    runs.size(), settings.nodes(),
                    settings.serviceArgs().isEmpty() ? "none" : String.join(" ", settings.serviceArgs())));
            out.append("| per checkout | median |\n|---|---|\n");
            out.append(row("service CPU, steady state (" + settings.steadyRate() + "/s for "
                    + settings.steadyTime().toSeconds() + " s, all nodes)", cost(Cost::steadyServiceCpuMs), "ms"));
            out.append(row("of which the JIT compiler's (C1, C2 threads), steady state", cost(Cost::steadyJitCpuMs), "ms"));
            out.append(row("service CPU without the JIT compiler, steady state",
                    cost(c -> c.steadyServiceCpuMs() - c.steadyJitCpuMs()), "ms"));
            out.append(row("PostgreSQL CPU, steady state", cost(Cost::steadyPostgresCpuMs), "ms"));
            out.append(row("service CPU, one checkout after another", cost(Cost::serviceCpuMs), "ms"));
            out.append(row("PostgreSQL CPU, one checkout after another", cost(Cost::postgresCpuMs), "ms"));
            out.append(row("PostgreSQL commits", cost(Cost::commits), ""));
            out.append(row("rows written", cost(Cost::rowsWritten), ""));
            out.append(row("statements (pg_stat_statements)", cost(Cost::statements), ""));
            out.append(row("external HTTP calls (Poster + inCust)", cost(Cost::externalCalls), ""));
            for (int p = 0; p < settings.profiles().size(); p++) {
                int profile = p;
                out.append(String.format(Locale.ROOT, "%n**%s** — saturation %.1f checkouts/s (closed loop, %d registers)%n%n",
                        settings.profiles().get(p).name(), median(runs, r -> r.profiles().get(profile).saturation()),
                        settings.saturationRegisters()));
                out.append("| offered /s | achieved /s | failed | CPU per checkout: service / PostgreSQL |");
                CALLS.forEach(call -> out.append(' ').append(call).append(" p50 / p99 |"));
                out.append("\n|---|---|---|---|").append("---|".repeat(CALLS.size())).append('\n');
                for (int r = 0; r < settings.rates().size(); r++) {
                    int rate = r;
                    out.append(String.format(Locale.ROOT, "| %d | %.1f | %.0f |", settings.rates().get(r),
                            median(runs, run -> run.profiles().get(profile).rates().get(rate).achieved()),
                            median(runs, run -> run.profiles().get(profile).rates().get(rate).failed())));
                    out.append(String.format(Locale.ROOT, " %.0f / %.0f ms |",
                            median(runs, run -> run.profiles().get(profile).rates().get(rate).serviceCpuMs()),
                            median(runs, run -> run.profiles().get(profile).rates().get(rate).postgresCpuMs())));
                    for (String call : CALLS) {
                        out.append(String.format(Locale.ROOT, " %.0f / %.0f ms |",
                                median(runs, run -> run.profiles().get(profile).rates().get(rate).calls().get(call)[0]),
                                median(runs, run -> run.profiles().get(profile).rates().get(rate).calls().get(call)[1])));
                    }
                    out.append('\n');
                }
                out.append(String.format(Locale.ROOT, "%nOverhead at %.0f checkouts/s: checkout through the service "
                                + "(first call → COMPLETED) p50 %.0f ms, the same calls made directly p50 %.0f ms: "
                                + "**%.2f×**%n",
                        median(runs, run -> run.profiles().get(profile).overheadRate()),
                        median(runs, run -> run.profiles().get(profile).throughP50()),
                        median(runs, run -> run.profiles().get(profile).directP50()),
                        median(runs, run -> run.profiles().get(profile).overhead())));
            }
            if (runs.get(0).filled() != null) {
                out.append(growth());
            }
            return out.toString();
        }

        /** Each figure of the empty database beside the filled one's, and what the growth phase found. */
        private String growth() {
            StringBuilder out = new StringBuilder("\n## Empty vs filled\n\n");
            Fill.Filled filled = runs.get(0).growth().filled();
            out.append(String.format(Locale.ROOT, "Filled with %,d rows in %d s (%s).%n%n", filled.total(),
                    filled.took().toSeconds(), filled.rows().entrySet().stream()
                            .map(table -> String.format(Locale.ROOT, "%s %,d", table.getKey(), table.getValue()))
                            .collect(java.util.stream.Collectors.joining(", "))));
            out.append("| figure | empty | filled | filled ÷ empty |\n|---|---|---|---|\n");
            compare(out, "service CPU, steady state", m -> m.cost().steadyServiceCpuMs(), "ms");
            compare(out, "service CPU without the JIT compiler, steady state",
                    m -> m.cost().steadyServiceCpuMs() - m.cost().steadyJitCpuMs(), "ms");
            compare(out, "PostgreSQL CPU, steady state", m -> m.cost().steadyPostgresCpuMs(), "ms");
            compare(out, "service CPU, one checkout after another", m -> m.cost().serviceCpuMs(), "ms");
            compare(out, "PostgreSQL CPU, one checkout after another", m -> m.cost().postgresCpuMs(), "ms");
            compare(out, "PostgreSQL commits", m -> m.cost().commits(), "");
            compare(out, "rows written", m -> m.cost().rowsWritten(), "");
            compare(out, "statements", m -> m.cost().statements(), "");
            compare(out, "external HTTP calls", m -> m.cost().externalCalls(), "");
            for (int p = 0; p < settings.profiles().size(); p++) {
                int profile = p;
                String name = settings.profiles().get(p).name();
                compare(out, name + ": saturation, checkouts/s", m -> m.profiles().get(profile).saturation(), "");
                for (int r = 0; r < settings.rates().size(); r++) {
                    int rate = r;
                    String at = name + " at " + settings.rates().get(r) + "/s: ";
                    compare(out, at + "achieved /s", m -> m.profiles().get(profile).rates().get(rate).achieved(), "");
                    for (String call : CALLS) {
                        compare(out, at + call + " p50",
                                m -> m.profiles().get(profile).rates().get(rate).calls().get(call)[0], "ms");
                        compare(out, at + call + " p99",
                                m -> m.profiles().get(profile).rates().get(rate).calls().get(call)[1], "ms");
                    }
                }
            }
            compare(out, "owner's page: the list (attention and the newest 50)", m -> m.pages().ownerList(), "ms");
            compare(out, "owner's page: the list of a day", m -> m.pages().ownerListOfADay(), "ms");
            compare(out, "operators' list: all, newest 50", m -> m.pages().operatorsAll(), "ms");
            compare(out, "operators' list: one status (COMPLETED)", m -> m.pages().operatorsOfAStatus(), "ms");
            compare(out, "operators' list: one account", m -> m.pages().operatorsOfAnAccount(), "ms");
            compare(out, "operators' list: a rare status (REVERSING)", m -> m.pages().operatorsOfARareStatus(), "ms");
            compare(out, "a day check of one café, request to end", m -> m.pages().dayCheck(), "ms");
            compare(out, "start-up, process start to healthy", m -> m.pages().startupSeconds(), "s");
            Growth growth = runs.get(0).growth();
            out.append(String.format(Locale.ROOT, "%n**Retention.** A checkout leaves %.1f rows only retention deletes "
                            + "(history, checkout, session); at the filled saturation of %.1f checkouts/s that is %.0f rows/s. "
                            + "With the window open the nightly deletions removed **%.0f rows/s** (the engine's history "
                            + "%.0f rows/s).%n",
                    growth.keptRowsPerCheckout(), median(runs, run -> run.filled().profiles().get(0).saturation()),
                    growth.keptRowsPerCheckout() * median(runs, run -> run.filled().profiles().get(0).saturation()),
                    growth.deletedRowsPerSecond(), growth.historyRowsPerSecond()));
            List<QueryPlans.Plan> scans = growth.seqScansOfBigTables();
            out.append(String.format(Locale.ROOT, "%n**Plans.** %d statements of the filled pass explained; %d read a "
                    + "table of %,d rows or more from start to end%s%n", growth.plans().size(), scans.size(), BIG_TABLE,
                    scans.isEmpty() ? "." : ":"));
            scans.forEach(plan -> out.append(String.format(Locale.ROOT, "- %s (%d calls): %s%n",
                    plan.bigSeqScans(), plan.calls(), plan.statement().replaceAll("\\s+", " "))));
            return out.toString();
        }

        /** Every plan of the filled pass, most called first: the file beside the table. */
        public String plansAsMarkdown() {
            StringBuilder out = new StringBuilder("# Plans of the filled pass's statements\n");
            if (runs.get(0).growth() != null) {
                for (QueryPlans.Plan plan : runs.get(0).growth().plans()) {
                    out.append(String.format(Locale.ROOT, "%n## %d calls%n%n```sql%n%s%n```%n%n```%n%s```%n",
                            plan.calls(), plan.statement(), plan.plan()));
                }
            }
            return out.toString();
        }

        private void compare(StringBuilder out, String figure, ToDoubleFunction<Measured> value, String unit) {
            double empty = median(runs, run -> value.applyAsDouble(run.empty()));
            double filled = median(runs, run -> value.applyAsDouble(run.filled()));
            String suffix = unit.isEmpty() ? "" : " " + unit;
            out.append(String.format(Locale.ROOT, "| %s | %.1f%s | %.1f%s | %s |%n", figure, empty, suffix, filled,
                    suffix, empty == 0 || Double.isNaN(empty) ? "n/a" : String.format(Locale.ROOT, "%.2f", filled / empty)));
        }

        private double cost(ToDoubleFunction<Cost> figure) {
            return median(runs, run -> figure.applyAsDouble(run.cost()));
        }

        private static String row(String name, double value, String unit) {
            return Double.isNaN(value) ? "| " + name + " | n/a |\n"
                    : String.format(Locale.ROOT, "| %s | %.1f%s |%n", name, value, unit.isEmpty() ? "" : " " + unit);
        }

        private static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
            double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
            return values.length % 2 == 1 ? values[values.length / 2]
                    : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong orders = new AtomicLong();
    private final AtomicLong callNumber = new AtomicLong();
    private final Settings settings;
    private final BenchmarkPoster poster;
    private final FakeIncust incust;
    private List<Integer> ports = List.of();

    private CheckoutBenchmark(Settings settings, BenchmarkPoster poster, FakeIncust incust) {
        this.settings = settings;
        this.poster = poster;
        this.incust = incust;
    }

    public static void main(String[] args) throws Exception {
        Report report = run(Settings.fromSystemProperties());
        String table = report.asMarkdown();
        System.out.println(table);
        Files.writeString(Path.of("target", "benchmark.md"), table);
        Files.writeString(Path.of("target", "benchmark-plans.md"), report.plansAsMarkdown());
        // the probe of PackagedService brings up the tests' shared WireMock server, whose threads would keep this
        // JVM alive
        System.exit(0);
    }

    public static Report run(Settings settings) throws Exception {
        try (BenchmarkPoster poster = new BenchmarkPoster(settings.registers()); FakeIncust incust = FakeIncust.start()) {
            // the guest redeems 10 points in every checkout of every run
            incust.giveBonusPoints(FakeIncust.CUSTOMER, new BigDecimal("1000000000"));
            List<Run> runs = new ArrayList<>();
            for (int repeat = 0; repeat < settings.repeats(); repeat++) {
                runs.add(new CheckoutBenchmark(settings, poster, incust).once());
            }
            return new Report(settings, runs);
        }
    }

    private Run once() throws Exception {
        String database = PostgresTestDatabase.create();
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + database + "?reWriteBatchedInserts=true",
                "--spring.datasource.username=" + PostgresTestDatabase.user(),
                "--spring.datasource.password=" + PostgresTestDatabase.password(),
                "--poster.api.base-url=" + poster.api(), "--incust.api.base-url=" + incust.baseUrl(),
                "--poster.manage.exchange-url=" + poster.base() + "/api/v2/auth/manage",
                "--logging.level.root=warn"));
        // the nightly deletions stay out of the measured passes: their window is hours away
        LocalTime now = LocalTime.now();
        args.add("--orchestrator.retention.window-start=" + now.plusHours(6).withSecond(0).withNano(0));
        args.add("--orchestrator.retention.window-end=" + now.plusHours(7).withSecond(0).withNano(0));
        args.addAll(settings.serviceArgs());
        List<PackagedService> nodes = new ArrayList<>();
        try (Database db = new Database(database)) {
            start(nodes, args);
            poster.answerAfter(0);
            incust.answerAfter(0);
            installAndBind();
            // start-up measured on the schema made and the café installed, as the filled one is
            double startup = restart(nodes, args);
            Measured empty = measure(nodes, db, startup);
            if (settings.fill() <= 0) {
                return new Run(empty, null, null);
            }
            Fill.Templates templates = new Fill.Templates(List.of(samples.get(true), samples.get(false)),
                    waitingCheckout(1));
            stop(nodes);
            Fill.Filled filled = Fill.fill(db.connection, Fill.Sizes.scaled(settings.fill()), templates);
            System.err.printf(Locale.ROOT, "filled %,d rows in %d s%n", filled.total(), filled.took().toSeconds());
            Measured full = measure(nodes, db, restart(nodes, args));
            List<QueryPlans.Plan> plans = db.statementsTracked
                    ? QueryPlans.ofStatementsRun(db.connection, BIG_TABLE) : List.of();
            stop(nodes);
            return new Run(empty, full, cleanup(db, filled, plans, args));
        } finally {
            stop(nodes);
        }
    }

    /** A table the planner may not read whole on the hot path: a few thousand rows are read faster by an index. */
    static final long BIG_TABLE = 5_000;
    static final int PAGE_CALLS = 30;

    private final Map<Boolean, Fill.Sample> samples = new ConcurrentHashMap<>();

    private void start(List<PackagedService> nodes, List<String> args) throws Exception {
        for (int node = 0; node < settings.nodes(); node++) {
            nodes.add(PackagedService.start("benchmark-" + node, args));
        }
        ports = nodes.stream().map(PackagedService::port).toList();
    }

    private static void stop(List<PackagedService> nodes) {
        nodes.forEach(PackagedService::close);
        nodes.clear();
    }

    /** @return seconds from the start of the first node's process to every node answering its health check */
    private double restart(List<PackagedService> nodes, List<String> args) throws Exception {
        stop(nodes);
        long started = System.nanoTime();
        start(nodes, args);
        return (System.nanoTime() - started) / 1e9 / settings.nodes();
    }

    private Measured measure(List<PackagedService> nodes, Database db, double startup) throws Exception {
        List<Long> pids = nodes.stream().map(PackagedService::pid).toList();
        poster.answerAfter(0);
        incust.answerAfter(0);
        closedLoop(Math.min(8, settings.registers()), settings.warmUp(), Duration.ofMinutes(10), new Calls());
        db.awaitSalesFinalized();
        Cost cost = cost(pids, db);
        List<ProfileRun> profiles = new ArrayList<>();
        for (Profile profile : settings.profiles()) {
            poster.answerAfter(profile.posterMillis());
            incust.answerAfter(profile.incustMillis());
            profiles.add(profile(profile, pids, db));
        }
        poster.answerAfter(0);
        incust.answerAfter(0);
        return new Measured(cost, profiles, pages(db, startup));
    }

    private Pages pages(Database db, double startup) throws Exception {
        String owner = ownerCredential();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String admin = "/api/admin/v1/checkouts";
        // a day of the year before, where the filled database has the café's sales and Poster and inCust none
        String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(5).toString();
        return new Pages(
                medianMillis(() -> get("/api/owner/v1/checkouts", "Bearer " + owner)),
                medianMillis(() -> get("/api/owner/v1/checkouts?day=" + today, "Bearer " + owner)),
                medianMillis(() -> get(admin, ADMIN)),
                medianMillis(() -> get(admin + "?status=COMPLETED", ADMIN)),
                medianMillis(() -> get(admin + "?account=" + ACCOUNT, ADMIN)),
                medianMillis(() -> get(admin + "?status=REVERSING", ADMIN)),
                dayCheck(db, day), startup);
    }

    private interface Call {
        void run() throws Exception;
    }

    private static double medianMillis(Call call) throws Exception {
        call.run();
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < PAGE_CALLS; i++) {
            long start = System.nanoTime();
            call.run();
            micros.add((System.nanoTime() - start) / 1000);
        }
        return percentile(micros, 0.5) / 1000.0;
    }

    private String get(String path, String authorization) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(0)
                + path)).header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer.body();
    }

    /** The owner's page opened from Poster's back office: its credential for the page's calls. */
    private String ownerCredential() throws Exception {
        String page = get("/poster/manage?code=bench-" + System.nanoTime(), "");
        java.util.regex.Matcher credential = java.util.regex.Pattern
                .compile("<meta name=\"owner-credential\" content=\"([^\"]+)\">").matcher(page);
        if (!credential.find()) {
            throw new IllegalStateException("the owner's page gave no credential");
        }
        return credential.group(1);
    }

    /** A day check of the benchmark café, from the request to its end (its jobs run by the job executor). */
    private double dayCheck(Database db, String day) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(0)
                        + "/api/admin/v1/day-checks")).header("Authorization", ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"account\":\"" + ACCOUNT + "\",\"date\":\"" + day + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("the day check answered " + started.statusCode() + ": " + started.body());
        }
        String id = json.readTree(started.body()).path("dayCheckId").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!"DONE".equals(db.text("select status from day_check where id = '" + id + "'"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the day check of " + day + " did not end in 2 minutes");
            }
            LockSupport.parkNanos(5_000_000);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** A checkout left waiting for the cashier's choice: the template of the filled database's waiting ones. */
    private Fill.Sample waitingCheckout(int tablet) throws Exception {
        return identifyAndStart(tablet, new Calls(), "w" + orders.incrementAndGet());
    }

    /** The guest identified by phone and the checkout of {@code order} started: what every checkout begins with. */
    private Fill.Sample identifyAndStart(int tablet, Calls calls, String order) throws Exception {
        String session = json.readTree(call(calls, "POST customer-sessions", "/api/register/v1/customer-sessions",
                "{\"identifier\":{\"type\":\"PHONE\",\"value\":\"" + FakeIncust.CUSTOMER_PHONE + "\"}}", tablet, null, 200))
                .path("sessionId").asText();
        String checkout = json.readTree(call(calls, "POST checkouts", "/api/register/v1/checkouts",
                "{\"orderId\":\"" + order + "\",\"customerSessionId\":\"" + session + "\",\"items\":[{\"productId\":\"12\","
                        + "\"name\":\"Latte\",\"count\":2,\"price\":45.50}],\"total\":91.00,\"currency\":\"UAH\"}",
                tablet, order, 201)).path("checkoutId").asText();
        return new Fill.Sample(session, checkout);
    }

    /**
     * The nightly window opened on the filled database: a node whose window started a minute ago deletes what is past
     * its retention (the year's history older than its time to live, the sessions older than 90 days) for
     * {@code cleanupTime}; rows deleted per second, the history's apart.
     */
    private Growth cleanup(Database db, Fill.Filled filled, List<QueryPlans.Plan> plans, List<String> args)
            throws Exception {
        long history = 0;
        long kept = 0;
        for (Map.Entry<String, Long> table : filled.rows().entrySet()) {
            if (table.getKey().startsWith("act_hi_") || table.getKey().equals("checkout")
                    || table.getKey().equals("customer_session")) {
                kept += table.getValue();
            }
        }
        Fill.Sizes sizes = Fill.Sizes.scaled(settings.fill());
        double keptPerCheckout = kept / (double) (sizes.finishedCheckouts() + sizes.waitingCheckouts());
        // a setting given twice on the command line would be read as both, comma-joined
        List<String> window = new ArrayList<>(args.stream()
                .filter(arg -> !arg.startsWith("--orchestrator.retention.window-")).toList());
        LocalTime now = LocalTime.now();
        window.add("--orchestrator.retention.window-start=" + now.minusMinutes(1).withSecond(0).withNano(0));
        window.add("--orchestrator.retention.window-end=" + now.plusHours(3).withSecond(0).withNano(0));
        window.add("--orchestrator.retention.look-every=PT1S");
        long historyBefore = db.historyRows();
        long deletedBefore = db.rowsDeleted();
        long started = System.nanoTime();
        List<PackagedService> nodes = new ArrayList<>();
        try {
            nodes.add(PackagedService.start("benchmark-cleanup", window));
            LockSupport.parkNanos(settings.cleanupTime().toNanos());
            double seconds = (System.nanoTime() - started) / 1e9;
            long deleted = db.rowsDeleted() - deletedBefore;
            history = historyBefore - db.historyRows();
            return new Growth(filled, plans, keptPerCheckout, deleted / seconds, history / seconds);
        } finally {
            stop(nodes);
        }
    }

    private ProfileRun profile(Profile profile, List<Long> servicePids, Database db) throws Exception {
        long started = System.nanoTime();
        long done = closedLoop(settings.saturationRegisters(), Integer.MAX_VALUE, settings.saturationTime(), new Calls());
        double saturation = done / ((System.nanoTime() - started) / 1e9);
        db.awaitSalesFinalized();
        List<RateRun> rates = new ArrayList<>();
        for (int rate : settings.rates()) {
            Calls calls = new Calls();
            Counters from = Counters.read(servicePids, db);
            long[] outcome = openLoop(rate, settings.atEachRate(), calls, null);
            db.awaitSalesFinalized();
            Counters to = Counters.read(servicePids, db);
            long completed = Math.max(1, outcome[0]);
            rates.add(new RateRun(rate, outcome[0] / (outcome[2] / 1e9), outcome[1], calls.percentiles(),
                    (to.serviceCpuMs - from.serviceCpuMs) / completed, (to.postgresCpuMs - from.postgresCpuMs) / completed));
        }
        int belowSeventyPercent = Math.max(1, (int) Math.floor(saturation * 0.5));
        ConcurrentLinkedQueue<Long> direct = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Started> through = new ConcurrentLinkedQueue<>();
        Thread directly = new Thread(() -> directSequences(settings.atEachRate(), direct), "direct-sequences");
        directly.start();
        openLoop(belowSeventyPercent, settings.atEachRate(), new Calls(), through);
        directly.join();
        db.awaitSalesFinalized();
        List<Long> throughTimes = db.completionTimes(through);
        return new ProfileRun(profile, saturation, rates, belowSeventyPercent, percentile(throughTimes, 0.5),
                percentile(direct, 0.5));
    }

    /** Sequential checkouts at 0 ms, idle activity (job acquisition, the database's own work) taken out. */
    private Cost cost(List<Long> servicePids, Database db) throws Exception {
        db.settle();
        Counters idleFrom = Counters.read(servicePids, db);
        LockSupport.parkNanos(Duration.ofSeconds(5).toNanos());
        Counters idleTo = Counters.read(servicePids, db);
        db.resetStatements();
        Counters from = Counters.read(servicePids, db);
        long callsFrom = poster.requests.get() + incust.requests();
        closedLoop(1, settings.costCheckouts(), Duration.ofMinutes(10), new Calls());
        db.awaitSalesFinalized();
        db.settle();
        Counters to = Counters.read(servicePids, db);
        long calls = poster.requests.get() + incust.requests() - callsFrom;
        double idleShare = (to.nanos - from.nanos) / (double) (idleTo.nanos - idleFrom.nanos);
        int n = settings.costCheckouts();
        long statements = db.statements();
        Counters steadyFrom = Counters.read(servicePids, db);
        long[] steady = openLoop(settings.steadyRate(), settings.steadyTime(), new Calls(), null);
        db.awaitSalesFinalized();
        db.settle();
        Counters steadyTo = Counters.read(servicePids, db);
        double steadyIdleShare = (steadyTo.nanos - steadyFrom.nanos) / (double) (idleTo.nanos - idleFrom.nanos);
        long completed = Math.max(1, steady[0]);
        return new Cost(
                (to.serviceCpuMs - from.serviceCpuMs - idleShare * (idleTo.serviceCpuMs - idleFrom.serviceCpuMs)) / n,
                (to.postgresCpuMs - from.postgresCpuMs - idleShare * (idleTo.postgresCpuMs - idleFrom.postgresCpuMs)) / n,
                (to.commits - from.commits - idleShare * (idleTo.commits - idleFrom.commits)) / n,
                (to.rowsWritten - from.rowsWritten - idleShare * (idleTo.rowsWritten - idleFrom.rowsWritten)) / n,
                statements < 0 ? Double.NaN : statements / (double) n, calls / (double) n,
                (steadyTo.serviceCpuMs - steadyFrom.serviceCpuMs
                        - steadyIdleShare * (idleTo.serviceCpuMs - idleFrom.serviceCpuMs)) / completed,
                (steadyTo.postgresCpuMs - steadyFrom.postgresCpuMs
                        - steadyIdleShare * (idleTo.postgresCpuMs - idleFrom.postgresCpuMs)) / completed,
                (steadyTo.jitCpuMs - steadyFrom.jitCpuMs) / completed);
    }

    private record Started(String checkoutId, long atMillis) {
    }

    /** Register calls' durations in ms, by call. */
    private static final class Calls {
        final Map<String, ConcurrentLinkedQueue<Long>> durations = new ConcurrentHashMap<>();

        void add(String call, long millis) {
            durations.computeIfAbsent(call, c -> new ConcurrentLinkedQueue<>()).add(millis);
        }

        Map<String, long[]> percentiles() {
            Map<String, long[]> out = new LinkedHashMap<>();
            for (String call : CALLS) {
                Collection<Long> all = durations.getOrDefault(call, new ConcurrentLinkedQueue<>());
                out.put(call, new long[] {percentile(all, 0.5), percentile(all, 0.99)});
            }
            return out;
        }
    }

    /** Registers that start their next checkout as soon as one ends, until {@code count} or {@code time}. */
    private long closedLoop(int registers, int count, Duration time, Calls calls) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(registers);
        AtomicLong started = new AtomicLong();
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + time.toNanos();
        CountDownLatch finished = new CountDownLatch(registers);
        for (int r = 0; r < registers; r++) {
            int tablet = r % settings.registers() + 1;
            pool.submit(() -> {
                try {
                    while (System.nanoTime() < end && started.incrementAndGet() <= count) {
                        checkOut(tablet, calls);
                        done.incrementAndGet();
                    }
                } catch (Exception stopped) {
                    System.err.println("register " + tablet + " stopped: " + stopped);
                } finally {
                    finished.countDown();
                }
            });
        }
        finished.await(time.toSeconds() + 300, TimeUnit.SECONDS);
        pool.shutdownNow();
        return done.get();
    }

    /**
     * Checkouts started at a fixed rate whatever the service's answers (open loop), at the registers in turn.
     *
     * @return {completed, failed, nanos from the first start to the last end}
     */
    private long[] openLoop(int rate, Duration time, Calls calls, Collection<Started> started)
            throws InterruptedException {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService registers = Executors.newCachedThreadPool();
        int total = (int) (rate * time.toSeconds());
        long period = 1_000_000_000L / rate;
        CountDownLatch finished = new CountDownLatch(total);
        AtomicLong completed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        AtomicLong lastEnd = new AtomicLong();
        long first = System.nanoTime();
        for (int i = 0; i < total; i++) {
            int tablet = i % settings.registers() + 1;
            clock.schedule(() -> registers.submit(() -> {
                try {
                    long at = System.currentTimeMillis();
                    String id = checkOut(tablet, calls);
                    if (started != null) {
                        started.add(new Started(id, at));
                    }
                    completed.incrementAndGet();
                } catch (Exception e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                } finally {
                    lastEnd.accumulateAndGet(System.nanoTime(), Math::max);
                    finished.countDown();
                }
            }), i * period, TimeUnit.NANOSECONDS);
        }
        finished.await(time.toSeconds() + 300, TimeUnit.SECONDS);
        clock.shutdownNow();
        registers.shutdownNow();
        if (firstFailure.get() != null) {
            System.err.printf("%d/s: %d checkouts failed, the first with %s%n", rate, failed.get(), firstFailure.get());
        }
        return new long[] {completed.get(), failed.get(), Math.max(1, lastEnd.get() - first)};
    }

    /** What a register does at Pay: identify the guest, check out, redeem 10 points, the code on half, close. */
    private String checkOut(int tablet, Calls calls) throws Exception {
        String order = "b" + orders.incrementAndGet();
        Fill.Sample started = identifyAndStart(tablet, calls, order);
        String session = started.sessionId();
        String checkout = started.checkoutId();
        String base = "/api/register/v1/checkouts/" + checkout;
        call(calls, "POST redemption", base + "/redemption", "{\"bonusPoints\":10.00}", tablet, null, 200);
        if (tablet % 2 == 0) {
            String code = incust.code(checkout).orElseThrow(() -> new IllegalStateException("no code sent"));
            call(calls, "POST confirmation", base + "/confirmation", "{\"code\":\"" + code + "\"}", tablet, null, 200);
        }
        samples.put(tablet % 2 == 0, new Fill.Sample(session, checkout));
        call(calls, "POST order-closed", base + "/order-closed", "{\"transactionId\":\"" + order.substring(1)
                + "\",\"payedBonus\":10.00}", tablet, null, 202);
        return checkout;
    }

    /** Even registers are bound to the terminal that asks for a code, odd ones to the one that does not. */
    private static String terminal(int tablet) {
        return tablet % 2 == 0 ? FakeIncust.CONFIRM_LOGIN : FakeIncust.INSTANT_LOGIN;
    }

    /** The Poster and inCust calls one checkout causes, made straight to the fakes, one sequence a second twice. */
    private void directSequences(Duration time, Collection<Long> durations) {
        String term = incust.baseUrl() + "/term";
        String posterApi = poster.base() + "/poster/" + ACCOUNT + "/api";
        Map<String, String> tokens = terminalTokens(term);
        long end = System.nanoTime() + time.toNanos();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(4);
        int total = (int) (2 * time.toSeconds());
        CountDownLatch finished = new CountDownLatch(total);
        for (int i = 0; i < total; i++) {
            int tablet = i % settings.registers() + 1;
            clock.schedule(() -> {
                try {
                    long start = System.nanoTime();
                    String auth = tokens.get(terminal(tablet));
                    String external = "direct" + orders.incrementAndGet();
                    direct("POST", term + "/customer/search", "{\"identifier\":{\"type\":\"phone\",\"value\":\""
                            + FakeIncust.CUSTOMER_PHONE + "\"}}", auth);
                    direct("GET", term + "/customer/" + FakeIncust.CUSTOMER, "", auth);
                    direct("GET", posterApi + "/clients.getClients?token=t&phone=%2B380501234567", "", null);
                    String check = "\"customer_id\":\"" + FakeIncust.CUSTOMER + "\",\"amount\":91.00";
                    direct("POST", term + "/check/prepare", "{" + check + "}", auth);
                    String transaction = json.readTree(direct("POST", term + "/check/reserve", "{\"external_id\":\""
                            + external + "\"," + check + ",\"redeem\":{\"bonuses\":10.00}}", auth)).path("id").asText();
                    if (tablet % 2 == 0) {
                        direct("POST", term + "/transaction/" + transaction + "/confirm", "{\"code\":\""
                                + incust.code(external).orElseThrow() + "\"}", auth);
                    }
                    direct("GET", posterApi + "/dash.getTransaction?token=t&transaction_id=1", "", null);
                    direct("POST", term + "/transaction/" + transaction + "/finalize", "{\"paid_with_bonuses\":10.00}",
                            auth);
                    durations.add((System.nanoTime() - start) / 1_000_000);
                } catch (Exception e) {
                    System.err.println("direct sequence failed: " + e);
                } finally {
                    finished.countDown();
                }
            }, i * 500L, TimeUnit.MILLISECONDS);
        }
        try {
            finished.await(Math.max(1, (end - System.nanoTime()) / 1_000_000_000L) + 120, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        clock.shutdownNow();
    }

    private Map<String, String> terminalTokens(String term) {
        Map<String, String> tokens = new LinkedHashMap<>();
        try {
            for (String login : List.of(FakeIncust.CONFIRM_LOGIN, FakeIncust.INSTANT_LOGIN)) {
                tokens.put(login, "Bearer " + json.readTree(direct("POST", term + "/token", "{\"login\":\"" + login
                        + "\",\"password\":\"" + FakeIncust.PASSWORD + "\"}", null)).path("token").asText());
            }
        } catch (Exception e) {
            throw new IllegalStateException("the fake inCust gave no terminal token", e);
        }
        return tokens;
    }

    /** As the service calls them: inCust answers only in a language asked for. */
    private String direct(String method, String url, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private String call(Calls calls, String name, String path, String body, int tablet, String key, int expected)
            throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send("POST", path, body, tablet, key);
        calls.add(name, (System.nanoTime() - start) / 1_000_000);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(name + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(String method, String path, String body, int tablet, String key) throws Exception {
        // a register repeats the same call (the same guest's phone) within Poster's one-second signing time here,
        // which the service refuses as a replay: each call is made distinct, as a real cashier's seconds apart are
        String url = "http://localhost:" + ports.get(tablet % ports.size())
                + BlackBox.named(path, ACCOUNT, String.valueOf(tablet)) + "&call=" + callNumber.incrementAndGet();
        String time = String.valueOf(System.currentTimeMillis() / 1000);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("X-Poster-Url", ACCOUNT).header("X-Poster-Spot-Id", "1")
                .header("X-Poster-Tablet-Id", String.valueOf(tablet)).header("X-Poster-Time", time)
                .header("X-Poster-Signature", RegisterSignature.sign(url, body.getBytes(StandardCharsets.UTF_8), time,
                        BlackBox.SECRET))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void installAndBind() throws Exception {
        int port = ports.get(0);
        String location = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/poster/install"))
                .build(), HttpResponse.BodyHandlers.discarding()).headers().firstValue("Location").orElseThrow();
        String state = location.replaceAll(".*state=", "");
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/poster/oauth/callback?code=c0de&account="
                + ACCOUNT + "&state=" + state)).build(), HttpResponse.BodyHandlers.discarding());
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/admin/v1/installations/" + ACCOUNT))
                .header("Authorization", ADMIN).build(), HttpResponse.BodyHandlers.ofString()).body().contains("ACTIVE")) {
            LockSupport.parkNanos(10_000_000);
        }
        for (int tablet = 1; tablet <= settings.registers(); tablet++) {
            String login = terminal(tablet);
            HttpResponse<String> bound = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/admin/v1/terminal-bindings")).header("Authorization", ADMIN)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"posterAccount\":\"" + ACCOUNT + "\",\"posterCustomerNumber\":\"861052\",\"posterSpotId\":\"1\","
                                    + "\"posterTabletId\":\"" + tablet + "\",\"incust\":{\"login\":\"" + login
                                    + "\",\"password\":\"" + FakeIncust.PASSWORD + "\"},\"customerIdWithoutSession\":true}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (bound.statusCode() != 201) {
                throw new IllegalStateException("binding register " + tablet + ": " + bound.body());
            }
        }
    }

    static long percentile(Collection<Long> values, double quantile) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return 0;
        }
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    /** CPU of the service's process and of every PostgreSQL process, from /proc, and the database's counters. */
    /** {@code jitCpuMs}: the service's JIT compiler threads, part of {@code serviceCpuMs}. */
    private record Counters(long nanos, double serviceCpuMs, double postgresCpuMs, long commits, long rowsWritten,
                            double jitCpuMs) {

        private static final double MS_PER_TICK = 1000.0 / clockTicks();

        static Counters read(List<Long> servicePids, Database db) throws Exception {
            long[] written = db.commitsAndRowsWritten();
            long serviceTicks = 0;
            long jitTicks = 0;
            for (long pid : servicePids) {
                serviceTicks += cpuTicks(Path.of("/proc", String.valueOf(pid), "stat"));
                jitTicks += compilerTicks(pid);
            }
            return new Counters(System.nanoTime(), serviceTicks * MS_PER_TICK, postgresTicks() * MS_PER_TICK,
                    written[0] - db.ownQueries.get(), written[1], jitTicks * MS_PER_TICK);
        }

        /** HotSpot's C1 and C2 compiler threads (on 2 cores one of each, never stopped, so none of their time is lost). */
        private static long compilerTicks(long pid) throws IOException {
            try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
                return threads.map(thread -> thread.resolve("stat"))
                        .filter(stat -> {
                            try {
                                return Files.readString(stat).matches("(?s)\\d+ \\(C[12] CompilerThre.*");
                            } catch (IOException gone) {
                                return false;
                            }
                        })
                        .mapToLong(Counters::cpuTicksOrZero).sum();
            }
        }

        private static long postgresTicks() throws IOException {
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                return processes.filter(dir -> dir.getFileName().toString().matches("\\d+"))
                        .map(dir -> dir.resolve("stat"))
                        .filter(stat -> {
                            try {
                                return Files.readString(stat).contains("(postgres)");
                            } catch (IOException gone) {
                                return false;
                            }
                        })
                        .mapToLong(Counters::cpuTicksOrZero).sum();
            }
        }

        private static long cpuTicksOrZero(Path stat) {
            try {
                return cpuTicks(stat);
            } catch (IOException gone) {
                return 0;
            }
        }

        /** utime + stime, fields 14 and 15 of proc(5)'s stat, counted after the command name's parenthesis. */
        private static long cpuTicks(Path stat) throws IOException {
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        }

        private static long clockTicks() {
            try {
                Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
                return Long.parseLong(new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
            } catch (IOException | NumberFormatException unknown) {
                return 100;
            }
        }
    }

    /** The benchmark's own connection to the service's database, for its counters and the checkouts' ends. */
    private static final class Database implements AutoCloseable {
        final Connection connection;
        final boolean statementsTracked;
        /** The benchmark's own queries: each is a commit PostgreSQL counts with the service's. */
        private final AtomicLong ownQueries = new AtomicLong();

        Database(String url) throws SQLException {
            connection = DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
            connection.setAutoCommit(true);
            statementsTracked = tryToTrackStatements();
        }

        private boolean tryToTrackStatements() {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create extension if not exists pg_stat_statements");
                statement.executeQuery("select count(*) from pg_stat_statements").close();
                return true;
            } catch (SQLException notPreloaded) {
                System.err.println("pg_stat_statements is not loaded: statements are not counted (see bench/checkout-benchmark)");
                return false;
            }
        }

        void resetStatements() throws SQLException {
            if (statementsTracked) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("select pg_stat_statements_reset()").close();
                }
            }
        }

        /** The service's statements since the reset, the benchmark's own left out; -1 when not tracked. */
        long statements() throws SQLException {
            if (!statementsTracked) {
                return -1;
            }
            return single("select coalesce(sum(calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid "
                    + "where d.datname = current_database() and s.query not like '%pg_stat%' "
                    + "and s.query not like '%from checkout where status%' and s.query not like '%pg_database%'");
        }

        long[] commitsAndRowsWritten() throws SQLException {
            ownQueries.incrementAndGet();
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select xact_commit, tup_inserted + tup_updated + tup_deleted "
                         + "from pg_stat_database where datname = current_database()")) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }

        /**
         * PostgreSQL 15 publishes a backend's counts within a second while it is busy, and after ten idle seconds
         * otherwise: waits until they stop moving.
         */
        void settle() throws Exception {
            long[] last = commitsAndRowsWritten();
            long stableSince = System.nanoTime();
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
                long[] now = commitsAndRowsWritten();
                if (now[1] != last[1]) {
                    stableSince = System.nanoTime();
                    last = now;
                } else if (System.nanoTime() - stableSince > Duration.ofSeconds(12).toNanos()) {
                    return;
                }
            }
        }

        /**
         * Until the service has finalized every sale whose receipt closed. A checkout a failed register call left
         * waiting for the register (counted as failed) stays as it is until its timer; it is no work of the service.
         */
        void awaitSalesFinalized() throws SQLException {
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (single("select count(*) from checkout where status = 'FINALIZING'") > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("checkouts still FINALIZING after 5 minutes");
                }
                LockSupport.parkNanos(20_000_000);
            }
        }

        String text(String sql) throws SQLException {
            ownQueries.incrementAndGet();
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                return row.next() ? row.getString(1) : null;
            }
        }

        /** Rows of the engine's history tables that cleanup deletes (instances, activities, tasks, variables). */
        long historyRows() throws SQLException {
            return single("select (select count(*) from act_hi_procinst) + (select count(*) from act_hi_actinst) "
                    + "+ (select count(*) from act_hi_taskinst) + (select count(*) from act_hi_varinst)");
        }

        /** PostgreSQL's count of rows deleted in this database; published within a second while busy. */
        long rowsDeleted() throws Exception {
            LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            return single("select tup_deleted from pg_stat_database where datname = current_database()");
        }

        List<Long> completionTimes(Collection<Started> started) throws SQLException {
            List<Long> times = new ArrayList<>();
            try (var query = connection.prepareStatement("select updated_at from checkout where id = ?")) {
                for (Started checkout : started) {
                    ownQueries.incrementAndGet();
                    query.setString(1, checkout.checkoutId());
                    try (ResultSet row = query.executeQuery()) {
                        row.next();
                        times.add(row.getTimestamp(1).getTime() - checkout.atMillis());
                    }
                }
            }
            return times;
        }

        private long single(String sql) throws SQLException {
            ownQueries.incrementAndGet();
            try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
                row.next();
                return row.getLong(1);
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }
}
