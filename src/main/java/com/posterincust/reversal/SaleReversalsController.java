package com.posterincust.reversal;

import com.posterincust.checkout.CheckoutStatus;
import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
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

    static final int LONGEST_REASON = 500;

    public record ReversalRequest(String reason) {

        public ReversalRequest validated() {
            if (reason == null || reason.isBlank()) {
                throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("reason",
                        "must say why the sale is reversed")));
            }
            if (reason.length() > LONGEST_REASON) {
                throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("reason",
                        "must be at most " + LONGEST_REASON + " characters")));
            }
            return new ReversalRequest(reason.strip());
        }
    }

    private final SaleReversalCommands reversals;
    private final SaleReversalRepository stored;

    public SaleReversalsController(SaleReversalCommands reversals, SaleReversalRepository stored) {
        this.reversals = reversals;
        this.stored = stored;
    }

    @Operation(summary = "Undo a completed sale in inCust: the guest's points spent come back, the points earned go")
    @PostMapping
    public ResponseEntity<Map<String, CheckoutStatus>> reverse(@PathVariable String id,
                                                               @RequestBody(required = false) ReversalRequest request) {
        String reason = (request == null ? new ReversalRequest(null) : request).validated().reason();
        return answer(id, reversals.request(id, reason, SaleReversal.RequestedBy.OPERATOR));
    }

    /** What a request for a reversal answers, whoever asked: 202 with the status, 409 with it, or 404. */
    public static ResponseEntity<Map<String, CheckoutStatus>> answer(String id, SaleReversalCommands.Requested requested) {
        if (requested instanceof SaleReversalCommands.Requested.Started started) {
            return ResponseEntity.accepted().body(Map.of("status", started.checkout().status()));
        }
        if (requested instanceof SaleReversalCommands.Requested.Repeated repeated) {
            return ResponseEntity.accepted().body(Map.of("status", repeated.checkout().status()));
        }
        if (requested instanceof SaleReversalCommands.Requested.WrongState wrong) {
            ProblemException problem = new ProblemException(HttpStatus.CONFLICT, Problems.WRONG_STATE, wrong.detail());
            problem.problem().setProperty("status", wrong.checkout().status().name());
            throw problem;
        }
        throw new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "No checkout " + id);
    }

    @Operation(summary = "The checkout's reversal: why, who asked, when, and how it ended")
    @GetMapping
    public SaleReversal get(@PathVariable String id) {
        return stored.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                "No reversal of checkout " + id));
    }
}
