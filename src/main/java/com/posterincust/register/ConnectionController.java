package com.posterincust.register;

import com.posterincust.binding.Bindings;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.Loyalty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The register's "is the connection established?" check after a cashier logs in again. */
@RestController
public class ConnectionController {

    public record Terminal(String id, String title, String currency) {
    }

    public record Connection(String status, String account, String spotId, String tabletId, Terminal terminal) {
    }

    private final Bindings bindings;
    private final IncustClient incust;

    public ConnectionController(Bindings bindings, IncustClient incust) {
        this.bindings = bindings;
        this.incust = incust;
    }

    /** Asks inCust for the terminal's settings, so CONNECTED means the terminal answers right now. */
    @Operation(summary = "Check that this register is bound and its inCust terminal answers")
    @GetMapping("/api/register/v1/connection")
    public Connection connection(@Parameter(hidden = true) RegisterContext register) {
        Loyalty.TerminalSettings terminal = incust.settings(bindings.credentials(register.bindingId()));
        return new Connection("CONNECTED", register.account(), register.spotId(), register.tabletId(),
                new Terminal(terminal.id(), terminal.title(), terminal.currency()));
    }
}
