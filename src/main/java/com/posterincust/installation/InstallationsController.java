package com.posterincust.installation;

import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Installed Poster accounts, for administrators (docs/http-api.md). Tokens are never part of an answer. */
@RestController
@RequestMapping("/api/admin/v1/installations")
@SecurityRequirement(name = "basic")
public class InstallationsController {

    public record InstallationView(String account, String accountNumber, InstallationStatus status,
                                   OffsetDateTime installedAt, OffsetDateTime updatedAt, String currency,
                                   String timeZone, String companyName) {

        static InstallationView of(Installation installation) {
            return new InstallationView(installation.account(), installation.accountNumber(), installation.status(),
                    installation.installedAt(), installation.updatedAt(), installation.currency(),
                    installation.timeZone(), installation.companyName());
        }
    }

    private final InstallationRepository installations;

    public InstallationsController(InstallationRepository installations) {
        this.installations = installations;
    }

    @Operation(summary = "List installed Poster accounts")
    @GetMapping
    public List<InstallationView> list() {
        return installations.findAll().stream().map(InstallationView::of).toList();
    }

    @Operation(summary = "One installed Poster account")
    @GetMapping("/{account}")
    public InstallationView get(@PathVariable String account) {
        return installations.find(account).map(InstallationView::of)
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                        "No installation for Poster account " + account));
    }
}
