package com.posterincust.daycheck;

import com.posterincust.poster.PosterDayReceipt;
import com.posterincust.poster.PosterReceipt;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The day check's tables: the check, what was read of Poster and inCust, the differences. */
@Repository
public class DayCheckRepository {

    /** What matching reads at a time: memory stays bounded whatever the day's size. */
    static final int PAGE = 500;

    /** A receipt of the day as read. */
    record Receipt(String transactionId, PosterReceipt.State state, BigDecimal payedBonus, int printFiscal) {
    }

    /** An inCust transaction of the day as read, with the binding (terminal) it came through. */
    record Sale(String incustTransactionId, String bindingId, String externalId, String status, BigDecimal paid,
                BigDecimal returnedAmount) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    public DayCheckRepository(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    public DayCheck start(String account, LocalDate day) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into day_check (id, account, business_day, status, started_at) values (?, ?, ?, ?, ?)")
                .params(id, account, Date.valueOf(day), DayCheck.Status.RUNNING.name(), OffsetDateTime.now(clock))
                .update();
        return find(id).orElseThrow();
    }

    public Optional<DayCheck> find(String id) {
        return jdbc.sql("select * from day_check where id = ?").param(id).query(this::map).optional();
    }

    /** The account's checks of a day, newest first; of every day when {@code day} is empty. */
    public List<DayCheck> findOf(String account, Optional<LocalDate> day, int limit) {
        if (day.isPresent()) {
            return jdbc.sql("select * from day_check where account = ? and business_day = ? order by started_at desc, id "
                    + "limit ?").params(account, Date.valueOf(day.get()), limit).query(this::map).list();
        }
        return jdbc.sql("select * from day_check where account = ? order by business_day desc, started_at desc, id limit ?")
                .params(account, limit).query(this::map).list();
    }

    public Optional<DayCheck> findRunning(String account, LocalDate day) {
        return jdbc.sql("select * from day_check where account = ? and business_day = ? and status = ?")
                .params(account, Date.valueOf(day), DayCheck.Status.RUNNING.name()).query(this::map).optional();
    }

    /** Written by the model alone ({@link DayCheckStatuses}). */
    public void setStatus(String id, DayCheck.Status status) {
        jdbc.sql("update day_check set status = ?, finished_at = ? where id = ?")
                .params(status.name(), status == DayCheck.Status.RUNNING ? null : OffsetDateTime.now(clock), id)
                .update();
    }

    public void saveCounts(String id, int receipts, int loyaltyReceipts, int agreed, int fixed, int open) {
        jdbc.sql("update day_check set receipts = ?, loyalty_receipts = ?, agreed = ?, fixed = ?, open_differences = ? "
                + "where id = ?").params(receipts, loyaltyReceipts, agreed, fixed, open, id).update();
    }

    // ---- what was read --------------------------------------------------------------------------------------------

    /** A read repeated (a retried job) starts afresh. */
    public void forgetReceipts(String checkId) {
        jdbc.sql("delete from day_check_receipt where day_check_id = ?").param(checkId).update();
    }

    /** A page of receipts, in one batch. */
    public void addReceipts(String checkId, List<PosterDayReceipt> receipts) {
        batch.batchUpdate("insert into day_check_receipt (day_check_id, transaction_id, state, payed_bonus, "
                        + "print_fiscal) values (?, ?, ?, ?, ?)", receipts.stream().map(receipt -> new Object[] {
                checkId, receipt.transactionId(), receipt.state().name(), receipt.payedBonus(), receipt.printFiscal()})
                .toList());
    }

    public void forgetSales(String checkId) {
        jdbc.sql("delete from day_check_sale where day_check_id = ?").param(checkId).update();
    }

    /** A page of inCust's transactions, in one batch. */
    public void addSales(String checkId, List<Sale> sales) {
        batch.batchUpdate("insert into day_check_sale (day_check_id, incust_transaction_id, binding_id, external_id, "
                        + "status, paid, returned_amount) values (?, ?, ?, ?, ?, ?, ?)", sales.stream().map(sale ->
                new Object[] {checkId, sale.incustTransactionId(), sale.bindingId(), sale.externalId(), sale.status(),
                        sale.paid(), sale.returnedAmount()}).toList());
    }

    /** The receipts read, by id, a page after {@code after} (null: the first). */
    List<Receipt> receipts(String checkId, String after) {
        return jdbc.sql("select * from day_check_receipt where day_check_id = ? and transaction_id > ? "
                        + "order by transaction_id limit ?")
                .params(checkId, after == null ? "" : after, PAGE)
                .query((rs, row) -> new Receipt(rs.getString("transaction_id"),
                        PosterReceipt.State.valueOf(rs.getString("state")), rs.getBigDecimal("payed_bonus"),
                        rs.getInt("print_fiscal"))).list();
    }

    /** inCust's transactions no receipt of the day explained, a page after {@code after} (null: the first). */
    List<Sale> unexplainedSales(String checkId, String after) {
        return jdbc.sql("select * from day_check_sale where day_check_id = ? and explained = ? "
                        + "and incust_transaction_id > ? order by incust_transaction_id limit ?")
                .params(checkId, false, after == null ? "" : after, PAGE).query(this::sale).list();
    }

    /** These of inCust's transactions are a receipt's of the day. */
    void markExplained(String checkId, Collection<String> incustTransactionIds) {
        if (!incustTransactionIds.isEmpty()) {
            jdbc.sql("update day_check_sale set explained = :explained where day_check_id = :check "
                            + "and incust_transaction_id in (:ids)").param("explained", true).param("check", checkId)
                    .param("ids", incustTransactionIds).update();
        }
    }

    /** These of inCust's transactions as read, by id; none asked, none read. */
    Map<String, Sale> sales(String checkId, Collection<String> incustTransactionIds) {
        if (incustTransactionIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from day_check_sale where day_check_id = :check and incust_transaction_id in (:ids)")
                .param("check", checkId).param("ids", incustTransactionIds).query(this::sale).list().stream()
                .collect(Collectors.toMap(Sale::incustTransactionId, Function.identity()));
    }

    long receiptCount(String checkId) {
        return jdbc.sql("select count(*) from day_check_receipt where day_check_id = ?").param(checkId)
                .query(Long.class).single();
    }

    // ---- the differences ------------------------------------------------------------------------------------------

    public void forgetDifferences(String checkId) {
        jdbc.sql("delete from day_check_difference where day_check_id = ?").param(checkId).update();
    }

    public void addDifferences(String checkId, List<DayCheck.Difference> differences) {
        batch.batchUpdate("insert into day_check_difference (id, day_check_id, kind, transaction_id, checkout_id, "
                        + "incust_transaction_id, poster_bonus, incust_bonus, fix, status, detail) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", differences.stream().map(difference -> new Object[] {
                difference.id(), checkId, difference.kind().name(), difference.transactionId(),
                difference.checkoutId(), difference.incustTransactionId(), difference.posterBonus(),
                difference.incustBonus(), difference.fix() == null ? null : difference.fix().name(),
                difference.status(), difference.detail()}).toList());
    }

    /** Of these checkouts, those a difference of the check names. */
    Set<String> checkoutsWithDifferences(String checkId, Collection<String> checkoutIds) {
        if (checkoutIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select distinct checkout_id from day_check_difference where day_check_id = :check "
                        + "and checkout_id in (:ids)").param("check", checkId).param("ids", checkoutIds)
                .query(String.class).list());
    }

    public List<DayCheck.Difference> differences(String checkId) {
        return jdbc.sql("select * from day_check_difference where day_check_id = ? order by kind, transaction_id, id")
                .param(checkId).query((rs, row) -> new DayCheck.Difference(rs.getString("id"),
                        DayCheck.Kind.valueOf(rs.getString("kind")), rs.getString("transaction_id"),
                        rs.getString("checkout_id"), rs.getString("incust_transaction_id"),
                        rs.getBigDecimal("poster_bonus"), rs.getBigDecimal("incust_bonus"),
                        rs.getString("fix") == null ? null : DayCheck.Fix.valueOf(rs.getString("fix")),
                        rs.getString("status"), rs.getString("detail"))).list();
    }

    public void markFixed(String differenceId) {
        jdbc.sql("update day_check_difference set status = ? where id = ?")
                .params(DayCheck.Difference.FIXED, differenceId).update();
    }

    private Sale sale(ResultSet rs, int row) throws SQLException {
        return new Sale(rs.getString("incust_transaction_id"), rs.getString("binding_id"), rs.getString("external_id"),
                rs.getString("status"), rs.getBigDecimal("paid"), rs.getBigDecimal("returned_amount"));
    }

    private DayCheck map(ResultSet rs, int row) throws SQLException {
        return new DayCheck(rs.getString("id"), rs.getString("account"), rs.getObject("business_day", LocalDate.class),
                DayCheck.Status.valueOf(rs.getString("status")), (Integer) rs.getObject("receipts"),
                (Integer) rs.getObject("loyalty_receipts"), (Integer) rs.getObject("agreed"),
                (Integer) rs.getObject("fixed"), (Integer) rs.getObject("open_differences"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
    }
}
