package com.posterincust.reversal;

import com.posterincust.checkout.CheckoutStatus;
import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A reversal as the operators' admin API and the owner's page ask for one: the reason, checked the same way, and
 * the same answer whoever asked.
 */
public final class ReversalRequests {

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

    /** The reason of a request that may have no body. */
    public static String reasonOf(ReversalRequest request) {
        return (request == null ? new ReversalRequest(null) : request).validated().reason();
    }

    /** What a request for a reversal answers: 202 with the status, 409 with it, or 404. */
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

    private ReversalRequests() {
    }
}
