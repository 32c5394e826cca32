package com.posterincust.installation;

import com.posterincust.common.TokenCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code installation} table. Tokens are encrypted on the way in and decrypted only on request. */
@Repository
public class InstallationRepository {

    private static final String COLUMNS = "account, account_number, status, currency, time_zone, company_name, "
            + "loyalty_group_id, country, installed_at, updated_at";

    private final JdbcClient jdbc;
    private final TokenCipher cipher;
    private final Clock clock;

    public InstallationRepository(JdbcClient jdbc, TokenCipher cipher, Clock clock) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * Stores a new access token for the account: a first install inserts, a repeated install renews the
     * token in place. An active account stays active; any other becomes pending until it is prepared again.
     */
    public void storeToken(String account, String accountNumber, String accessToken) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String sealed = cipher.encrypt(accessToken, boundTo(account));
        if (renewToken(account, accountNumber, sealed, now) > 0) {
            return;
        }
        try {
            jdbc.sql("insert into installation (account, account_number, access_token, status, installed_at, updated_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(account, accountNumber, sealed, InstallationStatus.PENDING.name(), now, now)
                    .update();
        } catch (DuplicateKeyException installedConcurrently) {
            renewToken(account, accountNumber, sealed, now);
        }
    }

    private int renewToken(String account, String accountNumber, String sealed, OffsetDateTime now) {
        return jdbc.sql("update installation set account_number = ?, access_token = ?, updated_at = ?, "
                        + "status = case when status = 'ACTIVE' then status else 'PENDING' end where account = ?")
                .params(accountNumber, sealed, now, account)
                .update();
    }

    public Optional<Installation> find(String account) {
        return jdbc.sql("select " + COLUMNS + " from installation where account = ?")
                .param(account)
                .query(InstallationRepository::map)
                .optional();
    }

    /** Locks the account's row until the transaction ends, so concurrent installs prepare it one after the other. */
    public Optional<Installation> lock(String account) {
        return jdbc.sql("select " + COLUMNS + " from installation where account = ? for update")
                .param(account)
                .query(InstallationRepository::map)
                .optional();
    }

    /**
     * The installation Poster's back office means by a customer number (it names accounts so there); empty when none,
     * or when more than one account carries the number, which no page may then guess between.
     */
    public Optional<Installation> findByAccountNumber(String accountNumber) {
        List<Installation> found = jdbc.sql("select " + COLUMNS + " from installation where account_number = ? "
                        + "and status <> ?")
                .params(accountNumber, InstallationStatus.UNINSTALLED.name())
                .query(InstallationRepository::map)
                .list();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    public List<Installation> findAll() {
        return jdbc.sql("select " + COLUMNS + " from installation order by account")
                .query(InstallationRepository::map)
                .list();
    }

    public Optional<String> accessToken(String account) {
        return jdbc.sql("select access_token from installation where account = ?")
                .param(account)
                .query(String.class)
                .optional()
                .map(sealed -> cipher.decrypt(sealed, boundTo(account)));
    }

    public void saveSettings(String account, String currency, String timeZone, String companyName) {
        jdbc.sql("update installation set currency = ?, time_zone = ?, company_name = ?, updated_at = ? where account = ?")
                .params(currency, timeZone, companyName, OffsetDateTime.now(clock), account)
                .update();
    }

    public void saveCountry(String account, String country) {
        jdbc.sql("update installation set country = ?, updated_at = ? where account = ?")
                .params(country, OffsetDateTime.now(clock), account)
                .update();
    }

    public void saveLoyaltyGroup(String account, String groupId) {
        jdbc.sql("update installation set loyalty_group_id = ?, updated_at = ? where account = ?")
                .params(groupId, OffsetDateTime.now(clock), account)
                .update();
    }

    /** @return whether the account exists */
    public boolean setStatus(String account, InstallationStatus status) {
        return jdbc.sql("update installation set status = ?, updated_at = ? where account = ?")
                .params(status.name(), OffsetDateTime.now(clock), account)
                .update() > 0;
    }

    private static Installation map(ResultSet rs, int row) throws SQLException {
        return new Installation(rs.getString("account"), rs.getString("account_number"),
                InstallationStatus.valueOf(rs.getString("status")), rs.getString("currency"),
                rs.getString("time_zone"), rs.getString("company_name"), rs.getString("loyalty_group_id"),
                rs.getString("country"),
                rs.getObject("installed_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** The associated data of a stored access token: it decrypts in its own row only. */
    private static String boundTo(String account) {
        return "installation:" + account;
    }
}
