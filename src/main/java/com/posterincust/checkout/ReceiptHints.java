package com.posterincust.checkout;

import com.posterincust.poster.PosterReceipt;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Acts on what Poster says of a receipt it mentioned in a webhook: a closed receipt settles the checkout that waits
 * for it (known by the receipt id, or on evidence, {@link ReceiptEvidence}); a deleted one
 * releases a waiting checkout's reservation, or tells that a completed sale's receipt is gone ({@link SaleReceiptDeleted}:
 * the sale-reversal process undoes it in inCust).
 */
@Service
public class ReceiptHints {

    private static final Logger log = LoggerFactory.getLogger(ReceiptHints.class);
    static final String RECEIPT_DELETED = "The receipt was deleted in Poster";

    private final CheckoutRepository checkouts;
    private final CheckoutCommands commands;
    private final PosterReceipts receipts;
    private final ApplicationEventPublisher events;
    private final Counter ignoredReceipts;

    public ReceiptHints(CheckoutRepository checkouts, CheckoutCommands commands, PosterReceipts receipts,
                        ApplicationEventPublisher events, MeterRegistry metrics) {
        this.checkouts = checkouts;
        this.commands = commands;
        this.receipts = receipts;
        this.events = events;
        this.ignoredReceipts = Counter.builder("orchestrator.receipt.hints.ignored")
                .description("Closed receipts of Poster's webhooks that settled no checkout: none named them, and "
                        + "no single waiting checkout had their guest and bonus")
                .register(metrics);
    }

    public void receiptChanged(String account, String transactionId) {
        Optional<PosterReceipt> receipt = receipts.readIfInstalled(account, transactionId);
        if (receipt.isEmpty()) {
            log.info("Receipt {} of {}: Poster does not know it", transactionId, account);
            return;
        }
        switch (receipt.get().state()) {
            case CLOSED -> closed(account, receipt.get());
            case DELETED -> deleted(account, receipt.get());
            case OPEN -> log.debug("Receipt {} of {} is still open", transactionId, account);
        }
    }

    /**
     * The checkouts of the receipt settle: those that named it, else the one checkout waiting at its register that
     * the receipt is evidence of ({@link ReceiptEvidence}). Whether it still waits is the model's to say; the
     * evidence is looked at again under the checkout's lock (the register may have named its receipt meanwhile).
     */
    private void closed(String account, PosterReceipt receipt) {
        List<Checkout> named = checkouts.findByTransaction(account, receipt.transactionId());
        for (Checkout checkout : named.isEmpty() ? matchedByEvidence(account, receipt) : named) {
            try {
                boolean settled = commands.locked(checkout.id(), locked -> {
                    if (!ReceiptEvidence.settles(receipt, locked)) {
                        return false;
                    }
                    commands.receiptClosed(locked, receipt.transactionId(), null);
                    return true;
                }).orElse(false);
                if (settled) {
                    log.info("Checkout {}: receipt {} closed at register {}, as Poster says", checkout.id(),
                            receipt.transactionId(), receipt.tabletId());
                } else {
                    ignored(account, receipt, "the register named another receipt meanwhile");
                }
            } catch (CheckoutCommands.WaitStateGone | OptimisticLockingException settledAlready) {
                log.info("Checkout {}: receipt {} was settled already", checkout.id(), receipt.transactionId());
            }
        }
    }

    /** One checkout waiting at the receipt's register that the receipt is evidence of; two or more are ambiguous. */
    private List<Checkout> matchedByEvidence(String account, PosterReceipt receipt) {
        if (receipt.tabletId() == null) {
            ignored(account, receipt, "Poster does not say which register closed it");
            return List.of();
        }
        List<Checkout> matching = checkouts.findWaitingForReceipt(account, receipt.tabletId()).stream()
                .filter(checkout -> ReceiptEvidence.settles(receipt, checkout)).toList();
        if (matching.size() != 1) {
            ignored(account, receipt, matching.isEmpty() ? "no checkout waiting at register " + receipt.tabletId()
                    + " has its guest and bonus" : matching.size() + " checkouts waiting at register "
                    + receipt.tabletId() + " match it");
        }
        return matching.size() == 1 ? matching : List.of();
    }

    private void ignored(String account, PosterReceipt receipt, String why) {
        ignoredReceipts.increment();
        log.info("Receipt {} of {} settles no checkout: {}", receipt.transactionId(), account, why);
    }

    /**
     * A checkout waiting for its receipt ends as the receipt check would have ended it (receipt deleted); one still
     * before that (choosing, confirming) is cancelled; a completed sale is the reversal's to undo. Which fits is the
     * model's to say: the receipt's deletion is tried first, then the cancel, each in a transaction of its own (a
     * refused try leaves its transaction fit only for rolling back).
     */
    private void deleted(String account, PosterReceipt receipt) {
        for (Checkout checkout : checkouts.findByTransaction(account, receipt.transactionId())) {
            try {
                try {
                    commands.locked(checkout.id(), commands::receiptDeleted);
                } catch (CheckoutCommands.WaitStateGone notWaitingForTheReceipt) {
                    commands.locked(checkout.id(), commands::cancel);
                }
                log.info("Checkout {}: receipt {} deleted in Poster, reservation released", checkout.id(),
                        receipt.transactionId());
            } catch (CheckoutCommands.WaitStateGone gone) {
                if (gone.checkout().status() == CheckoutStatus.COMPLETED) {
                    events.publishEvent(new SaleReceiptDeleted(checkout.id(), RECEIPT_DELETED));
                }
            }
        }
    }

}
