package com.posterincust.sandbox;

import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustWire;
import com.posterincust.incust.IncustWire.Check;
import com.posterincust.incust.IncustWire.CheckItem;
import com.posterincust.incust.IncustWire.CheckResult;
import com.posterincust.incust.IncustWire.Identifier;
import com.posterincust.incust.IncustWire.Reservation;
import com.posterincust.incust.IncustWire.Transaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The fake inCust's state and rules, documented in docs/sandbox.md: a check may be paid with bonuses up to
 * half its amount, a coupon takes 10 % off, a purchase earns 5 % of what is paid in money, and a terminal
 * that asks for confirmation sends a 4-digit code (to the SMS outbox) valid for 5 minutes and 3 attempts.
 */
@Component
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxIncust {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final int CODE_ATTEMPTS = 3;
    private static final BigDecimal REDEEMABLE_SHARE = new BigDecimal("0.50");
    private static final BigDecimal COUPON_DISCOUNT = new BigDecimal("0.10");
    private static final BigDecimal EARNED_SHARE = new BigDecimal("0.05");

    /** No or unknown bearer token: the controller answers 401 like inCust. */
    static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super(null, null, false, false);
        }
    }

    static final class Customer {
        final String id;
        String name;
        String phone;
        String email;
        String gender;
        String birthDate;
        final String qr;
        final String card;
        final String temporaryCode;
        final boolean isNew;
        BigDecimal bonusPoints;
        final List<SandboxData.DemoAccount> accounts;
        final List<SandboxData.DemoCoupon> coupons;

        Customer(String id, String phone, String email, String qr, String card, String temporaryCode, boolean isNew,
                 BigDecimal bonusPoints, List<SandboxData.DemoAccount> accounts, List<SandboxData.DemoCoupon> coupons) {
            this.id = id;
            this.phone = phone;
            this.email = email;
            this.qr = qr;
            this.card = card;
            this.temporaryCode = temporaryCode;
            this.isNew = isNew;
            this.bonusPoints = bonusPoints;
            this.accounts = accounts;
            this.coupons = coupons;
        }

        IncustWire.Customer view() {
            return new IncustWire.Customer(id, name, phone, email, gender, birthDate, isNew, "full", bonusPoints,
                    accounts.stream().map(a -> new IncustWire.Account(a.id(), a.title(), a.type(), a.balance())).toList(),
                    coupons.stream().map(c -> new IncustWire.Coupon(c.code(), c.title(), c.description())).toList());
        }
    }

    static final class Tx {
        final String id;
        final String terminalId;
        final String externalId;
        final String customerId;
        final BigDecimal redeemedBonuses;
        final BigDecimal discountAmount;
        final BigDecimal amountToPay;
        String status;
        String code;
        OffsetDateTime expiresAt;
        int attemptsLeft;
        BigDecimal bonusesAdded;

        Tx(String id, String terminalId, String externalId, String customerId, BigDecimal redeemedBonuses,
           BigDecimal discountAmount, BigDecimal amountToPay) {
            this.id = id;
            this.terminalId = terminalId;
            this.externalId = externalId;
            this.customerId = customerId;
            this.redeemedBonuses = redeemedBonuses;
            this.discountAmount = discountAmount;
            this.amountToPay = amountToPay;
        }

        Transaction view() {
            IncustWire.Confirmation confirmation = code == null ? null
                    : new IncustWire.Confirmation("phone", expiresAt, attemptsLeft);
            return new Transaction(id, externalId, status, redeemedBonuses, discountAmount, amountToPay, confirmation);
        }
    }

    private final Clock clock;
    private final SandboxSmsOutbox outbox;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, SandboxData.Terminal> tokens = new ConcurrentHashMap<>();
    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<String, Tx> transactions = new ConcurrentHashMap<>();
    private final AtomicInteger nextCustomer = new AtomicInteger(2001);
    private final AtomicInteger nextTransaction = new AtomicInteger(1);

    public SandboxIncust(Clock clock, SandboxSmsOutbox outbox) {
        this.clock = clock;
        this.outbox = outbox;
        for (SandboxData.DemoCustomer demo : SandboxData.CUSTOMERS) {
            Customer customer = new Customer(demo.id(), demo.phone(), demo.email(), demo.qr(), demo.card(),
                    demo.temporaryCode(), false, demo.bonusPoints(), demo.accounts(), demo.coupons());
            customer.name = demo.name();
            customers.put(customer.id, customer);
        }
    }

    IncustWire.TerminalToken login(IncustWire.Login login) {
        SandboxData.Terminal terminal = SandboxData.TERMINALS.stream()
                .filter(t -> t.login().equals(login.login()) && t.password().equals(login.password()))
                .findFirst()
                .orElseThrow(() -> new IncustApiException("POST /term/token", 401, "unauthorized",
                        "Wrong terminal login or password"));
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        tokens.put(token, terminal);
        return new IncustWire.TerminalToken(token, terminal.id(), SandboxData.CURRENCY, terminal.title(), "demo-business");
    }

    SandboxData.Terminal terminal(String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        SandboxData.Terminal terminal = tokens.get(token);
        if (terminal == null) {
            throw new Unauthorized();
        }
        return terminal;
    }

    IncustWire.TerminalSettings settings(SandboxData.Terminal terminal) {
        return new IncustWire.TerminalSettings(terminal.id(), terminal.title(), SandboxData.CURRENCY,
                terminal.confirmation(), BigDecimal.ZERO);
    }

    List<IncustWire.Customer> search(Identifier identifier) {
        if (identifier == null || identifier.type() == null || identifier.value() == null) {
            throw new IncustApiException("POST /term/customer/search", 400, "invalid_request", "identifier is required");
        }
        return customers.values().stream().filter(c -> matches(c, identifier)).map(Customer::view).toList();
    }

    private static boolean matches(Customer customer, Identifier identifier) {
        String value = identifier.value();
        return switch (identifier.type()) {
            case PHONE -> value.equals(customer.phone);
            case EMAIL -> value.equalsIgnoreCase(Objects.toString(customer.email, ""));
            case QR -> value.equals(customer.qr);
            case CARD -> value.equals(customer.card);
            case TEMPORARY_CODE -> value.equals(customer.temporaryCode);
        };
    }

    IncustWire.Customer register(List<Identifier> identifiers) {
        if (identifiers == null || identifiers.isEmpty()) {
            throw new IncustApiException("POST /term/customer", 400, "invalid_request", "identifiers are required");
        }
        String phone = null;
        String email = null;
        for (Identifier identifier : identifiers) {
            if (identifier.type() == IncustWire.IdentifierType.PHONE) {
                phone = identifier.value();
            } else if (identifier.type() == IncustWire.IdentifierType.EMAIL) {
                email = identifier.value();
            }
        }
        Customer customer = new Customer("c-" + nextCustomer.getAndIncrement(), phone, email, null, null, null, true,
                BigDecimal.ZERO.setScale(2), List.of(), List.of());
        customers.put(customer.id, customer);
        return customer.view();
    }

    IncustWire.Customer customer(String id) {
        return find(id).view();
    }

    IncustWire.Customer updateProfile(String id, IncustWire.Profile profile) {
        Customer customer = find(id);
        customer.name = Optional.ofNullable(profile.name()).orElse(customer.name);
        customer.gender = Optional.ofNullable(profile.gender()).orElse(customer.gender);
        customer.birthDate = Optional.ofNullable(profile.birthDate()).orElse(customer.birthDate);
        customer.email = Optional.ofNullable(profile.email()).orElse(customer.email);
        return customer.view();
    }

    private Customer find(String id) {
        Customer customer = customers.get(id);
        if (customer == null) {
            throw new IncustApiException("GET /term/customer/{id}", 404, IncustApiException.CUSTOMER_NOT_FOUND,
                    "Customer not found");
        }
        return customer;
    }

    CheckResult prepare(Check check) {
        Customer customer = find(check.customerId());
        BigDecimal amount = amountOf(check.amount(), check.items());
        BigDecimal maxRedeemable = customer.bonusPoints.min(amount.multiply(REDEEMABLE_SHARE)).setScale(2, RoundingMode.DOWN);
        return new CheckResult(amount, BigDecimal.ZERO.setScale(2), earnedOn(amount), customer.bonusPoints, maxRedeemable,
                customer.coupons.stream().map(c -> new IncustWire.CouponRef(c.code(), c.title())).toList(), amount);
    }

    synchronized Transaction reserve(SandboxData.Terminal terminal, Reservation reservation) {
        Optional<Tx> existing = transactions.values().stream()
                .filter(tx -> tx.terminalId.equals(terminal.id()) && tx.externalId.equals(reservation.externalId()))
                .findFirst();
        if (existing.isPresent()) {
            return existing.get().view();
        }
        Customer customer = find(reservation.customerId());
        CheckResult offer = prepare(new Check(reservation.customerId(), reservation.currency(), reservation.amount(),
                reservation.items()));
        BigDecimal bonuses = reservation.redeem() == null || reservation.redeem().bonuses() == null
                ? BigDecimal.ZERO : reservation.redeem().bonuses();
        List<String> coupons = reservation.redeem() == null || reservation.redeem().coupons() == null
                ? List.of() : reservation.redeem().coupons();
        if (bonuses.signum() < 0 || bonuses.compareTo(offer.maxRedeemableBonuses()) > 0) {
            throw new IncustApiException("POST /term/check/reserve", 422, IncustApiException.INSUFFICIENT_BONUSES,
                    "At most " + offer.maxRedeemableBonuses() + " bonus points can be redeemed on this check");
        }
        for (String coupon : coupons) {
            if (customer.coupons.stream().noneMatch(c -> c.code().equals(coupon))) {
                throw new IncustApiException("POST /term/check/reserve", 422, IncustApiException.COUPON_INVALID,
                        "Coupon " + coupon + " is not valid for this customer");
            }
        }
        BigDecimal discount = coupons.isEmpty() ? BigDecimal.ZERO.setScale(2)
                : offer.amount().multiply(COUPON_DISCOUNT).setScale(2, RoundingMode.HALF_UP);
        Tx tx = new Tx("tx-" + nextTransaction.getAndIncrement(), terminal.id(), reservation.externalId(), customer.id,
                bonuses.setScale(2, RoundingMode.UNNECESSARY), discount,
                offer.amount().subtract(discount).subtract(bonuses).setScale(2, RoundingMode.UNNECESSARY));
        boolean redeems = bonuses.signum() > 0 || !coupons.isEmpty();
        if (redeems && "always".equals(terminal.confirmation())) {
            tx.status = Transaction.CONFIRMATION_REQUIRED;
            tx.attemptsLeft = CODE_ATTEMPTS;
            sendCode(tx, customer);
        } else {
            tx.status = Transaction.RESERVED;
        }
        transactions.put(tx.id, tx);
        return tx.view();
    }

    synchronized Transaction resend(SandboxData.Terminal terminal, String id) {
        Tx tx = transaction(terminal, id);
        requireStatus(tx, "resend", Transaction.CONFIRMATION_REQUIRED);
        sendCode(tx, find(tx.customerId));
        return tx.view();
    }

    synchronized Transaction confirm(SandboxData.Terminal terminal, String id, String code) {
        Tx tx = transaction(terminal, id);
        requireStatus(tx, "confirm", Transaction.CONFIRMATION_REQUIRED);
        if (OffsetDateTime.now(clock).isAfter(tx.expiresAt)) {
            tx.status = Transaction.CANCELLED;
            throw new IncustApiException("POST /term/transaction/{id}/confirm", 422,
                    IncustApiException.CONFIRMATION_CODE_EXPIRED, "The confirmation code has expired");
        }
        if (!tx.code.equals(code)) {
            tx.attemptsLeft--;
            if (tx.attemptsLeft <= 0) {
                tx.status = Transaction.CANCELLED;
            }
            throw new IncustApiException("POST /term/transaction/{id}/confirm", 422,
                    IncustApiException.CONFIRMATION_CODE_INVALID, "Wrong confirmation code, " + tx.attemptsLeft
                    + " attempts left");
        }
        tx.status = Transaction.CONFIRMED;
        return tx.view();
    }

    synchronized Transaction finalizeTransaction(SandboxData.Terminal terminal, String id,
                                                 IncustWire.Finalization finalization) {
        Tx tx = transaction(terminal, id);
        if (Transaction.FINALIZED.equals(tx.status)) {
            return tx.view();
        }
        requireStatus(tx, "finalize", Transaction.RESERVED, Transaction.CONFIRMED);
        BigDecimal paidWithBonuses = finalization.paidWithBonuses() == null ? tx.redeemedBonuses
                : finalization.paidWithBonuses();
        if (paidWithBonuses.signum() < 0 || paidWithBonuses.compareTo(tx.redeemedBonuses) > 0) {
            throw new IncustApiException("POST /term/transaction/{id}/finalize", 422,
                    IncustApiException.INSUFFICIENT_BONUSES, "More bonuses paid than were reserved");
        }
        Customer customer = find(tx.customerId);
        BigDecimal paidInMoney = tx.amountToPay.add(tx.redeemedBonuses).subtract(paidWithBonuses);
        tx.bonusesAdded = earnedOn(paidInMoney);
        customer.bonusPoints = customer.bonusPoints.subtract(paidWithBonuses).add(tx.bonusesAdded);
        tx.status = Transaction.FINALIZED;
        return tx.view();
    }

    /** What the sandbox's inCust holds for a checkout (external id), for tests and a curious newcomer. */
    synchronized List<String> statusesOf(String externalId) {
        return transactions.values().stream().filter(tx -> tx.externalId.equals(externalId)).map(tx -> tx.status)
                .toList();
    }

    synchronized BigDecimal bonusPointsOf(String customerId) {
        return find(customerId).bonusPoints;
    }

    synchronized Transaction cancel(SandboxData.Terminal terminal, String id) {
        Tx tx = transaction(terminal, id);
        if (Transaction.FINALIZED.equals(tx.status)) {
            throw new IncustApiException("POST /term/transaction/{id}/cancel", 409, IncustApiException.TRANSACTION_STATE,
                    "A finalized transaction cannot be cancelled");
        }
        tx.status = Transaction.CANCELLED;
        return tx.view();
    }

    Tx transaction(SandboxData.Terminal terminal, String id) {
        Tx tx = transactions.get(id);
        if (tx == null || !tx.terminalId.equals(terminal.id())) {
            throw new IncustApiException("GET /term/transaction/{id}", 404, IncustApiException.TRANSACTION_NOT_FOUND,
                    "Transaction not found");
        }
        return tx;
    }

    List<Transaction> byExternalId(SandboxData.Terminal terminal, String externalId) {
        return transactions.values().stream()
                .filter(tx -> tx.terminalId.equals(terminal.id()) && tx.externalId.equals(externalId))
                .map(Tx::view)
                .toList();
    }

    private void sendCode(Tx tx, Customer customer) {
        tx.code = String.format("%04d", random.nextInt(10_000));
        tx.expiresAt = OffsetDateTime.now(clock).plus(CODE_LIFETIME);
        outbox.send(customer.phone, tx.id, tx.code);
    }

    private static void requireStatus(Tx tx, String operation, String... allowed) {
        if (!List.of(allowed).contains(tx.status)) {
            throw new IncustApiException("POST /term/transaction/{id}/" + operation, 409,
                    IncustApiException.TRANSACTION_STATE, "Transaction is " + tx.status);
        }
    }

    private static BigDecimal amountOf(BigDecimal amount, List<CheckItem> items) {
        if (amount != null) {
            return amount.setScale(2, RoundingMode.HALF_UP);
        }
        return items == null ? BigDecimal.ZERO.setScale(2) : items.stream()
                .map(item -> item.amount() != null ? item.amount() : item.price().multiply(item.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal earnedOn(BigDecimal paidInMoney) {
        return paidInMoney.multiply(EARNED_SHARE).setScale(2, RoundingMode.DOWN);
    }
}
