package com.posterincust.checkout;

import com.posterincust.installation.InstallationRepository;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterReceipt;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Acts on what Poster says of a receipt it mentioned in a webhook: a closed receipt settles the checkout that waits
 * for it (known by the receipt id, or the one checkout waiting at the register that closed it); a deleted one
 * releases a waiting checkout's reservation, or tells that a completed sale's receipt is gone ({@link SaleReceiptDeleted}:
 * the sale-reversal process undoes it in inCust).
 */
@Service
public class ReceiptHints {

    private static final Logger log = LoggerFactory.getLogger(ReceiptHints.class);
    static final String RECEIPT_DELETED = "The receipt was deleted in Poster";

    private final CheckoutRepository checkouts;
    private final CheckoutCommands commands;
    private final InstallationRepository installations;
    private final PosterClient poster;
    private final ApplicationEventPublisher events;

    public ReceiptHints(CheckoutRepository checkouts, CheckoutCommands commands, InstallationRepository installations,
                        PosterClient poster, ApplicationEventPublisher events) {
        this.checkouts = checkouts;
        this.commands = commands;
        this.installations = installations;
        this.poster = poster;
        this.events = events;
    }

    public void receiptChanged(String account, String transactionId) {
        Optional<String> token = installations.accessToken(account);
        if (token.isEmpty()) {
            return;
        }
        Optional<PosterReceipt> receipt = poster.getTransaction(account, token.get(), transactionId);
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

    /** Any checkout of the receipt may settle: the one whose model waits for it does, the others change nothing. */
    private void closed(String account, PosterReceipt receipt) {
        List<Checkout> known = checkouts.findByTransaction(account, receipt.transactionId());
        List<Checkout> candidates = known.isEmpty() ? theOneWaitingAt(account, receipt.tabletId()).stream().toList()
                : known;
        for (Checkout checkout : candidates) {
            try {
                commands.locked(checkout.id(), locked -> commands.receiptClosed(locked, receipt.transactionId(), null));
                log.info("Checkout {}: receipt {} closed at register {}, as Poster says", checkout.id(),
                        receipt.transactionId(), receipt.tabletId());
            } catch (CheckoutCommands.WaitStateGone | OptimisticLockingException settledAlready) {
                log.info("Checkout {}: receipt {} was settled already", checkout.id(), receipt.transactionId());
            }
        }
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

    /** Two or more checkouts waiting at one register are ambiguous: the register's word or the receipt check decides. */
    private Optional<Checkout> theOneWaitingAt(String account, String tabletId) {
        if (tabletId == null) {
            return Optional.empty();
        }
        List<Checkout> waiting = checkouts.findWaitingForReceipt(account, tabletId);
        return waiting.size() == 1 ? Optional.of(waiting.get(0)) : Optional.empty();
    }
}
