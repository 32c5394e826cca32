package com.posterincust.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.authorization.IdentifiedGuests;
import com.posterincust.checkout.CheckoutModel.Offer;
import com.posterincust.checkout.CheckoutModel.Redemption;
import com.posterincust.checkout.CheckoutOutcome.Created;
import com.posterincust.checkout.CheckoutOutcome.Done;
import com.posterincust.checkout.CheckoutOutcome.Refusal;
import com.posterincust.checkout.CheckoutOutcome.Refused;
import com.posterincust.common.ProblemException;
import com.posterincust.incust.IncustApiException;
import com.posterincust.register.RegisterContext;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a register may do with its own checkouts (docs/http-api.md): which call fits which status, what a repeated
 * call answers, and the rules a register's choice must meet, each in one place. The engine work of every call is one
 * transaction of {@link CheckoutCommands} under the checkout's row lock, so calls on one checkout take turns.
 */
@Service
public class RegisterCheckouts {

    private static final Set<CheckoutStatus> RESERVED = EnumSet.of(CheckoutStatus.AWAITING_CONFIRMATION,
            CheckoutStatus.AWAITING_ORDER_CLOSE);
    private static final Set<CheckoutStatus> CONFIRMED = EnumSet.of(CheckoutStatus.AWAITING_ORDER_CLOSE,
            CheckoutStatus.FINALIZING, CheckoutStatus.COMPLETED);

    private final CheckoutCommands commands;
    private final CheckoutService service;
    private final CheckoutRepository checkouts;
    private final IdentifiedGuests guests;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;

    public RegisterCheckouts(CheckoutCommands commands, CheckoutService service, CheckoutRepository checkouts,
                             IdentifiedGuests guests, ObjectMapper json, TransactionTemplate transactions) {
        this.commands = commands;
        this.service = service;
        this.checkouts = checkouts;
        this.guests = guests;
        this.json = json;
        this.transactions = transactions;
    }

    /**
     * Starts the checkout of an order, or answers the one this register started with the same key and body. The key's
     * lookup, the guest's session and the start are one transaction: one commit, not three.
     */
    public CheckoutOutcome start(RegisterContext register, String idempotencyKey, CheckoutRequest request) {
        String hash = hash(request);
        try {
            return transactions.execute(status -> {
                Optional<Checkout> earlier = checkouts.findByIdempotencyKey(register.account(), register.tabletId(),
                        idempotencyKey);
                if (earlier.isPresent()) {
                    return repeated(earlier.get(), hash);
                }
                List<CheckoutModel.Item> items = request.validated(register.terminalCurrency());
                IdentifiedGuests.Guest guest = guestOf(register, request);
                return new Created(commands.start(new CheckoutCommands.NewCheckout(UUID.randomUUID().toString(),
                        register.account(), register.tabletId(), register.bindingId(), idempotencyKey, hash,
                        request.orderId(), blankToNull(request.transactionId()), guest.customerId(),
                        guest.posterClientId(), request.currency(), request.total().setScale(2), items)));
            });
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            return repeated(checkouts.findByIdempotencyKey(register.account(), register.tabletId(), idempotencyKey)
                    .orElseThrow(), hash);
        }
    }

    /**
     * The cashier's choice, checked against the offer before inCust is asked. A checkout no longer waiting for a
     * choice answers a repeat of the one it reserved with the same success.
     */
    public CheckoutOutcome redeem(RegisterContext register, String id, Redemption redemption) {
        return attempt(register, id, checkout -> {
            Optional<String> outsideTheOffer = outsideTheOffer(redemption, checkout.offer());
            if (outsideTheOffer.isPresent()) {
                return Refused.of(Refusal.REDEMPTION_REJECTED, outsideTheOffer.get());
            }
            Checkout reserved = commands.chooseRedemption(checkout, redemption);
            return reserved.status() == CheckoutStatus.AWAITING_REDEMPTION
                    ? Refused.of(Refusal.REDEMPTION_REJECTED, reserved.rejection() == null
                            ? "inCust refused the redemption" : reserved.rejection())
                    : new Done(reserved);
        }, checkout -> redemption.equals(checkout.redemption()) && RESERVED.contains(checkout.status())
                ? new Done(checkout) : Refused.wrongState(checkout));
    }

    /** What the choice on the cashier's screen comes to, checked as a redemption is; nothing is reserved. */
    public CheckoutOutcome preview(RegisterContext register, String id, Redemption redemption) {
        return ofRegister(register, id).map(checkout -> {
            if (checkout.status() != CheckoutStatus.AWAITING_REDEMPTION) {
                return Refused.wrongState(checkout);
            }
            Optional<String> outsideTheOffer = outsideTheOffer(redemption, checkout.offer());
            if (outsideTheOffer.isPresent()) {
                return Refused.of(Refusal.REDEMPTION_REJECTED, outsideTheOffer.get());
            }
            try {
                return (CheckoutOutcome) new CheckoutOutcome.Previewed(service.preview(checkout, redemption));
            } catch (IncustApiException refused) {
                return Refused.of(Refusal.REDEMPTION_REJECTED, refused.incustMessage());
            }
        }).orElseGet(() -> notFound(id));
    }

    public CheckoutOutcome confirm(RegisterContext register, String id, String code) {
        return attempt(register, id, checkout -> {
            Checkout checked = commands.confirm(checkout, code);
            return switch (checked.status()) {
                case AWAITING_ORDER_CLOSE -> new Done(checked);
                case AWAITING_CONFIRMATION -> new Refused(Refusal.WRONG_CODE,
                        "The code is not right; the customer may try again", checked,
                        checked.confirmation() == null ? null : checked.confirmation().attemptsLeft());
                default -> new Refused(Refusal.CONFIRMATION_EXPIRED, "The code expired or its attempts ran out; "
                        + "the checkout is cancelled and the reservation released", checked, null);
            };
        }, checkout -> checkout.confirmed() && CONFIRMED.contains(checkout.status()) ? new Done(checkout)
                : Refused.wrongState(checkout));
    }

    public CheckoutOutcome resendCode(RegisterContext register, String id) {
        return attempt(register, id, checkout -> new Done(commands.resendCode(checkout)), Refused::wrongState);
    }

    /**
     * The receipt is paid. Poster's webhook may have settled it first, at any moment before: the register is then
     * answered the current status, and what it reports is kept.
     */
    public CheckoutOutcome orderClosed(RegisterContext register, String id, String transactionId, BigDecimal payedBonus) {
        return attempt(register, id, checkout -> new Done(commands.receiptClosed(checkout, transactionId, payedBonus)),
                checkout -> checkout.status().receiptClosed()
                        ? new Done(commands.lateReport(checkout, blankToNull(transactionId), payedBonus))
                        : Refused.wrongState(checkout));
    }

    public CheckoutOutcome cancel(RegisterContext register, String id) {
        return attempt(register, id, checkout -> new Done(commands.cancel(checkout)), checkout -> switch (checkout.status()) {
            case COMPLETED -> new Refused(Refusal.ALREADY_COMPLETED,
                    "The checkout is completed; its receipt closed and inCust has the sale", checkout, null);
            case CANCELLED -> new Done(checkout);
            default -> Refused.wrongState(checkout);
        });
    }

    public CheckoutOutcome view(RegisterContext register, String id) {
        return ofRegister(register, id).<CheckoutOutcome>map(Done::new).orElseGet(() -> notFound(id));
    }

    /** A bonus or coupon the offer does not hold is refused here, without asking inCust. */
    static Optional<String> outsideTheOffer(Redemption redemption, Offer offer) {
        if (redemption.bonusPoints().compareTo(offer.maxRedeemableBonus()) > 0) {
            return Optional.of("At most " + offer.maxRedeemableBonus() + " bonus points can be redeemed on this check");
        }
        return redemption.couponCodes().stream()
                .filter(code -> offer.coupons().stream().noneMatch(coupon -> coupon.code().equals(code)))
                .findFirst().map(code -> "Coupon " + code + " is not offered on this check");
    }

    /**
     * The register's checkout, acted on under its row lock (a webhook or a second register call may touch it at
     * once). Whether the call fits is the model's to say: when the checkout waits for no such call, the call is
     * answered for the checkout as it now stands ({@code otherwise}, e.g. a repeat answered the same). A checkout
     * of another register is not found.
     */
    private CheckoutOutcome attempt(RegisterContext register, String id, Function<Checkout, CheckoutOutcome> act,
                                    Function<Checkout, CheckoutOutcome> otherwise) {
        try {
            return commands.locked(id, checkout -> ofRegister(register, checkout) ? act.apply(checkout) : notFound(id))
                    .orElseGet(() -> notFound(id));
        } catch (CheckoutCommands.WaitStateGone gone) {
            return commands.locked(id, otherwise).orElseGet(() -> notFound(id));
        }
    }

    private static boolean ofRegister(RegisterContext register, Checkout checkout) {
        return checkout.account().equals(register.account()) && checkout.tabletId().equals(register.tabletId());
    }

    private Optional<Checkout> ofRegister(RegisterContext register, String id) {
        return checkouts.findOfRegister(id, register.account(), register.tabletId());
    }

    private static Refused notFound(String id) {
        return Refused.of(Refusal.NOT_FOUND, "No checkout " + id + " at this register");
    }

    private static CheckoutOutcome repeated(Checkout earlier, String hash) {
        return earlier.requestHash().equals(hash) ? new Done(earlier)
                : Refused.of(Refusal.IDEMPOTENCY_CONFLICT, "This Idempotency-Key was used for another checkout body");
    }

    /**
     * The session's guest; a bare inCust customer id only from a register whose binding allows it (Poster's client
     * then unknown).
     */
    private IdentifiedGuests.Guest guestOf(RegisterContext register, CheckoutRequest request) {
        if (request.customerId() != null && !request.customerId().isBlank()) {
            if (!register.customerIdWithoutSession()) {
                throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("customerId",
                        "is not accepted from this register: identify the guest with a customer session, or allow "
                                + "customerIdWithoutSession in its binding")));
            }
            return new IdentifiedGuests.Guest(request.customerId(), null);
        }
        return guests.ofSession(request.customerSessionId(), register.account(), register.tabletId())
                .orElseThrow(() -> ProblemException.invalidRequest(List.of(ProblemException.fieldError(
                        "customerSessionId", "is not an identified customer session of this register"))));
    }

    private String hash(CheckoutRequest request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
