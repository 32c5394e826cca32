package com.posterincust.reversal;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** What other features may ask of the returns: a sale's returns, and which sales have one still being applied. */
@Service
public class SaleReturns {

    private final SaleReturnRepository returns;

    public SaleReturns(SaleReturnRepository returns) {
        this.returns = returns;
    }

    /** Oldest first. */
    public List<SaleReturn> findOfCheckout(String checkoutId) {
        return returns.findOfCheckout(checkoutId);
    }

    /** Of these checkouts, those with a return still being applied. */
    public Set<String> returning(Collection<String> checkoutIds) {
        return returns.returning(checkoutIds);
    }
}
