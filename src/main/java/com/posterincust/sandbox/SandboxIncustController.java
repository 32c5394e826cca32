package com.posterincust.sandbox;

import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustWire;
import com.posterincust.incust.IncustWire.Check;
import com.posterincust.incust.IncustWire.CheckResult;
import com.posterincust.incust.IncustWire.ConfirmationCode;
import com.posterincust.incust.IncustWire.CustomerSearch;
import com.posterincust.incust.IncustWire.Finalization;
import com.posterincust.incust.IncustWire.Login;
import com.posterincust.incust.IncustWire.NewCustomer;
import com.posterincust.incust.IncustWire.Profile;
import com.posterincust.incust.IncustWire.Reservation;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A fake of inCust's Terminal API with the wire shapes of shared/spec/incust.md; the rules live in {@link SandboxIncust}. */
@Hidden
@RestController
@RequestMapping("/sandbox/incust/v1/term")
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxIncustController {

    private final SandboxIncust incust;

    public SandboxIncustController(SandboxIncust incust) {
        this.incust = incust;
    }

    @PostMapping("/token")
    public IncustWire.TerminalToken token(@RequestBody Login login) {
        return incust.login(login);
    }

    @GetMapping("/settings")
    public IncustWire.TerminalSettings settings(@RequestHeader(name = "Authorization", required = false) String auth) {
        return incust.settings(incust.terminal(auth));
    }

    @PostMapping("/customer/search")
    public IncustWire.CustomerSearchResult search(@RequestHeader(name = "Authorization", required = false) String auth,
                                                  @RequestBody CustomerSearch search) {
        incust.terminal(auth);
        return new IncustWire.CustomerSearchResult(incust.search(search.identifier()));
    }

    @PostMapping("/customer")
    public IncustWire.Customer register(@RequestHeader(name = "Authorization", required = false) String auth,
                                        @RequestBody NewCustomer customer) {
        incust.terminal(auth);
        return incust.register(customer.identifiers());
    }

    @GetMapping("/customer/{id}")
    public IncustWire.Customer customer(@RequestHeader(name = "Authorization", required = false) String auth,
                                        @PathVariable String id) {
        incust.terminal(auth);
        return incust.customer(id);
    }

    @PutMapping("/customer/{id}/profile")
    public IncustWire.Customer profile(@RequestHeader(name = "Authorization", required = false) String auth,
                                       @PathVariable String id, @RequestBody Profile profile) {
        incust.terminal(auth);
        return incust.updateProfile(id, profile);
    }

    @PostMapping("/check/prepare")
    public CheckResult prepare(@RequestHeader(name = "Authorization", required = false) String auth,
                               @RequestBody Check check) {
        incust.terminal(auth);
        return incust.prepare(check);
    }

    @PostMapping("/check/reserve")
    public IncustWire.Transaction reserve(@RequestHeader(name = "Authorization", required = false) String auth,
                                          @RequestBody Reservation reservation) {
        return incust.reserve(incust.terminal(auth), reservation);
    }

    @PostMapping("/transaction/{id}/confirmation/resend")
    public IncustWire.Transaction resend(@RequestHeader(name = "Authorization", required = false) String auth,
                                         @PathVariable String id) {
        return incust.resend(incust.terminal(auth), id);
    }

    @PostMapping("/transaction/{id}/confirm")
    public IncustWire.Transaction confirm(@RequestHeader(name = "Authorization", required = false) String auth,
                                          @PathVariable String id, @RequestBody ConfirmationCode code) {
        return incust.confirm(incust.terminal(auth), id, code.code());
    }

    @PostMapping("/transaction/{id}/finalize")
    public IncustWire.Transaction finalizeTransaction(@RequestHeader(name = "Authorization", required = false) String auth,
                                                      @PathVariable String id, @RequestBody Finalization finalization) {
        return incust.finalizeTransaction(incust.terminal(auth), id, finalization);
    }

    @PostMapping("/transaction/{id}/cancel")
    public IncustWire.Transaction cancel(@RequestHeader(name = "Authorization", required = false) String auth,
                                         @PathVariable String id) {
        return incust.cancel(incust.terminal(auth), id);
    }

    @GetMapping("/transaction/{id}")
    public IncustWire.Transaction transaction(@RequestHeader(name = "Authorization", required = false) String auth,
                                              @PathVariable String id) {
        return incust.transaction(incust.terminal(auth), id).view();
    }

    @GetMapping("/transactions")
    public IncustWire.TransactionList byExternalId(@RequestHeader(name = "Authorization", required = false) String auth,
                                                   @RequestParam(name = "external_id") String externalId) {
        return new IncustWire.TransactionList(incust.byExternalId(incust.terminal(auth), externalId));
    }

    /** inCust's error shape: the status it chose and {@code {"code","message"}}. */
    @ExceptionHandler(IncustApiException.class)
    ResponseEntity<IncustWire.Error> refused(IncustApiException e) {
        return ResponseEntity.status(e.httpStatus()).body(new IncustWire.Error(e.symbol(), e.incustMessage()));
    }

    @ExceptionHandler(SandboxIncust.Unauthorized.class)
    ResponseEntity<Map<String, String>> unauthorized() {
        return ResponseEntity.status(401).body(Map.of("code", "unauthorized", "message", "Token is missing or expired"));
    }

}
