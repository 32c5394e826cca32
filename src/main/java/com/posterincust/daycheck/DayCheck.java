package com.posterincust.daycheck;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One check of a café's day, as the {@code day_check} table keeps it. */
public record DayCheck(String id, String account, LocalDate day, Status status, Integer receipts,
                       Integer loyaltyReceipts, Integer agreed, Integer fixed, Integer open, OffsetDateTime startedAt,
                       OffsetDateTime finishedAt) {

    /** The model's ({@code dayCheckStatus}); FAILED is read from an incident of the instance. */
    public enum Status { RUNNING, DONE, FAILED }

    /** The kinds of difference of register-api.md §7. */
    public enum Kind { NOT_FINALIZED, NOT_REVERSED, RETURN_NOT_APPLIED, BONUS_MISMATCH, RESERVATION_HELD, UNKNOWN_SALE, STUCK }

    /** What is safe to do about a difference, through the checkout's and the reversal's own paths. */
    public enum Fix { FINALIZED, REVERSED, RELEASED }

    public record Difference(String id, Kind kind, String transactionId, String checkoutId, String incustTransactionId,
                             BigDecimal posterBonus, BigDecimal incustBonus, Fix fix, String status, String detail) {

        public static final String OPEN = "OPEN";
        public static final String FIXED = "FIXED";
    }
}
