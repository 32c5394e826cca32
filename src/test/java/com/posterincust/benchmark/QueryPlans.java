package com.posterincust.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plans PostgreSQL makes for the statements the service ran since pg_stat_statements was last reset: each
 * statement prepared as it was sent ({@code $1}, {@code $2}, …) and explained as a generic plan (the plan for any
 * parameter values, as the driver's prepared statements come to use), so the plan shows whether an index serves it
 * whatever the values. A sequential scan of a table of at least {@code bigTable} rows is what the hot path must not do.
 */
final class QueryPlans {

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");
    private static final Pattern SEQ_SCAN = Pattern.compile("Seq Scan on (\\w+)");

    /**
     * @param calls       how often the service ran it
     * @param plan        EXPLAIN's text, or why it could not be explained
     * @param bigSeqScans the big tables it reads from start to end
     */
    record Plan(String statement, long calls, String plan, List<String> bigSeqScans) {
    }

    private QueryPlans() {
    }

    /** The service's reads, updates and deletes since the reset, most called first. */
    static List<Plan> ofStatementsRun(Connection db, long bigTable) throws SQLException {
        Set<String> big = bigTables(db, bigTable);
        List<Plan> plans = new ArrayList<>();
        List<String[]> statements = new ArrayList<>();
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(
                "select s.query, s.calls from pg_stat_statements s join pg_database d on d.oid = s.dbid "
                        + "where d.datname = current_database() order by s.calls desc")) {
            while (rows.next()) {
                statements.add(new String[] {rows.getString(1), rows.getString(2)});
            }
        }
        for (String[] statement : statements) {
            String sql = statement[0].trim();
            String verb = sql.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
            if (!Set.of("select", "update", "delete", "with").contains(verb) || isTheBenchmarks(sql)) {
                continue;
            }
            String plan = explain(db, sql);
            List<String> scans = new ArrayList<>();
            Matcher scan = SEQ_SCAN.matcher(plan);
            while (scan.find()) {
                if (big.contains(scan.group(1).toLowerCase(Locale.ROOT))) {
                    scans.add(scan.group(1));
                }
            }
            plans.add(new Plan(sql, Long.parseLong(statement[1]), plan, scans));
        }
        return plans;
    }

    /** Tables PostgreSQL counts at least {@code rows} rows in (after an analyze). */
    static Set<String> bigTables(Connection db, long rows) throws SQLException {
        Set<String> big = new LinkedHashSet<>();
        try (Statement query = db.createStatement(); ResultSet tables = query.executeQuery(
                "select relname from pg_class c join pg_namespace s on s.oid = c.relnamespace "
                        + "where s.nspname = current_schema() and c.relkind = 'r' and c.reltuples >= " + rows)) {
            while (tables.next()) {
                big.add(tables.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return Collections.unmodifiableSet(big);
    }

    private static boolean isTheBenchmarks(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return lower.contains("pg_stat") || lower.contains("pg_class") || lower.contains("pg_database")
                || lower.contains("information_schema") || lower.contains("fill_template") || lower.contains("pg_temp.")
                || lower.startsWith("select count(*) from checkout where status") || lower.contains("pg_catalog")
                || lower.startsWith("select $1") || lower.startsWith("select version()");
    }

    private static String explain(Connection db, String sql) {
        int parameters = 0;
        Matcher parameter = PARAMETER.matcher(sql);
        while (parameter.find()) {
            parameters = Math.max(parameters, Integer.parseInt(parameter.group(1)));
        }
        StringBuilder plan = new StringBuilder();
        boolean autoCommit = true;
        try {
            autoCommit = db.getAutoCommit();
            // for update and the like need a transaction; nothing is run
            db.setAutoCommit(false);
            try (Statement statement = db.createStatement()) {
                statement.execute("set local plan_cache_mode = force_generic_plan");
                statement.execute("prepare plan_of_statement as " + sql);
                try (ResultSet lines = statement.executeQuery("explain execute plan_of_statement"
                        + (parameters == 0 ? "" : "(" + String.join(", ", Collections.nCopies(parameters, "null")) + ")"))) {
                    while (lines.next()) {
                        plan.append(lines.getString(1)).append('\n');
                    }
                }
            }
        } catch (SQLException unexplained) {
            plan.append("not explained: ").append(unexplained.getMessage().lines().findFirst().orElse(""));
        } finally {
            try {
                db.rollback();
                try (Statement statement = db.createStatement()) {
                    statement.execute("deallocate all");
                }
                db.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is the benchmark's own; the next statement reports a broken one
            }
        }
        return plan.toString();
    }
}
