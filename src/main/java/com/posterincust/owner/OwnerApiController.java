package com.posterincust.owner;

import com.posterincust.binding.BindingCommands;
import com.posterincust.binding.BindingProblems;
import com.posterincust.checkout.CheckoutStatus;
import com.posterincust.common.Ids;
import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import com.posterincust.daycheck.DayCheck;
import com.posterincust.daycheck.DayCheckCommands;
import com.posterincust.daycheck.DayCheckViews;
import com.posterincust.reversal.SaleReversal;
import com.posterincust.reversal.SaleReversalCommands;
import com.posterincust.reversal.ReversalRequests;
import com.posterincust.reversal.ReversalRequests.ReversalRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calls of the owner's page (docs/owner.md), each of the account its credential names: another account's
 * register or checkout is not found, whatever id is sent.
 */
@RestController
@RequestMapping("/api/owner/v1")
public class OwnerApiController {

    static final int LONGEST_CREDENTIAL = 255;

    /** The terminal's login and password as the owner types them; never in an answer or a log. */
    public record TerminalLogin(String login, String password) {

        TerminalLogin validated() {
            List<Map<String, String>> errors = new ArrayList<>();
            check(errors, "login", login);
            check(errors, "password", password);
            if (!errors.isEmpty()) {
                throw ProblemException.invalidRequest(errors);
            }
            return this;
        }

        private static void check(List<Map<String, String>> errors, String field, String value) {
            if (value == null || value.isBlank()) {
                errors.add(ProblemException.fieldError(field, "is required"));
            } else if (value.length() > LONGEST_CREDENTIAL) {
                errors.add(ProblemException.fieldError(field, "must be at most " + LONGEST_CREDENTIAL + " characters"));
            }
        }

        @Override
        public String toString() {
            return "TerminalLogin[***]";
        }
    }

    private final OwnerAccount accounts;
    private final SaleReversalCommands reversals;
    private final DayCheckCommands dayChecks;
    private final DayCheckViews dayCheckViews;

    public OwnerApiController(OwnerAccount accounts, SaleReversalCommands reversals, DayCheckCommands dayChecks,
                              DayCheckViews dayCheckViews) {
        this.accounts = accounts;
        this.reversals = reversals;
        this.dayChecks = dayChecks;
        this.dayCheckViews = dayCheckViews;
    }

    @Operation(summary = "The account's registers, as Poster lists them, with their binding and connection")
    @GetMapping("/registers")
    public List<OwnerAccount.Register> registers(@Parameter(hidden = true) OwnerContext owner) {
        return accounts.registers(owner.account());
    }

    @Operation(summary = "Bind one of the account's registers to the inCust terminal this login opens")
    @PutMapping("/registers/{tabletId}/binding")
    public ResponseEntity<Object> bind(@Parameter(hidden = true) OwnerContext owner, @PathVariable String tabletId,
                                       @RequestBody(required = false) TerminalLogin request) {
        TerminalLogin login = (request == null ? new TerminalLogin(null, null) : request).validated();
        BindingCommands.BindingOutcome outcome = accounts.bind(owner.account(), tabletId, login.login(),
                login.password()).orElseThrow(() -> notFound(tabletId));
        if (outcome instanceof BindingCommands.BindingOutcome.Rejected rejected) {
            return ResponseEntity.unprocessableEntity().body(BindingProblems.problem(rejected.reasons()));
        }
        return ResponseEntity.ok(accounts.register(owner.account(), tabletId).orElseThrow(() -> notFound(tabletId)));
    }

    @Operation(summary = "Unbind one of the account's registers: it is no longer served")
    @DeleteMapping("/registers/{tabletId}/binding")
    public Map<String, String> unbind(@Parameter(hidden = true) OwnerContext owner, @PathVariable String tabletId) {
        if (!accounts.unbind(owner.account(), tabletId)) {
            throw new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                    "This account has no bound register " + tabletId);
        }
        return Map.of("status", "REMOVED");
    }

    @Operation(summary = "The account's checkouts needing attention, then a page of 50 of its checkouts (of one "
            + "register, of one day), newest first")
    @GetMapping("/checkouts")
    public OwnerAccount.CheckoutsPage checkouts(@Parameter(hidden = true) OwnerContext owner,
                                                @RequestParam(required = false) String tabletId,
                                                @RequestParam(required = false) String day,
                                                @RequestParam(required = false) String page) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (tabletId != null && !tabletId.isEmpty() && !Ids.isPosterNumber(tabletId)) {
            errors.add(ProblemException.fieldError("tabletId", "is a register's number in Poster"));
        }
        LocalDate date = null;
        if (day != null && !day.isEmpty()) {
            try {
                date = LocalDate.parse(day);
            } catch (DateTimeParseException notADate) {
                errors.add(ProblemException.fieldError("day", "is a date as yyyy-MM-dd"));
            }
        }
        int pageNumber = 0;
        if (page != null && !page.isEmpty()) {
            pageNumber = page.matches("\\d{1,4}") ? Integer.parseInt(page) : -1;
            if (pageNumber < 0) {
                errors.add(ProblemException.fieldError("page", "is a number from 0 to 9999"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRequest(errors);
        }
        return accounts.checkouts(owner.account(), new OwnerAccount.CheckoutFilter(
                Optional.ofNullable(tabletId).filter(id -> !id.isEmpty()), Optional.ofNullable(date), pageNumber));
    }

    @Operation(summary = "Undo one of the account's completed sales in inCust")
    @PostMapping("/checkouts/{id}/reversal")
    public ResponseEntity<Map<String, CheckoutStatus>> reverse(@Parameter(hidden = true) OwnerContext owner,
                                                               @PathVariable String id,
                                                               @RequestBody(required = false) ReversalRequest request) {
        String reason = ReversalRequests.reasonOf(request);
        if (accounts.checkout(owner.account(), id).isEmpty()) {
            throw new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "This account has no checkout " + id);
        }
        return ReversalRequests.answer(id, reversals.request(id, reason, SaleReversal.RequestedBy.OWNER));
    }

    public record DayRequest(String date) {
    }

    @Operation(summary = "The account's day checks of the last two weeks: each day's newest, with its differences")
    @GetMapping("/day-checks")
    public List<DayCheckViews.View> dayChecks(@Parameter(hidden = true) OwnerContext owner) {
        return dayCheckViews.lastTwoWeeks(owner.account());
    }

    @Operation(summary = "Check one of the last two weeks' days against inCust now: yesterday when none is named")
    @PostMapping("/day-checks")
    public ResponseEntity<DayCheckViews.Checked> checkADay(@Parameter(hidden = true) OwnerContext owner,
                                                           @RequestBody(required = false) DayRequest request) {
        LocalDate day;
        try {
            day = request == null || request.date() == null ? dayCheckViews.today(owner.account()).minusDays(1)
                    : LocalDate.parse(request.date());
        } catch (DateTimeParseException notADate) {
            day = null;
        }
        if (day == null || !dayCheckViews.ownersDay(owner.account(), day)) {
            throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("date",
                    "is one of the last 14 days, as yyyy-MM-dd")));
        }
        DayCheck check = dayChecks.check(owner.account(), day).orElseThrow(() -> new ProblemException(
                HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "The account is not installed"));
        return ResponseEntity.accepted().body(dayCheckViews.checked(check));
    }

    private static ProblemException notFound(String tabletId) {
        return new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "This account has no register "
                + tabletId);
    }
}
