package com.posterincust.authorization;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code customer_session} table. The guest's identifier and wallet live here, not in process variables,
 * because Cockpit users can read variables.
 */
@Repository
public class CustomerSessionRepository {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public CustomerSessionRepository(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void open(String id, String account, String tabletId, String bindingId, CustomerIdentifier identifier) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into customer_session (id, account, tablet_id, binding_id, identifier_type, identifier_value, "
                        + "status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, account, tabletId, bindingId, identifier.type().name(), identifier.value(),
                        CustomerSessionStatus.IDENTIFYING.name(), now, now)
                .update();
    }

    public Optional<CustomerSession> find(String id) {
        return jdbc.sql("select * from customer_session where id = ?").param(id).query(this::map).optional();
    }

    /** A session exists for a register only if that register opened it. */
    public Optional<CustomerSession> findOfRegister(String id, String account, String tabletId) {
        return find(id).filter(session -> session.account().equals(account) && session.tabletId().equals(tabletId));
    }

    /** Of each of these guests, the account's latest session that got to know them; oldest first. */
    public List<CustomerSession> findOfCustomers(String account, Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        // each guest's latest session alone, from the end of ix_customer_session_customer: a regular's year of
        // visits is not read for one name
        List<CustomerSession> latest = new ArrayList<>();
        for (String customerId : new java.util.TreeSet<>(customerIds)) {
            jdbc.sql("select * from customer_session where account = ? and customer_id = ? and customer is not null "
                            + "order by updated_at desc limit 1")
                    .params(account, customerId).query(this::map).optional().ifPresent(latest::add);
        }
        latest.sort(java.util.Comparator.comparing(CustomerSession::updatedAt));
        return latest;
    }

    /** @param birthDate inCust's {@code birth_date} (not part of the register's answer, but of the Poster client) */
    public void saveCustomer(String id, CustomerView customer, String birthDate) {
        jdbc.sql("update customer_session set customer_id = ?, customer = ?, customer_birth_date = ?, "
                        + "poster_client_id = ?, updated_at = ? where id = ?")
                .params(customer.id(), write(customer), birthDate, customer.posterClientId(),
                        OffsetDateTime.now(clock), id)
                .update();
    }

    public void setStatus(String id, CustomerSessionStatus status) {
        jdbc.sql("update customer_session set status = ?, updated_at = ? where id = ?")
                .params(status.name(), OffsetDateTime.now(clock), id)
                .update();
    }

    private String write(CustomerView customer) {
        try {
            return json.writeValueAsString(customer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CustomerSession map(ResultSet rs, int row) throws SQLException {
        String customer = rs.getString("customer");
        try {
            return new CustomerSession(rs.getString("id"), rs.getString("account"), rs.getString("tablet_id"),
                    rs.getString("binding_id"),
                    new CustomerIdentifier(IdentifierType.valueOf(rs.getString("identifier_type")),
                            rs.getString("identifier_value")),
                    CustomerSessionStatus.valueOf(rs.getString("status")), rs.getString("customer_id"),
                    customer == null ? null : json.readValue(customer, CustomerView.class),
                    rs.getString("customer_birth_date"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
        } catch (JsonProcessingException e) {
            throw new SQLException("Unreadable customer of session " + rs.getString("id"), e);
        }
    }
}
