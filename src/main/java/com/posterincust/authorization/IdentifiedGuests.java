package com.posterincust.authorization;

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

    private final CustomerSessionRepository sessions;

    public IdentifiedGuests(CustomerSessionRepository sessions) {
        this.sessions = sessions;
    }

    /** The guest of a session of this register that identified them; empty for any other session. */
    public Optional<Guest> ofSession(String sessionId, String account, String tabletId) {
        return sessions.findOfRegister(sessionId, account, tabletId)
                .filter(session -> session.status() == CustomerSessionStatus.IDENTIFIED)
                .map(session -> new Guest(session.customerId(),
                        session.customer() == null ? null : session.customer().posterClientId()));
    }
}
