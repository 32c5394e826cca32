package com.posterincust.binding;

import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import com.posterincust.installation.Installations;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterTablet;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The locations and registers of an installed account, as Poster lists them, with their binding: the place
 * where a business owner looks up the ids to type into a binding.
 */
@RestController
@SecurityRequirement(name = "basic")
public class RegistersController {

    public record Register(String tabletId, String tabletName, String bindingId) {
    }

    public record Location(String spotId, String spotName, List<Register> registers) {
    }

    private final Installations installations;
    private final TerminalBindingRepository bindings;
    private final PosterClient poster;

    public RegistersController(Installations installations, TerminalBindingRepository bindings,
                               PosterClient poster) {
        this.installations = installations;
        this.bindings = bindings;
        this.poster = poster;
    }

    @Operation(summary = "Locations and registers of an installed Poster account, with their active binding")
    @GetMapping("/api/admin/v1/installations/{account}/registers")
    public List<Location> registers(@PathVariable String account) {
        String token = installations.accessToken(account).orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                Problems.NOT_FOUND, "No installation for Poster account " + account));
        List<PosterTablet> tablets = poster.getTablets(account, token);
        return poster.getSpots(account, token).stream()
                .map(spot -> new Location(spot.id(), spot.name(), tablets.stream()
                        .filter(tablet -> tablet.spotId().equals(spot.id()))
                        .map(tablet -> new Register(tablet.id(), tablet.name(), bindings.findActive(account, tablet.id())
                                .map(TerminalBinding::id).orElse(null)))
                        .toList()))
                .toList();
    }

}
