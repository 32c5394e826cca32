package com.posterincust.daycheck;

import com.posterincust.common.RetainedData;
import com.posterincust.common.RetentionSettings;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Day checks: the receipts and transactions one read (hundreds a café a day) past
 * {@code orchestrator.retention.day-check-lines}, the check and its differences past
 * {@code orchestrator.retention.day-checks}. A running check is left alone.
 */
@Component
class DayCheckRetention implements RetainedData {

    /** A check's lines are hundreds of rows: a batch takes the lines of this share of the batch size's checks. */
    private static final int LINES_PER_CHECK = 100;

    private final JdbcClient jdbc;

    DayCheckRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "day checks";
    }

    @Override
    public int purgeBatch(OffsetDateTime now, RetentionSettings retention) {
        int checksPerBatch = Math.max(1, retention.batchSize() / LINES_PER_CHECK);
        List<String> withLines = jdbc.sql("select d.id from day_check d where d.business_day < ? and d.status <> 'RUNNING' "
                        + "and (exists (select 1 from day_check_receipt r where r.day_check_id = d.id) "
                        + "or exists (select 1 from day_check_sale s where s.day_check_id = d.id)) "
                        + "order by d.business_day fetch first " + checksPerBatch + " rows only")
                .param(now.minus(retention.dayCheckLines()).toLocalDate()).query(String.class).list();
        int deleted = deleteLines(withLines);
        List<String> old = jdbc.sql("select id from day_check where business_day < ? and status <> 'RUNNING' "
                        + "order by business_day fetch first " + checksPerBatch + " rows only")
                .param(now.minus(retention.dayChecks()).toLocalDate()).query(String.class).list();
        if (old.isEmpty()) {
            return deleted;
        }
        deleted += deleteLines(old);
        deleted += jdbc.sql("delete from day_check_difference where day_check_id in (:ids)").param("ids", old).update();
        return deleted + jdbc.sql("delete from day_check where id in (:ids)").param("ids", old).update();
    }

    private int deleteLines(List<String> checks) {
        if (checks.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from day_check_receipt where day_check_id in (:ids)").param("ids", checks).update()
                + jdbc.sql("delete from day_check_sale where day_check_id in (:ids)").param("ids", checks).update();
    }
}
