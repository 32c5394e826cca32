package com.posterincust.binding;

import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Binding registers to inCust terminals: docs/http-api.md. Credentials are never part of an answer. */
@RestController
@RequestMapping("/api/admin/v1/terminal-bindings")
@SecurityRequirement(name = "basic")
public class TerminalBindingsController {


    public record TerminalView(String id, String title, String currency) {
    }

    public record BindingView(String bindingId, TerminalBindingStatus status, String posterAccount, String posterSpotId,
                              String posterTabletId, TerminalView terminal, boolean customerIdWithoutSession,
                              String replacedBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

        static BindingView of(TerminalBinding binding) {
            return new BindingView(binding.id(), binding.status(), binding.account(), binding.spotId(),
                    binding.tabletId(), new TerminalView(binding.terminalId(), binding.terminalTitle(),
                    binding.terminalCurrency()), binding.customerIdWithoutSession(), binding.replacedBy(),
                    binding.createdAt(), binding.updatedAt());
        }
    }

    private final BindingCommands starter;
    private final TerminalBindingRepository bindings;

    public TerminalBindingsController(BindingCommands starter, TerminalBindingRepository bindings) {
        this.starter = starter;
        this.bindings = bindings;
    }

    @Operation(summary = "Bind a Poster register to an inCust terminal (replaces the register's previous binding)")
    @PostMapping
    public ResponseEntity<Object> bind(@Valid @RequestBody BindingRequest request) {
        BindingCommands.BindingOutcome outcome = starter.bind(request);
        if (outcome instanceof BindingCommands.BindingOutcome.Bound bound) {
            return ResponseEntity.created(URI.create("/api/admin/v1/terminal-bindings/" + bound.binding().id()))
                    .body(BindingView.of(bound.binding()));
        }
        return ResponseEntity.unprocessableEntity().body(BindingProblems.problem(
                ((BindingCommands.BindingOutcome.Rejected) outcome).reasons()));
    }

    @Operation(summary = "List bindings, optionally of one Poster account")
    @GetMapping
    public List<BindingView> list(@RequestParam Optional<String> account) {
        return bindings.findAll(account).stream().map(BindingView::of).toList();
    }

    @Operation(summary = "One binding")
    @GetMapping("/{id}")
    public BindingView get(@PathVariable String id) {
        return BindingView.of(found(id));
    }

    @Operation(summary = "Remove a binding: the register is no longer served")
    @DeleteMapping("/{id}")
    public BindingView remove(@PathVariable String id) {
        found(id);
        bindings.remove(id);
        return BindingView.of(found(id));
    }

    private TerminalBinding found(String id) {
        return bindings.find(id).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                "No terminal binding " + id));
    }
}
