package com.posterincust.reversal;

import com.posterincust.binding.Bindings;
import com.posterincust.checkout.Checkout;
import com.posterincust.checkout.Checkouts;
import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.Loyalty;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The steps of the sale reversal, callable without the engine. */
@Service
public class SaleReversalService {

    private static final Logger log = LoggerFactory.getLogger(SaleReversalService.class);

    private final Checkouts checkouts;
    private final SaleReversalRepository reversals;
    private final Bindings bindings;
    private final IncustClient incust;
    private final SaleReturnRepository returns;
    private final boolean giveBackRedeemed;

    public SaleReversalService(Checkouts checkouts, SaleReversalRepository reversals,
                               Bindings bindings, IncustClient incust, SaleReturnRepository returns,
                               @Value("${returns.give-back-redeemed:true}") boolean giveBackRedeemed) {
        this.checkouts = checkouts;
        this.reversals = reversals;
        this.bindings = bindings;
        this.incust = incust;
        this.returns = returns;
        this.giveBackRedeemed = giveBackRedeemed;
    }

    /**
     * Cancels the finalized transaction, sent once: a transaction inCust already shows as cancelled is done.
     * inCust unreachable propagates, for the engine's retries.
     *
     * @return inCust's words when it refuses the reversal (for an operator to reverse the sale by hand)
     */
    public Optional<String> cancelInIncust(String checkoutId) {
        Checkout checkout = checkouts.find(checkoutId)
                .orElseThrow(() -> new IllegalStateException("No checkout " + checkoutId));
        IncustCredentials terminal = bindings.credentials(checkout.bindingId());
        List<SaleReturn> returned = returns.findOfCheckout(checkoutId);
        // inCust's state first: after an unknown outcome (a timeout, a node gone mid-call) the cancel is not sent again
        try {
            if (!returned.isEmpty()) {
                returnTheRest(checkout, terminal, returned);
            } else if (!cancelledAlready(terminal, checkout.incustTransactionId())) {
                incust.cancel(terminal, checkout.incustTransactionId());
            }
        } catch (IncustApiException refused) {
            log.info("Checkout {}: inCust refused to cancel transaction {} ({}); an operator reverses it by hand",
                    checkoutId, checkout.incustTransactionId(), refused.symbol());
            return Optional.of(refused.incustMessage());
        }
        reversals.finish(checkoutId, SaleReversal.Outcome.CANCELLED_IN_INCUST);
        log.info("Checkout {}: sale reversed in inCust (transaction {} cancelled)", checkoutId,
                checkout.incustTransactionId());
        return Optional.empty();
    }

    /**
     * Part of the sale was returned before: what is left is returned as one more return ({@code <checkout>-rest}, safe
     * to repeat), so the sale's returns add up to it and nothing is given back twice.
     */
    private void returnTheRest(Checkout checkout, IncustCredentials terminal, List<SaleReturn> returned) {
        List<SaleReturn.Product> rest = SaleReturnCommands.leftOf(checkout, returned);
        if (rest.isEmpty()) {
            return;
        }
        SaleReturn theRest = new SaleReturn(checkout.id() + "-rest", checkout.id(), checkout.account(), null, null,
                checkout.tabletId(), checkout.transactionId(), rest, SaleReturnCommands.valueOf(checkout, rest),
                SaleReturn.Status.RETURNING, null, null, null);
        Loyalty.Returned done = incust.returnMade(terminal, checkout.incustTransactionId(), theRest.id())
                .orElseGet(() -> incust.returnPart(terminal, checkout.incustTransactionId(), theRest.id(),
                        theRest.amount(), SaleReturnService.items(checkout, theRest), giveBackRedeemed));
        log.info("Checkout {}: the rest of the sale ({}) returned in inCust after {} earlier return(s): {} points "
                + "back, {} earned points taken back", checkout.id(), theRest.amount(), returned.size(),
                done.bonusesReturned(), done.bonusesRemoved());
    }

    public void recordHandReversal(String checkoutId, boolean done) {
        reversals.finish(checkoutId, done ? SaleReversal.Outcome.REVERSED_BY_HAND : SaleReversal.Outcome.NOT_POSSIBLE);
        log.info("Checkout {}: an operator {}", checkoutId,
                done ? "reversed the sale by hand" : "found the reversal not possible; the sale stands");
    }

    private boolean cancelledAlready(IncustCredentials terminal, String transactionId) {
        try {
            return Loyalty.Transaction.CANCELLED.equals(incust.transaction(terminal, transactionId).status());
        } catch (IncustApiException unknown) {
            return false;
        }
    }
}
