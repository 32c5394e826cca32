package com.posterincust.reversal;

import com.posterincust.common.ProblemException;
import com.posterincust.common.RegisterRequests;
import com.posterincust.common.Problems;
import com.posterincust.register.RegisterContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A register reports a fiscal return of part of a receipt (docs/http-api.md, "Returns"). */
@RestController
@RequestMapping("/api/register/v1/returns")
public class ReturnsController {

    static final int MOST_PRODUCTS = 200;
    static final String RETURN_REJECTED = "return-rejected";

    public record ReturnedProduct(String productId, String modificationId, BigDecimal count) {
    }

    public record ReturnRequest(String transactionId, String orderId, List<ReturnedProduct> products) {

        List<SaleReturn.Product> validated() {
            List<Map<String, String>> errors = new ArrayList<>();
            if (transactionId == null || !transactionId.matches("\\d{1,20}")) {
                errors.add(ProblemException.fieldError("transactionId", "is required: the receipt's id in Poster"));
            }
            if (products == null || products.isEmpty() || products.size() > MOST_PRODUCTS) {
                errors.add(ProblemException.fieldError("products", "must name 1 to " + MOST_PRODUCTS
                        + " returned products"));
            } else {
                for (int i = 0; i < products.size(); i++) {
                    ReturnedProduct product = products.get(i);
                    if (product == null || product.productId() == null || !product.productId().matches("\\d{1,20}")
                            || product.count() == null || product.count().signum() <= 0
                            || product.count().scale() > 3 || product.count().compareTo(BigDecimal.valueOf(100_000)) > 0
                            || (product.modificationId() != null && !product.modificationId().matches("\\d{0,20}"))) {
                        errors.add(ProblemException.fieldError("products[" + i + "]", "needs a productId and a "
                                + "positive count (modificationId, when given, digits)"));
                    }
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalidRequest(errors);
            }
            return products.stream().map(product -> new SaleReturn.Product(product.productId(),
                    product.modificationId() == null || product.modificationId().isBlank()
                            || product.modificationId().equals("0") ? null : product.modificationId(),
                    product.count())).toList();
        }
    }

    /** A return as the register is answered it; the points once inCust applied it. */
    public record ReturnView(String returnId, String checkoutId, SaleReturn.Status status, BigDecimal amount,
                             BigDecimal bonusPointsReturned, BigDecimal bonusPointsRemoved, OffsetDateTime createdAt) {

        static ReturnView of(SaleReturn found) {
            return new ReturnView(found.id(), found.checkoutId(), found.status(), found.amount(),
                    found.bonusPointsReturned(), found.bonusPointsRemoved(), found.createdAt());
        }
    }

    private final SaleReturnCommands commands;
    private final SaleReturnRepository returns;

    public ReturnsController(SaleReturnCommands commands, SaleReturnRepository returns) {
        this.commands = commands;
        this.returns = returns;
    }

    @Operation(summary = "A fiscal return of some items of a receipt: that part of the loyalty sale returned in inCust")
    @PostMapping
    public ResponseEntity<Object> report(@Parameter(hidden = true) RegisterContext register,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         @RequestBody(required = false) ReturnRequest request) {
        RegisterRequests.idempotencyKey(key, "once per return event");
        RegisterRequests.body(request);
        List<SaleReturn.Product> products = request.validated();
        SaleReturnCommands.Reported reported = commands.report(new SaleReturnCommands.Report(register.account(),
                register.tabletId(), key, request.transactionId(), products));
        if (reported instanceof SaleReturnCommands.Reported.Accepted accepted) {
            return ResponseEntity.accepted().body(ReturnView.of(accepted.saleReturn()));
        }
        if (reported instanceof SaleReturnCommands.Reported.NotALoyaltySale) {
            return ResponseEntity.ok(Map.of("status", "NOT_A_LOYALTY_SALE"));
        }
        if (reported instanceof SaleReturnCommands.Reported.Rejected rejected) {
            ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, RETURN_REJECTED,
                    "More is returned than is left of the sale: nothing was returned");
            problem.setProperty("errors", rejected.errors());
            return ResponseEntity.unprocessableEntity().body(problem);
        }
        if (reported instanceof SaleReturnCommands.Reported.WrongState wrong) {
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, Problems.WRONG_STATE,
                    "The sale of this receipt is " + wrong.status() + ": nothing is left to return");
            problem.setProperty("status", wrong.status());
            return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
        }
        throw new ProblemException(HttpStatus.CONFLICT, Problems.IDEMPOTENCY_CONFLICT,
                "This Idempotency-Key was used for another return");
    }

    @Operation(summary = "A return reported by a register of this account: its points once inCust applied it")
    @GetMapping("/{returnId}")
    public ReturnView get(@Parameter(hidden = true) RegisterContext register, @PathVariable String returnId) {
        return returns.find(returnId).filter(found -> found.account().equals(register.account()))
                .map(ReturnView::of).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                        "No return " + returnId + " of this account"));
    }
}
