package com.posterincust.authorization;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What other features may ask of customer authorization: the guest a register identified. */
@Service
public class IdentifiedGuests {

    /**
     * @param customerId     the guest in inCust
     * @param posterClientId the same guest as a Poster client; null when Poster's mirror of the guest is not known
     */
    public record Guest(String customerId, String posterClientId) {
    }

    /**
     * A guest as a café's owner recognises them: the name inCust gave and the phone with all but its last digits
     * hidden; either may be null.
     */
    public record GuestName(String name, String maskedPhone) {
    }

    private final CustomerSessionRepository sessions;

    public IdentifiedGuests(CustomerSessionRepository sessions) {
        this.sessions = sessions;
    }

    /** The account's guests among these inCust customers, as a register last identified each. */
    public Map<String, GuestName> namesOf(String account, Collection<String> customerIds) {
        Map<String, GuestName> names = new HashMap<>();
        for (CustomerSession session : sessions.findOfCustomers(account, new HashSet<>(customerIds))) {
            names.put(session.customerId(), new GuestName(session.customer().name(),
                    masked(session.customer().phone())));
        }
        return names;
    }

    /** +380501234567 → •••••••••4567: enough for the owner to tell two guests of one name apart. */
    static String masked(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        return digits.length() <= 4 ? "••••" : "•".repeat(digits.length() - 4) + digits.substring(digits.length() - 4);
    }

    /** The guest of a session of this register that identified them; empty for any other session. */
    public Optional<Guest> ofSession(String sessionId, String account, String tabletId) {
        return sessions.findOfRegister(sessionId, account, tabletId)
                .filter(session -> session.status() == CustomerSessionStatus.IDENTIFIED)
                .map(session -> new Guest(session.customerId(),
                        session.customer() == null ? null : session.customer().posterClientId()));
    }
}
