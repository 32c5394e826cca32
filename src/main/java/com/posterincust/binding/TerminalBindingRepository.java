package com.posterincust.binding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.posterincust.common.TokenCipher;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.installation.Installations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code terminal_binding} table. Terminal passwords are encrypted; no read but {@link #credentials} returns them.
 * A binding's credentials never change (another login is another binding), so each node decrypts them once and keeps
 * them while they are used; the register API finds its register's binding through {@link #findActiveCached}.
 */
@Repository
public class TerminalBindingRepository {

    private static final String COLUMNS = "id, account, spot_id, tablet_id, terminal_id, terminal_title, "
            + "terminal_currency, customer_id_without_session, status, replaced_by, created_at, updated_at";

    /** What a new binding is made of, credentials included. */
    public record NewBinding(String id, String account, String spotId, String tabletId, IncustCredentials terminal,
                             String terminalId, String terminalTitle, String terminalCurrency,
                             boolean customerIdWithoutSession) {
    }

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final Installations installations;
    private final Clock clock;
    private final ActiveBindingCache activeBindings;
    private final Cache<String, IncustCredentials> credentials = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterAccess(Duration.ofHours(1)).build();

    public TerminalBindingRepository(JdbcClient jdbc, TokenCipher cipher, Installations installations,
                                     Clock clock, @Value("${register.binding-cache-time:10s}") Duration cacheTime) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.installations = installations;
        this.clock = clock;
        this.activeBindings = new ActiveBindingCache(cacheTime, Ticker.systemTicker());
    }

    /**
     * Stores the binding as the register's only active one. Bindings of one account are stored one after the
     * other (the installation row is locked), so two administrators binding the same register at once end
     * with exactly one active binding: the later one.
     *
     * @return the id of the binding it replaced, if any
     */
    public Optional<String> bind(NewBinding binding) {
        installations.lock(binding.account());
        OffsetDateTime now = OffsetDateTime.now(clock);
        String activeKey = activeKey(binding.account(), binding.tabletId());
        Optional<String> replaced = jdbc.sql("select id from terminal_binding where active_tablet = ?")
                .param(activeKey).query(String.class).optional();
        replaced.ifPresent(old -> jdbc.sql("update terminal_binding set status = ?, active_tablet = null, replaced_by = ?, "
                        + "updated_at = ? where id = ?")
                .params(TerminalBindingStatus.REPLACED.name(), binding.id(), now, old)
                .update());
        jdbc.sql("insert into terminal_binding (id, account, spot_id, tablet_id, incust_login, incust_password, "
                        + "terminal_id, terminal_title, terminal_currency, customer_id_without_session, status, "
                        + "active_tablet, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(binding.id(), binding.account(), binding.spotId(), binding.tabletId(), binding.terminal().login(),
                        cipher.encrypt(binding.terminal().password(), boundTo(binding.id())), binding.terminalId(),
                        binding.terminalTitle(),
                        binding.terminalCurrency(), binding.customerIdWithoutSession(),
                        TerminalBindingStatus.ACTIVE.name(), activeKey, now, now)
                .update();
        activeBindings.forgetAllWhenCommitted();
        return replaced;
    }

    public Optional<TerminalBinding> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from terminal_binding where id = ?")
                .param(id).query(TerminalBindingRepository::map).optional();
    }

    public List<TerminalBinding> findAll(Optional<String> account) {
        return account
                .map(a -> jdbc.sql("select " + COLUMNS + " from terminal_binding where account = ? order by created_at")
                        .param(a))
                .orElseGet(() -> jdbc.sql("select " + COLUMNS + " from terminal_binding order by created_at"))
                .query(TerminalBindingRepository::map).list();
    }

    public Optional<TerminalBinding> findActive(String account, String tabletId) {
        return jdbc.sql("select " + COLUMNS + " from terminal_binding where active_tablet = ?")
                .param(activeKey(account, tabletId)).query(TerminalBindingRepository::map).optional();
    }

    /** The register's active binding as its calls see it: at most {@code register.binding-cache-time} old. */
    public Optional<TerminalBinding> findActiveCached(String account, String tabletId) {
        return activeBindings.get(activeKey(account, tabletId), () -> findActive(account, tabletId));
    }

    public IncustCredentials credentials(String bindingId) {
        return credentials.get(bindingId, this::readCredentials);
    }

    private IncustCredentials readCredentials(String bindingId) {
        return jdbc.sql("select incust_login, incust_password from terminal_binding where id = ?")
                .param(bindingId)
                .query((rs, row) -> new IncustCredentials(rs.getString(1),
                        cipher.decrypt(rs.getString(2), boundTo(bindingId))))
                .single();
    }

    /** @return whether an active binding was removed */
    public boolean remove(String id) {
        activeBindings.forgetAllWhenCommitted();
        return jdbc.sql("update terminal_binding set status = ?, active_tablet = null, updated_at = ? "
                        + "where id = ? and status = ?")
                .params(TerminalBindingStatus.REMOVED.name(), OffsetDateTime.now(clock), id,
                        TerminalBindingStatus.ACTIVE.name())
                .update() > 0;
    }

    public int deactivateAccount(String account) {
        activeBindings.forgetAllWhenCommitted();
        return jdbc.sql("update terminal_binding set status = ?, active_tablet = null, updated_at = ? "
                        + "where account = ? and status = ?")
                .params(TerminalBindingStatus.DEACTIVATED.name(), OffsetDateTime.now(clock), account,
                        TerminalBindingStatus.ACTIVE.name())
                .update();
    }

    private static String activeKey(String account, String tabletId) {
        return account + "/" + tabletId;
    }

    private static TerminalBinding map(ResultSet rs, int row) throws SQLException {
        return new TerminalBinding(rs.getString("id"), rs.getString("account"), rs.getString("spot_id"),
                rs.getString("tablet_id"), rs.getString("terminal_id"), rs.getString("terminal_title"),
                rs.getString("terminal_currency"), rs.getBoolean("customer_id_without_session"),
                TerminalBindingStatus.valueOf(rs.getString("status")),
                rs.getString("replaced_by"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** The associated data of a stored inCust password: it decrypts in its own row only. */
    private static String boundTo(String bindingId) {
        return "terminal_binding:" + bindingId;
    }
}
