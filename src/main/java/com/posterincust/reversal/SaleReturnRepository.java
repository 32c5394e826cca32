package com.posterincust.reversal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code sale_return} table. */
@Repository
public class SaleReturnRepository {

    private static final TypeReference<List<SaleReturn.Product>> PRODUCTS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public SaleReturnRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the account used this Idempotency-Key before */
    public void insert(SaleReturn saleReturn) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into sale_return (id, checkout_id, account, idempotency_key, request_hash, tablet_id, "
                        + "transaction_id, products, amount, status, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(saleReturn.id(), saleReturn.checkoutId(), saleReturn.account(), saleReturn.idempotencyKey(),
                        saleReturn.requestHash(), saleReturn.tabletId(), saleReturn.transactionId(),
                        write(saleReturn.products()), saleReturn.amount(), saleReturn.status().name(), now, now)
                .update();
    }

    public Optional<SaleReturn> find(String id) {
        return jdbc.sql("select * from sale_return where id = ?").param(id).query(this::map).optional();
    }

    public Optional<SaleReturn> findByKey(String account, String idempotencyKey) {
        return jdbc.sql("select * from sale_return where account = ? and idempotency_key = ?")
                .params(account, idempotencyKey).query(this::map).optional();
    }

    /** Oldest first. */
    public List<SaleReturn> findOfCheckout(String checkoutId) {
        return jdbc.sql("select * from sale_return where checkout_id = ? order by created_at, id").param(checkoutId)
                .query(this::map).list();
    }

    /** Of these checkouts, those with a return still being applied; none asked, none read. */
    public Set<String> returning(Collection<String> checkoutIds) {
        if (checkoutIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select distinct checkout_id from sale_return where checkout_id in (:ids) "
                        + "and status = :status").param("ids", checkoutIds)
                .param("status", SaleReturn.Status.RETURNING.name()).query(String.class).list());
    }

    /** Of the checkouts given, oldest first; none asked, none read. */
    public List<SaleReturn> findOfCheckouts(Collection<String> checkoutIds) {
        if (checkoutIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from sale_return where checkout_id in (:ids) order by created_at, id")
                .param("ids", checkoutIds).query(this::map).list();
    }

    /** Written by the model alone ({@link ReturnStatuses}). */
    public void setStatus(String id, SaleReturn.Status status) {
        jdbc.sql("update sale_return set status = ?, updated_at = ? where id = ?")
                .params(status.name(), OffsetDateTime.now(clock), id).update();
    }

    public void saveOutcome(String id, BigDecimal bonusPointsReturned, BigDecimal bonusPointsRemoved) {
        jdbc.sql("update sale_return set bonus_points_returned = ?, bonus_points_removed = ?, updated_at = ? "
                        + "where id = ?")
                .params(bonusPointsReturned, bonusPointsRemoved, OffsetDateTime.now(clock), id).update();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SaleReturn map(ResultSet rs, int row) throws SQLException {
        try {
            return new SaleReturn(rs.getString("id"), rs.getString("checkout_id"), rs.getString("account"),
                    rs.getString("idempotency_key"), rs.getString("request_hash"), rs.getString("tablet_id"),
                    rs.getString("transaction_id"), json.readValue(rs.getString("products"), PRODUCTS),
                    rs.getBigDecimal("amount"), SaleReturn.Status.valueOf(rs.getString("status")),
                    rs.getBigDecimal("bonus_points_returned"), rs.getBigDecimal("bonus_points_removed"),
                    rs.getObject("created_at", OffsetDateTime.class));
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable return " + rs.getString("id"), e);
        }
    }
}
