package com.posterincust.authorization;

import com.posterincust.common.RetainedData;
import com.posterincust.common.RetentionSettings;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Customer sessions past {@code orchestrator.retention.customer-sessions}: a guest's phone is kept no longer. */
@Component
class CustomerSessionRetention implements RetainedData {

    private final JdbcClient jdbc;

    CustomerSessionRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "customer sessions";
    }

    @Override
    public int purgeBatch(OffsetDateTime now, RetentionSettings retention) {
        List<String> ids = jdbc.sql("select id from customer_session where created_at < ? order by created_at fetch first "
                        + retention.batchSize() + " rows only")
                .param(now.minus(retention.customerSessions())).query(String.class).list();
        return ids.isEmpty() ? 0
                : jdbc.sql("delete from customer_session where id in (:ids)").param("ids", ids).update();
    }
}
