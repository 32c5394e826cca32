package com.posterincust.reversal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.checkout.Checkout;
import com.posterincust.checkout.Checkouts;
import com.posterincust.checkout.CheckoutStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A register reports a fiscal return of some items of a receipt: the receipt's loyalty sale is found (any register of
 * the account may report any of its receipts), the counts checked against what was sold less earlier returns, and the
 * return's process started — once per Idempotency-Key, with the checkout's row locked, so that twenty reports at once
 * are one return and two different returns never take more than was sold.
 */
@Service
public class SaleReturnCommands {

    private static final Logger log = LoggerFactory.getLogger(SaleReturnCommands.class);
    /** A checkout whose sale reached inCust's finalize: only such a sale has anything to return. */
    private static final Set<CheckoutStatus> LOYALTY_SALE = EnumSet.of(CheckoutStatus.FINALIZING,
            CheckoutStatus.COMPLETED, CheckoutStatus.REVERSING, CheckoutStatus.REVERSED);
    private static final Set<CheckoutStatus> UNDONE = EnumSet.of(CheckoutStatus.REVERSING, CheckoutStatus.REVERSED);

    /** What a report came to. */
    public sealed interface Reported {
        record Accepted(SaleReturn saleReturn) implements Reported {
        }

        record NotALoyaltySale() implements Reported {
        }

        record Conflict() implements Reported {
        }

        /** More of a product than is left of the sale: each named, nothing returned. */
        record Rejected(List<Map<String, String>> errors) implements Reported {
        }

        record WrongState(CheckoutStatus status) implements Reported {
        }
    }

    /** The register's report, as the register API takes it. */
    public record Report(String account, String tabletId, String idempotencyKey, String transactionId,
                         List<SaleReturn.Product> products) {
    }

    private final SaleReturnRepository returns;
    private final Checkouts checkouts;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    public SaleReturnCommands(SaleReturnRepository returns, Checkouts checkouts, RuntimeService runtime,
                              TransactionTemplate transactions, ObjectMapper json) {
        this.returns = returns;
        this.checkouts = checkouts;
        this.runtime = runtime;
        this.transactions = transactions;
        this.json = json;
    }

    public Reported report(Report report) {
        String hash = hash(report);
        try {
            return transactions.execute(status -> {
                Optional<SaleReturn> earlier = returns.findByKey(report.account(), report.idempotencyKey());
                if (earlier.isPresent()) {
                    return repeated(earlier.get(), hash);
                }
                Optional<Checkout> sale = saleOf(report.account(), report.transactionId())
                        .flatMap(found -> checkouts.lock(found.id()));
                if (sale.isEmpty()) {
                    return new Reported.NotALoyaltySale();
                }
                return returnOf(sale.get(), report, hash);
            });
        } catch (DuplicateKeyException sameKeyMeanwhile) {
            return repeated(returns.findByKey(report.account(), report.idempotencyKey()).orElseThrow(), hash);
        }
    }

    private Reported returnOf(Checkout sale, Report report, String hash) {
        if (UNDONE.contains(sale.status())) {
            return new Reported.WrongState(sale.status());
        }
        List<Map<String, String>> errors = beyondWhatIsLeft(sale, report.products(),
                returns.findOfCheckout(sale.id()));
        if (!errors.isEmpty()) {
            return new Reported.Rejected(errors);
        }
        SaleReturn saleReturn = new SaleReturn(UUID.randomUUID().toString(), sale.id(), report.account(),
                report.idempotencyKey(), hash, report.tabletId(), report.transactionId(), report.products(),
                valueOf(sale, report.products()), SaleReturn.Status.RETURNING, null, null, null);
        returns.insert(saleReturn);
        runtime.createProcessInstanceByKey(SaleReturnProcess.KEY)
                .businessKey(sale.id())
                .setVariables(Variables.createVariables()
                        .putValue(SaleReturnProcess.VAR_LABEL, sale.label())
                        .putValue(SaleReturnProcess.VAR_RETURN_ID, saleReturn.id()))
                .execute();
        log.info("Checkout {}: return {} of {} reported by register {}", sale.id(), saleReturn.id(),
                saleReturn.amount(), report.tabletId());
        return new Reported.Accepted(returns.find(saleReturn.id()).orElseThrow());
    }

    /** The loyalty sale of the receipt, the newest when the receipt had several checkouts. */
    private Optional<Checkout> saleOf(String account, String transactionId) {
        return checkouts.findByTransaction(account, transactionId).stream()
                .filter(checkout -> LOYALTY_SALE.contains(checkout.status()) && checkout.incustTransactionId() != null)
                .reduce((older, newer) -> newer.createdAt().isAfter(older.createdAt()) ? newer : older);
    }

    /** What the sale sold less what earlier returns took, per product of the order. */
    private static Map<String, BigDecimal> left(Checkout sale, List<SaleReturn> earlier) {
        Map<String, BigDecimal> left = new LinkedHashMap<>();
        sale.items().forEach(item -> left.merge(SaleReturnService.keyOf(item), item.count(), BigDecimal::add));
        earlier.forEach(done -> done.products().forEach(product -> left.merge(product.key(), product.count().negate(),
                BigDecimal::add)));
        return left;
    }

    /** The products of the sale no return took yet, with how many of each: what a deletion of the receipt returns. */
    static List<SaleReturn.Product> leftOf(Checkout sale, List<SaleReturn> earlier) {
        Map<String, BigDecimal> left = left(sale, earlier);
        return sale.items().stream().filter(item -> left.get(SaleReturnService.keyOf(item)).signum() > 0)
                .map(item -> new SaleReturn.Product(item.productId(), item.modificationId(),
                        left.put(SaleReturnService.keyOf(item), BigDecimal.ZERO)))
                .filter(product -> product.count() != null && product.count().signum() > 0).toList();
    }

    /** Each product returned beyond what the sale sold less earlier returns, named. */
    static List<Map<String, String>> beyondWhatIsLeft(Checkout sale, List<SaleReturn.Product> returned,
                                                       List<SaleReturn> earlier) {
        Map<String, BigDecimal> left = left(sale, earlier);
        Map<String, BigDecimal> asked = new HashMap<>();
        returned.forEach(product -> asked.merge(product.key(), product.count(), BigDecimal::add));
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < returned.size(); i++) {
            SaleReturn.Product product = returned.get(i);
            BigDecimal available = left.getOrDefault(product.key(), BigDecimal.ZERO);
            if (asked.get(product.key()).compareTo(available) > 0) {
                String named = "product " + product.productId() + (product.key().endsWith("/") ? ""
                        : " (modification " + product.modificationId() + ")");
                errors.add(Map.of("field", "products[" + i + "]", "message", left.containsKey(product.key())
                        ? named + ": " + plain(asked.get(product.key())) + " returned, " + plain(available.max(
                                BigDecimal.ZERO)) + " left of the sale"
                        : named + " was not sold on this receipt"));
            }
        }
        return errors;
    }

    /** The returned lines' value as the order had them: count × price, the check's terms. */
    static BigDecimal valueOf(Checkout sale, List<SaleReturn.Product> returned) {
        Map<String, BigDecimal> prices = new HashMap<>();
        sale.items().forEach(item -> prices.putIfAbsent(SaleReturnService.keyOf(item), item.price()));
        return returned.stream().map(product -> product.count().multiply(prices.get(product.key())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    private static Reported repeated(SaleReturn earlier, String hash) {
        return earlier.requestHash().equals(hash) ? new Reported.Accepted(earlier) : new Reported.Conflict();
    }

    private String hash(Report report) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(
                    List.of(report.transactionId(), report.products())).getBytes(StandardCharsets.UTF_8)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String plain(BigDecimal count) {
        return count.stripTrailingZeros().toPlainString();
    }
}
