package com.posterincust.poster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.common.ExternalCallMetrics;
import com.posterincust.common.FeignFailures;
import com.posterincust.common.ExternalSystemUnavailableException;
import feign.Client;
import feign.Feign;
import feign.Retryer;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The service's only door to Poster's Web API. Answers are unwrapped here, errors come out as
 * {@link PosterApiException} (Poster said no) or {@link ExternalSystemUnavailableException} (retry later),
 * and no message ever carries the access token.
 */
@Component
public class PosterClient {

    /** Poster account names are sub-domains; anything else must never reach a URL. */
    private static final String ALL_RECEIPTS = "0";
    private static final String DELETED_RECEIPTS = "3";
    public static final Pattern ACCOUNT_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    static final String ACCESS_TOKEN = "v2/auth/access_token";
    static final String MANAGE = "v2/auth/manage";
    static final String CLIENTS_GET = "clients.getClients";

    private final PosterApi api;
    private final PosterProperties properties;
    private final ExternalCallMetrics metrics;

    public PosterClient(PosterProperties properties, Client httpClient, ObjectMapper json, ExternalCallMetrics metrics) {
        this.properties = properties;
        this.metrics = metrics;
        PosterWireCodec codec = new PosterWireCodec(json);
        this.api = Feign.builder()
                .client(httpClient)
                .encoder(codec)
                .decoder(codec)
                .errorDecoder(codec)
                .retryer(Retryer.NEVER_RETRY)
                .options(properties.getApi().feignOptions())
                .target(PosterApi.class, "http://poster-api-root-is-per-call");
    }

    public PosterAccessGrant exchangeCode(String account, String code) {
        FormBody form = new FormBody(Map.of(
                "application_id", properties.getApplication().getId(),
                "application_secret", properties.getApplication().getSecret(),
                "grant_type", "authorization_code",
                "redirect_uri", properties.getOauth().getRedirectUri(),
                "code", code));
        JsonNode body = guarded(ACCESS_TOKEN, () -> api.accessToken(apiRoot(account), form));
        PosterApiException error = PosterEnvelope.errorOf(ACCESS_TOKEN, body);
        if (error != null) {
            throw error;
        }
        if (body == null || body.path("access_token").asText("").isEmpty()) {
            throw new ExternalSystemUnavailableException("Poster", ACCESS_TOKEN, "answer without access_token", false);
        }
        JsonNode owner = body.path("ownerInfo");
        return new PosterAccessGrant(body.get("access_token").asText(), body.path("account_number").asText(),
                textOrNull(owner.path("country")), textOrNull(owner.path("company_name")));
    }

    /**
     * Exchanges the code Poster's back office gives the app's settings page for the account it opens, and the
     * Poster user who opened it. A code Poster refuses (wrong {@code verify}: 142, unknown application: 143, used or
     * expired) is a {@link PosterApiException}.
     */
    public PosterManageGrant exchangeManageCode(String code) {
        String id = properties.getApplication().getId();
        String secret = properties.getApplication().getSecret();
        FormBody form = new FormBody(Map.of("application_id", id, "application_secret", secret, "code", code,
                "verify", PosterMd5.hex(id + ":" + secret + ":" + code)));
        JsonNode body = guarded(MANAGE, () -> api.manage(URI.create(properties.getManage().getExchangeUrl()), form));
        PosterApiException error = PosterEnvelope.errorOf(MANAGE, body);
        if (error != null) {
            throw error;
        }
        if (body == null || body.path("account_number").asText("").isEmpty()) {
            throw new ExternalSystemUnavailableException("Poster", MANAGE, "answer without account_number", false);
        }
        JsonNode user = body.path("user");
        return new PosterManageGrant(body.get("account_number").asText(), user.path("id").asText(""),
                textOrNull(user.path("name")), textOrNull(user.path("role_id")),
                textOrNull(body.path("ownerInfo").path("company_name")));
    }

    public PosterAccountSettings getAllSettings(String account, String token) {
        JsonNode settings = get(account, token, "settings.getAllSettings", Map.of());
        JsonNode currency = settings.path("currency");
        String timeZone = textOrNull(settings.path("timezone"));
        if (timeZone == null) {
            timeZone = textOrNull(settings.path("timezones"));
        }
        return new PosterAccountSettings(textOrNull(settings.path("COMPANY_ID")),
                textOrNull(settings.path("company_name")),
                PosterCurrency.alphabeticCode(currency.isObject() ? textOrNull(currency.path("currency_code_iso"))
                        : textOrNull(currency)),
                timeZone, textOrNull(settings.path("lang")));
    }

    public List<PosterClientGroup> getClientGroups(String account, String token) {
        List<PosterClientGroup> groups = new ArrayList<>();
        for (JsonNode group : get(account, token, "clients.getGroups", Map.of())) {
            if (isDeleted(group)) {
                continue;
            }
            groups.add(new PosterClientGroup(group.path("client_groups_id").asText(),
                    group.path("client_groups_name").asText()));
        }
        return groups;
    }

    /** Creates a client group without a discount: the loyalty program, not Poster, gives the benefit. */
    public String createClientGroup(String account, String token, String name) {
        JsonNode id = post(account, token, "clients.createGroup", Map.of(
                "client_groups_name", name,
                "loyalty_type", 1,
                "client_groups_discount", 0));
        return id.asText();
    }

    public List<PosterSpot> getSpots(String account, String token) {
        List<PosterSpot> spots = new ArrayList<>();
        for (JsonNode spot : get(account, token, "access.getSpots", Map.of())) {
            spots.add(new PosterSpot(spot.path("spot_id").asText(), spot.path("spot_name").asText()));
        }
        return spots;
    }

    public List<PosterTablet> getTablets(String account, String token) {
        List<PosterTablet> tablets = new ArrayList<>();
        for (JsonNode tablet : get(account, token, "access.getTablets", Map.of())) {
            tablets.add(new PosterTablet(tablet.path("tablet_id").asText(), tablet.path("tablet_name").asText(),
                    tablet.path("spot_id").asText()));
        }
        return tablets;
    }

    /**
     * One page of a day's receipts, every status, dates in the account's time zone: after {@code nextTr} (the last
     * receipt of the page before; null for the first page). Poster's page size is its own; an empty page is the end.
     */
    public List<PosterDayReceipt> receiptsOfDay(String account, String token, LocalDate day, String nextTr) {
        Map<String, Object> query = new LinkedHashMap<>();
        String ymd = day.format(DateTimeFormatter.BASIC_ISO_DATE);
        query.put("dateFrom", ymd);
        query.put("dateTo", ymd);
        query.put("status", ALL_RECEIPTS);
        query.put("include_products", true);
        query.put("timezone", "client");
        if (nextTr != null) {
            query.put("next_tr", nextTr);
        }
        List<PosterDayReceipt> receipts = new ArrayList<>();
        for (JsonNode receipt : get(account, token, "dash.getTransactions", query)) {
            String payedBonus = receipt.path("payed_bonus").asText("0");
            receipts.add(new PosterDayReceipt(receipt.path("transaction_id").asText(),
                    stateOf(receipt.path("status").asInt()),
                    PosterMoney.fromKopecks(payedBonus.isBlank() ? "0" : payedBonus),
                    receipt.path("print_fiscal").asInt(0)));
        }
        return receipts;
    }

    /** Extras on a tablet reach the register plugin as {@code Poster.settings.spotTabletExtras}. */
    public void setTabletExtras(String account, String token, String tabletId, Map<String, ?> extras) {
        post(account, token, "application.setEntityExtras", Map.of(
                "entity_type", "tablet",
                "entity_id", tabletId,
                "extras", extras));
    }

    /**
     * Poster clients with this phone (international format). {@code clients.getClients} without a filter returns
     * every client of the account, so this is the only way the service reads clients.
     */
    public List<PosterCustomer> findClientsByPhone(String account, String token, String phone) {
        if (phone == null || phone.isBlank()) {
            throw new IllegalArgumentException("Poster clients are only ever looked up by phone");
        }
        List<PosterCustomer> clients = new ArrayList<>();
        for (JsonNode client : get(account, token, CLIENTS_GET, Map.of("phone", phone))) {
            if (isDeleted(client)) {
                continue;
            }
            clients.add(new PosterCustomer(client.path("client_id").asText(), client.path("phone").asText(null)));
        }
        return clients;
    }

    /** @return the new client's id; a phone that already exists answers {@link PosterApiException#DUPLICATE} */
    public String createClient(String account, String token, NewPosterClient client) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("client_name", client.name());
        body.put("client_groups_id_client", client.groupId());
        body.put("phone", client.phone());
        if (client.email() != null) {
            body.put("email", client.email());
        }
        if (client.birthday() != null) {
            body.put("birthday", client.birthday().toString());
        }
        return post(account, token, "clients.createClient", body).asText();
    }

    /**
     * The receipt as Poster has it, deleted ones included. Without a {@code status} filter Poster's default is
     * undocumented (it may leave deleted receipts out), so the receipt is asked for with {@code status=0} (all)
     * and, when that finds nothing, with {@code status=3} (deleted). Empty when Poster knows no such receipt:
     * {@code false}, an empty list, or error 32/404.
     */
    public Optional<PosterReceipt> getTransaction(String account, String token, String transactionId) {
        return readReceipt(account, token, transactionId, ALL_RECEIPTS)
                .or(() -> readReceipt(account, token, transactionId, DELETED_RECEIPTS));
    }

    private Optional<PosterReceipt> readReceipt(String account, String token, String transactionId, String status) {
        JsonNode answer;
        try {
            answer = get(account, token, "dash.getTransaction", Map.of("transaction_id", transactionId,
                    "include_history", "true", "status", status));
        } catch (PosterApiException e) {
            if (e.code() == PosterApiException.UNKNOWN_ID || e.code() == PosterApiException.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
        JsonNode receipt = answer.isArray() ? answer.path(0) : answer;
        if (!receipt.isObject() || !receipt.hasNonNull("status")) {
            return Optional.empty();
        }
        PosterReceipt.State state = stateOf(receipt.path("status").asInt());
        String payedBonus = receipt.path("payed_bonus").asText("0");
        return Optional.of(new PosterReceipt(receipt.path("transaction_id").asText(transactionId), state,
                PosterMoney.fromKopecks(payedBonus.isBlank() ? "0" : payedBonus), closingRegister(receipt),
                clientOf(receipt), closedAt(receipt)));
    }

    /** {@code client_id} 0 (or none) is a receipt without a guest. */
    private static String clientOf(JsonNode receipt) {
        String client = receipt.path("client_id").asText("").trim();
        return client.isEmpty() || client.equals("0") ? null : client;
    }

    /** {@code date_close} in ms; 0 (or none) while the receipt is open. */
    private static Instant closedAt(JsonNode receipt) {
        String millis = receipt.path("date_close").asText("").trim();
        return millis.matches("[1-9]\\d{0,15}") ? Instant.ofEpochMilli(Long.parseLong(millis)) : null;
    }

    /** Poster's status 1, 2, 3. */
    private static PosterReceipt.State stateOf(int status) {
        return switch (status) {
            case 2 -> PosterReceipt.State.CLOSED;
            case 3 -> PosterReceipt.State.DELETED;
            default -> PosterReceipt.State.OPEN;
        };
    }

    /**
     * The register of the history's {@code close} event: printing, a comment or the deletion can come later from
     * another register.
     */
    private static String closingRegister(JsonNode receipt) {
        for (JsonNode event : receipt.path("history")) {
            if ("close".equals(event.path("type_history").asText()) && event.hasNonNull("spot_tablet_id")) {
                return event.get("spot_tablet_id").asText();
            }
        }
        return null;
    }

    /** The generic read: {@code GET {api}/{method}?token=..&query}. Answers the unwrapped {@code response}. */
    public JsonNode get(String account, String token, String method, Map<String, Object> query) {
        if (CLIENTS_GET.equals(method) && String.valueOf(query.getOrDefault("phone", "")).isBlank()) {
            throw new IllegalArgumentException("clients.getClients without a phone would list every client of the account");
        }
        URI root = apiRoot(account);
        return PosterEnvelope.unwrap(method, guarded(method, () -> api.get(root, method, token, query)));
    }

    /** The generic write: {@code POST {api}/{method}?token=..} with a JSON body. Answers the unwrapped {@code response}. */
    public JsonNode post(String account, String token, String method, Object body) {
        URI root = apiRoot(account);
        return PosterEnvelope.unwrap(method, guarded(method, () -> api.post(root, method, token, body)));
    }

    URI apiRoot(String account) {
        if (account == null || !ACCOUNT_NAME.matcher(account).matches()) {
            throw new IllegalArgumentException("Not a Poster account name: " + account);
        }
        return URI.create(properties.getApi().getBaseUrl().replace("{account}", account));
    }

    private JsonNode guarded(String method, Supplier<JsonNode> call) {
        return metrics.timed("poster", method, () -> FeignFailures.asUnavailable("Poster", method, call));
    }

    /** Poster keeps deleted groups and clients, marked {@code delete} = 1: they are never used again. */
    private static boolean isDeleted(JsonNode row) {
        return "1".equals(row.path("delete").asText());
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() || node.asText().isEmpty() ? null : node.asText();
    }
}
