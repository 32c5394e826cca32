package com.posterincust.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The fake inCust's state and rules, documented in docs/sandbox.md: a check may be paid with bonuses up to
 * half its amount, a coupon takes 10 % off, a purchase earns 5 % of what is paid in money, and a terminal
 * that asks for confirmation sends a 4-digit code (to the SMS outbox) valid for 5 minutes and 3 attempts.
 * Terminal tokens expire ({@code sandbox.incust.token-lifetime}); a finalized sale can be cancelled, which gives the
 * guest the points spent back and takes the points earned away, unless {@code sandbox.incust.refuse-reversals}.
 * It shares no code with the service's inCust client: its shapes are spelled out by {@link SandboxIncustController}.
 */
@Component
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxIncust {

    static final Duration CODE_LIFETIME = Duration.ofMinutes(5);
    static final int CODE_ATTEMPTS = 3;
    static final String RESERVED = "reserved";
    static final String CONFIRMATION_REQUIRED = "confirmation_required";
    static final String CONFIRMED = "confirmed";
    static final String FINALIZED = "finalized";
    static final String CANCELLED = "cancelled";
    static final String RETURNED = "returned";
    private static final BigDecimal REDEEMABLE_SHARE = new BigDecimal("0.50");
    private static final BigDecimal COUPON_DISCOUNT = new BigDecimal("0.10");
    private static final BigDecimal EARNED_SHARE = new BigDecimal("0.05");

    /** No, unknown or expired bearer token: the controller answers 401 like inCust. */
    static final class Unauthorized extends RuntimeException {
        Unauthorized() {
            super(null, null, false, false);
        }
    }

    /** inCust's refusal: the HTTP status it chose, its error symbol and its message. */
    static final class Refused extends RuntimeException {
        final int status;
        final String symbol;

        Refused(int status, String symbol, String message) {
            super(message, null, false, false);
            this.status = status;
            this.symbol = symbol;
        }
    }

    record Item(String code, String title, BigDecimal quantity, BigDecimal price, BigDecimal amount) {
    }

    record Offer(BigDecimal amount, BigDecimal discount, BigDecimal bonusesToAdd, BigDecimal bonusPoints,
                 BigDecimal maxRedeemable, List<SandboxData.DemoCoupon> coupons, BigDecimal amountToPay) {
    }

    record Issued(String token, SandboxData.Terminal terminal) {
    }

    private record Session(SandboxData.Terminal terminal, Instant expires) {
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
        BigDecimal paidWithBonuses;
        BigDecimal bonusesAdded;
        /** The check's amount, in the terms returns are made in. */
        final BigDecimal amount;
        BigDecimal returnedAmount = BigDecimal.ZERO.setScale(2);
        final List<Return> returns = new ArrayList<>();
        OffsetDateTime createdAt;

        Tx(String id, String terminalId, String externalId, String customerId, BigDecimal amount,
           BigDecimal redeemedBonuses, BigDecimal discountAmount, BigDecimal amountToPay) {
            this.id = id;
            this.terminalId = terminalId;
            this.externalId = externalId;
            this.customerId = customerId;
            this.amount = amount;
            this.redeemedBonuses = redeemedBonuses;
            this.discountAmount = discountAmount;
            this.amountToPay = amountToPay;
        }

        BigDecimal bonusesReturned() {
            return returns.stream().map(Return::bonusesReturned).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        BigDecimal bonusesRemoved() {
            return returns.stream().map(Return::bonusesRemoved).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /** A part of a finalized sale returned: what of the amount, the redeemed points given back, the earned taken. */
    record Return(String externalId, BigDecimal amount, BigDecimal bonusesReturned, BigDecimal bonusesRemoved,
                  OffsetDateTime createdAt) {
    }

    private final Clock clock;
    private final SandboxSmsOutbox outbox;
    private final Duration tokenLifetime;
    private final boolean refuseReversals;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> tokens = new ConcurrentHashMap<>();
    private final Map<String, Customer> customers = new ConcurrentHashMap<>();
    private final Map<String, Tx> transactions = new ConcurrentHashMap<>();
    /** A terminal's transactions by the checkout's external id: one each, as inCust keeps them. */
    private final Map<String, Tx> byExternalId = new ConcurrentHashMap<>();
    private final AtomicInteger nextCustomer = new AtomicInteger(2001);
    private final AtomicInteger nextTransaction = new AtomicInteger(1);

    public SandboxIncust(Clock clock, SandboxSmsOutbox outbox,
                         @Value("${sandbox.incust.token-lifetime:PT10M}") Duration tokenLifetime,
                         @Value("${sandbox.incust.refuse-reversals:false}") boolean refuseReversals) {
        this.clock = clock;
        this.outbox = outbox;
        this.tokenLifetime = tokenLifetime;
        this.refuseReversals = refuseReversals;
        for (SandboxData.DemoCustomer demo : SandboxData.CUSTOMERS) {
            Customer customer = new Customer(demo.id(), demo.phone(), demo.email(), demo.qr(), demo.card(),
                    demo.temporaryCode(), false, demo.bonusPoints(), demo.accounts(), demo.coupons());
            customer.name = demo.name();
            customers.put(customer.id, customer);
        }
    }

    Issued login(String login, String password) {
        SandboxData.Terminal terminal = SandboxData.TERMINALS.stream()
                .filter(t -> t.login().equals(login) && t.password().equals(password))
                .findFirst()
                .orElseThrow(() -> new Refused(401, "unauthorized", "Wrong terminal login or password"));
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        tokens.put(token, new Session(terminal, clock.instant().plus(tokenLifetime)));
        return new Issued(token, terminal);
    }

    SandboxData.Terminal terminal(String authorization) {
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        Session session = tokens.get(token);
        if (session == null || !session.expires().isAfter(clock.instant())) {
            throw new Unauthorized();
        }
        return session.terminal();
    }

    /** Lets a test or a curious newcomer see the client renew: every token issued so far expires now. */
    void expireTokens() {
        tokens.replaceAll((token, session) -> new Session(session.terminal(), clock.instant()));
    }

    List<Customer> search(String type, String value) {
        if (type == null || value == null) {
            throw new Refused(400, "invalid_request", "identifier is required");
        }
        return customers.values().stream().filter(c -> matches(c, type, value)).toList();
    }

    /** Phones compared by their digits, whatever the spaces, brackets and plus signs. */
    private static boolean matches(Customer customer, String type, String value) {
        return switch (type) {
            case "phone" -> !digits(value).isEmpty() && digits(value).equals(digits(customer.phone));
            case "email" -> value.equalsIgnoreCase(Objects.toString(customer.email, ""));
            case "qr" -> value.equals(customer.qr);
            case "card" -> value.equals(customer.card);
            case "temporary_code" -> value.equals(customer.temporaryCode);
            default -> throw new Refused(400, "invalid_request", "Unknown identifier type " + type);
        };
    }

    private static String digits(String text) {
        return text == null ? "" : text.replaceAll("\\D", "");
    }

    Customer register(String phone, String email) {
        if (phone == null && email == null) {
            throw new Refused(400, "invalid_request", "a phone or an email is required");
        }
        Customer customer = new Customer("c-" + nextCustomer.getAndIncrement(), phone, email, null, null, null, true,
                BigDecimal.ZERO.setScale(2), List.of(), List.of());
        customers.put(customer.id, customer);
        return customer;
    }

    Customer customer(String id) {
        Customer customer = customers.get(id);
        if (customer == null) {
            throw new Refused(404, "customer_not_found", "Customer not found");
        }
        return customer;
    }

    Customer updateProfile(String id, String name, String gender, String birthDate, String email) {
        Customer customer = customer(id);
        customer.name = Optional.ofNullable(name).orElse(customer.name);
        customer.gender = Optional.ofNullable(gender).orElse(customer.gender);
        customer.birthDate = Optional.ofNullable(birthDate).orElse(customer.birthDate);
        customer.email = Optional.ofNullable(email).orElse(customer.email);
        return customer;
    }

    Offer prepare(String customerId, BigDecimal amount, List<Item> items) {
        Customer customer = customer(customerId);
        BigDecimal total = amountOf(amount, items);
        BigDecimal maxRedeemable = customer.bonusPoints.min(total.multiply(REDEEMABLE_SHARE)).setScale(2, RoundingMode.DOWN);
        return new Offer(total, BigDecimal.ZERO.setScale(2), earnedOn(total), customer.bonusPoints, maxRedeemable,
                customer.coupons, total);
    }

    /**
     * The check with a redemption, calculated and not reserved: refused as the reservation would be; the coupon takes
     * its share off, the points the rest, and the guest earns on what is left to pay in money.
     */
    Offer prepare(String customerId, BigDecimal amount, List<Item> items, BigDecimal bonuses, List<String> coupons) {
        Customer customer = customer(customerId);
        Offer offer = prepare(customerId, amount, items);
        if (bonuses.signum() < 0) {
            throw new Refused(400, "invalid_request", "bonuses must not be negative");
        }
        if (bonuses.compareTo(offer.maxRedeemable()) > 0) {
            throw new Refused(422, "insufficient_bonuses",
                    "At most " + offer.maxRedeemable() + " bonus points can be redeemed on this check");
        }
        for (String coupon : coupons) {
            if (customer.coupons.stream().noneMatch(c -> c.code().equals(coupon))) {
                throw new Refused(422, "coupon_invalid", "Coupon " + coupon + " is not valid for this customer");
            }
        }
        BigDecimal discount = coupons.isEmpty() ? BigDecimal.ZERO.setScale(2)
                : offer.amount().multiply(COUPON_DISCOUNT).setScale(2, RoundingMode.HALF_UP);
        BigDecimal toPay = offer.amount().subtract(discount).subtract(bonuses).setScale(2, RoundingMode.HALF_UP);
        return new Offer(offer.amount(), discount, earnedOn(toPay), customer.bonusPoints, offer.maxRedeemable(),
                offer.coupons(), toPay);
    }

    synchronized Tx reserve(SandboxData.Terminal terminal, String externalId, String customerId, BigDecimal amount,
                            List<Item> items, BigDecimal bonuses, List<String> coupons) {
        if (externalId == null) {
            throw new Refused(400, "invalid_request", "external_id is required");
        }
        Tx existing = byExternalId.get(key(terminal.id(), externalId));
        if (existing != null) {
            return existing;
        }
        Customer customer = customer(customerId);
        Offer redeemed = prepare(customerId, amount, items, bonuses, coupons);
        Tx tx = new Tx("tx-" + nextTransaction.getAndIncrement(), terminal.id(), externalId, customer.id,
                redeemed.amount(), bonuses.setScale(2, RoundingMode.UNNECESSARY), redeemed.discount(),
                redeemed.amountToPay());
        boolean redeems = bonuses.signum() > 0 || !coupons.isEmpty();
        if (redeems && "always".equals(terminal.confirmation())) {
            tx.status = CONFIRMATION_REQUIRED;
            tx.attemptsLeft = CODE_ATTEMPTS;
            sendCode(tx, customer);
        } else {
            tx.status = RESERVED;
        }
        tx.createdAt = OffsetDateTime.now(clock);
        transactions.put(tx.id, tx);
        byExternalId.put(key(terminal.id(), externalId), tx);
        return tx;
    }

    /**
     * The terminal's transactions created in [{@code from}, {@code to}), oldest first, {@code size} a page after the
     * {@code cursor} (the number of transactions of the pages before).
     */
    synchronized List<Tx> between(SandboxData.Terminal terminal, OffsetDateTime from, OffsetDateTime to, int skip,
                                  int size) {
        return transactions.values().stream().filter(tx -> tx.terminalId.equals(terminal.id()))
                .filter(tx -> !tx.createdAt.isBefore(from) && tx.createdAt.isBefore(to))
                .sorted(java.util.Comparator.comparing((Tx tx) -> tx.createdAt)
                        .thenComparing(tx -> Integer.parseInt(tx.id.substring("tx-".length()))))
                .skip(skip).limit(size).toList();
    }

    synchronized Tx resend(SandboxData.Terminal terminal, String id) {
        Tx tx = transaction(terminal, id);
        requireStatus(tx, CONFIRMATION_REQUIRED);
        sendCode(tx, customer(tx.customerId));
        return tx;
    }

    synchronized Tx confirm(SandboxData.Terminal terminal, String id, String code) {
        Tx tx = transaction(terminal, id);
        requireStatus(tx, CONFIRMATION_REQUIRED);
        if (OffsetDateTime.now(clock).isAfter(tx.expiresAt)) {
            tx.status = CANCELLED;
            throw new Refused(422, "confirmation_code_expired", "The confirmation code has expired");
        }
        if (!tx.code.equals(code)) {
            tx.attemptsLeft--;
            if (tx.attemptsLeft <= 0) {
                tx.status = CANCELLED;
            }
            throw new Refused(422, "confirmation_code_invalid", "Wrong confirmation code, " + tx.attemptsLeft
                    + " attempts left");
        }
        tx.status = CONFIRMED;
        return tx;
    }

    synchronized Tx finalizeTransaction(SandboxData.Terminal terminal, String id, BigDecimal paidWithBonuses) {
        Tx tx = transaction(terminal, id);
        if (FINALIZED.equals(tx.status)) {
            return tx;
        }
        requireStatus(tx, RESERVED, CONFIRMED);
        BigDecimal paid = paidWithBonuses == null ? tx.redeemedBonuses : paidWithBonuses;
        if (paid.signum() < 0 || paid.compareTo(tx.redeemedBonuses) > 0) {
            throw new Refused(422, "insufficient_bonuses", "More bonuses paid than were reserved");
        }
        Customer customer = customer(tx.customerId);
        BigDecimal paidInMoney = tx.amountToPay.add(tx.redeemedBonuses).subtract(paid);
        tx.paidWithBonuses = paid;
        tx.bonusesAdded = earnedOn(paidInMoney);
        customer.bonusPoints = customer.bonusPoints.subtract(paid).add(tx.bonusesAdded);
        tx.status = FINALIZED;
        return tx;
    }

    /**
     * Part of a finalized sale returned, as the assumed contract says (docs/external-apis.md): the earned points in
     * proportion of the amount taken back and, with {@code returnRedeemed}, the redeemed points given back in the
     * same proportion, each rounded down and never more than is left; the return that completes the amount takes
     * exactly what is left, so a sale's returns add up to it. The same {@code externalId} again answers the
     * transaction as it is; more than the sale's amount is {@code return_exceeds_sale}.
     */
    synchronized Tx returnPart(SandboxData.Terminal terminal, String id, String externalId, BigDecimal amount,
                               boolean returnRedeemed) {
        Tx tx = transaction(terminal, id);
        if (externalId == null || amount == null || amount.signum() <= 0) {
            throw new Refused(400, "invalid_request", "external_id and a positive amount are required");
        }
        if (tx.returns.stream().anyMatch(done -> done.externalId().equals(externalId))) {
            return tx;
        }
        requireStatus(tx, FINALIZED);
        BigDecimal after = tx.returnedAmount.add(amount);
        if (after.compareTo(tx.amount) > 0) {
            throw new Refused(422, "return_exceeds_sale", "The returns would exceed the sale's amount "
                    + tx.amount.toPlainString());
        }
        boolean whole = after.compareTo(tx.amount) == 0;
        BigDecimal removed = share(tx.bonusesAdded, tx.bonusesRemoved(), amount, tx.amount, whole);
        BigDecimal returned = returnRedeemed ? share(tx.paidWithBonuses, tx.bonusesReturned(), amount, tx.amount,
                whole) : BigDecimal.ZERO.setScale(2);
        Customer customer = customer(tx.customerId);
        customer.bonusPoints = customer.bonusPoints.add(returned).subtract(removed);
        tx.returns.add(new Return(externalId, amount.setScale(2, RoundingMode.HALF_UP), returned, removed,
                OffsetDateTime.now(clock)));
        tx.returnedAmount = after.setScale(2, RoundingMode.HALF_UP);
        if (whole) {
            tx.status = RETURNED;
        }
        return tx;
    }

    /** {@code total} × amount ÷ sale, rounded down to 0.01, never more than is left; all that is left at the end. */
    private static BigDecimal share(BigDecimal total, BigDecimal taken, BigDecimal amount, BigDecimal sale,
                                    boolean last) {
        BigDecimal left = total.subtract(taken);
        if (last) {
            return left.setScale(2, RoundingMode.HALF_UP);
        }
        return total.multiply(amount).divide(sale, 2, RoundingMode.DOWN).min(left).setScale(2, RoundingMode.HALF_UP);
    }

    /** A reservation is released; a finalized sale is undone: the points spent come back, the points earned go. */
    synchronized Tx cancel(SandboxData.Terminal terminal, String id) {
        Tx tx = transaction(terminal, id);
        if (CANCELLED.equals(tx.status)) {
            return tx;
        }
        if (FINALIZED.equals(tx.status)) {
            if (refuseReversals) {
                throw new Refused(409, "transaction_state", "A finalized transaction cannot be cancelled");
            }
            Customer customer = customer(tx.customerId);
            customer.bonusPoints = customer.bonusPoints.add(tx.paidWithBonuses.subtract(tx.bonusesReturned()))
                    .subtract(tx.bonusesAdded.subtract(tx.bonusesRemoved()));
        }
        tx.status = CANCELLED;
        return tx;
    }

    Tx transaction(SandboxData.Terminal terminal, String id) {
        return findTransaction(terminal, id).orElseThrow(() -> new Refused(404, "transaction_not_found",
                "Transaction not found"));
    }

    /** The terminal's transaction of that id, if it has one. */
    Optional<Tx> findTransaction(SandboxData.Terminal terminal, String id) {
        return Optional.ofNullable(transactions.get(id)).filter(tx -> tx.terminalId.equals(terminal.id()));
    }

    List<Tx> byExternalId(SandboxData.Terminal terminal, String externalId) {
        return Optional.ofNullable(byExternalId.get(key(terminal.id(), externalId))).stream().toList();
    }

    /** The checkout's transactions (external id) on any terminal. */
    List<Tx> transactionsOf(String externalId) {
        return SandboxData.TERMINALS.stream().map(terminal -> byExternalId.get(key(terminal.id(), externalId)))
                .filter(Objects::nonNull).toList();
    }

    /** What the sandbox's inCust holds for a checkout (external id), for tests and a curious newcomer. */
    synchronized List<String> statusesOf(String externalId) {
        return transactionsOf(externalId).stream().map(tx -> tx.status).toList();
    }

    private static String key(String terminalId, String externalId) {
        return terminalId + '\n' + externalId;
    }

    synchronized BigDecimal bonusPointsOf(String customerId) {
        return customer(customerId).bonusPoints;
    }

    private void sendCode(Tx tx, Customer customer) {
        tx.code = String.format("%04d", random.nextInt(10_000));
        tx.expiresAt = OffsetDateTime.now(clock).plus(CODE_LIFETIME);
        outbox.send(customer.phone, tx.id, tx.code);
    }

    private static void requireStatus(Tx tx, String... allowed) {
        if (!List.of(allowed).contains(tx.status)) {
            throw new Refused(409, "transaction_state", "Transaction is " + tx.status);
        }
    }

    private static BigDecimal amountOf(BigDecimal amount, List<Item> items) {
        if (amount != null) {
            return amount.setScale(2, RoundingMode.HALF_UP);
        }
        return items.stream()
                .map(item -> item.amount() != null ? item.amount() : item.price().multiply(item.quantity()))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal earnedOn(BigDecimal paidInMoney) {
        return paidInMoney.multiply(EARNED_SHARE).setScale(2, RoundingMode.DOWN);
    }
}
