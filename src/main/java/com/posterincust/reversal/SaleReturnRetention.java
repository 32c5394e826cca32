package com.posterincust.reversal;

import com.posterincust.common.RetainedData;
import com.posterincust.common.RetentionSettings;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The returns and the reversal of a finished checkout past {@code orchestrator.retention.checkouts}: they go before
 * the checkout they refer to (ordered before the checkout's own retention).
 */
@Component
@Order(1)
class SaleReturnRetention implements RetainedData {

    private static final String CHECKOUT_PAST = "select c.id from checkout c where c.created_at < ? "
            + "and c.status in ('COMPLETED', 'CANCELLED', 'EXPIRED', 'REVERSED')";

    private final JdbcClient jdbc;

    SaleReturnRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "sale returns and reversals";
    }

    @Override
    public int purgeBatch(OffsetDateTime now, RetentionSettings retention) {
        OffsetDateTime cutoff = now.minus(retention.checkouts());
        String first = " fetch first " + retention.batchSize() + " rows only";
        List<String> returns = jdbc.sql("select r.id from sale_return r where r.status = 'RETURNED' and r.checkout_id in ("
                + CHECKOUT_PAST + ")" + first).param(cutoff).query(String.class).list();
        int deleted = returns.isEmpty() ? 0
                : jdbc.sql("delete from sale_return where id in (:ids)").param("ids", returns).update();
        List<String> reversals = jdbc.sql("select v.checkout_id from sale_reversal v where v.outcome is not null "
                + "and v.checkout_id in (" + CHECKOUT_PAST + ")" + first).param(cutoff).query(String.class).list();
        return deleted + (reversals.isEmpty() ? 0
                : jdbc.sql("delete from sale_reversal where checkout_id in (:ids)").param("ids", reversals).update());
    }
}
