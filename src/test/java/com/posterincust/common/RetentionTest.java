package com.posterincust.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the nightly sweep deletes and what it leaves, and each model's history time to live taken from the settings
 * (docs/operations.md, "Retention").
 */
@SpringBootTest(properties = {"orchestrator.retention.batch-size=2", "orchestrator.history.time-to-live.checkout=45"})
@ActiveProfiles("test")
class RetentionTest {

    @Autowired
    RetentionSweep sweep;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repository;

    private final String account = "retention-" + UUID.randomUUID().toString().substring(0, 8);
    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

    @Test
    void finishedRecordsPastTheirRetentionAreDeletedInBatchesTheRestKept() {
        String oldCompleted = checkout("COMPLETED", 401);
        String oldCancelled = checkout("CANCELLED", 500);
        String oldExpired = checkout("EXPIRED", 402);
        String oldReturned = checkout("COMPLETED", 403);
        jdbc.sql("insert into sale_return (id, checkout_id, account, idempotency_key, request_hash, tablet_id, "
                        + "transaction_id, products, amount, status, created_at, updated_at) "
                        + "values (?, ?, ?, ?, 'h', '1', '77', '[]', 1.00, 'RETURNED', ?, ?)")
                .params(UUID.randomUUID().toString(), oldReturned, account, UUID.randomUUID().toString(), ago(403), ago(403))
                .update();
        String oldReversed = checkout("REVERSED", 404);
        jdbc.sql("insert into sale_reversal (checkout_id, reason, requested_by, requested_at, outcome, finished_at) "
                + "values (?, 'deleted', 'POSTER', ?, 'CANCELLED_IN_INCUST', ?)").params(oldReversed, ago(404), ago(404)).update();
        jdbc.sql("insert into incust_unknown_outcome (checkout_id, operation, happened_at) values (?, 'FINALIZE', ?)")
                .params(oldCompleted, ago(401)).update();
        String oldStillWaiting = checkout("FINALIZING", 410);
        String recent = checkout("COMPLETED", 399);
        String oldSession = session(91);
        String recentSession = session(89);
        String oldCheck = dayCheck(91, "DONE");
        String weekOldCheck = dayCheck(8, "DONE");
        String oldRunningCheck = dayCheck(95, "RUNNING");

        long deleted = sweep.sweep(() -> true);

        assertThat(ids("checkout")).contains(oldStillWaiting, recent)
                .doesNotContain(oldCompleted, oldCancelled, oldExpired, oldReturned, oldReversed);
        assertThat(count("sale_return where checkout_id = ?", oldReturned)).isZero();
        assertThat(count("sale_reversal where checkout_id = ?", oldReversed)).isZero();
        assertThat(count("incust_unknown_outcome where checkout_id = ?", oldCompleted)).isZero();
        assertThat(ids("customer_session")).contains(recentSession).doesNotContain(oldSession);
        assertThat(ids("day_check")).contains(weekOldCheck, oldRunningCheck).doesNotContain(oldCheck);
        assertThat(count("day_check_receipt where day_check_id = ?", weekOldCheck)).as("a week-old check's lines").isZero();
        assertThat(count("day_check_difference where day_check_id = ?", weekOldCheck)).isEqualTo(1);
        assertThat(count("day_check_receipt where day_check_id = ?", oldRunningCheck)).isEqualTo(1);
        assertThat(deleted).as("5 checkouts, a return, a reversal, an unknown outcome, a session, 2 checks' lines and "
                + "one check with its difference").isGreaterThanOrEqualTo(5 + 1 + 1 + 1 + 1 + 4 + 2);
        assertThat(sweep.sweep(() -> true)).as("nothing left of this account").isZero();
    }

    @Test
    void theWindowMayRunOverMidnight() {
        RetentionSettings night = new RetentionSettings(LocalTime.of(1, 0), LocalTime.of(5, 0), Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), 10);
        assertThat(night.windowOpenAt(LocalTime.of(1, 0))).isTrue();
        assertThat(night.windowOpenAt(LocalTime.of(4, 59))).isTrue();
        assertThat(night.windowOpenAt(LocalTime.of(5, 0))).isFalse();
        assertThat(night.windowOpenAt(LocalTime.of(0, 59))).isFalse();
        RetentionSettings overMidnight = new RetentionSettings(LocalTime.of(22, 0), LocalTime.of(2, 0),
                Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), 10);
        assertThat(overMidnight.windowOpenAt(LocalTime.of(23, 30))).isTrue();
        assertThat(overMidnight.windowOpenAt(LocalTime.of(1, 30))).isTrue();
        assertThat(overMidnight.windowOpenAt(LocalTime.of(12, 0))).isFalse();
        assertThatThrownBy(() -> new RetentionSettings(LocalTime.NOON, LocalTime.NOON, Duration.ofDays(1),
                Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1), 10)).hasMessageContaining("window");
    }

    @Test
    void eachModelKeepsItsHistoryForTheDaysTheSettingsGive() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("checkout").latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(45);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("customer-authorization")
                .latestVersion().singleResult().getHistoryTimeToLive()).isEqualTo(30);
        assertThatThrownBy(() -> new HistoryTimeToLive(repository, new HistorySettings(Map.of("chekout", 10))).apply())
                .hasMessageContaining("chekout, which is no deployed model");
        assertThatThrownBy(() -> new HistoryTimeToLive(repository, new HistorySettings(Map.of("checkout", -1))).apply())
                .hasMessageContaining("0 or more days");
    }

    private OffsetDateTime ago(int days) {
        return now.minusDays(days);
    }

    private String checkout(String status, int daysAgo) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into checkout (id, account, tablet_id, binding_id, idempotency_key, request_hash, order_id, "
                        + "customer_id, currency, total, items, status, created_at, updated_at) "
                        + "values (?, ?, '1', 'b', ?, 'h', 'o', 'c', 'UAH', 1.00, '[]', ?, ?, ?)")
                .params(id, account, id, status, ago(daysAgo), ago(daysAgo)).update();
        return id;
    }

    private String session(int daysAgo) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into customer_session (id, account, tablet_id, binding_id, identifier_type, identifier_value, "
                        + "status, created_at, updated_at) values (?, ?, '1', 'b', 'PHONE', '+380501234567', 'IDENTIFIED', ?, ?)")
                .params(id, account, ago(daysAgo), ago(daysAgo)).update();
        return id;
    }

    private String dayCheck(int daysAgo, String status) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into day_check (id, account, business_day, status, started_at) values (?, ?, ?, ?, ?)")
                .params(id, account, ago(daysAgo).toLocalDate(), status, ago(daysAgo)).update();
        jdbc.sql("insert into day_check_receipt (day_check_id, transaction_id, state, payed_bonus, print_fiscal) "
                + "values (?, '77', 'CLOSED', 0, 1)").param(id).update();
        jdbc.sql("insert into day_check_sale (day_check_id, incust_transaction_id, binding_id, status, paid) "
                + "values (?, 't77', 'b', 'FINALIZED', 1.00)").param(id).update();
        jdbc.sql("insert into day_check_difference (id, day_check_id, kind, status, detail) values (?, ?, 'UNKNOWN_SALE', "
                + "'OPEN', 'd')").params(UUID.randomUUID().toString(), id).update();
        return id;
    }

    private List<String> ids(String table) {
        return jdbc.sql("select id from " + table + " where account = ?").param(account).query(String.class).list();
    }

    private long count(String tableAndCondition, String id) {
        return jdbc.sql("select count(*) from " + tableAndCondition).param(id).query(Long.class).single();
    }
}
