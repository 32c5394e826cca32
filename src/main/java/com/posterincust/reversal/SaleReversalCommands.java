package com.posterincust.reversal;

import com.posterincust.checkout.Checkout;
import com.posterincust.checkout.Checkouts;
import com.posterincust.checkout.CheckoutStatus;
import com.posterincust.checkout.SaleReceiptDeleted;
import java.math.BigDecimal;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the reversal of a completed sale, at most once per checkout whoever asks and on whichever node: the checkout's
 * row is locked, the reversal's row written and the process started in one transaction, so a second caller waits for
 * the first and then finds its reversal.
 */
@Service
public class SaleReversalCommands {

    private static final Logger log = LoggerFactory.getLogger(SaleReversalCommands.class);

    /** What a request for a reversal found and did. */
    public sealed interface Requested {

        record Started(Checkout checkout) implements Requested {
        }

        /** The request that started this checkout's reversal, asked again: answered as it stands now. */
        record Repeated(Checkout checkout) implements Requested {
        }

        record WrongState(Checkout checkout, String detail) implements Requested {
        }

        record NotFound() implements Requested {
        }
    }

    private final SaleReversalRepository reversals;
    private final Checkouts checkouts;
    private final RuntimeService runtime;

    public SaleReversalCommands(SaleReversalRepository reversals, Checkouts checkouts, RuntimeService runtime) {
        this.reversals = reversals;
        this.checkouts = checkouts;
        this.runtime = runtime;
    }

    /** Poster deleted the receipt of a completed sale: the sale is undone, as a reversal Poster asked for. */
    @Transactional
    @EventListener
    public void on(SaleReceiptDeleted deleted) {
        request(deleted.checkoutId(), deleted.reason(), SaleReversal.RequestedBy.POSTER);
    }

    @Transactional
    public Requested request(String checkoutId, String reason, SaleReversal.RequestedBy requestedBy) {
        Optional<Checkout> locked = checkouts.lock(checkoutId);
        if (locked.isEmpty()) {
            return new Requested.NotFound();
        }
        Checkout checkout = locked.get();
        Optional<SaleReversal> earlier = reversals.find(checkoutId);
        if (earlier.isPresent()) {
            return again(checkout, earlier.get(), reason, requestedBy);
        }
        if (checkout.status() != CheckoutStatus.COMPLETED) {
            return new Requested.WrongState(checkout, "The checkout is " + checkout.status()
                    + "; only a completed sale can be reversed");
        }
        reversals.insert(checkoutId, reason, requestedBy);
        runtime.createProcessInstanceByKey(SaleReversalProcess.KEY)
                .businessKey(checkoutId)
                .setVariables(Variables.createVariables()
                        .putValue(SaleReversalProcess.VAR_LABEL, checkout.label())
                        .putValue(SaleReversalProcess.VAR_REASON, reason)
                        .putValue(SaleReversalProcess.VAR_GUEST, checkout.customerId())
                        .putValue(SaleReversalProcess.VAR_REDEEMED, plain(checkout.redeemedPoints()))
                        .putValue(SaleReversalProcess.VAR_EARNED,
                                plain(checkout.offer() == null ? null : checkout.offer().bonusesToAdd()))
                        .putValue(SaleReversalProcess.VAR_INCUST_TRANSACTION, checkout.incustTransactionId()))
                .execute();
        log.info("Checkout {}: reversal of the sale started, asked by {}", checkoutId, requestedBy);
        return new Requested.Started(checkouts.find(checkoutId).orElseThrow());
    }

    private static Requested again(Checkout checkout, SaleReversal earlier, String reason,
                                   SaleReversal.RequestedBy requestedBy) {
        boolean sameRequest = earlier.requestedBy() == requestedBy && earlier.reason().equals(reason);
        if (sameRequest && earlier.outcome() != SaleReversal.Outcome.NOT_POSSIBLE) {
            return new Requested.Repeated(checkout);
        }
        String detail = earlier.outcome() == SaleReversal.Outcome.NOT_POSSIBLE
                ? "An operator found the reversal of this sale not possible on " + earlier.finishedAt()
                : "The sale's reversal was asked for on " + earlier.requestedAt() + " by " + earlier.requestedBy()
                + " (\"" + earlier.reason() + "\"); the checkout is " + checkout.status();
        return new Requested.WrongState(checkout, detail);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "unknown" : amount.toPlainString();
    }
}
