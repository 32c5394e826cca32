package com.posterincust.incust;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the service knows of inCust, in its own terms: the port the domain speaks. How inCust spells these on the
 * wire is the adapter's business alone (the package-private {@code IncustWire}, the assumed contract of
 * docs/external-apis.md), so when inCust's real shapes differ, only this package changes.
 */
public final class Loyalty {

    private Loyalty() {
    }

    /** An inCust terminal as it answers its login or its settings. */
    public record Terminal(String id, String title, String currency) {
    }

    /** The terminal's settings: when inCust asks the guest for a code (always, above a limit, never). */
    public record TerminalSettings(String id, String title, String currency, String redemptionConfirmation,
                                   BigDecimal confirmationLimit) {
    }

    public enum IdentifierType { PHONE, QR, EMAIL, CARD, TEMPORARY_CODE }

    public record Identifier(IdentifierType type, String value) {
    }

    public record Customer(String id, String name, String phone, String email, String gender, String birthDate,
                           Boolean isNew, String access, BigDecimal bonusPoints, List<Account> accounts,
                           List<Coupon> coupons) {
    }

    /** A customer account: {@code type} is money, goods or achievements. */
    public record Account(String id, String title, String type, BigDecimal balance) {
    }

    public record Coupon(String code, String title, String description) {
    }

    public record Profile(String name, String gender, String birthDate, String email) {
    }

    public record Check(String customerId, String currency, BigDecimal amount, List<CheckItem> items) {
    }

    public record CheckItem(String code, String title, BigDecimal quantity, BigDecimal price, BigDecimal amount) {
    }

    public record CouponRef(String code, String title) {
    }

    /** inCust's calculation of a check: what may be redeemed and earned, and with a redemption what it comes to. */
    public record CheckResult(BigDecimal amount, BigDecimal discountAmount, BigDecimal bonusesToAdd,
                              BigDecimal bonusPointsAvailable, BigDecimal maxRedeemableBonuses,
                              List<CouponRef> applicableCoupons, BigDecimal amountToPay) {
    }

    public record Redeem(BigDecimal bonuses, List<String> coupons) {
    }

    public record Confirmation(String channel, OffsetDateTime expiresAt, Integer attemptsLeft) {
    }

    /** A transaction of a terminal's day, as the day check compares it with Poster's receipts. */
    public record TransactionOfDay(String id, String externalId, String status, BigDecimal redeemedBonuses,
                                   BigDecimal discountAmount, BigDecimal returnedAmount) {

        /** What inCust paid on the sale: points and the coupons' discount. */
        public BigDecimal paid() {
            return (redeemedBonuses == null ? BigDecimal.ZERO : redeemedBonuses)
                    .add(discountAmount == null ? BigDecimal.ZERO : discountAmount);
        }

        public boolean holds() {
            return new Transaction(id, externalId, status, null, null, null, null).holds();
        }
    }

    /** One page of a terminal's transactions, oldest first; {@code nextCursor} null on the last. */
    public record TransactionPage(List<TransactionOfDay> transactions, String nextCursor) {
    }

    /** A returned line: the check item's code, how many, and their value in the check's terms. */
    public record ReturnedItem(String code, BigDecimal quantity, BigDecimal amount) {
    }

    /**
     * One return of a part of a finalized sale, as inCust applied it.
     *
     * @param saleStatus      the transaction's status after it ({@code returned} once all of it is)
     * @param bonusesReturned redeemed points given back to the guest
     * @param bonusesRemoved  earned points taken back
     */
    public record Returned(String saleStatus, BigDecimal amount, BigDecimal bonusesReturned,
                           BigDecimal bonusesRemoved) {

        public static final String RETURNED = "returned";
    }

    public record Transaction(String id, String externalId, String status, BigDecimal redeemedBonuses,
                              BigDecimal discountAmount, BigDecimal amountToPay, Confirmation confirmation) {

        public static final String RESERVED = "reserved";
        public static final String CONFIRMATION_REQUIRED = "confirmation_required";
        public static final String CONFIRMED = "confirmed";
        public static final String FINALIZED = "finalized";
        public static final String CANCELLED = "cancelled";

        /** Holds the guest's points (or coupon) in inCust until it is finalized or cancelled. */
        public boolean holds() {
            return RESERVED.equals(status) || CONFIRMATION_REQUIRED.equals(status) || CONFIRMED.equals(status);
        }

        /** The guest must read out a code before the redemption counts. */
        public boolean confirmationRequired() {
            return CONFIRMATION_REQUIRED.equals(status);
        }
    }
}
