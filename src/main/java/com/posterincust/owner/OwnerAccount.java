package com.posterincust.owner;

import com.posterincust.authorization.IdentifiedGuests;
import com.posterincust.binding.BindingRequest;
import com.posterincust.binding.BindingCommands;
import com.posterincust.binding.TerminalBinding;
import com.posterincust.binding.Bindings;
import com.posterincust.checkout.Checkout;
import com.posterincust.checkout.CheckoutDeadlines;
import com.posterincust.checkout.CheckoutProcess;
import com.posterincust.checkout.Checkouts;
import com.posterincust.checkout.CheckoutReturns;
import com.posterincust.checkout.CheckoutStatus;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.common.Ids;
import com.posterincust.daycheck.DayCheckViews;
import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustClient;
import com.posterincust.installation.Installation;
import com.posterincust.installation.Installations;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterSpot;
import com.posterincust.poster.PosterTablet;
import com.posterincust.reversal.SaleReversalProcess;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
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

    static final int PAGE_SIZE = 50;
    /** A bonus check stays on the page this long: the operator checks it, the owner may compare the receipt. */
    static final Duration BONUS_CHECKS_SHOWN = Duration.ofDays(14);

    public enum Connection { CONNECTED, NOT_BOUND, PROBLEM }

    /** What is wrong with a bound register: the page says it in the owner's language. */
    public enum Problem { MOVED, LOGIN_REFUSED, REFUSED, UNAVAILABLE }

    public record Register(String tabletId, String name, String spotId, String locationName, String bindingId,
                           String terminalTitle, Connection status, Problem problemKind, String problem) {
    }

    /**
     * Why the owner should look at a checkout, and since when: {@code LATE} (it should have ended by itself by
     * {@code since}), {@code INCIDENT} (the service's background step gave up: operators see it), {@code BONUS_CHECK}
     * (Poster's receipt and inCust disagreed on the bonus), {@code DAY_CHECK} (the night's day check left it open:
     * {@code detail} is the difference's kind, {@code since} its day).
     */
    public record Attention(Kind kind, OffsetDateTime since, String detail) {

        public enum Kind { INCIDENT, LATE, DAY_CHECK, BONUS_CHECK }
    }

    /**
     * One sale as its owner recognises it: Poster's receipt, the register, the guest (name and the phone's last
     * digits), what inCust paid in points and in coupons, its returns.
     */
    public record CheckoutLine(String checkoutId, OffsetDateTime createdAt, String tabletId, String receipt,
                               String guestName, String guestPhone, BigDecimal total, BigDecimal pointsPaid,
                               BigDecimal couponDiscount, CheckoutStatus status, Attention attention,
                               List<CheckoutReturns.ReturnView> returns, BigDecimal returnedAmount) {
    }

    /** What needs attention (whatever the page and filter), then one page of the account's checkouts. */
    public record CheckoutsPage(List<CheckoutLine> attention, List<CheckoutLine> checkouts, boolean more) {
    }

    /** Which checkouts a page shows: of one register, of one day in the account's time zone, or all. */
    public record CheckoutFilter(Optional<String> tabletId, Optional<LocalDate> day, int page) {
    }

    private final Installations installations;
    private final Bindings bindings;
    private final BindingCommands starter;
    private final Checkouts checkouts;
    private final CheckoutDeadlines deadlines;
    private final PosterClient poster;
    private final IncustClient incust;
    private final RuntimeService runtime;
    private final CheckoutReturns returns;
    private final IdentifiedGuests guests;
    private final DayCheckViews dayCheckViews;
    private final Clock clock;

    public OwnerAccount(Installations installations, Bindings bindings,
                        BindingCommands starter, Checkouts checkouts, CheckoutDeadlines deadlines,
                        PosterClient poster, IncustClient incust, RuntimeService runtime, CheckoutReturns returns,
                        IdentifiedGuests guests, DayCheckViews dayCheckViews, Clock clock) {
        this.installations = installations;
        this.bindings = bindings;
        this.starter = starter;
        this.checkouts = checkouts;
        this.deadlines = deadlines;
        this.poster = poster;
        this.incust = incust;
        this.runtime = runtime;
        this.returns = returns;
        this.guests = guests;
        this.dayCheckViews = dayCheckViews;
        this.clock = clock;
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

    /** The account's checkouts needing attention, the worst first, and one page of its checkouts, newest first. */
    public CheckoutsPage checkouts(String account, CheckoutFilter filter) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ZoneId zone = dayCheckViews.zoneOf(account);
        Map<String, Attention> leftOpen = new HashMap<>();
        dayCheckViews.openByCheckout(account).forEach((checkoutId, open) -> leftOpen.put(checkoutId, new Attention(
                Attention.Kind.DAY_CHECK, open.day().atStartOfDay(zone).toOffsetDateTime(), open.kind().name())));
        // checkouts with an incident are few at any time, across all accounts
        Set<String> withIncident = runtime.createProcessInstanceQuery()
                .processDefinitionKeyIn(CheckoutProcess.KEY, SaleReversalProcess.KEY).withIncident().list().stream()
                .map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
        Set<String> named = new HashSet<>(leftOpen.keySet());
        named.addAll(withIncident);
        List<Checkout> toLookAt = checkouts.findToLookAt(account, now.minus(BONUS_CHECKS_SHOWN), named, PAGE_SIZE);
        Optional<OffsetDateTime> from = filter.day().map(day -> day.atStartOfDay(zone).toOffsetDateTime());
        Optional<OffsetDateTime> until = filter.day().map(day -> day.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        List<Checkout> page = checkouts.findOfAccount(account, filter.tabletId(), from, until, PAGE_SIZE + 1,
                (long) filter.page() * PAGE_SIZE);
        boolean more = page.size() > PAGE_SIZE;
        List<Checkout> shown = more ? page.subList(0, PAGE_SIZE) : page;

        List<Checkout> all = new ArrayList<>(toLookAt);
        all.addAll(shown);
        Map<String, IdentifiedGuests.GuestName> guests = this.guests.namesOf(account, all.stream()
                .map(Checkout::customerId).filter(Objects::nonNull).toList());
        Map<String, List<CheckoutReturns.ReturnView>> returned = returns.ofAll(all.stream().map(Checkout::id)
                .distinct().toList());
        Function<Checkout, CheckoutLine> line = checkout -> {
            List<CheckoutReturns.ReturnView> ofIt = returned.getOrDefault(checkout.id(), List.of());
            IdentifiedGuests.GuestName guest = checkout.customerId() == null ? null : guests.get(checkout.customerId());
            return new CheckoutLine(checkout.id(), checkout.createdAt(), checkout.tabletId(), checkout.transactionId(),
                    guest == null ? null : guest.name(), guest == null ? null : guest.maskedPhone(), checkout.total(),
                    checkout.redeemedPoints(), checkout.result() == null ? null : checkout.result().discount(),
                    checkout.status(), attention(checkout, now, withIncident, leftOpen), ofIt,
                    CheckoutReturns.returnedAmount(ofIt));
        };
        List<CheckoutLine> attention = toLookAt.stream().map(line).filter(found -> found.attention() != null)
                .sorted(Comparator.comparing((CheckoutLine found) -> found.attention().kind())
                        .thenComparing(CheckoutLine::createdAt, Comparator.reverseOrder()))
                .toList();
        return new CheckoutsPage(attention, shown.stream().map(line).toList(), more);
    }

    /** @param leftOpen the day checks' attention, by checkout */
    private Attention attention(Checkout checkout, OffsetDateTime now, Set<String> withIncident,
                                Map<String, Attention> leftOpen) {
        if (withIncident.contains(checkout.id())) {
            return new Attention(Attention.Kind.INCIDENT, checkout.updatedAt(), null);
        }
        if (deadlines.isLate(checkout, now)) {
            return new Attention(Attention.Kind.LATE, deadlines.movesOnBy(checkout).orElseThrow(), null);
        }
        if (leftOpen.containsKey(checkout.id())) {
            return leftOpen.get(checkout.id());
        }
        if (checkout.bonusCheck() != null && checkout.createdAt().isAfter(now.minus(BONUS_CHECKS_SHOWN))) {
            return new Attention(Attention.Kind.BONUS_CHECK, checkout.updatedAt(), null);
        }
        return null;
    }

    /** The account's own checkout, or none: another account's is never found. */
    public Optional<Checkout> checkout(String account, String checkoutId) {
        return checkouts.find(checkoutId).filter(checkout -> checkout.account().equals(account));
    }

    private Register register(String account, PosterTablet tablet, String location) {
        Optional<TerminalBinding> binding = bindings.findActive(account, tablet.id());
        if (binding.isEmpty()) {
            return new Register(tablet.id(), tablet.name(), tablet.spotId(), location, null, null,
                    Connection.NOT_BOUND, null, null);
        }
        TerminalBinding bound = binding.get();
        BiFunction<Problem, String, Register> problem = (kind, text) -> new Register(tablet.id(),
                tablet.name(), tablet.spotId(), location, bound.id(), bound.terminalTitle(), Connection.PROBLEM, kind,
                text);
        if (!bound.spotId().equals(tablet.spotId())) {
            return problem.apply(Problem.MOVED, "the register moved to another location in Poster: bind it again");
        }
        try {
            String title = incust.settings(bindings.credentials(bound.id())).title();
            return new Register(tablet.id(), tablet.name(), tablet.spotId(), location, bound.id(),
                    title == null ? bound.terminalTitle() : title, Connection.CONNECTED, null, null);
        } catch (IncustApiException refused) {
            return refused.is(IncustApiException.LOGIN_REFUSED) ? problem.apply(Problem.LOGIN_REFUSED,
                    "inCust no longer accepts the terminal login: bind it again with the terminal's login")
                    : problem.apply(Problem.REFUSED, "inCust refused the terminal: " + refused.incustMessage());
        } catch (ExternalSystemUnavailableException down) {
            return problem.apply(Problem.UNAVAILABLE, "inCust does not answer right now; try again in a minute");
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
}
