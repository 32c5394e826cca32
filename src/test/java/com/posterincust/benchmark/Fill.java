package com.posterincust.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A year of a busy service written into the service's PostgreSQL database in minutes: the rows of a few checkouts
 * the benchmark made through the service (their checkout, customer session, the engine's history as the
 * {@code orchestrator} level keeps it, and of one checkout waiting for the cashier its runtime rows: executions,
 * subscriptions, timer job, variables) copied set-wise with {@code generate_series}, every id of a copy derived from
 * the template's id and the copy's number, so that the copies refer to each other as the originals do. Accounts,
 * registers, guests, receipt numbers and times are spread over the copies; what the rows say otherwise is what the
 * service wrote. Signatures and webhooks are written directly, as the service writes them.
 */
final class Fill {

    static final String BENCH_ACCOUNT = CheckoutBenchmark.ACCOUNT;
    /** One sale in this many is the benchmark café's: its owner's page and day check meet a year of its own sales. */
    private static final int BENCH_SHARE = 100;
    private static final long WAITING_FROM = 100_000_000L;
    private static final int CHUNK = 50_000;
    /** Columns that hold an id of the template's own rows (the engine's and the service's): mapped in every copy. */
    private static final Set<String> IDS = Set.of("id_", "proc_inst_id_", "root_proc_inst_id_", "execution_id_",
            "parent_id_", "super_exec_", "business_key_", "bytearray_id_", "process_instance_id_", "act_inst_id_",
            "parent_act_inst_id_", "task_id_", "var_scope_", "exception_stack_id_", "super_process_instance_id_",
            "id", "process_instance_id", "incust_transaction_id");

    /** How much of each: {@link #scaled} 1 is the year (1,000,000 sales, 5,000 cafés, …). */
    record Sizes(int finishedCheckouts, int accounts, int registersPerAccount, int waitingCheckouts, int signatures,
                 int webhooks) {

        static Sizes scaled(double scale) {
            return new Sizes(atLeast(1_000_000 * scale, 2), atLeast(5_000 * scale, 2), 3, atLeast(50_000 * scale, 1),
                    atLeast(100_000 * scale, 1), atLeast(1_000_000 * scale, 1));
        }

        private static int atLeast(double value, int least) {
            return Math.max(least, (int) Math.round(value));
        }

        int guests() {
            return Math.max(1, finishedCheckouts / 5);
        }
    }

    /** A checkout the benchmark made, with the customer session it was made with. */
    record Sample(String sessionId, String checkoutId) {
    }

    /**
     * @param finished checkouts that completed (one with a code, one without: copies alternate)
     * @param waiting  a checkout waiting for the cashier's choice, with its timer
     */
    record Templates(List<Sample> finished, Sample waiting) {
    }

    /** Rows each table gained, and how long it took. */
    record Filled(Map<String, Long> rows, Duration took) {

        long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Connection db;
    private final Sizes sizes;
    private final Map<String, Long> before = new LinkedHashMap<>();

    private Fill(Connection db, Sizes sizes) {
        this.db = db;
        this.sizes = sizes;
    }

    static Filled fill(Connection db, Sizes sizes, Templates templates) throws SQLException {
        long started = System.nanoTime();
        Fill fill = new Fill(db, sizes);
        fill.countBefore();
        fill.functions();
        fill.accountsAndRegisters();
        for (int t = 0; t < templates.finished().size(); t++) {
            fill.copies(templates.finished().get(t), t, templates.finished().size(), 1, sizes.finishedCheckouts(),
                    "pg_temp.year_ago(n)", null);
        }
        fill.copies(templates.waiting(), 0, 1, WAITING_FROM + 1, WAITING_FROM + sizes.waitingCheckouts(),
                "(n % 600) * interval '1 second'",
                "now() + interval '1 hour' + (n % 82800) * interval '1 second'");
        fill.signaturesAndWebhooks();
        fill.analyze();
        return new Filled(fill.added(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** Copies' accounts, registers and guests, derived from the copy's number {@code n}. */
    private void functions() throws SQLException {
        int others = sizes.accounts() - 1;
        List<String> bindings = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("select id from terminal_binding where account = ? "
                + "and status = 'ACTIVE' and tablet_id = ?")) {
            for (int tablet = 1; tablet <= sizes.registersPerAccount(); tablet++) {
                query.setString(1, BENCH_ACCOUNT);
                query.setString(2, String.valueOf(tablet));
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("the benchmark café has no register " + tablet);
                    }
                    bindings.add(row.getString(1));
                }
            }
        }
        String bindingOfTablet = "case pg_temp.tablet(n) " + java.util.stream.IntStream.range(0, bindings.size())
                .mapToObj(i -> "when '" + (i + 1) + "' then '" + bindings.get(i) + "'").collect(Collectors.joining(" "))
                + " end";
        execute("create function pg_temp.copy_id(v text, n bigint) returns text immutable language sql as "
                + "$$ select case when v is null then null else md5(v || ':' || n)::uuid::text end $$");
        // the benchmark café's share of the sales, none of the waiting checkouts (ten per café, where its own
        // registers wait for nothing)
        String benchCafes = "n < " + WAITING_FROM + " and n % " + BENCH_SHARE + " = 0";
        execute("create function pg_temp.account(n bigint) returns text immutable language sql as $$ select case "
                + "when " + benchCafes + " then '" + BENCH_ACCOUNT + "' else 'fill' || (n % " + others
                + " + 1) end $$");
        execute("create function pg_temp.tablet(n bigint) returns text immutable language sql as "
                + "$$ select ((n / 7) % " + sizes.registersPerAccount() + " + 1)::text $$");
        execute("create function pg_temp.binding(n bigint) returns text immutable language sql as $$ select case "
                + "when " + benchCafes + " then " + bindingOfTablet + " else md5(" + bindingOfTablet
                + " || ':' || (n % " + others + " + 1))::uuid::text end $$");
        execute("create function pg_temp.guest(n bigint) returns text immutable language sql as "
                + "$$ select 'guest' || (n % " + sizes.guests() + ") $$");
        // spread over the year before now: a day from n, a second of the day from n again
        execute("create function pg_temp.year_ago(n bigint) returns interval immutable language sql as "
                + "$$ select (n % 365) * interval '1 day' + ((n * 7919) % 86400) * interval '1 second' $$");
    }

    private void accountsAndRegisters() throws SQLException {
        int others = sizes.accounts() - 1;
        copyRows("installation", "account = '" + BENCH_ACCOUNT + "'", null, 1, others, null,
                Map.of("account", "'fill' || n", "account_number", "(900000 + n)::text"));
        copyRows("terminal_binding", "account = '" + BENCH_ACCOUNT + "' and status = 'ACTIVE' and tablet_id in ("
                        + java.util.stream.IntStream.rangeClosed(1, sizes.registersPerAccount())
                        .mapToObj(t -> "'" + t + "'").collect(Collectors.joining(", ")) + ")", null, 1, others, null,
                Map.of("id", "md5(t.id || ':' || n)::uuid::text", "account", "'fill' || n",
                        "active_tablet", "'fill' || n || '/' || t.tablet_id"));
    }

    /**
     * Copies of one sample, numbered from {@code first} to {@code last} (those with {@code n % of == which}), its
     * times moved back by {@code shift}; a waiting one's timers due at {@code dueAt}.
     */
    private void copies(Sample sample, int which, int of, long first, long last, String shift, String dueAt)
            throws SQLException {
        List<String> instances = strings("select id_ from act_hi_procinst where business_key_ in ('"
                + sample.sessionId() + "', '" + sample.checkoutId() + "')");
        if (instances.isEmpty()) {
            throw new IllegalStateException("no history of checkout " + sample.checkoutId());
        }
        String ofInstances = instances.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        String everyCopy = of == 1 ? null : "n % " + of + " = " + which;
        Map<String, String> service = Map.of("account", "pg_temp.account(n)", "tablet_id", "pg_temp.tablet(n)",
                "binding_id", "pg_temp.binding(n)", "customer_id", "pg_temp.guest(n)", "idempotency_key", "'f' || n",
                "order_id", "'f' || n", "transaction_id", "(10000000 + n)::text",
                "identifier_value", "'+38050' || lpad((n % 10000000)::text, 7, '0')");
        for (long from = first; from <= last; from += CHUNK) {
            long to = Math.min(last, from + CHUNK - 1);
            copyRows("act_ge_bytearray", "id_ in (select bytearray_id_ from act_ru_variable where proc_inst_id_ in ("
                    + ofInstances + ") union select bytearray_id_ from act_hi_varinst where proc_inst_id_ in ("
                    + ofInstances + "))", everyCopy, from, to, shift, Map.of());
            for (String table : engineTablesOfInstances()) {
                String column = columns(table).containsKey("proc_inst_id_") ? "proc_inst_id_" : "process_instance_id_";
                copyRows(table, column + " in (" + ofInstances + ")", everyCopy, from, to, shift,
                        dueAt != null && table.equals("act_ru_job") ? Map.of("duedate_", dueAt) : Map.of());
            }
            copyRows("customer_session", "id = '" + sample.sessionId() + "'", everyCopy, from, to, shift, service);
            copyRows("checkout", "id = '" + sample.checkoutId() + "'", everyCopy, from, to, shift, service);
            System.err.printf(Locale.ROOT, "fill: copies %d to %d of checkout %s%n", from, to, sample.checkoutId());
        }
    }

    /** The engine's tables that hold rows of process instances, executions first (the others refer to them). */
    private List<String> engineTablesOfInstances() throws SQLException {
        List<String> tables = strings("select distinct table_name from information_schema.columns "
                + "where table_schema = current_schema() and (table_name like 'act_ru_%' or table_name like 'act_hi_%') "
                + "and column_name in ('proc_inst_id_', 'process_instance_id_') order by table_name");
        tables.remove("act_ru_execution");
        tables.add(0, "act_ru_execution");
        return tables;
    }

    /**
     * {@code insert into table select … from (the template's rows) cross join generate_series(from, to) n}, of those
     * {@code n} that {@code copies} (a condition on {@code n}, null: all) lets through: the
     * template's rows read once into a temporary table, so the copy does not read the growing table per copy.
     */
    private void copyRows(String table, String where, String copies, long from, long to, String shift,
                          Map<String, String> set) throws SQLException {
        Map<String, String> columns = columns(table);
        execute("drop table if exists fill_template");
        execute("create temporary table fill_template as select * from " + table + " where " + where);
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> column : columns.entrySet()) {
            String name = column.getKey();
            if (set.containsKey(name)) {
                values.add(set.get(name));
            } else if (IDS.contains(name)) {
                values.add("pg_temp.copy_id(t." + name + ", n)");
            } else if (shift != null && column.getValue().startsWith("timestamp")) {
                values.add("t." + name + " - " + shift);
            } else {
                values.add("t." + name);
            }
        }
        execute("insert into " + table + " (" + String.join(", ", columns.keySet()) + ") select "
                + String.join(", ", values) + " from fill_template t cross join generate_series(" + from + "::bigint, "
                + to + "::bigint) n" + (copies == null ? "" : " where " + copies));
    }

    private void signaturesAndWebhooks() throws SQLException {
        // used within the last five minutes, as a busy hour leaves them (they are purged after ten)
        execute("insert into register_signature (signature, used_at, intent) select md5('signature' || n), "
                + "now() - (n % 300) * interval '1 second', null from generate_series(1, " + sizes.signatures() + ") n");
        // received over the four days they are kept (poster.webhooks.max-age and a day)
        execute("insert into poster_webhook_event (account, object, object_id, action, event_time, received_at) "
                + "select pg_temp.account(n), 'transaction', (10000000 + n)::text, 'changed', "
                + "extract(epoch from now() - (n % 345600) * interval '1 second')::bigint::text, "
                + "now() - (n % 345600) * interval '1 second' from generate_series(1, " + sizes.webhooks() + ") n");
    }

    /** As autovacuum would have, long before a year went by. */
    private void analyze() throws SQLException {
        for (String table : tables()) {
            execute("vacuum analyze " + table);
        }
    }

    private void countBefore() throws SQLException {
        for (String table : tables()) {
            before.put(table, count(table));
        }
    }

    private Map<String, Long> added() throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (Map.Entry<String, Long> table : before.entrySet()) {
            long gained = count(table.getKey()) - table.getValue();
            if (gained > 0) {
                rows.put(table.getKey(), gained);
            }
        }
        return rows;
    }

    private List<String> tables() throws SQLException {
        return strings("select table_name from information_schema.tables where table_schema = current_schema() "
                + "and table_type = 'BASE TABLE' order by table_name");
    }

    private final Map<String, Map<String, String>> columnsOf = new LinkedHashMap<>();

    /** Column name → data type, in the table's order. */
    private Map<String, String> columns(String table) throws SQLException {
        Map<String, String> known = columnsOf.get(table);
        if (known != null) {
            return known;
        }
        Map<String, String> columns = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("select column_name, data_type from information_schema.columns "
                + "where table_schema = current_schema() and table_name = ? order by ordinal_position")) {
            query.setString(1, table);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        columnsOf.put(table, columns);
        return columns;
    }

    private long count(String table) throws SQLException {
        try (Statement statement = db.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(values));
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
