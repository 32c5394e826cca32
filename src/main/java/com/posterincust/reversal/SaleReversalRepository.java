package com.posterincust.reversal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sale_reversal} table. */
@Repository
public class SaleReversalRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    public SaleReversalRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void insert(String checkoutId, String reason, SaleReversal.RequestedBy requestedBy) {
        jdbc.sql("insert into sale_reversal (checkout_id, reason, requested_by, requested_at) values (?, ?, ?, ?)")
                .params(checkoutId, reason, requestedBy.name(), OffsetDateTime.now(clock))
                .update();
    }

    public Optional<SaleReversal> find(String checkoutId) {
        return jdbc.sql("select * from sale_reversal where checkout_id = ?").param(checkoutId)
                .query((rs, row) -> new SaleReversal(rs.getString("checkout_id"), rs.getString("reason"),
                        SaleReversal.RequestedBy.valueOf(rs.getString("requested_by")),
                        rs.getObject("requested_at", OffsetDateTime.class),
                        rs.getString("outcome") == null ? null : SaleReversal.Outcome.valueOf(rs.getString("outcome")),
                        rs.getObject("finished_at", OffsetDateTime.class)))
                .optional();
    }

    public void finish(String checkoutId, SaleReversal.Outcome outcome) {
        jdbc.sql("update sale_reversal set outcome = ?, finished_at = ? where checkout_id = ?")
                .params(outcome.name(), OffsetDateTime.now(clock), checkoutId)
                .update();
    }
}
