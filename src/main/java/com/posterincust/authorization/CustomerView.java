package com.posterincust.authorization;

import com.posterincust.incust.Loyalty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The {@code Customer} of docs/http-api.md: the inCust wallet plus the matching Poster client. */
public record CustomerView(String id, String name, String phone, String email, boolean isNew, BigDecimal bonusPoints,
                           List<Account> accounts, List<Coupon> coupons, String posterClientId) {

    public record Account(String id, String title, String type, BigDecimal balance) {
    }

    public record Coupon(String code, String title) {
    }

    static CustomerView of(Loyalty.Customer customer, boolean isNew) {
        return new CustomerView(customer.id(), customer.name(), customer.phone(), customer.email(), isNew,
                money(customer.bonusPoints()),
                customer.accounts() == null ? List.of() : customer.accounts().stream()
                        .map(a -> new Account(a.id(), a.title(), a.type(), a.balance())).toList(),
                customer.coupons() == null ? List.of() : customer.coupons().stream()
                        .map(c -> new Coupon(c.code(), c.title())).toList(),
                null);
    }

    CustomerView withPosterClient(String posterClientId) {
        return new CustomerView(id, name, phone, email, isNew, bonusPoints, accounts, coupons, posterClientId);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
