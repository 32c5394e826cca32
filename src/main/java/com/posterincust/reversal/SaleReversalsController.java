package com.posterincust.reversal;

import com.posterincust.checkout.CheckoutStatus;
import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators undo a completed sale in inCust (docs/http-api.md, "Admin API"). */
@RestController
@RequestMapping("/api/admin/v1/checkouts/{id}/reversal")
@SecurityRequirement(name = "basic")
public class SaleReversalsController {

    private final SaleReversalCommands reversals;
    private final SaleReversalRepository stored;

    public SaleReversalsController(SaleReversalCommands reversals, SaleReversalRepository stored) {
        this.reversals = reversals;
        this.stored = stored;
    }

    @Operation(summary = "Undo a completed sale in inCust: the guest's points spent come back, the points earned go")
    @PostMapping
    public ResponseEntity<Map<String, CheckoutStatus>> reverse(@PathVariable String id,
                                                               @RequestBody(required = false)
                                                               ReversalRequests.ReversalRequest request) {
        return ReversalRequests.answer(id, reversals.request(id, ReversalRequests.reasonOf(request),
                SaleReversal.RequestedBy.OPERATOR));
    }

    @Operation(summary = "The checkout's reversal: why, who asked, when, and how it ended")
    @GetMapping
    public SaleReversal get(@PathVariable String id) {
        return stored.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                "No reversal of checkout " + id));
    }
}
