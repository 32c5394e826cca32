package com.posterincust.checkout;

import com.posterincust.common.RetainedData;
import com.posterincust.common.RetentionSettings;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finished checkouts past {@code orchestrator.retention.checkouts}, with the notes on inCust's unknown outcomes; after
 * their returns and reversal (the reversal feature's own retention, ordered first).
 */
@Component
@Order(2)
class CheckoutRetention implements RetainedData {

    static final String FINISHED = "('COMPLETED', 'CANCELLED', 'EXPIRED', 'REVERSED')";

    private final JdbcClient jdbc;

    CheckoutRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "checkouts";
    }

    @Override
    public int purgeBatch(OffsetDateTime now, RetentionSettings retention) {
        List<String> ids = jdbc.sql("select id from checkout c where created_at < ? and status in " + FINISHED
                        + " and not exists (select 1 from sale_return r where r.checkout_id = c.id)"
                        + " and not exists (select 1 from sale_reversal v where v.checkout_id = c.id)"
                        + " order by created_at fetch first " + retention.batchSize() + " rows only")
                .param(now.minus(retention.checkouts())).query(String.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from incust_unknown_outcome where checkout_id in (:ids)").param("ids", ids).update()
                + jdbc.sql("delete from checkout where id in (:ids)").param("ids", ids).update();
    }
}
