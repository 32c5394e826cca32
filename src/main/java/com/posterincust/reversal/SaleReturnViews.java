package com.posterincust.reversal;

import com.posterincust.checkout.CheckoutReturns;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The checkout's views ask this feature for a checkout's returns through {@link CheckoutReturns}. */
@Component
public class SaleReturnViews implements CheckoutReturns {

    private final SaleReturnRepository returns;

    public SaleReturnViews(SaleReturnRepository returns) {
        this.returns = returns;
    }

    @Override
    public List<ReturnView> of(String checkoutId) {
        return returns.findOfCheckout(checkoutId).stream().map(SaleReturnViews::view).toList();
    }

    @Override
    public Map<String, List<ReturnView>> ofAll(Collection<String> checkoutIds) {
        Map<String, List<ReturnView>> byCheckout = new LinkedHashMap<>();
        returns.findOfCheckouts(checkoutIds).forEach(found -> byCheckout.computeIfAbsent(found.checkoutId(),
                id -> new java.util.ArrayList<>()).add(view(found)));
        return byCheckout;
    }

    static ReturnView view(SaleReturn found) {
        return new ReturnView(found.id(), found.status().name(), found.amount(), found.bonusPointsReturned(),
                found.bonusPointsRemoved(), found.createdAt());
    }
}
