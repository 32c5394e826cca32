package com.posterincust.checkout;

import com.posterincust.checkout.CheckoutModel.Confirmation;
import com.posterincust.checkout.CheckoutModel.Offer;
import com.posterincust.checkout.CheckoutModel.Redemption;
import com.posterincust.checkout.CheckoutModel.Result;
import com.posterincust.checkout.CheckoutOutcome.Created;
import com.posterincust.checkout.CheckoutOutcome.Done;
import com.posterincust.checkout.CheckoutOutcome.Refused;
import com.posterincust.common.Amounts;
import com.posterincust.common.Ids;
import com.posterincust.common.ProblemException;
import com.posterincust.common.RegisterRequests;
import com.posterincust.common.Problems;
import com.posterincust.register.RegisterContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkout at the register: docs/http-api.md. Reads the request, asks {@link RegisterCheckouts}, and answers its
 * outcome in HTTP; what fits which status and what a repeated call answers is decided there.
 */
@RestController
@RequestMapping("/api/register/v1/checkouts")
public class CheckoutsController {

    public record CreatedView(String checkoutId, CheckoutStatus status, Offer offer) {
    }

    public record Step(CheckoutStatus status, Confirmation confirmation, Result result) {
        static Step of(Checkout checkout) {
            return checkout.status() == CheckoutStatus.AWAITING_CONFIRMATION
                    ? new Step(checkout.status(), checkout.confirmation(), null)
                    : new Step(checkout.status(), null, checkout.result());
        }
    }

    /** {@code confirmation} is there while the code is awaited: a reloaded register app finds its window again. */
    public record View(String checkoutId, CheckoutStatus status, Offer offer, Result result, Confirmation confirmation,
                       String orderId, String transactionId, List<CheckoutReturns.ReturnView> returns,
                       BigDecimal returnedAmount, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static View of(Checkout c, List<CheckoutReturns.ReturnView> returns) {
            return new View(c.id(), c.status(), c.offer(), c.result(),
                    c.status() == CheckoutStatus.AWAITING_CONFIRMATION ? c.confirmation() : null, c.orderId(),
                    c.transactionId(), returns, CheckoutReturns.returnedAmount(returns), c.createdAt(),
                    c.updatedAt());
        }
    }

    public record RedemptionRequest(BigDecimal bonusPoints, List<String> couponCodes) {
        Redemption validated() {
            BigDecimal bonus = bonusPoints == null ? BigDecimal.ZERO.setScale(2) : bonusPoints;
            if (!Amounts.isValid(bonus)) {
                throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("bonusPoints", Amounts.RULE)));
            }
            return new Redemption(bonus.setScale(2), couponCodes == null ? List.of()
                    : couponCodes.stream().distinct().toList());
        }
    }

    public record CodeRequest(String code) {
        String validated() {
            if (code == null || !code.matches("\\d{4,8}")) {
                throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("code", "must be 4 to 8 digits")));
            }
            return code;
        }

        @Override
        public String toString() {
            return "CodeRequest[***]";
        }
    }

    public record OrderClosedRequest(String transactionId, BigDecimal payedBonus) {
        OrderClosedRequest validated() {
            if (transactionId != null && !transactionId.isBlank() && !Ids.isPosterNumber(transactionId)) {
                throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("transactionId",
                        "must be the digits of a Poster receipt id")));
            }
            if (payedBonus != null && !Amounts.isValid(payedBonus)) {
                throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("payedBonus", Amounts.RULE)));
            }
            return new OrderClosedRequest(transactionId == null || transactionId.isBlank() ? null : transactionId,
                    payedBonus);
        }
    }

    private final RegisterCheckouts checkouts;
    private final CheckoutReturns returns;

    public CheckoutsController(RegisterCheckouts checkouts, CheckoutReturns returns) {
        this.checkouts = checkouts;
        this.returns = returns;
    }

    @Operation(summary = "Start a checkout at Pay: the offer of what the customer may redeem")
    @PostMapping
    public ResponseEntity<CreatedView> create(@Parameter(hidden = true) RegisterContext register,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                              @RequestBody(required = false) CheckoutRequest request) {
        RegisterRequests.idempotencyKey(key, "the register's order id");
        RegisterRequests.body(request);
        CheckoutOutcome outcome = checkouts.start(register, key, request);
        HttpStatus status = outcome instanceof Created ? HttpStatus.CREATED : HttpStatus.OK;
        return answer(outcome, status, c -> new CreatedView(c.id(), c.status(), c.offer()));
    }

    @Operation(summary = "The cashier's redemption choice ({} = none): reserves in inCust")
    @PostMapping("/{id}/redemption")
    public ResponseEntity<Step> redemption(@Parameter(hidden = true) RegisterContext register, @PathVariable String id,
                                           @RequestBody(required = false) RedemptionRequest request) {
        Redemption redemption = (request == null ? new RedemptionRequest(null, null) : request).validated();
        return answer(checkouts.redeem(register, id, redemption), HttpStatus.OK, Step::of);
    }

    @Operation(summary = "What the guest would pay and earn with this choice, as inCust calculates it; reserves nothing")
    @PostMapping("/{id}/preview")
    public ResponseEntity<CheckoutModel.Preview> preview(@Parameter(hidden = true) RegisterContext register,
                                                        @PathVariable String id,
                                                        @RequestBody(required = false) RedemptionRequest request) {
        Redemption redemption = (request == null ? new RedemptionRequest(null, null) : request).validated();
        CheckoutOutcome outcome = checkouts.preview(register, id, redemption);
        if (outcome instanceof Refused refused) {
            throw problem(refused);
        }
        return ResponseEntity.ok(((CheckoutOutcome.Previewed) outcome).preview());
    }

    @Operation(summary = "The code the customer received")
    @PostMapping("/{id}/confirmation")
    public ResponseEntity<Step> confirmation(@Parameter(hidden = true) RegisterContext register, @PathVariable String id,
                                             @RequestBody(required = false) CodeRequest request) {
        String code = (request == null ? new CodeRequest(null) : request).validated();
        return answer(checkouts.confirm(register, id, code), HttpStatus.OK, Step::of);
    }

    @Operation(summary = "Send the customer a new code")
    @PostMapping("/{id}/confirmation/resend")
    public ResponseEntity<Step> resend(@Parameter(hidden = true) RegisterContext register, @PathVariable String id) {
        return answer(checkouts.resendCode(register, id), HttpStatus.ACCEPTED, Step::of);
    }

    @Operation(summary = "The receipt was paid at the register")
    @PostMapping("/{id}/order-closed")
    public ResponseEntity<Map<String, CheckoutStatus>> orderClosed(@Parameter(hidden = true) RegisterContext register,
                                                                   @PathVariable String id,
                                                                   @RequestBody(required = false) OrderClosedRequest request) {
        OrderClosedRequest closed = (request == null ? new OrderClosedRequest(null, null) : request).validated();
        return answer(checkouts.orderClosed(register, id, closed.transactionId(), closed.payedBonus()),
                HttpStatus.ACCEPTED, c -> Map.of("status", c.status()));
    }

    @Operation(summary = "Cancel the checkout and release any reservation")
    @PostMapping("/{id}/cancel")
    public ResponseEntity<Map<String, CheckoutStatus>> cancel(@Parameter(hidden = true) RegisterContext register,
                                                              @PathVariable String id) {
        return answer(checkouts.cancel(register, id), HttpStatus.OK, c -> Map.of("status", c.status()));
    }

    @Operation(summary = "The checkout as it stands")
    @GetMapping("/{id}")
    public ResponseEntity<View> get(@Parameter(hidden = true) RegisterContext register, @PathVariable String id) {
        return answer(checkouts.view(register, id), HttpStatus.OK, c -> View.of(c, returns.of(c.id())));
    }

    private static <T> ResponseEntity<T> answer(CheckoutOutcome outcome, HttpStatus status, Function<Checkout, T> body) {
        if (outcome instanceof Refused refused) {
            throw problem(refused);
        }
        Checkout checkout = outcome instanceof Created created ? created.checkout() : ((Done) outcome).checkout();
        return ResponseEntity.status(status).body(body.apply(checkout));
    }

    private static ProblemException problem(Refused refused) {
        ProblemException problem = switch (refused.refusal()) {
            case NOT_FOUND -> new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, refused.detail());
            case WRONG_STATE -> new ProblemException(HttpStatus.CONFLICT, Problems.WRONG_STATE, refused.detail());
            case IDEMPOTENCY_CONFLICT -> new ProblemException(HttpStatus.CONFLICT, Problems.IDEMPOTENCY_CONFLICT,
                    refused.detail());
            case REDEMPTION_REJECTED -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY,
                    Problems.REDEMPTION_REJECTED, refused.detail());
            case WRONG_CODE -> new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, Problems.WRONG_CODE,
                    refused.detail());
            case CONFIRMATION_EXPIRED -> new ProblemException(HttpStatus.GONE, Problems.CONFIRMATION_EXPIRED,
                    refused.detail());
            case ALREADY_COMPLETED -> new ProblemException(HttpStatus.CONFLICT, Problems.ALREADY_COMPLETED,
                    refused.detail());
        };
        if (refused.refusal() == CheckoutOutcome.Refusal.WRONG_CODE) {
            problem.problem().setProperty("attemptsLeft", refused.attemptsLeft());
        } else if (refused.checkout() != null) {
            problem.problem().setProperty("status", refused.checkout().status().name());
        }
        return problem;
    }
}
