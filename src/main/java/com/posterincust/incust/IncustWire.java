package com.posterincust.incust;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The inCust Terminal API shapes this project codes against (docs/external-apis.md, "assumed"), seen by this package
 * alone: the rest of the service speaks {@link Loyalty}. Replacing one with inCust's documented shape is a change here
 * and in the mapping of {@link IncustClient}.
 * All are snake_case on the wire, money is decimal major units.
 */
final class IncustWire {

    private IncustWire() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Login(String login, String password) {
        @Override
        public String toString() {
            return "Login[login=" + login + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TerminalToken(String token, String id, String currency, String title, String businessCode) {
        @Override
        public String toString() {
            return "TerminalToken[id=" + id + ", currency=" + currency + ", title=" + title + "]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TerminalSettings(String id, String title, String currency, String redemptionConfirmation,
                                   BigDecimal confirmationLimit) {
    }

    public enum IdentifierType {
        PHONE, QR, EMAIL, CARD, TEMPORARY_CODE;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Identifier(IdentifierType type, String value) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CustomerSearch(Identifier identifier) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CustomerSearchResult(List<Customer> customers) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewCustomer(List<Identifier> identifiers) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Customer(String id, String name, String phone, String email, String gender, String birthDate,
                           Boolean isNew, String access, BigDecimal bonusPoints, List<Account> accounts,
                           List<Coupon> coupons) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Account(String id, String title, String type, BigDecimal balance) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Coupon(String code, String title, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Profile(String name, String gender, String birthDate, String email) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CheckItem(String code, String title, BigDecimal quantity, BigDecimal price, BigDecimal amount) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Check(String customerId, String currency, BigDecimal amount, List<CheckItem> items) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CouponRef(String code, String title) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CheckResult(BigDecimal amount, BigDecimal discountAmount, BigDecimal bonusesToAdd,
                              BigDecimal bonusPointsAvailable, BigDecimal maxRedeemableBonuses,
                              List<CouponRef> applicableCoupons, BigDecimal amountToPay) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Redeem(BigDecimal bonuses, List<String> coupons) {
    }

    /** A {@link Check} with a redemption to preview: inCust calculates it, nothing is reserved. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Preparation(String customerId, String currency, BigDecimal amount, List<CheckItem> items,
                              Redeem redeem) {

        public static Preparation of(Check check, Redeem redeem) {
            return new Preparation(check.customerId(), check.currency(), check.amount(), check.items(), redeem);
        }
    }

    /** A {@link Check} plus what to redeem; {@code external_id} makes the reservation idempotent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reservation(String customerId, String currency, BigDecimal amount, List<CheckItem> items,
                              String externalId, Redeem redeem) {

        public static Reservation of(Check check, String externalId, Redeem redeem) {
            return new Reservation(check.customerId(), check.currency(), check.amount(), check.items(),
                    externalId, redeem);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Confirmation(String channel, OffsetDateTime expiresAt, Integer attemptsLeft) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Transaction(String id, String externalId, String status, BigDecimal redeemedBonuses,
                              BigDecimal discountAmount, BigDecimal amountToPay, Confirmation confirmation,
                              BigDecimal amount, BigDecimal returnedAmount, List<ReturnDone> returns) {
    }

    /** One return of a part of the sale, as inCust lists them on the transaction. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReturnDone(String externalId, BigDecimal amount, BigDecimal bonusesReturned,
                             BigDecimal bonusesRemoved) {
    }

    /** Part of a finalized sale to return; {@code external_id} makes it idempotent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SaleReturn(String externalId, BigDecimal amount, List<ReturnedItem> items, boolean returnRedeemed) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ReturnedItem(String code, BigDecimal quantity, BigDecimal amount) {
    }

    public record TransactionList(List<Transaction> transactions) {
    }

    /** A page of a terminal's transactions; {@code next_cursor} null on the last. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TransactionPage(List<Transaction> transactions, String nextCursor) {
    }


    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ConfirmationCode(String code) {
        @Override
        public String toString() {
            return "ConfirmationCode[***]";
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Finalization(String externalCheckId, BigDecimal paidWithBonuses) {
    }

    /** The error body of every failed call. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Error(String code, String message) {
    }
}
