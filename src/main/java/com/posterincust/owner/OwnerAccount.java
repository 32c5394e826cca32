package com.posterincust.owner;

import com.posterincust.binding.BindingRequest;
import com.posterincust.binding.BindingCommands;
import com.posterincust.binding.TerminalBinding;
import com.posterincust.binding.TerminalBindingRepository;
import com.posterincust.checkout.Checkout;
import com.posterincust.checkout.CheckoutProcess;
import com.posterincust.checkout.CheckoutRepository;
import com.posterincust.checkout.CheckoutReturns;
import com.posterincust.checkout.CheckoutStatus;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.common.Ids;
import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustClient;
import com.posterincust.installation.Installation;
import com.posterincust.installation.InstallationRepository;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterSpot;
import com.posterincust.poster.PosterTablet;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * One café's account as its owner sees it on the app's page in Poster's back office (docs/owner.md): its registers,
 * read from Poster, with their binding and whether the terminal answers now; binding a register picked from that
 * list; its recent checkouts. Everything here is of the one account the caller's credential names.
 */
@Service
public class OwnerAccount {

    static final int RECENT_CHECKOUTS = 50;

    public enum Connection { CONNECTED, NOT_BOUND, PROBLEM }

    public record Register(String tabletId, String name, String spotId, String locationName, String bindingId,
                           String terminalTitle, Connection status, String problem) {
    }

    public record RecentCheckout(String checkoutId, OffsetDateTime createdAt, String tabletId, BigDecimal total,
                                 BigDecimal bonus, CheckoutStatus status, String attention,
                                 List<CheckoutReturns.ReturnView> returns, BigDecimal returnedAmount) {
    }

    private final InstallationRepository installations;
    private final TerminalBindingRepository bindings;
    private final BindingCommands starter;
    private final CheckoutRepository checkouts;
    private final PosterClient poster;
    private final IncustClient incust;
    private final RuntimeService runtime;
    private final CheckoutReturns returns;

    public OwnerAccount(InstallationRepository installations, TerminalBindingRepository bindings,
                        BindingCommands starter, CheckoutRepository checkouts, PosterClient poster, IncustClient incust,
                        RuntimeService runtime, CheckoutReturns returns) {
        this.installations = installations;
        this.bindings = bindings;
        this.starter = starter;
        this.checkouts = checkouts;
        this.poster = poster;
        this.incust = incust;
        this.runtime = runtime;
        this.returns = returns;
    }

    /** Every register of the account as Poster lists it, its location, its binding and how that binding fares now. */
    public List<Register> registers(String account) {
        String token = token(account);
        Map<String, String> locations = poster.getSpots(account, token).stream()
                .collect(Collectors.toMap(PosterSpot::id, PosterSpot::name, (a, b) -> a));
        return poster.getTablets(account, token).stream()
                .map(tablet -> register(account, tablet, locations.getOrDefault(tablet.spotId(), "")))
                .toList();
    }

    /**
     * Binds the register to the terminal the login opens, replacing its binding if it has one; the checks are the
     * binding model's, the customer number and location those Poster knows.
     *
     * @return empty when the account has no such register
     */
    public Optional<BindingCommands.BindingOutcome> bind(String account, String tabletId, String login,
                                                        String password) {
        Optional<PosterTablet> tablet = tablet(account, tabletId);
        if (tablet.isEmpty()) {
            return Optional.empty();
        }
        Installation installation = installations.find(account).orElseThrow();
        boolean customerIdWithoutSession = bindings.findActive(account, tabletId)
                .map(TerminalBinding::customerIdWithoutSession).orElse(false);
        return Optional.of(starter.bind(new BindingRequest(account, installation.accountNumber(),
                tablet.get().spotId(), tabletId, new BindingRequest.IncustLogin(login, password),
                customerIdWithoutSession)));
    }

    /** @return whether the register had a binding, now removed */
    public boolean unbind(String account, String tabletId) {
        return Ids.isPosterNumber(tabletId) && bindings.findActive(account, tabletId)
                .map(binding -> bindings.remove(binding.id())).orElse(false);
    }

    public Optional<Register> register(String account, String tabletId) {
        return registers(account).stream().filter(register -> register.tabletId().equals(tabletId)).findFirst();
    }

    /** The account's latest checkouts, those needing attention (a bonus to check, an incident) first. */
    public List<RecentCheckout> recentCheckouts(String account) {
        List<Checkout> recent = checkouts.findForOperators(Optional.empty(), Optional.of(account), RECENT_CHECKOUTS, 0);
        // checkouts with an incident are few at any time, across all accounts
        Set<String> withIncident = recent.isEmpty() ? Set.of() : runtime.createProcessInstanceQuery()
                .processDefinitionKey(CheckoutProcess.KEY).withIncident().list().stream()
                .map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
        Map<String, List<CheckoutReturns.ReturnView>> returned = returns.ofAll(recent.stream().map(Checkout::id)
                .toList());
        return recent.stream()
                .map(checkout -> {
                    List<CheckoutReturns.ReturnView> ofIt = returned.getOrDefault(checkout.id(), List.of());
                    return new RecentCheckout(checkout.id(), checkout.createdAt(), checkout.tabletId(),
                            checkout.total(), bonusOf(checkout), checkout.status(),
                            withIncident.contains(checkout.id()) ? "stuck: an operator is needed (incident)"
                                    : checkout.bonusCheck(), ofIt, CheckoutReturns.returnedAmount(ofIt));
                })
                .sorted(Comparator.comparing((RecentCheckout checkout) -> checkout.attention() == null)
                        .thenComparing(RecentCheckout::createdAt, Comparator.reverseOrder()))
                .toList();
    }

    /** The account's own checkout, or none: another account's is never found. */
    public Optional<Checkout> checkout(String account, String checkoutId) {
        return checkouts.find(checkoutId).filter(checkout -> checkout.account().equals(account));
    }

    private Register register(String account, PosterTablet tablet, String location) {
        Optional<TerminalBinding> binding = bindings.findActive(account, tablet.id());
        if (binding.isEmpty()) {
            return new Register(tablet.id(), tablet.name(), tablet.spotId(), location, null, null,
                    Connection.NOT_BOUND, null);
        }
        TerminalBinding bound = binding.get();
        Function<String, Register> problem = text -> new Register(tablet.id(), tablet.name(), tablet.spotId(),
                location, bound.id(), bound.terminalTitle(), Connection.PROBLEM, text);
        if (!bound.spotId().equals(tablet.spotId())) {
            return problem.apply("the register moved to another location in Poster: bind it again");
        }
        try {
            String title = incust.settings(bindings.credentials(bound.id())).title();
            return new Register(tablet.id(), tablet.name(), tablet.spotId(), location, bound.id(),
                    title == null ? bound.terminalTitle() : title, Connection.CONNECTED, null);
        } catch (IncustApiException refused) {
            return problem.apply(refused.is(IncustApiException.LOGIN_REFUSED)
                    ? "inCust no longer accepts the terminal login: bind it again with the terminal's login"
                    : "inCust refused the terminal: " + refused.incustMessage());
        } catch (ExternalSystemUnavailableException down) {
            return problem.apply("inCust does not answer right now; try again in a minute");
        }
    }

    private Optional<PosterTablet> tablet(String account, String tabletId) {
        if (!Ids.isPosterNumber(tabletId)) {
            return Optional.empty();
        }
        return poster.getTablets(account, token(account)).stream().filter(tablet -> tablet.id().equals(tabletId))
                .findFirst();
    }

    private String token(String account) {
        return installations.accessToken(account).orElseThrow(() -> new IllegalStateException(
                "No access token for the installed account " + account));
    }

    private static BigDecimal bonusOf(Checkout checkout) {
        if (checkout.finalizedBonus() != null) {
            return checkout.finalizedBonus();
        }
        return checkout.result() == null ? null : checkout.result().bonusToApply();
    }
}
