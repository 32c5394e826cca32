package com.posterincust.reversal;

import com.posterincust.binding.Bindings;
import com.posterincust.checkout.Checkout;
import com.posterincust.checkout.CheckoutModel;
import com.posterincust.checkout.Checkouts;
import com.posterincust.checkout.CheckoutStatus;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.Loyalty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** The step of a return, callable without the engine: the returned part of the sale given back in inCust. */
@Service
public class SaleReturnService {

    /** What the step found: whether the sale could be returned yet, and whether nothing of it is left now. */
    public record Outcome(boolean saleFinalized, boolean wholeSaleReturned) {
    }

    private static final Logger log = LoggerFactory.getLogger(SaleReturnService.class);

    private final SaleReturnRepository returns;
    private final Checkouts checkouts;
    private final Bindings bindings;
    private final IncustClient incust;
    private final boolean giveBackRedeemed;

    public SaleReturnService(SaleReturnRepository returns, Checkouts checkouts,
                             Bindings bindings, IncustClient incust,
                             @Value("${returns.give-back-redeemed:true}") boolean giveBackRedeemed) {
        this.returns = returns;
        this.checkouts = checkouts;
        this.bindings = bindings;
        this.incust = incust;
        this.giveBackRedeemed = giveBackRedeemed;
    }

    /**
     * Returns the part in inCust, once the sale is finalized there (a sale still {@code FINALIZING} is not yet).
     * Safe to repeat: the return's id is its {@code external_id}. inCust's refusal propagates, for the engine's
     * retries and then an incident.
     */
    public Outcome returnInIncust(String returnId) {
        SaleReturn toReturn = returns.find(returnId).orElseThrow(() -> new IllegalStateException("No return "
                + returnId));
        Checkout sale = checkouts.find(toReturn.checkoutId()).orElseThrow();
        if (sale.status() == CheckoutStatus.FINALIZING) {
            log.info("Checkout {}: return {} waits for the sale's finalize", sale.id(), returnId);
            return new Outcome(false, false);
        }
        IncustCredentials terminal = bindings.credentials(sale.bindingId());
        // a background step may run again after an unknown outcome (a timeout, a node gone mid-call): inCust is
        // asked first, so a return is sent once, whatever inCust would do with a second
        Loyalty.Returned done = incust.returnMade(terminal, sale.incustTransactionId(), returnId)
                .orElseGet(() -> incust.returnPart(terminal, sale.incustTransactionId(), returnId, toReturn.amount(),
                        items(sale, toReturn), giveBackRedeemed));
        returns.saveOutcome(returnId, done.bonusesReturned(), done.bonusesRemoved());
        boolean whole = Loyalty.Returned.RETURNED.equals(done.saleStatus());
        log.info("Checkout {}: return {} of {} applied in inCust: {} points back, {} earned points taken back{}",
                sale.id(), returnId, toReturn.amount(), done.bonusesReturned(), done.bonusesRemoved(),
                whole ? "; nothing of the sale is left" : "");
        return new Outcome(true, whole);
    }

    /** The returned lines as the check had them: code, count, count × price. */
    static List<Loyalty.ReturnedItem> items(Checkout sale, SaleReturn toReturn) {
        Map<String, CheckoutModel.Item> sold = sale.items().stream().collect(Collectors.toMap(
                SaleReturnService::keyOf, Function.identity(), (first, same) -> first));
        return toReturn.products().stream().map(product -> {
            CheckoutModel.Item item = sold.get(product.key());
            return new Loyalty.ReturnedItem(item.incustCode(), product.count(),
                    product.count().multiply(item.price()).setScale(2, RoundingMode.HALF_UP));
        }).toList();
    }

    static String keyOf(CheckoutModel.Item item) {
        return new SaleReturn.Product(item.productId(), item.modificationId(), BigDecimal.ONE).key();
    }
}
