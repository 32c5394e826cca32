package com.posterincust.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.posterincust.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The check CheckoutBenchmarkIT makes of the filled pass's statements: a statement that reads a big table from start
 * to end is named, one an index serves is not, whatever its parameters' values.
 */
class QueryPlansTest {

    @Test
    void aStatementWithoutAnIndexOnABigTableIsNamedOneWithAnIndexIsNot() throws Exception {
        try (Connection db = DriverManager.getConnection(PostgresTestDatabase.create(), PostgresTestDatabase.user(),
                PostgresTestDatabase.password()); Statement sql = db.createStatement()) {
            sql.execute("create extension if not exists pg_stat_statements");
            sql.execute("create table sale (id varchar(36) primary key, account varchar(100), created_at timestamp)");
            sql.execute("create table register (id varchar(36) primary key, account varchar(100))");
            sql.execute("insert into sale select md5(n::text), 'cafe' || (n % 500), now() - n * interval '1 minute' "
                    + "from generate_series(1, 20000) n");
            sql.execute("insert into register select md5(n::text), 'cafe' || n from generate_series(1, 50) n");
            sql.execute("analyze sale");
            sql.execute("analyze register");
            sql.execute("select pg_stat_statements_reset()");
            for (String statement : List.of("select * from sale where id = ?", "select * from sale where account = ?",
                    "select * from register where account = ?", "delete from sale where created_at < ?")) {
                try (PreparedStatement run = db.prepareStatement(statement)) {
                    if (statement.contains("created_at")) {
                        run.setTimestamp(1, java.sql.Timestamp.valueOf("2000-01-01 00:00:00"));
                    } else {
                        run.setString(1, "cafe7");
                    }
                    run.execute();
                }
            }

            List<QueryPlans.Plan> plans = QueryPlans.ofStatementsRun(db, 5_000);

            assertThat(plans).filteredOn(plan -> plan.statement().startsWith("select * from sale where id"))
                    .singleElement().satisfies(plan -> assertThat(plan.bigSeqScans()).isEmpty());
            assertThat(plans).filteredOn(plan -> plan.statement().startsWith("select * from sale where account"))
                    .singleElement().satisfies(plan -> assertThat(plan.bigSeqScans()).containsExactly("sale"));
            assertThat(plans).filteredOn(plan -> plan.statement().startsWith("delete from sale"))
                    .singleElement().satisfies(plan -> assertThat(plan.bigSeqScans()).containsExactly("sale"));
            assertThat(plans).as("a table of 50 rows is read whole: that is no fault")
                    .filteredOn(plan -> plan.statement().startsWith("select * from register"))
                    .singleElement().satisfies(plan -> {
                        assertThat(plan.plan()).contains("Seq Scan on register");
                        assertThat(plan.bigSeqScans()).isEmpty();
                    });

            sql.execute("create index sale_account on sale (account)");
            sql.execute("create index sale_created on sale (created_at)");
            sql.execute("analyze sale");
            assertThat(QueryPlans.ofStatementsRun(db, 5_000)).allSatisfy(plan ->
                    assertThat(plan.bigSeqScans()).as(plan.statement()).isEmpty());
        }
    }
}
