package com.posterincust.checkout;

import com.posterincust.common.Amounts;
import com.posterincust.common.Ids;
import com.posterincust.common.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code POST /checkouts}: the order at Pay, in the register's major units. */
public record CheckoutRequest(String orderId, String transactionId, String customerSessionId, String customerId,
                              List<ItemRequest> items, BigDecimal total, String currency) {

    static final int MAX_ITEMS = 500;
    private static final BigDecimal MAX_COUNT = new BigDecimal("1000000");

    public record ItemRequest(String productId, String modificationId, String name, BigDecimal count, BigDecimal price) {
    }

    /** Every field checked on its face, all problems named at once; no external call is made for a bad order. */
    List<CheckoutModel.Item> validated(String terminalCurrency) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (!Ids.isName(orderId)) {
            errors.add(ProblemException.fieldError("orderId", "is required: " + Ids.NAME_RULE));
        }
        if (transactionId != null && !transactionId.isBlank() && !Ids.isPosterNumber(transactionId)) {
            errors.add(ProblemException.fieldError("transactionId", "must be the digits of a Poster receipt id"));
        }
        boolean bySession = customerSessionId != null && !customerSessionId.isBlank();
        boolean byId = customerId != null && !customerId.isBlank();
        if (bySession == byId) {
            errors.add(ProblemException.fieldError(bySession ? "customerId" : "customerSessionId",
                    "give exactly one of customerSessionId and customerId"));
        } else if (byId && !Ids.isName(customerId)) {
            errors.add(ProblemException.fieldError("customerId", "must be an inCust customer id: " + Ids.NAME_RULE));
        } else if (bySession && !Ids.isName(customerSessionId)) {
            errors.add(ProblemException.fieldError("customerSessionId", "is not a customer session id"));
        }
        if (currency == null || !currency.equals(terminalCurrency)) {
            errors.add(ProblemException.fieldError("currency", "must be " + terminalCurrency + ", the inCust terminal's"));
        }
        BigDecimal sum = BigDecimal.ZERO;
        if (items == null || items.isEmpty()) {
            errors.add(ProblemException.fieldError("items", "must list at least one item"));
        } else if (items.size() > MAX_ITEMS) {
            errors.add(ProblemException.fieldError("items", "must list at most " + MAX_ITEMS + " items"));
        } else {
            for (int i = 0; i < items.size(); i++) {
                sum = sum.add(checkItem(items.get(i), "items." + i + ".", errors));
            }
        }
        if (!Amounts.isValid(total)) {
            errors.add(ProblemException.fieldError("total", Amounts.RULE));
        } else if (errors.isEmpty() && sum.setScale(2, RoundingMode.HALF_UP).compareTo(total) != 0) {
            errors.add(ProblemException.fieldError("total", "is " + total + " but count x price of the items adds up to "
                    + sum.setScale(2, RoundingMode.HALF_UP)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRequest(errors);
        }
        return items.stream().map(item -> new CheckoutModel.Item(item.productId(), blankToNull(item.modificationId()),
                item.name(), item.count(), item.price().setScale(2, RoundingMode.UNNECESSARY))).toList();
    }

    private static BigDecimal checkItem(ItemRequest item, String prefix, List<Map<String, String>> errors) {
        if (item == null) {
            errors.add(ProblemException.fieldError(prefix.substring(0, prefix.length() - 1), "is required"));
            return BigDecimal.ZERO;
        }
        if (!Ids.isName(item.productId())) {
            errors.add(ProblemException.fieldError(prefix + "productId", "is required"));
        }
        if (item.name() == null || item.name().isBlank() || item.name().length() > 255) {
            errors.add(ProblemException.fieldError(prefix + "name", "is required, at most 255 characters"));
        }
        boolean countOk = item.count() != null && item.count().signum() > 0
                && item.count().stripTrailingZeros().scale() <= 3 && item.count().compareTo(MAX_COUNT) < 0;
        if (!countOk) {
            errors.add(ProblemException.fieldError(prefix + "count",
                    "must be more than 0 and below " + MAX_COUNT + ", with at most 3 decimals"));
        }
        boolean priceOk = Amounts.isValid(item.price());
        if (!priceOk) {
            errors.add(ProblemException.fieldError(prefix + "price", Amounts.RULE));
        }
        return countOk && priceOk ? item.count().multiply(item.price()) : BigDecimal.ZERO;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
