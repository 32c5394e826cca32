package com.posterincust.daycheck;

import com.posterincust.binding.TerminalBinding;
import com.posterincust.binding.Bindings;
import com.posterincust.binding.TerminalBindingStatus;
import com.posterincust.checkout.Checkout;
import com.posterincust.checkout.CheckoutCommands;
import com.posterincust.checkout.Checkouts;
import com.posterincust.checkout.CheckoutService;
import com.posterincust.checkout.CheckoutStatus;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.Loyalty;
import com.posterincust.installation.Installation;
import com.posterincust.installation.Installations;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterDayReceipt;
import com.posterincust.reversal.SaleReturns;
import com.posterincust.reversal.SaleReversal;
import com.posterincust.reversal.SaleReversalCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The steps of a day check, callable without the engine: read Poster's receipts and inCust's transactions of the day
 * (page by page into the day check's tables), match them with the service's checkouts and returns, fix what is safe
 * through the checkout's and the reversal's own paths. Each step is safe to repeat.
 */
@Service
public class DayCheckService {

    private static final Logger log = LoggerFactory.getLogger(DayCheckService.class);
    /** A checkout of the day still in one of these is stuck for the day check. */
    private static final Set<CheckoutStatus> UNFINISHED = EnumSet.of(CheckoutStatus.FINALIZING, CheckoutStatus.REVERSING);
    /** Poster pages ever so long a day; a page that brings nothing new ends it even if Poster would go on. */
    private static final int MOST_POSTER_PAGES = 10_000;

    private final DayCheckRepository days;
    private final Installations installations;
    private final Bindings bindings;
    private final Checkouts checkouts;
    private final CheckoutCommands commands;
    private final CheckoutService checkoutSteps;
    private final SaleReturns returns;
    private final SaleReversalCommands reversals;
    private final PosterClient poster;
    private final IncustClient incust;
    private final MeterRegistry metrics;

    public DayCheckService(DayCheckRepository days, Installations installations,
                           Bindings bindings, Checkouts checkouts, CheckoutCommands commands,
                           CheckoutService checkoutSteps, SaleReturns returns, SaleReversalCommands reversals,
                           PosterClient poster, IncustClient incust, MeterRegistry metrics) {
        this.days = days;
        this.installations = installations;
        this.bindings = bindings;
        this.checkouts = checkouts;
        this.commands = commands;
        this.checkoutSteps = checkoutSteps;
        this.returns = returns;
        this.reversals = reversals;
        this.poster = poster;
        this.incust = incust;
        this.metrics = metrics;
    }

    /** Poster's receipts of the day, every page, into the day check. */
    public void readPoster(String checkId) {
        DayCheck check = check(checkId);
        String token = installations.accessToken(check.account()).orElseThrow(() -> new IllegalStateException(
                "The account " + check.account() + " has no Poster token"));
        days.forgetReceipts(checkId);
        int read = 0;
        String next = null;
        Set<String> pageBefore = Set.of();
        for (int page = 0; page < MOST_POSTER_PAGES; page++) {
            List<PosterDayReceipt> receipts = poster.receiptsOfDay(check.account(), token, check.day(), next);
            Set<String> before = pageBefore;
            // a page that brings nothing new (Poster answering the same page again) ends the day as an empty one does
            List<PosterDayReceipt> fresh = receipts.stream().filter(receipt -> !before.contains(receipt.transactionId()))
                    .toList();
            if (fresh.isEmpty()) {
                break;
            }
            days.addReceipts(checkId, fresh);
            read += fresh.size();
            pageBefore = receipts.stream().map(PosterDayReceipt::transactionId).collect(Collectors.toSet());
            next = receipts.get(receipts.size() - 1).transactionId();
        }
        log.info("Day check {}: {} receipts of {} read from Poster", checkId, read, check.day());
    }

    /** inCust's transactions of the day of every terminal the account's registers were bound to that day. */
    public void readIncust(String checkId) {
        DayCheck check = check(checkId);
        ZoneId zone = zoneOf(check.account());
        OffsetDateTime from = check.day().atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = check.day().plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        days.forgetSales(checkId);
        int read = 0;
        for (TerminalBinding binding : terminalsOfTheDay(check.account(), from, to)) {
            String cursor = null;
            do {
                Loyalty.TransactionPage page = incust.transactionsBetween(bindings.credentials(binding.id()),
                        from.toInstant(), to.toInstant(), cursor);
                days.addSales(checkId, page.transactions().stream().map(sale -> new DayCheckRepository.Sale(sale.id(),
                        binding.id(), sale.externalId(), sale.status(), sale.paid(), sale.returnedAmount())).toList());
                read += page.transactions().size();
                cursor = page.nextCursor();
            } while (cursor != null);
        }
        log.info("Day check {}: {} inCust transactions of {} read", checkId, read, check.day());
    }

    /**
     * Each receipt of the day with a loyalty sale against its checkout and inCust's transaction, then inCust's
     * transactions no receipt explained, then the checkouts of the day still unfinished: every difference recorded,
     * with the fix that is safe when there is one.
     *
     * @return how many differences a person must look at, besides those the next step fixes
     */
    public int match(String checkId) {
        DayCheck check = check(checkId);
        days.forgetDifferences(checkId);
        DayMatch match = new DayMatch();
        String after = null;
        List<DayCheckRepository.Receipt> page;
        do {
            page = days.receipts(checkId, after);
            if (page.isEmpty()) {
                break;
            }
            Map<String, Checkout> saleOfReceipt = checkouts.findByTransactions(check.account(),
                            page.stream().map(DayCheckRepository.Receipt::transactionId).toList()).stream()
                    .filter(checkout -> checkout.incustTransactionId() != null)
                    .collect(Collectors.toMap(Checkout::transactionId, Function.identity(), DayCheckService::newer));
            List<String> explained = saleOfReceipt.values().stream().map(Checkout::incustTransactionId).toList();
            Map<String, DayCheckRepository.Sale> inIncust = days.sales(checkId, explained);
            Set<String> returning = returns.returning(saleOfReceipt.values().stream().map(Checkout::id).toList());
            List<DayCheck.Difference> found = new ArrayList<>();
            for (DayCheckRepository.Receipt receipt : page) {
                Checkout sale = saleOfReceipt.get(receipt.transactionId());
                if (sale != null) {
                    found.addAll(match.loyalty(compare(receipt, sale, inIncust.get(sale.incustTransactionId()),
                            returning.contains(sale.id()))));
                }
            }
            days.markExplained(checkId, explained);
            match.record(checkId, found);
            after = page.get(page.size() - 1).transactionId();
        } while (page.size() == DayCheckRepository.PAGE);
        salesNoReceiptExplains(check, match);
        stuckCheckoutsOf(check, match);
        days.saveCounts(checkId, (int) days.receiptCount(checkId), match.loyaltyReceipts, match.agreed, 0, match.open);
        log.info("Day check {}: {} loyalty receipts, {} agreed, {} differences", checkId, match.loyaltyReceipts,
                match.agreed, match.differences);
        return match.open;
    }

    /** Makes every fix the match planned, each once: what is fixed already is skipped when the step runs again. */
    public int fix(String checkId) {
        DayCheck check = check(checkId);
        int fixed = 0;
        int open = 0;
        for (DayCheck.Difference difference : days.differences(checkId)) {
            if (DayCheck.Difference.FIXED.equals(difference.status())) {
                fixed++;
            } else if (difference.fix() == null) {
                open++;
            } else {
                apply(check, difference);
                days.markFixed(difference.id());
                metrics.counter("day.check.differences", "kind", difference.kind().name(), "fix",
                        difference.fix().name()).increment();
                fixed++;
            }
        }
        days.differences(checkId).stream().filter(difference -> difference.fix() == null).forEach(difference ->
                metrics.counter("day.check.differences", "kind", difference.kind().name(), "fix", "none").increment());
        DayCheck counted = check(checkId);
        days.saveCounts(checkId, counted.receipts(), counted.loyaltyReceipts(), counted.agreed(), fixed, open);
        log.info("Day check {} of {} {}: {} fixed, {} open", checkId, check.account(), check.day(), fixed, open);
        return open;
    }

    private void apply(DayCheck check, DayCheck.Difference difference) {
        switch (difference.fix()) {
            case FINALIZED -> finalizeSale(difference.checkoutId(), difference.transactionId());
            case REVERSED -> reversals.request(difference.checkoutId(), "The day check of " + check.day()
                    + " found the receipt deleted in Poster", SaleReversal.RequestedBy.POSTER);
            case RELEASED -> release(difference.checkoutId());
        }
        log.info("Day check {}: {} of checkout {} fixed ({})", check.id(), difference.kind(), difference.checkoutId(),
                difference.fix());
    }

    /**
     * A closed receipt inCust has not finalized: a checkout still waiting for it is told the receipt closed (its model
     * finalizes, in the background); one that thinks itself completed is finalized again by its own step, which asks
     * inCust first; one finalizing already (a fix repeated after a crash) is left to its model.
     */
    private void finalizeSale(String checkoutId, String transactionId) {
        Checkout checkout = checkouts.find(checkoutId).orElseThrow();
        if (checkout.status() == CheckoutStatus.AWAITING_ORDER_CLOSE) {
            commands.locked(checkoutId, locked -> commands.receiptClosed(locked, transactionId, null));
        } else if (checkout.status() == CheckoutStatus.COMPLETED) {
            checkoutSteps.finalizeSale(checkoutId);
        }
    }

    /** A checkout still waiting for its receipt is told it was deleted (its model releases); an ended one released. */
    private void release(String checkoutId) {
        Checkout checkout = checkouts.find(checkoutId).orElseThrow();
        if (checkout.status() == CheckoutStatus.AWAITING_ORDER_CLOSE) {
            commands.locked(checkoutId, commands::receiptDeleted);
        } else {
            checkoutSteps.release(checkoutId);
        }
    }

    /** A receipt against its checkout and inCust's transaction (null when inCust listed none that day). */
    private List<DayCheck.Difference> compare(DayCheckRepository.Receipt receipt, Checkout sale,
                                              DayCheckRepository.Sale inIncust, boolean returning) {
        String status = inIncust == null ? null : inIncust.status();
        List<DayCheck.Difference> found = new ArrayList<>();
        if (UNFINISHED.contains(sale.status()) || returning) {
            found.add(stuck(sale, returning));
            return found;
        }
        switch (receipt.state()) {
            case CLOSED -> {
                if (sale.status() == CheckoutStatus.AWAITING_ORDER_CLOSE
                        || (sale.status() == CheckoutStatus.COMPLETED && status != null && holds(status))) {
                    found.add(difference(DayCheck.Kind.NOT_FINALIZED, receipt, sale, inIncust, DayCheck.Fix.FINALIZED,
                            "Poster closed the receipt; inCust's sale is " + status + " and the checkout "
                                    + sale.status() + ": finalized through the checkout"));
                } else if (sale.status() == CheckoutStatus.COMPLETED && Loyalty.Transaction.FINALIZED.equals(status)) {
                    if (receipt.payedBonus().compareTo(inIncust.paid()) != 0) {
                        found.add(difference(DayCheck.Kind.BONUS_MISMATCH, receipt, sale, inIncust, null,
                                "Poster's receipt shows " + receipt.payedBonus().toPlainString() + " paid with bonuses, "
                                        + "inCust " + inIncust.paid().toPlainString() + " (points and coupons): "
                                        + "compare the receipt with the sale and settle the points in the inCust panel"));
                    }
                    if (receipt.printFiscal() == PosterDayReceipt.FISCAL_RETURN && returns.findOfCheckout(sale.id())
                            .isEmpty()) {
                        found.add(difference(DayCheck.Kind.RETURN_NOT_APPLIED, receipt, sale, inIncust, null,
                                "Poster shows a fiscal return of this receipt that no return applied in inCust: take "
                                        + "back the returned items' points in the inCust panel"));
                    }
                } else if (ended(sale) && receipt.payedBonus().signum() > 0) {
                    found.add(difference(DayCheck.Kind.BONUS_MISMATCH, receipt, sale, inIncust, null,
                            "Poster's receipt shows " + receipt.payedBonus().toPlainString() + " paid with bonuses, "
                                    + "but the checkout was " + sale.status() + " and inCust redeemed nothing: settle "
                                    + "the guest's points in the inCust panel"));
                }
            }
            case DELETED -> {
                if (sale.status() == CheckoutStatus.COMPLETED && Loyalty.Transaction.FINALIZED.equals(status)) {
                    found.add(difference(DayCheck.Kind.NOT_REVERSED, receipt, sale, inIncust, DayCheck.Fix.REVERSED,
                            "Poster deleted the receipt; inCust's sale stands: reversed through the sale reversal"));
                } else if (status != null && holds(status)
                        && (ended(sale) || sale.status() == CheckoutStatus.AWAITING_ORDER_CLOSE)) {
                    found.add(difference(DayCheck.Kind.RESERVATION_HELD, receipt, sale, inIncust, DayCheck.Fix.RELEASED,
                            "Poster deleted the receipt; inCust still holds the reservation of the "
                                    + sale.status() + " checkout: released through the checkout"));
                }
            }
            case OPEN -> {
                // an open receipt settles nothing yet: the next day's check sees it closed or deleted
            }
        }
        return found;
    }

    /**
     * inCust's transactions no receipt of the day explained: a reservation an ended checkout left, or no checkout's.
     * A terminal another café of the service shares makes sales of theirs: theirs to check.
     */
    private void salesNoReceiptExplains(DayCheck check, DayMatch match) {
        String after = null;
        List<DayCheckRepository.Sale> page;
        do {
            page = days.unexplainedSales(check.id(), after);
            Map<String, Checkout> ofSale = checkouts.findAll(page.stream()
                            .map(DayCheckRepository.Sale::externalId).filter(id -> id != null).toList()).stream()
                    .collect(Collectors.toMap(Checkout::id, Function.identity()));
            List<DayCheck.Difference> found = new ArrayList<>();
            for (DayCheckRepository.Sale sale : page) {
                Checkout checkout = sale.externalId() == null ? null : ofSale.get(sale.externalId());
                if (checkout == null) {
                    found.add(new DayCheck.Difference(UUID.randomUUID().toString(), DayCheck.Kind.UNKNOWN_SALE, null,
                            null, sale.incustTransactionId(), null, sale.paid(), null, DayCheck.Difference.OPEN,
                            "inCust has a sale (" + sale.status() + ", external id " + sale.externalId() + ") of the "
                                    + "account's terminal that no checkout of the service made: look it up in the "
                                    + "inCust panel"));
                } else if (checkout.account().equals(check.account()) && holds(sale.status()) && ended(checkout)) {
                    found.add(new DayCheck.Difference(UUID.randomUUID().toString(), DayCheck.Kind.RESERVATION_HELD,
                            checkout.transactionId(), checkout.id(), sale.incustTransactionId(), null, sale.paid(),
                            DayCheck.Fix.RELEASED, DayCheck.Difference.OPEN, "The checkout is " + checkout.status()
                            + "; inCust still holds its reservation: released"));
                }
            }
            match.record(check.id(), found);
            after = page.isEmpty() ? null : page.get(page.size() - 1).incustTransactionId();
        } while (page.size() == DayCheckRepository.PAGE);
    }

    /** Checkouts started that day still finalizing or reversing that no difference names yet. */
    private void stuckCheckoutsOf(DayCheck check, DayMatch match) {
        ZoneId zone = zoneOf(check.account());
        List<Checkout> unfinished = checkouts.findStartedBetween(check.account(),
                check.day().atStartOfDay(zone).toOffsetDateTime(),
                check.day().plusDays(1).atStartOfDay(zone).toOffsetDateTime(), UNFINISHED, DayCheckRepository.PAGE);
        Set<String> named = days.checkoutsWithDifferences(check.id(), unfinished.stream().map(Checkout::id).toList());
        match.record(check.id(), unfinished.stream().filter(checkout -> !named.contains(checkout.id()))
                .map(checkout -> stuck(checkout, false)).toList());
    }

    /** The bindings that served the account's registers that day, one per inCust terminal. */
    private List<TerminalBinding> terminalsOfTheDay(String account, OffsetDateTime from, OffsetDateTime to) {
        Map<String, TerminalBinding> byTerminal = new LinkedHashMap<>();
        bindings.findAll(Optional.of(account)).stream()
                .filter(binding -> binding.createdAt().isBefore(to))
                .filter(binding -> binding.status() == TerminalBindingStatus.ACTIVE
                        || !binding.updatedAt().isBefore(from))
                .forEach(binding -> byTerminal.putIfAbsent(binding.terminalId(), binding));
        return List.copyOf(byTerminal.values());
    }

    private static DayCheck.Difference stuck(Checkout checkout, boolean returning) {
        String what = returning ? "returning" : checkout.status().name();
        return new DayCheck.Difference(UUID.randomUUID().toString(), DayCheck.Kind.STUCK, checkout.transactionId(),
                checkout.id(), checkout.incustTransactionId(), null, null, null, DayCheck.Difference.OPEN,
                "The checkout is still " + what + ": see its instances in Cockpit (business key " + checkout.id()
                        + ") for an incident");
    }

    private static DayCheck.Difference difference(DayCheck.Kind kind, DayCheckRepository.Receipt receipt,
                                                  Checkout sale, DayCheckRepository.Sale inIncust, DayCheck.Fix fix,
                                                  String detail) {
        return new DayCheck.Difference(UUID.randomUUID().toString(), kind, receipt.transactionId(), sale.id(),
                sale.incustTransactionId(), receipt.payedBonus(), inIncust == null ? null : inIncust.paid(), fix,
                DayCheck.Difference.OPEN, detail);
    }

    private static boolean holds(String status) {
        return new Loyalty.Transaction(null, null, status, null, null, null, null).holds();
    }

    private static boolean ended(Checkout checkout) {
        return checkout.status() == CheckoutStatus.CANCELLED || checkout.status() == CheckoutStatus.EXPIRED;
    }

    private static Checkout newer(Checkout one, Checkout other) {
        return other.createdAt().isAfter(one.createdAt()) ? other : one;
    }

    ZoneId zoneOf(String account) {
        return installations.find(account).map(Installation::timeZone).filter(zone -> zone != null && !zone.isBlank())
                .map(ZoneId::of).orElse(ZoneId.of("UTC"));
    }

    private DayCheck check(String checkId) {
        return days.find(checkId).orElseThrow(() -> new IllegalStateException("No day check " + checkId));
    }

    /** Counts of what matching found; the differences themselves are written page by page. */
    private final class DayMatch {
        private int loyaltyReceipts;
        private int agreed;
        private int differences;
        private int open;

        List<DayCheck.Difference> loyalty(List<DayCheck.Difference> found) {
            loyaltyReceipts++;
            if (found.isEmpty()) {
                agreed++;
            }
            return found;
        }

        void record(String checkId, List<DayCheck.Difference> found) {
            days.addDifferences(checkId, found);
            differences += found.size();
            open += (int) found.stream().filter(difference -> difference.fix() == null).count();
        }
    }
}
