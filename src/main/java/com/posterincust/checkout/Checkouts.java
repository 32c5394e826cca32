package com.posterincust.checkout;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other features may ask of the checkout feature: a checkout, those of a receipt or of a day, the ones an
 * owner's page shows, and the checkout locked for a change that must not overlap its own steps — the one place the
 * checkout row is locked.
 */
@Service
public class Checkouts {

    private final CheckoutRepository checkouts;

    public Checkouts(CheckoutRepository checkouts) {
        this.checkouts = checkouts;
    }

    public Optional<Checkout> find(String id) {
        return checkouts.find(id);
    }

    public List<Checkout> findAll(Collection<String> ids) {
        return checkouts.findAll(ids);
    }

    /**
     * Locks the checkout's row until the transaction ends: its reversal, returns and steps then happen one after
     * another.
     */
    public Optional<Checkout> lock(String id) {
        return checkouts.lock(id);
    }

    /** The account's checkouts of one Poster receipt, newest first. */
    public List<Checkout> findByTransaction(String account, String transactionId) {
        return checkouts.findByTransaction(account, transactionId);
    }

    public List<Checkout> findByTransactions(String account, Collection<String> transactionIds) {
        return checkouts.findByTransactions(account, transactionIds);
    }

    /** The account's checkouts started in [from, to) now in one of {@code statuses}, at most {@code limit}. */
    public List<Checkout> findStartedBetween(String account, OffsetDateTime from, OffsetDateTime to,
                                             Collection<CheckoutStatus> statuses, int limit) {
        return checkouts.findStartedBetween(account, from, to, statuses, limit);
    }

    /** One account's checkouts newest first, of one register, of one span of time, or all. */
    public List<Checkout> findOfAccount(String account, Optional<String> tabletId, Optional<OffsetDateTime> from,
                                        Optional<OffsetDateTime> until, int limit, long offset) {
        return checkouts.findOfAccount(account, tabletId, from, until, limit, offset);
    }

    /** The account's checkouts someone may have to look at (see {@link CheckoutRepository#findToLookAt}). */
    public List<Checkout> findToLookAt(String account, OffsetDateTime bonusChecksSince, Collection<String> named,
                                       int limit) {
        return checkouts.findToLookAt(account, bonusChecksSince, named, limit);
    }
}
