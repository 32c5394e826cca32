package com.posterincust.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.checkout.CheckoutModel.Confirmation;
import com.posterincust.checkout.CheckoutModel.Item;
import com.posterincust.checkout.CheckoutModel.Offer;
import com.posterincust.checkout.CheckoutModel.Redemption;
import com.posterincust.checkout.CheckoutModel.Result;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code checkout} table: what the register is answered from. The process writes it through the service. */
@Repository
public class CheckoutRepository {

    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public CheckoutRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the register used this Idempotency-Key before */
    public void insert(String id, String account, String tabletId, String bindingId, String idempotencyKey,
                       String requestHash, String orderId, String transactionId, String customerId,
                       String posterClientId, String currency, BigDecimal total, List<Item> items) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into checkout (id, account, tablet_id, binding_id, idempotency_key, request_hash, order_id, "
                        + "transaction_id, customer_id, poster_client_id, currency, total, items, status, created_at, "
                        + "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, account, tabletId, bindingId, idempotencyKey, requestHash, orderId, transactionId, customerId,
                        posterClientId, currency, total, write(items), CheckoutStatus.AWAITING_REDEMPTION.name(), now,
                        now)
                .update();
    }

    public Optional<Checkout> find(String id) {
        return jdbc.sql("select * from checkout where id = ?").param(id).query(this::map).optional();
    }

    /** The checkout, its row locked until the transaction ends: calls on one checkout take turns. */
    public Optional<Checkout> lock(String id) {
        return jdbc.sql("select * from checkout where id = ? for update").param(id).query(this::map).optional();
    }

    public Optional<Checkout> findOfRegister(String id, String account, String tabletId) {
        return find(id).filter(checkout -> checkout.account().equals(account) && checkout.tabletId().equals(tabletId));
    }

    public Optional<Checkout> findByIdempotencyKey(String account, String tabletId, String key) {
        return jdbc.sql("select * from checkout where account = ? and tablet_id = ? and idempotency_key = ?")
                .params(account, tabletId, key).query(this::map).optional();
    }

    public List<Checkout> findByTransaction(String account, String transactionId) {
        return jdbc.sql("select * from checkout where account = ? and transaction_id = ?")
                .params(account, transactionId).query(this::map).list();
    }

    /** The account's checkouts of these receipts; none asked, none read. */
    public List<Checkout> findByTransactions(String account, Collection<String> transactionIds) {
        if (transactionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from checkout where account = :account and transaction_id in (:ids)")
                .param("account", account).param("ids", transactionIds).query(this::map).list();
    }

    /** These checkouts, those that exist; none asked, none read. */
    public List<Checkout> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from checkout where id in (:ids)").param("ids", ids).query(this::map).list();
    }

    /** The account's checkouts started in [from, to) now in one of {@code statuses}, at most {@code limit}. */
    public List<Checkout> findStartedBetween(String account, OffsetDateTime from, OffsetDateTime to,
                                             Collection<CheckoutStatus> statuses, int limit) {
        return jdbc.sql("select * from checkout where account = :account and created_at >= :from and created_at < :to "
                        + "and status in (:statuses) order by created_at, id limit :limit")
                .param("account", account).param("from", from).param("to", to)
                .param("statuses", statuses.stream().map(Enum::name).toList()).param("limit", limit)
                .query(this::map).list();
    }

    /** Checkouts of a register waiting for a receipt whose id they do not know yet. */
    public List<Checkout> findWaitingForReceipt(String account, String tabletId) {
        return jdbc.sql("select * from checkout where account = ? and tablet_id = ? and status = ? and transaction_id is null")
                .params(account, tabletId, CheckoutStatus.AWAITING_ORDER_CLOSE.name()).query(this::map).list();
    }

    /**
     * Newest first, for operators: optionally of one status and one account. Only the filters given become
     * conditions: PostgreSQL cannot type a bare {@code ? is null}.
     */
    public List<Checkout> findForOperators(Optional<CheckoutStatus> status, Optional<String> account, int limit,
                                           long offset) {
        StringBuilder sql = new StringBuilder("select * from checkout where 1 = 1");
        List<Object> params = new ArrayList<>();
        status.ifPresent(wanted -> {
            sql.append(" and status = ?");
            params.add(wanted.name());
        });
        account.ifPresent(wanted -> {
            sql.append(" and account = ?");
            params.add(wanted);
        });
        sql.append(" order by created_at desc, id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /**
     * One account's checkouts as its owner's page pages them, newest first: of one register, of one span of time
     * (the owner's day in the account's zone), or all.
     */
    public List<Checkout> findOfAccount(String account, Optional<String> tabletId, Optional<OffsetDateTime> from,
                                        Optional<OffsetDateTime> until, int limit, long offset) {
        StringBuilder sql = new StringBuilder("select * from checkout where account = ?");
        List<Object> params = new ArrayList<>(List.of(account));
        tabletId.ifPresent(wanted -> {
            sql.append(" and tablet_id = ?");
            params.add(wanted);
        });
        from.ifPresent(start -> {
            sql.append(" and created_at >= ?");
            params.add(start);
        });
        until.ifPresent(end -> {
            sql.append(" and created_at < ?");
            params.add(end);
        });
        sql.append(" order by created_at desc, id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(this::map).list();
    }

    /**
     * The account's checkouts someone may have to look at: those not finished yet (whether they are late is
     * {@link CheckoutDeadlines}'), those with a bonus to check since {@code bonusChecksSince}, and those named.
     */
    public List<Checkout> findToLookAt(String account, OffsetDateTime bonusChecksSince, Collection<String> named,
                                       int limit) {
        // three look-ups, each by an index and bounded by what is open, recent or named, whatever the account's
        // year of sales: one condition joined by "or" was read along the account's every checkout
        Map<String, Checkout> found = new java.util.HashMap<>();
        // unfinished checkouts are few (their timers end them): no order or limit, which let the planner walk the
        // account's sales newest first instead
        jdbc.sql("select * from checkout where account = :account and status in (:unfinished)")
                .param("account", account).param("unfinished", Arrays.stream(CheckoutStatus.values())
                        .filter(status -> !status.finished()).map(Enum::name).toList())
                .query(this::map).list().forEach(checkout -> found.put(checkout.id(), checkout));
        jdbc.sql("select * from checkout where account = ? and created_at >= ? and bonus_check is not null "
                        + "order by created_at desc, id limit ?")
                .params(account, bonusChecksSince, limit).query(this::map).list()
                .forEach(checkout -> found.put(checkout.id(), checkout));
        if (!named.isEmpty()) {
            jdbc.sql("select * from checkout where account = :account and id in (:named)")
                    .param("account", account).param("named", named).query(this::map).list()
                    .forEach(checkout -> found.put(checkout.id(), checkout));
        }
        return found.values().stream()
                .sorted(java.util.Comparator.comparing(Checkout::createdAt).reversed().thenComparing(Checkout::id))
                .limit(limit).toList();
    }

    /**
     * Checkouts in each status not finished: a few, counted by {@code ix_checkout_status_created}, where a count of
     * the finished ones would read a year of sales.
     */
    public Map<CheckoutStatus, Long> countUnfinishedByStatus() {
        Map<CheckoutStatus, Long> counts = new EnumMap<>(CheckoutStatus.class);
        jdbc.sql("select status, count(*) from checkout where status in (:statuses) group by status")
                .param("statuses", Arrays.stream(CheckoutStatus.values()).filter(status -> !status.finished())
                        .map(Enum::name).toList())
                .query((rs, row) -> counts.put(CheckoutStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** Written by the models alone ({@link CheckoutStatuses}). */
    public void setStatus(String id, CheckoutStatus status) {
        update(id, "status = ?", status.name());
    }

    /** The offer, and the instance that made it: register calls reach the checkout's model through it. */
    public void saveOffer(String id, Offer offer, String processInstanceId) {
        jdbc.sql("update checkout set offer = ?, process_instance_id = ?, updated_at = ? where id = ?")
                .params(write(offer), processInstanceId, OffsetDateTime.now(clock), id)
                .update();
    }

    /** The cashier's choice, kept until inCust answers; a refusal's reason is cleared with it. */
    public void saveRedemption(String id, Redemption redemption) {
        update(id, "redemption = ?, rejection = null", write(redemption));
    }

    public void saveRejection(String id, String reason) {
        update(id, "rejection = ?", reason);
    }

    public void saveReservation(String id, String incustTransactionId, BigDecimal reservedBonuses, Result result,
                                Confirmation confirmation) {
        jdbc.sql("update checkout set incust_transaction_id = ?, reserved_bonuses = ?, result = ?, confirmation = ?, "
                        + "updated_at = ? where id = ?")
                .params(incustTransactionId, reservedBonuses, write(result), write(confirmation),
                        OffsetDateTime.now(clock), id)
                .update();
    }

    public void saveConfirmation(String id, Confirmation confirmation) {
        update(id, "confirmation = ?", write(confirmation));
    }

    public void markConfirmed(String id) {
        update(id, "confirmed = ?", true);
    }

    public void saveReceipt(String id, String transactionId, BigDecimal payedBonus) {
        jdbc.sql("update checkout set transaction_id = coalesce(?, transaction_id), payed_bonus = coalesce(?, payed_bonus), "
                        + "updated_at = ? where id = ?")
                .params(transactionId, payedBonus, OffsetDateTime.now(clock), id)
                .update();
    }

    /**
     * The register named another receipt than Poster's webhook matched, and Poster shows it closed: the checkout is
     * that receipt's, with what the register reported and what the receipt shows (before the sale is finalized).
     */
    public void correctReceipt(String id, String transactionId, BigDecimal reported, BigDecimal shown) {
        jdbc.sql("update checkout set transaction_id = ?, payed_bonus = coalesce(?, payed_bonus), "
                        + "poster_payed_bonus = ?, updated_at = ? where id = ?")
                .params(transactionId, reported, shown, OffsetDateTime.now(clock), id)
                .update();
    }

    /** What Poster's receipt shows as paid with bonuses. */
    public void savePosterBonus(String id, BigDecimal shown) {
        update(id, "poster_payed_bonus = ?", shown);
    }

    /** What inCust is told the receipt paid, and the operators' note when the figures disagreed. */
    public void saveFinalization(String id, BonusEvidence evidence) {
        jdbc.sql("update checkout set finalized_bonus = ?, bonus_check = ?, updated_at = ? where id = ?")
                .params(evidence.amount(), evidence.check(), OffsetDateTime.now(clock), id)
                .update();
    }

    /** A note for operators beside those the checkout has. */
    public void addBonusCheck(String id, String check) {
        update(id, "bonus_check = coalesce(bonus_check || '; ', '') || ?", check);
    }

    /** The register's word arriving after the receipt closed: kept, with the operators' note when there is one. */
    public void saveLateReport(String id, BigDecimal reported, String check) {
        if (check == null) {
            update(id, "payed_bonus = coalesce(payed_bonus, ?)", reported);
            return;
        }
        jdbc.sql("update checkout set payed_bonus = coalesce(payed_bonus, ?), "
                        + "bonus_check = coalesce(bonus_check || '; ', '') || ?, updated_at = ? where id = ?")
                .params(reported, check, OffsetDateTime.now(clock), id)
                .update();
    }

    private void update(String id, String assignments, Object value) {
        jdbc.sql("update checkout set " + assignments + ", updated_at = ? where id = ?")
                .params(value, OffsetDateTime.now(clock), id)
                .update();
    }

    private String write(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) throws JsonProcessingException {
        return value == null ? null : json.readValue(value, type);
    }

    private Checkout map(ResultSet rs, int row) throws SQLException {
        try {
            return new Checkout(rs.getString("id"), rs.getString("account"), rs.getString("tablet_id"),
                    rs.getString("binding_id"), rs.getString("idempotency_key"), rs.getString("request_hash"),
                    rs.getString("order_id"), rs.getString("transaction_id"), rs.getString("customer_id"),
                    rs.getString("poster_client_id"), rs.getString("currency"), rs.getBigDecimal("total"), json.readValue(rs.getString("items"), ITEMS),
                    CheckoutStatus.valueOf(rs.getString("status")), read(rs.getString("offer"), Offer.class),
                    read(rs.getString("redemption"), Redemption.class), read(rs.getString("result"), Result.class),
                    rs.getString("incust_transaction_id"), rs.getBigDecimal("reserved_bonuses"),
                    read(rs.getString("confirmation"), Confirmation.class), rs.getBoolean("confirmed"),
                    rs.getBigDecimal("payed_bonus"), rs.getString("rejection"), rs.getBigDecimal("poster_payed_bonus"),
                    rs.getBigDecimal("finalized_bonus"), rs.getString("bonus_check"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
                    rs.getString("process_instance_id"));
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable checkout " + rs.getString("id"), e);
        }
    }
}
