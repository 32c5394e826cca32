package com.posterincust.checkout;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code incust_unknown_outcome} table: inCust writes of a checkout whose answer never came (a timeout, inCust
 * gone mid-call). Kept in a transaction of its own, since the call that met the unknown outcome rolls back; the next
 * attempt of the same write asks inCust what it holds first.
 */
@Repository
public class UnknownOutcomes {

    /** The reservation of a checkout's sale. */
    static final String RESERVE = "reserve";

    private final JdbcClient jdbc;
    private final Clock clock;

    public UnknownOutcomes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String checkoutId, String operation) {
        try {
            jdbc.sql("insert into incust_unknown_outcome (checkout_id, operation, happened_at) values (?, ?, ?)")
                    .params(checkoutId, operation, OffsetDateTime.now(clock)).update();
        } catch (DuplicateKeyException recordedBefore) {
            // an earlier attempt's outcome was unknown too: one row says it
        }
    }

    public boolean happened(String checkoutId, String operation) {
        return jdbc.sql("select count(*) from incust_unknown_outcome where checkout_id = ? and operation = ?")
                .params(checkoutId, operation).query(Long.class).single() > 0;
    }
}
