package com.posterincust.authorization;

import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import com.posterincust.installation.Installation;
import com.posterincust.installation.Installations;
import com.posterincust.register.RegisterContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customer authorization at the register: docs/http-api.md. A session is visible only to its register. */
@RestController
@RequestMapping("/api/register/v1/customer-sessions")
public class CustomerSessionsController {

    public record IdentifierRequest(String type, String value) {
        @Override
        public String toString() {
            return "IdentifierRequest[type=" + type + "]";
        }
    }

    public record OpenRequest(IdentifierRequest identifier) {
    }

    public record SessionView(String sessionId, CustomerSessionStatus status, CustomerView customer,
                              List<String> profileFields) {

        static SessionView of(CustomerSession session) {
            return new SessionView(session.id(), session.status(), session.customer(),
                    session.status() == CustomerSessionStatus.PROFILE_REQUIRED ? ProfileRequest.FIELDS : null);
        }
    }

    private final IdentifierNormalizer normalizer;
    private final CustomerSessionCommands starter;
    private final CustomerSessionRepository sessions;
    private final Installations installations;
    private final AuthorizationSettings settings;
    private final Clock clock;

    public CustomerSessionsController(IdentifierNormalizer normalizer, CustomerSessionCommands starter,
                                      CustomerSessionRepository sessions, Installations installations,
                                      AuthorizationSettings settings, Clock clock) {
        this.normalizer = normalizer;
        this.starter = starter;
        this.sessions = sessions;
        this.installations = installations;
        this.settings = settings;
        this.clock = clock;
    }

    @Operation(summary = "Identify a guest: 200 known, 202 new (profile may be filled), 404 unknown QR/code/card")
    @PostMapping
    public ResponseEntity<SessionView> open(@Parameter(hidden = true) RegisterContext register,
                                           @RequestBody(required = false) OpenRequest request) {
        if (request == null || request.identifier() == null) {
            throw ProblemException.invalidRequest(List.of(ProblemException.fieldError("identifier", "is required")));
        }
        String region = installations.find(register.account()).map(Installation::country)
                .orElse(settings.getDefaultPhoneRegion());
        CustomerIdentifier identifier = normalizer.normalize(request.identifier().type(), request.identifier().value(),
                region);
        return answer(starter.open(register, identifier));
    }

    @Operation(summary = "Fill (or skip with {}) a new customer's profile")
    @PutMapping("/{sessionId}/profile")
    public ResponseEntity<SessionView> profile(@Parameter(hidden = true) RegisterContext register,
                                               @PathVariable String sessionId,
                                               @RequestBody(required = false) ProfileRequest request) {
        CustomerSession session = ofRegister(register, sessionId);
        ProfileRequest profile = request == null ? new ProfileRequest(null, null, null, null) : request;
        var validated = profile.validated(clock);
        if (session.status() != CustomerSessionStatus.PROFILE_REQUIRED) {
            throw CustomerSessionCommands.wrongState(session.status());
        }
        return answer(starter.completeProfile(session, profile, validated));
    }

    @Operation(summary = "The session as it stands")
    @GetMapping("/{sessionId}")
    public ResponseEntity<SessionView> get(@Parameter(hidden = true) RegisterContext register,
                                           @PathVariable String sessionId) {
        return answer(ofRegister(register, sessionId));
    }

    private CustomerSession ofRegister(RegisterContext register, String sessionId) {
        return sessions.findOfRegister(sessionId, register.account(), register.tabletId())
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
                        "No customer session " + sessionId + " at this register"));
    }

    private static ResponseEntity<SessionView> answer(CustomerSession session) {
        return switch (session.status()) {
            case IDENTIFIED -> ResponseEntity.ok(SessionView.of(session));
            case PROFILE_REQUIRED -> ResponseEntity.accepted().body(SessionView.of(session));
            case NOT_FOUND -> throw new ProblemException(HttpStatus.NOT_FOUND, Problems.CUSTOMER_NOT_FOUND,
                    "inCust knows no customer with this " + session.identifier().type().name().toLowerCase()
                            .replace('_', ' '));
            case IDENTIFYING -> throw new IllegalStateException("Session " + session.id() + " stopped while identifying");
        };
    }
}
