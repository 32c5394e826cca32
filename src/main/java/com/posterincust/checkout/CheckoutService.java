package com.posterincust.checkout;

import com.posterincust.binding.Bindings;
import com.posterincust.checkout.CheckoutModel.Confirmation;
import com.posterincust.checkout.CheckoutModel.Coupon;
import com.posterincust.checkout.CheckoutModel.Offer;
import com.posterincust.checkout.CheckoutModel.Result;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.Loyalty;
import com.posterincust.poster.PosterReceipt;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The steps of the checkout process, callable without the engine. Every inCust write here is safe to repeat. */
@Service
public class CheckoutService {

    public enum CodeOutcome { CONFIRMED, WRONG, EXHAUSTED, EXPIRED }

    private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

    private final CheckoutRepository checkouts;
    private final Bindings bindings;
    private final IncustClient incust;
    private final PosterReceipts receipts;
    private final CheckoutSettings settings;
    private final UnknownOutcomes unknownOutcomes;
    private final Clock clock;

    public CheckoutService(CheckoutRepository checkouts, Bindings bindings,
                           IncustClient incust, PosterReceipts receipts,
                           CheckoutSettings settings, UnknownOutcomes unknownOutcomes, Clock clock) {
        this.checkouts = checkouts;
        this.bindings = bindings;
        this.incust = incust;
        this.receipts = receipts;
        this.settings = settings;
        this.unknownOutcomes = unknownOutcomes;
        this.clock = clock;
    }

    public Offer prepare(String checkoutId, String processInstanceId) {
        Checkout checkout = checkout(checkoutId);
        Loyalty.CheckResult calculated = incust.prepareCheck(terminal(checkout), check(checkout));
        Offer offer = new Offer(money(calculated.bonusPointsAvailable()), money(calculated.maxRedeemableBonuses()),
                calculated.applicableCoupons() == null ? List.of() : calculated.applicableCoupons().stream()
                        .map(c -> new Coupon(c.code(), c.title())).toList(),
                money(calculated.discountAmount()), money(calculated.bonusesToAdd()), money(calculated.amountToPay()));
        checkouts.saveOffer(checkoutId, offer, processInstanceId);
        log.info("Checkout {}: offer made, up to {} bonus points", checkoutId, offer.maxRedeemableBonus());
        return offer;
    }

    /**
     * What the guest would pay and earn with the redemption, from inCust's calculation of the check with it; nothing
     * is reserved. inCust's refusal (more points than the guest has, a coupon not valid) comes out as
     * {@link IncustApiException}.
     */
    public CheckoutModel.Preview preview(Checkout checkout, CheckoutModel.Redemption redemption) {
        Loyalty.CheckResult calculated = incust.prepareRedemption(terminal(checkout), check(checkout),
                new Loyalty.Redeem(redemption.bonusPoints(), redemption.couponCodes()));
        return new CheckoutModel.Preview(money(calculated.discountAmount()), money(calculated.bonusesToAdd()),
                money(calculated.amountToPay()));
    }

    /** What a reservation came to: inCust's transaction, or its refusal of the redemption (the reason kept). */
    public sealed interface Reservation {
        record Reserved(Loyalty.Transaction transaction) implements Reservation {
        }

        record Refused(String reason) implements Reservation {
        }
    }

    /**
     * Reserves the sale and the chosen redemption; inCust's refusal is kept for the register and answered. After an
     * attempt whose outcome stayed unknown (its answer timed out), inCust is asked first what it holds for the
     * checkout, and a reservation it made is taken instead of sending another.
     */
    public Reservation reserve(String checkoutId) {
        Checkout checkout = checkout(checkoutId);
        CheckoutModel.Redemption redemption = checkout.redemption();
        IncustCredentials terminal = terminal(checkout);
        Loyalty.Transaction transaction;
        try {
            transaction = heldAfterAnUnknownOutcome(terminal, checkoutId).orElseGet(() -> incust.reserve(terminal,
                    check(checkout), checkoutId, new Loyalty.Redeem(
                            redemption.bonusPoints() == null ? BigDecimal.ZERO : redemption.bonusPoints(),
                            redemption.couponCodes() == null ? List.of() : redemption.couponCodes())));
        } catch (IncustApiException refused) {
            checkouts.saveRejection(checkoutId, refused.incustMessage());
            log.info("Checkout {}: inCust refused the redemption ({})", checkoutId, refused.symbol());
            return new Reservation.Refused(refused.incustMessage());
        } catch (ExternalSystemUnavailableException unknown) {
            unknownOutcomes.record(checkoutId, UnknownOutcomes.RESERVE);
            throw unknown;
        }
        boolean confirmationRequired = transaction.confirmationRequired();
        checkouts.saveReservation(checkoutId, transaction.id(), money(transaction.redeemedBonuses()),
                new Result(money(transaction.redeemedBonuses()), money(transaction.discountAmount()),
                        money(transaction.amountToPay())),
                confirmationRequired ? confirmation(transaction) : null);
        log.info("Checkout {}: reserved as inCust transaction {}{}", checkoutId, transaction.id(),
                confirmationRequired ? ", waiting for the customer's code" : "");
        return new Reservation.Reserved(transaction);
    }

    private Optional<Loyalty.Transaction> heldAfterAnUnknownOutcome(IncustCredentials terminal, String checkoutId) {
        if (!unknownOutcomes.happened(checkoutId, UnknownOutcomes.RESERVE)) {
            return Optional.empty();
        }
        Optional<Loyalty.Transaction> held = incust.transactionsByExternalId(terminal, checkoutId).stream()
                .filter(Loyalty.Transaction::holds).findFirst();
        held.ifPresent(transaction -> log.info("Checkout {}: inCust holds reservation {} from an attempt whose answer "
                + "never came; taken, not sent again", checkoutId, transaction.id()));
        return held;
    }

    /** When the code stops working: inCust's word, or the configured fallback. */
    public OffsetDateTime codeExpiry(String checkoutId) {
        Confirmation confirmation = checkout(checkoutId).confirmation();
        return confirmation != null && confirmation.expiresAt() != null ? confirmation.expiresAt()
                : OffsetDateTime.now(clock).plus(settings.getCodeExpiryFallback());
    }

    public void resend(String checkoutId) {
        Checkout checkout = checkout(checkoutId);
        Loyalty.Transaction transaction = incust.resendConfirmation(terminal(checkout), checkout.incustTransactionId());
        checkouts.saveConfirmation(checkoutId, confirmation(transaction));
        log.info("Checkout {}: a new confirmation code was sent", checkoutId);
    }

    public CodeOutcome checkCode(String checkoutId, String code) {
        Checkout checkout = checkout(checkoutId);
        IncustCredentials terminal = terminal(checkout);
        CodeOutcome outcome;
        try {
            incust.confirm(terminal, checkout.incustTransactionId(), code);
            outcome = CodeOutcome.CONFIRMED;
        } catch (IncustApiException refused) {
            if (refused.is(IncustApiException.CONFIRMATION_CODE_EXPIRED)) {
                outcome = CodeOutcome.EXPIRED;
            } else {
                Loyalty.Transaction transaction = incust.transaction(terminal, checkout.incustTransactionId());
                outcome = outcomeOf(refused, transaction);
                if (outcome == CodeOutcome.WRONG) {
                    checkouts.saveConfirmation(checkoutId, confirmation(transaction));
                }
            }
        }
        if (outcome == CodeOutcome.CONFIRMED) {
            checkouts.markConfirmed(checkoutId);
        }
        log.info("Checkout {}: confirmation code {}", checkoutId, outcome);
        return outcome;
    }

    private static CodeOutcome outcomeOf(IncustApiException refused, Loyalty.Transaction transaction) {
        if (Loyalty.Transaction.CONFIRMED.equals(transaction.status())) {
            return CodeOutcome.CONFIRMED;
        }
        boolean attemptsLeft = transaction.confirmation() != null && transaction.confirmation().attemptsLeft() != null
                && transaction.confirmation().attemptsLeft() > 0;
        if (Loyalty.Transaction.CANCELLED.equals(transaction.status()) || !attemptsLeft) {
            return CodeOutcome.EXHAUSTED;
        }
        if (refused.is(IncustApiException.CONFIRMATION_CODE_INVALID)) {
            return CodeOutcome.WRONG;
        }
        throw refused;
    }

    /** What Poster's receipt shows as paid with bonuses, next to what the register reported. */
    public void recordClosedReceipt(String checkoutId) {
        Checkout checkout = checkout(checkoutId);
        receipt(checkout).ifPresent(receipt -> checkouts.savePosterBonus(checkoutId, receipt.payedBonus()));
    }

    public PosterReceipt.State readReceipt(String checkoutId) {
        Checkout checkout = checkout(checkoutId);
        Optional<PosterReceipt> receipt = receipt(checkout);
        PosterReceipt.State state = receipt.map(PosterReceipt::state).orElse(PosterReceipt.State.OPEN);
        if (state == PosterReceipt.State.CLOSED) {
            checkouts.savePosterBonus(checkoutId, receipt.get().payedBonus());
        }
        log.info("Checkout {}: Poster says the receipt is {}", checkoutId, receipt.isPresent() ? state : "unknown");
        return state;
    }

    /**
     * The register named receipt {@code named} after Poster's webhook settled the checkout with another on evidence
     * (the same guest may pay two orders at one register). The register's word is the receipt when Poster shows it
     * closed: before the sale is finalized the checkout becomes that receipt's; once finalized, operators are told
     * (the checkout's bonus check and the log), as nothing can be finalized again.
     */
    public void registerNamedAnotherReceipt(Checkout checkout, String named, BigDecimal reported) {
        Optional<PosterReceipt> receipt = receipts.read(checkout.account(), named);
        if (receipt.isEmpty() || receipt.get().state() != PosterReceipt.State.CLOSED) {
            log.info("Checkout {}: the register named receipt {}, which Poster does not show closed; receipt {} stands",
                    checkout.id(), named, checkout.transactionId());
            return;
        }
        if (checkout.finalizedBonus() == null) {
            checkouts.correctReceipt(checkout.id(), named, reported, receipt.get().payedBonus());
            log.info("Checkout {}: receipt {} in place of {}, as the register named it and Poster shows it closed",
                    checkout.id(), named, checkout.transactionId());
            return;
        }
        String note = "The register named receipt " + named + ", closed in Poster, after the sale was finalized "
                + "with receipt " + checkout.transactionId() + ", which Poster's webhook matched by guest and bonus: "
                + "compare both receipts with inCust's sale " + checkout.incustTransactionId();
        checkouts.addBonusCheck(checkout.id(), note);
        log.warn("Checkout {}: {}", checkout.id(), note);
    }

    /**
     * Finalizes with the bonus the receipt paid as the evidence supports ({@link BonusEvidence}), never more than was
     * reserved. Safe to repeat.
     *
     * @return what was decided, with the note for operators when the register and Poster disagreed
     */
    public BonusEvidence finalizeSale(String checkoutId) {
        Checkout checkout = checkouts.lock(checkoutId).orElseThrow(() -> new IllegalStateException("No checkout "
                + checkoutId));
        BonusEvidence evidence = BonusEvidence.of(checkout.payedBonus(), checkout.posterPayedBonus(), checkout.covered());
        checkouts.saveFinalization(checkoutId, evidence);
        BigDecimal paid = evidence.amount();
        IncustCredentials terminal = terminal(checkout);
        // a background step may run again after an unknown outcome (inCust's answer timed out, a node died mid-call):
        // inCust's state is asked first, so a finalize is sent once, whatever inCust does with a second one
        if (Loyalty.Transaction.FINALIZED.equals(incust.transaction(terminal, checkout.incustTransactionId()).status())) {
            log.info("Checkout {}: inCust has the sale finalized already, by an attempt whose answer never came",
                    checkoutId);
            return evidence;
        }
        incust.finalizeTransaction(terminal, checkout.incustTransactionId(),
                checkout.transactionId() != null ? checkout.transactionId() : checkout.orderId(), paid);
        log.info("Checkout {}: finalized in inCust with {} paid in bonus points{}", checkoutId, paid,
                evidence.check() == null ? "" : " (" + evidence.check() + ")");
        return evidence;
    }

    /**
     * Cancels what inCust holds for the checkout; a reservation inCust already cancelled or never made is released
     * already. When the checkout never learnt of a reservation (inCust's answer was lost, or the service stopped
     * before it was stored), inCust may hold one all the same: it is looked up by the checkout's external id.
     */
    public void release(String checkoutId) {
        Checkout checkout = checkout(checkoutId);
        IncustCredentials terminal = terminal(checkout);
        if (checkout.incustTransactionId() != null) {
            cancel(terminal, checkout.incustTransactionId());
            log.info("Checkout {}: reservation {} released", checkoutId, checkout.incustTransactionId());
            return;
        }
        for (Loyalty.Transaction unknown : incust.transactionsByExternalId(terminal, checkoutId)) {
            if (unknown.holds()) {
                cancel(terminal, unknown.id());
                log.info("Checkout {}: reservation {}, whose answer never reached the checkout, released", checkoutId,
                        unknown.id());
            }
        }
    }

    /** inCust's state first (as for the finalize): a cancel is sent once; one inCust does not know is released. */
    private void cancel(IncustCredentials terminal, String transactionId) {
        try {
            if (!Loyalty.Transaction.CANCELLED.equals(incust.transaction(terminal, transactionId).status())) {
                incust.cancel(terminal, transactionId);
            }
        } catch (IncustApiException refused) {
            if (!refused.is(IncustApiException.TRANSACTION_NOT_FOUND)) {
                throw refused;
            }
        }
    }

    private Optional<PosterReceipt> receipt(Checkout checkout) {
        if (checkout.transactionId() == null) {
            return Optional.empty();
        }
        return receipts.read(checkout.account(), checkout.transactionId());
    }

    private static Loyalty.Check check(Checkout checkout) {
        return new Loyalty.Check(checkout.customerId(), checkout.currency(), checkout.total(), checkout.items().stream()
                .map(item -> new Loyalty.CheckItem(item.incustCode(), item.name(), item.count(), item.price(),
                        item.count().multiply(item.price()).setScale(2, RoundingMode.HALF_UP)))
                .toList());
    }

    private static Confirmation confirmation(Loyalty.Transaction transaction) {
        Loyalty.Confirmation confirmation = transaction.confirmation();
        return confirmation == null ? null : new Confirmation(
                confirmation.channel() == null ? "PHONE" : confirmation.channel().toUpperCase(Locale.ROOT),
                confirmation.expiresAt(), confirmation.attemptsLeft());
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
    }

    private Checkout checkout(String checkoutId) {
        return checkouts.find(checkoutId).orElseThrow(() -> new IllegalStateException("No checkout " + checkoutId));
    }

    private IncustCredentials terminal(Checkout checkout) {
        return bindings.credentials(checkout.bindingId());
    }
}
