package com.posterincust.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.authorization.CustomerSession;
import com.posterincust.authorization.CustomerSessionRepository;
import com.posterincust.authorization.CustomerSessionStatus;
import com.posterincust.checkout.CheckoutModel.Confirmation;
import com.posterincust.checkout.CheckoutModel.Offer;
import com.posterincust.checkout.CheckoutModel.Redemption;
import com.posterincust.checkout.CheckoutModel.Result;
import com.posterincust.common.Amounts;
import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import com.posterincust.register.RegisterContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Checkout at the register: register-api.md §1. A checkout is visible only to its register. */
@RestController
@RequestMapping("/api/register/v1/checkouts")
public class CheckoutsController {

    static final String IDEMPOTENCY_CONFLICT = "idempotency-conflict";
    static final String REDEMPTION_REJECTED = "redemption-rejected";
    static final String WRONG_CODE = "wrong-code";
    static final String CONFIRMATION_EXPIRED = "confirmation-expired";
    static final String ALREADY_COMPLETED = "already-completed";
    private static final int CONCURRENT_ATTEMPTS = 3;

    public record Created(String checkoutId, CheckoutStatus status, Offer offer) {
    }

    public record Step(CheckoutStatus status, Confirmation confirmation, Result result) {
    }

    /** {@code confirmation} is there while the code is awaited: a reloaded register app finds its window again. */
    public record View(String checkoutId, CheckoutStatus status, Offer offer, Result result, Confirmation confirmation,
                       String orderId, String transactionId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static View of(Checkout c) {
            return new View(c.id(), c.status(), c.offer(), c.result(),
                    c.status() == CheckoutStatus.AWAITING_CONFIRMATION ? c.confirmation() : null, c.orderId(),
                    c.transactionId(), c.createdAt(), c.updatedAt());
        }
    }

    public record RedemptionRequest(BigDecimal bonusPoints, List<String> couponCodes) {
    }

    public record CodeRequest(String code) {
        @Override
        public String toString() {
            return "CodeRequest[***]";
        }
    }

    public record OrderClosedRequest(String transactionId, BigDecimal payedBonus, BigDecimal total) {
    }

    private final CheckoutCommands commands;
    private final CheckoutRepository checkouts;
    private final CustomerSessionRepository sessions;
    private final ObjectMapper json;

    public CheckoutsController(CheckoutCommands commands, CheckoutRepository checkouts,
                               CustomerSessionRepository sessions, ObjectMapper json) {
        this.commands = commands;
        this.checkouts = checkouts;
        this.sessions = sessions;
        this.json = json;
    }

    @Operation(summary = "Start a checkout at Pay: the offer of what the customer may redeem")
    @PostMapping
    public ResponseEntity<Created> create(@Parameter(hidden = true) RegisterContext register,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                          @RequestBody(required = false) CheckoutRequest request) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("Idempotency-Key",
                    "header is required (the register's order id), at most 200 characters")));
        }
        if (request == null) {
            throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("body", "is required")));
        }
        String hash = hash(request);
        var earlier = checkouts.findByIdempotencyKey(register.account(), register.tabletId(), key);
        if (earlier.isPresent()) {
            return repeated(earlier.get(), hash);
        }
        List<CheckoutModel.Item> items = request.validated(register.terminalCurrency());
        String customerId = customerOf(register, request);
        String checkoutId = UUID.randomUUID().toString();
        Checkout started;
        try {
            started = commands.start(new CheckoutCommands.NewCheckout(checkoutId, register.account(), register.tabletId(),
                    register.bindingId(), key, hash, request.orderId(), blankToNull(request.transactionId()), customerId,
                    request.currency(), request.total().setScale(2), items));
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            return repeated(checkouts.findByIdempotencyKey(register.account(), register.tabletId(), key).orElseThrow(), hash);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(started.id(), started.status(), started.offer()));
    }

    @Operation(summary = "The cashier's redemption choice ({} = none): reserves in inCust")
    @PostMapping("/{id}/redemption")
    public ResponseEntity<Step> redemption(@Parameter(hidden = true) RegisterContext register, @PathVariable String id,
                                           @RequestBody(required = false) RedemptionRequest request) {
        Checkout checkout = ofRegister(register, id);
        Redemption redemption = redemption(request);
        if (checkout.status() != CheckoutStatus.AWAITING_REDEMPTION) {
            if (redemption.equals(checkout.redemption()) && (checkout.status() == CheckoutStatus.AWAITING_CONFIRMATION
                    || checkout.status() == CheckoutStatus.AWAITING_ORDER_CLOSE)) {
                return ResponseEntity.ok(step(checkout));
            }
            throw wrongState(checkout);
        }
        checkAgainstOffer(redemption, checkout.offer());
        Checkout reserved = withRetries(() -> commands.chooseRedemption(id, redemption));
        if (reserved.status() == CheckoutStatus.AWAITING_REDEMPTION) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, REDEMPTION_REJECTED,
                    reserved.rejection() == null ? "inCust refused the redemption" : reserved.rejection());
        }
        return ResponseEntity.ok(step(reserved));
    }

    @Operation(summary = "The code the customer received")
    @PostMapping("/{id}/confirmation")
    public ResponseEntity<Step> confirmation(@Parameter(hidden = true) RegisterContext register, @PathVariable String id,
                                             @RequestBody(required = false) CodeRequest request) {
        if (request == null || request.code() == null || !request.code().matches("\\d{4,8}")) {
            throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("code", "must be 4 to 8 digits")));
        }
        Checkout checkout = ofRegister(register, id);
        if (checkout.status() != CheckoutStatus.AWAITING_CONFIRMATION) {
            if (checkout.confirmed() && Set.of(CheckoutStatus.AWAITING_ORDER_CLOSE, CheckoutStatus.FINALIZING,
                    CheckoutStatus.COMPLETED).contains(checkout.status())) {
                return ResponseEntity.ok(step(checkout));
            }
            throw wrongState(checkout);
        }
        Checkout checked = withRetries(() -> commands.confirm(id, request.code()));
        switch (checked.status()) {
            case AWAITING_ORDER_CLOSE:
                return ResponseEntity.ok(step(checked));
            case AWAITING_CONFIRMATION:
                ProblemException wrong = new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, WRONG_CODE,
                        "The code is not right; the customer may try again");
                wrong.problem().setProperty("attemptsLeft", checked.confirmation() == null ? null
                        : checked.confirmation().attemptsLeft());
                throw wrong;
            default:
                throw new ProblemException(HttpStatus.GONE, CONFIRMATION_EXPIRED,
                        "The code expired or its attempts ran out; the checkout is cancelled and the reservation released");
        }
    }

    @Operation(summary = "Send the customer a new code")
    @PostMapping("/{id}/confirmation/resend")
    public ResponseEntity<Step> resend(@Parameter(hidden = true) RegisterContext register, @PathVariable String id) {
        Checkout checkout = ofRegister(register, id);
        if (checkout.status() != CheckoutStatus.AWAITING_CONFIRMATION) {
            throw wrongState(checkout);
        }
        return ResponseEntity.accepted().body(step(withRetries(() -> commands.resendCode(id))));
    }

    @Operation(summary = "The receipt was paid at the register")
    @PostMapping("/{id}/order-closed")
    public ResponseEntity<Map<String, CheckoutStatus>> orderClosed(@Parameter(hidden = true) RegisterContext register,
                                                                   @PathVariable String id,
                                                                   @RequestBody(required = false) OrderClosedRequest request) {
        OrderClosedRequest closed = request == null ? new OrderClosedRequest(null, null, null) : request;
        if (closed.transactionId() != null && !closed.transactionId().matches("\\d{1,20}")) {
            throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("transactionId",
                    "must be the digits of a Poster receipt id")));
        }
        if (closed.payedBonus() != null && !Amounts.isValid(closed.payedBonus())) {
            throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("payedBonus", Amounts.RULE)));
        }
        Checkout checkout = ofRegister(register, id);
        Set<CheckoutStatus> afterClose = Set.of(CheckoutStatus.FINALIZING, CheckoutStatus.COMPLETED);
        if (afterClose.contains(checkout.status())) {
            Checkout late = commands.receiptClosed(id, blankToNull(closed.transactionId()), closed.payedBonus(), "REGISTER");
            return ResponseEntity.accepted().body(Map.of("status", late.status()));
        }
        if (checkout.status() != CheckoutStatus.AWAITING_ORDER_CLOSE) {
            throw wrongState(checkout);
        }
        Checkout after = withRetries(() -> commands.receiptClosed(id, blankToNull(closed.transactionId()),
                closed.payedBonus(), "REGISTER"));
        return ResponseEntity.accepted().body(Map.of("status", after.status()));
    }

    @Operation(summary = "Cancel the checkout and release any reservation")
    @PostMapping("/{id}/cancel")
    public ResponseEntity<Map<String, CheckoutStatus>> cancel(@Parameter(hidden = true) RegisterContext register,
                                                              @PathVariable String id) {
        Checkout checkout = ofRegister(register, id);
        if (checkout.status() == CheckoutStatus.COMPLETED) {
            ProblemException completed = new ProblemException(HttpStatus.CONFLICT, ALREADY_COMPLETED,
                    "The checkout is completed; its receipt closed and inCust has the sale");
            completed.problem().setProperty("status", CheckoutStatus.COMPLETED.name());
            throw completed;
        }
        if (checkout.status() == CheckoutStatus.CANCELLED) {
            return ResponseEntity.ok(Map.of("status", CheckoutStatus.CANCELLED));
        }
        if (checkout.status() == CheckoutStatus.FINALIZING || checkout.status() == CheckoutStatus.EXPIRED) {
            throw wrongState(checkout);
        }
        return ResponseEntity.ok(Map.of("status", withRetries(() -> commands.cancel(id)).status()));
    }

    @Operation(summary = "The checkout as it stands")
    @GetMapping("/{id}")
    public View get(@Parameter(hidden = true) RegisterContext register, @PathVariable String id) {
        return View.of(ofRegister(register, id));
    }

    private ResponseEntity<Created> repeated(Checkout earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new ProblemException(HttpStatus.CONFLICT, IDEMPOTENCY_CONFLICT,
                    "This Idempotency-Key was used for another checkout body");
        }
        return ResponseEntity.ok(new Created(earlier.id(), earlier.status(), earlier.offer()));
    }

    private String customerOf(RegisterContext register, CheckoutRequest request) {
        if (request.customerId() != null && !request.customerId().isBlank()) {
            if (!register.customerIdWithoutSession()) {
                throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("customerId",
                        "is not accepted from this register: identify the guest with a customer session, or allow "
                                + "customerIdWithoutSession in its binding")));
            }
            return request.customerId();
        }
        CustomerSession session = sessions.findOfRegister(request.customerSessionId(), register.account(),
                register.tabletId()).filter(s -> s.status() == CustomerSessionStatus.IDENTIFIED)
                .orElseThrow(() -> ProblemException.invalidRequest(List.of(ProblemException.fieldError(
                        "customerSessionId", "is not an identified customer session of this register"))));
        return session.customerId();
    }

    private static Redemption redemption(RedemptionRequest request) {
        BigDecimal bonus = request == null || request.bonusPoints() == null ? BigDecimal.ZERO.setScale(2)
                : request.bonusPoints();
        if (!Amounts.isValid(bonus)) {
            throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("bonusPoints", Amounts.RULE)));
        }
        List<String> coupons = request == null || request.couponCodes() == null ? List.of()
                : request.couponCodes().stream().distinct().toList();
        return new Redemption(bonus.setScale(2), coupons);
    }

    private static void checkAgainstOffer(Redemption redemption, Offer offer) {
        if (redemption.bonusPoints().compareTo(offer.maxRedeemableBonus()) > 0) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, REDEMPTION_REJECTED,
                    "At most " + offer.maxRedeemableBonus() + " bonus points can be redeemed on this check");
        }
        for (String code : redemption.couponCodes()) {
            if (offer.coupons().stream().noneMatch(coupon -> coupon.code().equals(code))) {
                throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, REDEMPTION_REJECTED,
                        "Coupon " + code + " is not offered on this check");
            }
        }
    }

    private static Step step(Checkout checkout) {
        return checkout.status() == CheckoutStatus.AWAITING_CONFIRMATION
                ? new Step(checkout.status(), checkout.confirmation(), null)
                : new Step(checkout.status(), null, checkout.result());
    }

    private Checkout ofRegister(RegisterContext register, String id) {
        return checkouts.findOfRegister(id, register.account(), register.tabletId())
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                        "No checkout " + id + " at this register"));
    }

    /** A webhook or a second register call may touch the same checkout at once; the engine lets one win. */
    private static Checkout withRetries(java.util.function.Supplier<Checkout> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return command.get();
            } catch (CheckoutCommands.WaitStateGone gone) {
                throw wrongState(gone.checkout());
            } catch (OptimisticLockingException concurrent) {
                if (attempt == CONCURRENT_ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    static ProblemException wrongState(Checkout checkout) {
        ProblemException problem = new ProblemException(HttpStatus.CONFLICT, Problems.WRONG_STATE,
                "The checkout is " + checkout.status() + "; this call does not fit it");
        problem.problem().setProperty("status", checkout.status().name());
        return problem;
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
