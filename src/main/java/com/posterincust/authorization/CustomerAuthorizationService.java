package com.posterincust.authorization;

import com.posterincust.binding.Bindings;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.Loyalty;
import com.posterincust.installation.Installation;
import com.posterincust.installation.Installations;
import com.posterincust.poster.NewPosterClient;
import com.posterincust.poster.PosterApiException;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterCustomer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The steps of the customer-authorization process, callable without the engine. */
@Service
public class CustomerAuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(CustomerAuthorizationService.class);

    private final CustomerSessionRepository sessions;
    private final Bindings bindings;
    private final Installations installations;
    private final IncustClient incust;
    private final PosterClient poster;

    public CustomerAuthorizationService(CustomerSessionRepository sessions, Bindings bindings,
                                Installations installations, IncustClient incust, PosterClient poster) {
        this.sessions = sessions;
        this.bindings = bindings;
        this.installations = installations;
        this.incust = incust;
        this.poster = poster;
    }

    /** @return the inCust customer id, when inCust knows the identifier */
    public Optional<String> lookUp(String sessionId) {
        CustomerSession session = session(sessionId);
        CustomerIdentifier identifier = session.identifier();
        Optional<Loyalty.Customer> found = incust.findCustomer(terminal(session),
                new Loyalty.Identifier(identifier.type().onIncust(), identifier.value()));
        log.info("Session {}: {} is {}", sessionId, identifier, found.isPresent() ? "a known customer" : "unknown to inCust");
        return found.map(Loyalty.Customer::id);
    }

    public void loadWallet(String sessionId, String customerId) {
        CustomerSession session = session(sessionId);
        Loyalty.Customer customer = incust.customer(terminal(session), customerId);
        sessions.saveCustomer(sessionId, CustomerView.of(customer, false), customer.birthDate());
    }

    /** @return the new customer's inCust id */
    public String register(String sessionId) {
        CustomerSession session = session(sessionId);
        CustomerIdentifier identifier = session.identifier();
        Loyalty.Customer created = incust.registerCustomer(terminal(session),
                List.of(new Loyalty.Identifier(identifier.type().onIncust(), identifier.value())));
        sessions.saveCustomer(sessionId, CustomerView.of(created, true), created.birthDate());
        log.info("Session {}: registered {} as new inCust customer {}", sessionId, identifier, created.id());
        return created.id();
    }

    public void saveProfile(String sessionId, Loyalty.Profile profile) {
        CustomerSession session = session(sessionId);
        Loyalty.Customer updated = incust.updateProfile(terminal(session), session.customerId(), profile);
        sessions.saveCustomer(sessionId, CustomerView.of(updated, true), updated.birthDate());
    }

    /**
     * Finds the guest's Poster client by phone, or creates one in the loyalty group. Poster's duplicate-phone
     * answer means another request created it meanwhile: it is looked up again. A guest without a phone cannot
     * be matched in Poster and gets no Poster client.
     *
     * @return the Poster client id, if the guest has a phone
     */
    public Optional<String> mirrorInPoster(String sessionId) {
        CustomerSession session = session(sessionId);
        CustomerView customer = session.customer();
        if (customer.phone() == null || customer.phone().isBlank()) {
            sessions.saveCustomer(sessionId, customer, session.customerBirthDate());
            log.info("Session {}: customer {} has no phone, so no Poster client", sessionId, customer.id());
            return Optional.empty();
        }
        Installation installation = installations.find(session.account()).orElseThrow(
                () -> new IllegalStateException("No installation for " + session.account()));
        String token = installations.accessToken(session.account()).orElseThrow();
        String clientId = findByPhone(session.account(), token, customer.phone()).orElseGet(() -> {
            try {
                String created = poster.createClient(session.account(), token, new NewPosterClient(
                        displayName(customer), installation.loyaltyGroupId(), customer.phone(), customer.email(),
                        birthday(session.customerBirthDate())));
                log.info("Session {}: created Poster client {} for customer {}", sessionId, created, customer.id());
                return created;
            } catch (PosterApiException e) {
                if (e.code() != PosterApiException.DUPLICATE) {
                    throw e;
                }
                return findByPhone(session.account(), token, customer.phone()).orElseThrow(() -> e);
            }
        });
        sessions.saveCustomer(sessionId, customer.withPosterClient(clientId), session.customerBirthDate());
        return Optional.of(clientId);
    }

    private Optional<String> findByPhone(String account, String token, String phone) {
        return poster.findClientsByPhone(account, token, phone).stream().map(PosterCustomer::id).findFirst();
    }

    private static LocalDate birthday(String birthDate) {
        try {
            return birthDate == null || birthDate.isBlank() ? null : LocalDate.parse(birthDate);
        } catch (DateTimeParseException notIsoDate) {
            return null;
        }
    }

    private static String displayName(CustomerView customer) {
        if (customer.name() != null && !customer.name().isBlank()) {
            return customer.name();
        }
        return "inCust guest " + customer.phone().substring(Math.max(0, customer.phone().length() - 4));
    }

    private CustomerSession session(String sessionId) {
        return sessions.find(sessionId).orElseThrow(() -> new IllegalStateException("No customer session " + sessionId));
    }

    private IncustCredentials terminal(CustomerSession session) {
        return bindings.credentials(session.bindingId());
    }
}
