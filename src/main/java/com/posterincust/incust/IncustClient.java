package com.posterincust.incust;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.ExternalCallMetrics;
import com.posterincust.common.FeignFailures;
import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.incust.IncustWire.Check;
import com.posterincust.incust.IncustWire.CheckResult;
import com.posterincust.incust.IncustWire.ConfirmationCode;
import com.posterincust.incust.IncustWire.Customer;
import com.posterincust.incust.IncustWire.CustomerSearch;
import com.posterincust.incust.IncustWire.Finalization;
import com.posterincust.incust.IncustWire.Identifier;
import com.posterincust.incust.IncustWire.Login;
import com.posterincust.incust.IncustWire.NewCustomer;
import com.posterincust.incust.IncustWire.Preparation;
import com.posterincust.incust.IncustWire.Profile;
import com.posterincust.incust.IncustWire.Redeem;
import com.posterincust.incust.IncustWire.Reservation;
import com.posterincust.incust.IncustWire.TerminalSettings;
import com.posterincust.incust.IncustWire.TerminalToken;
import com.posterincust.incust.IncustWire.Transaction;
import feign.Client;
import feign.Feign;
import feign.Request;
import feign.RequestTemplate;
import feign.Retryer;
import feign.Target;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The service's only door to inCust. Keeps one terminal token per terminal login, renews it once
 * when inCust answers 401, and turns failures into {@link IncustApiException} (inCust said no) or
 * {@link ExternalSystemUnavailableException} (retry later).
 */
@Component
public class IncustClient {

    private record CachedToken(String passwordDigest, String token) {
    }

    private final IncustApi api;
    private final ExternalCallMetrics metrics;
    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    public IncustClient(IncustProperties properties, Client httpClient, ObjectMapper springJson,
                        ExternalCallMetrics metrics) {
        this.metrics = metrics;
        // Absent fields stay absent: a null in a profile update would erase what inCust knows.
        ObjectMapper json = springJson.copy()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        this.api = Feign.builder()
                .client(httpClient)
                .encoder(new JacksonEncoder(json))
                .decoder(new JacksonDecoder(json))
                .errorDecoder(new IncustErrorDecoder(json))
                .retryer(Retryer.NEVER_RETRY)
                .requestInterceptor(template -> template.header("Accept-Language", properties.getApi().getLanguage()))
                .options(properties.getApi().feignOptions())
                .target(new LiveUrlTarget(() -> properties.getApi().getBaseUrl()));
    }

    /** Logs the terminal in (always a fresh token) and answers the terminal's facts; used to check a binding. */
    public Loyalty.Terminal login(IncustCredentials terminal) {
        return terminalOf(freshToken(terminal));
    }

    private TerminalToken freshToken(IncustCredentials terminal) {
        TerminalToken token = guarded("POST /term/token", () -> api.token(new Login(terminal.login(), terminal.password())));
        tokens.put(terminal.login(), new CachedToken(digest(terminal.password()), token.token()));
        return token;
    }

    public Loyalty.TerminalSettings settings(IncustCredentials terminal) {
        TerminalSettings settings = authorized("GET /term/settings", terminal, api::settings);
        return new Loyalty.TerminalSettings(settings.id(), settings.title(), settings.currency(),
                settings.redemptionConfirmation(), settings.confirmationLimit());
    }

    public Optional<Loyalty.Customer> findCustomer(IncustCredentials terminal, Loyalty.Identifier identifier) {
        List<Customer> found = authorized("POST /term/customer/search", terminal,
                token -> api.searchCustomer(token, new CustomerSearch(wire(identifier)))).customers();
        return found == null || found.isEmpty() ? Optional.empty() : Optional.of(customerOf(found.get(0)));
    }

    public Loyalty.Customer registerCustomer(IncustCredentials terminal, List<Loyalty.Identifier> identifiers) {
        NewCustomer customer = new NewCustomer(identifiers.stream().map(IncustClient::wire).toList());
        return customerOf(authorized("POST /term/customer", terminal, token -> api.registerCustomer(token, customer)));
    }

    public Loyalty.Customer customer(IncustCredentials terminal, String customerId) {
        return customerOf(authorized("GET /term/customer/{id}", terminal, token -> api.customer(token, customerId)));
    }

    public Loyalty.Customer updateProfile(IncustCredentials terminal, String customerId, Loyalty.Profile profile) {
        Profile wire = new Profile(profile.name(), profile.gender(), profile.birthDate(), profile.email());
        return customerOf(authorized("PUT /term/customer/{id}/profile", terminal,
                token -> api.updateProfile(token, customerId, wire)));
    }

    public Loyalty.CheckResult prepareCheck(IncustCredentials terminal, Loyalty.Check check) {
        Check wire = wire(check);
        return checkResultOf(authorized("POST /term/check/prepare", terminal, token -> api.prepareCheck(token, wire)));
    }

    /** What the guest would pay and earn with this redemption, as inCust calculates it; nothing is reserved. */
    public Loyalty.CheckResult prepareRedemption(IncustCredentials terminal, Loyalty.Check check, Loyalty.Redeem redeem) {
        Preparation preparation = Preparation.of(wire(check), wire(redeem));
        return checkResultOf(authorized("POST /term/check/prepare", terminal,
                token -> api.prepareRedemption(token, preparation)));
    }

    /** Safe to repeat: inCust answers the same transaction for the same {@code externalId}. */
    public Loyalty.Transaction reserve(IncustCredentials terminal, Loyalty.Check check, String externalId,
                                       Loyalty.Redeem redeem) {
        Reservation reservation = Reservation.of(wire(check), externalId, wire(redeem));
        return transactionOf(authorized("POST /term/check/reserve", terminal, token -> api.reserve(token, reservation)));
    }

    public Loyalty.Transaction resendConfirmation(IncustCredentials terminal, String transactionId) {
        return transactionOf(authorized("POST /term/transaction/{id}/confirmation/resend", terminal,
                token -> api.resendConfirmation(token, transactionId)));
    }

    public Loyalty.Transaction confirm(IncustCredentials terminal, String transactionId, String code) {
        return transactionOf(authorized("POST /term/transaction/{id}/confirm", terminal,
                token -> api.confirm(token, transactionId, new ConfirmationCode(code))));
    }

    public Loyalty.Transaction finalizeTransaction(IncustCredentials terminal, String transactionId,
                                                   String externalCheckId, BigDecimal paidWithBonuses) {
        Finalization finalization = new Finalization(externalCheckId, paidWithBonuses);
        return transactionOf(authorized("POST /term/transaction/{id}/finalize", terminal,
                token -> api.finalizeTransaction(token, transactionId, finalization)));
    }

    public Loyalty.Transaction cancel(IncustCredentials terminal, String transactionId) {
        return transactionOf(authorized("POST /term/transaction/{id}/cancel", terminal,
                token -> api.cancel(token, transactionId)));
    }

    /**
     * Returns part of a finalized sale: {@code amount} (the returned lines' value as the check had them) in inCust's
     * proportion of its points. Safe to repeat: the same {@code externalId} answers the return as inCust made it.
     */
    public Loyalty.Returned returnPart(IncustCredentials terminal, String transactionId, String externalId,
                                       BigDecimal amount, List<Loyalty.ReturnedItem> items, boolean returnRedeemed) {
        IncustWire.SaleReturn saleReturn = new IncustWire.SaleReturn(externalId, amount, items.stream()
                .map(item -> new IncustWire.ReturnedItem(item.code(), item.quantity(), item.amount())).toList(),
                returnRedeemed);
        Transaction sale = authorized("POST /term/transaction/{id}/return", terminal,
                token -> api.returnPart(token, transactionId, saleReturn));
        return returnIn(sale, externalId).orElseThrow(() -> new ExternalSystemUnavailableException("inCust",
                "POST /term/transaction/{id}/return", "answer without the return " + externalId, false));
    }

    /** The return inCust made under {@code externalId} on the sale, if it made one: asked before one is sent. */
    public Optional<Loyalty.Returned> returnMade(IncustCredentials terminal, String transactionId, String externalId) {
        return returnIn(authorized("GET /term/transaction/{id}", terminal,
                token -> api.transaction(token, transactionId)), externalId);
    }

    private static Optional<Loyalty.Returned> returnIn(Transaction sale, String externalId) {
        return (sale.returns() == null ? List.<IncustWire.ReturnDone>of() : sale.returns()).stream()
                .filter(entry -> externalId.equals(entry.externalId())).findFirst()
                .map(done -> new Loyalty.Returned(sale.status(), done.amount(), zeroIfNull(done.bonusesReturned()),
                        zeroIfNull(done.bonusesRemoved())));
    }

    private static BigDecimal zeroIfNull(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }

    public Loyalty.Transaction transaction(IncustCredentials terminal, String transactionId) {
        return transactionOf(authorized("GET /term/transaction/{id}", terminal,
                token -> api.transaction(token, transactionId)));
    }

    /**
     * One page of the terminal's transactions created in [{@code from}, {@code to}), oldest first: the first page with
     * a null {@code cursor}, the next with the cursor of the page before.
     */
    public Loyalty.TransactionPage transactionsBetween(IncustCredentials terminal, Instant from, Instant to,
                                                       String cursor) {
        IncustWire.TransactionPage page = authorized("GET /term/transactions", terminal,
                token -> api.transactionsBetween(token, from.toString(), to.toString(), cursor));
        return new Loyalty.TransactionPage(page.transactions() == null ? List.of() : page.transactions().stream()
                .map(sale -> new Loyalty.TransactionOfDay(sale.id(), sale.externalId(), sale.status(),
                        sale.redeemedBonuses(), sale.discountAmount(), sale.returnedAmount())).toList(),
                page.nextCursor());
    }

    /** The transactions inCust made under {@code externalId}: a reservation whose answer was lost is among them. */
    public List<Loyalty.Transaction> transactionsByExternalId(IncustCredentials terminal, String externalId) {
        List<Transaction> found = authorized("GET /term/transactions", terminal,
                token -> api.transactionsByExternalId(token, externalId)).transactions();
        return found == null ? List.of() : found.stream().map(IncustClient::transactionOf).toList();
    }

    // ---- the wire and the service's terms ---------------------------------------------------------------------

    private static Loyalty.Terminal terminalOf(TerminalToken token) {
        return new Loyalty.Terminal(token.id(), token.title(), token.currency());
    }

    private static Identifier wire(Loyalty.Identifier identifier) {
        return new Identifier(IncustWire.IdentifierType.valueOf(identifier.type().name()), identifier.value());
    }

    private static Check wire(Loyalty.Check check) {
        return new Check(check.customerId(), check.currency(), check.amount(), check.items().stream()
                .map(item -> new IncustWire.CheckItem(item.code(), item.title(), item.quantity(), item.price(),
                        item.amount()))
                .toList());
    }

    private static Redeem wire(Loyalty.Redeem redeem) {
        return new Redeem(redeem.bonuses(), redeem.coupons());
    }

    private static Loyalty.Customer customerOf(Customer customer) {
        return new Loyalty.Customer(customer.id(), customer.name(), customer.phone(), customer.email(),
                customer.gender(), customer.birthDate(), customer.isNew(), customer.access(), customer.bonusPoints(),
                customer.accounts() == null ? List.of() : customer.accounts().stream()
                        .map(a -> new Loyalty.Account(a.id(), a.title(), a.type(), a.balance())).toList(),
                customer.coupons() == null ? List.of() : customer.coupons().stream()
                        .map(c -> new Loyalty.Coupon(c.code(), c.title(), c.description())).toList());
    }

    private static Loyalty.CheckResult checkResultOf(CheckResult result) {
        return new Loyalty.CheckResult(result.amount(), result.discountAmount(), result.bonusesToAdd(),
                result.bonusPointsAvailable(), result.maxRedeemableBonuses(),
                result.applicableCoupons() == null ? List.of() : result.applicableCoupons().stream()
                        .map(c -> new Loyalty.CouponRef(c.code(), c.title())).toList(),
                result.amountToPay());
    }

    private static Loyalty.Transaction transactionOf(Transaction transaction) {
        IncustWire.Confirmation confirmation = transaction.confirmation();
        return new Loyalty.Transaction(transaction.id(), transaction.externalId(), transaction.status(),
                transaction.redeemedBonuses(), transaction.discountAmount(), transaction.amountToPay(),
                confirmation == null ? null : new Loyalty.Confirmation(confirmation.channel(),
                        confirmation.expiresAt(), confirmation.attemptsLeft()));
    }

    private <T> T authorized(String operation, IncustCredentials terminal, Function<String, T> call) {
        String token = cachedToken(terminal);
        try {
            return guarded(operation, () -> call.apply(token));
        } catch (IncustErrorDecoder.TokenExpired expired) {
            String renewed = freshToken(terminal).token();
            try {
                return guarded(operation, () -> call.apply(renewed));
            } catch (IncustErrorDecoder.TokenExpired again) {
                throw new IncustApiException(operation, 401, IncustApiException.LOGIN_REFUSED,
                        "inCust refused a freshly issued terminal token");
            }
        }
    }

    private String cachedToken(IncustCredentials terminal) {
        CachedToken cached = tokens.get(terminal.login());
        if (cached != null && cached.passwordDigest().equals(digest(terminal.password()))) {
            return cached.token();
        }
        return freshToken(terminal).token();
    }

    private <T> T guarded(String operation, Supplier<T> call) {
        return metrics.timed("incust", operation, () -> FeignFailures.asUnavailable("inCust", operation, call));
    }

    private static String digest(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the base URL at every call, so the sandbox (and tests) can point the client at a local port. */
    private record LiveUrlTarget(Supplier<String> baseUrl) implements Target<IncustApi> {

        @Override
        public Class<IncustApi> type() {
            return IncustApi.class;
        }

        @Override
        public String name() {
            return "incust";
        }

        @Override
        public String url() {
            return baseUrl.get();
        }

        @Override
        public Request apply(RequestTemplate input) {
            input.target(url());
            return input.request();
        }
    }
}
