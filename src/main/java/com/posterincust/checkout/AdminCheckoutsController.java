package com.posterincust.checkout;

import com.posterincust.checkout.CheckoutModel.Result;
import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checkouts for operators (docs/http-api.md): stuck, reversing or reversed ones found without SQL, with the bonus
 * figures of the register, Poster's receipt and inCust side by side.
 */
@RestController
@RequestMapping("/api/admin/v1/checkouts")
@SecurityRequirement(name = "basic")
public class AdminCheckoutsController {

    static final int LARGEST_PAGE = 200;

    public record CheckoutSummary(String checkoutId, CheckoutStatus status, String account, String tabletId,
                                  String orderId, String transactionId, BigDecimal bonusToApply,
                                  BigDecimal reportedBonus, BigDecimal posterBonus, BigDecimal finalizedBonus,
                                  String bonusCheck, String incustTransactionId,
                                  List<CheckoutReturns.ReturnView> returns, BigDecimal returnedAmount,
                                  OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static CheckoutSummary of(Checkout c, List<CheckoutReturns.ReturnView> returns) {
            Result result = c.result();
            return new CheckoutSummary(c.id(), c.status(), c.account(), c.tabletId(), c.orderId(), c.transactionId(),
                    result == null ? null : result.bonusToApply(), c.payedBonus(), c.posterPayedBonus(),
                    c.finalizedBonus(), c.bonusCheck(), c.incustTransactionId(), returns,
                    CheckoutReturns.returnedAmount(returns), c.createdAt(), c.updatedAt());
        }
    }

    public record Page(List<CheckoutSummary> checkouts, int page, int size, boolean hasMore) {
    }

    private final CheckoutRepository checkouts;
    private final CheckoutReturns returns;

    public AdminCheckoutsController(CheckoutRepository checkouts, CheckoutReturns returns) {
        this.checkouts = checkouts;
        this.returns = returns;
    }

    @Operation(summary = "Checkouts, newest first, optionally of one status and account")
    @GetMapping
    public Page list(@RequestParam Optional<String> status, @RequestParam Optional<String> account,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<Map<String, String>> errors = new ArrayList<>();
        Optional<CheckoutStatus> wanted = Optional.empty();
        if (status.isPresent()) {
            try {
                wanted = Optional.of(CheckoutStatus.valueOf(status.get()));
            } catch (IllegalArgumentException unknown) {
                errors.add(ProblemException.fieldError("status", "must be one of "
                        + Arrays.toString(CheckoutStatus.values())));
            }
        }
        if (page < 0) {
            errors.add(ProblemException.fieldError("page", "must be 0 or more"));
        }
        if (size < 1 || size > LARGEST_PAGE) {
            errors.add(ProblemException.fieldError("size", "must be between 1 and " + LARGEST_PAGE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRequest(errors);
        }
        List<Checkout> found = checkouts.findForOperators(wanted, account, size + 1, (long) page * size);
        boolean hasMore = found.size() > size;
        List<Checkout> shown = found.stream().limit(size).toList();
        Map<String, List<CheckoutReturns.ReturnView>> returned = returns.ofAll(shown.stream().map(Checkout::id)
                .toList());
        return new Page(shown.stream().map(c -> CheckoutSummary.of(c, returned.getOrDefault(c.id(), List.of())))
                .toList(), page, size, hasMore);
    }

    @Operation(summary = "One checkout with its bonus figures")
    @GetMapping("/{id}")
    public CheckoutSummary get(@PathVariable String id) {
        return checkouts.find(id).map(c -> CheckoutSummary.of(c, returns.of(id))).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                Problems.NOT_FOUND, "No checkout " + id));
    }
}
