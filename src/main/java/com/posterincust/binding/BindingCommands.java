package com.posterincust.binding;

import com.posterincust.common.ProblemException;
import com.posterincust.common.Problems;
import com.posterincust.security.LoginThrottle;
import java.time.Clock;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Runs the terminal-binding process for one request and reads its outcome. */
@Service
public class BindingCommands {

    private static final Logger log = LoggerFactory.getLogger(BindingCommands.class);

    public sealed interface BindingOutcome {
        record Bound(TerminalBinding binding) implements BindingOutcome {
        }

        record Rejected(List<BindingRejection> reasons) implements BindingOutcome {
        }
    }

    private final RuntimeService runtime;
    private final TerminalBindingRepository bindings;
    /** Wrong inCust logins per account and register: each attempt is a login at inCust, so they are slowed down. */
    private final LoginThrottle refusedLogins;

    public BindingCommands(RuntimeService runtime, TerminalBindingRepository bindings, Clock clock) {
        this.runtime = runtime;
        this.bindings = bindings;
        this.refusedLogins = new LoginThrottle(clock);
    }

    /**
     * One transaction: when Poster or inCust fails on the way, nothing of this binding is stored. A register whose
     * inCust logins were refused several times in a row waits before the next is tried (429 {@code
     * too-many-attempts}), as a password guessed at the admin's login does.
     */
    @Transactional
    public BindingOutcome bind(BindingRequest request) {
        String register = request.posterAccount() + "/" + request.posterTabletId();
        Duration wait = refusedLogins.waitFor(register);
        if (!wait.isZero()) {
            ProblemException throttled = new ProblemException(HttpStatus.TOO_MANY_REQUESTS, Problems.TOO_MANY_ATTEMPTS,
                    "inCust refused this register's terminal login several times: try again in "
                            + Math.max(1, wait.toSeconds()) + " s");
            throttled.problem().setProperty("retryAfterSeconds", Math.max(1, wait.toSeconds()));
            throw throttled;
        }
        String bindingId = UUID.randomUUID().toString();
        Map<String, Object> result = runtime.createProcessInstanceByKey(TerminalBindingProcess.KEY)
                .businessKey(bindingId)
                .setVariables(Variables.createVariables()
                        .putValue(TerminalBindingProcess.VAR_BINDING_ID, bindingId)
                        .putValue(TerminalBindingProcess.VAR_LABEL, request.posterAccount() + " / location "
                                + request.posterSpotId() + " / register " + request.posterTabletId())
                        .putValue(TerminalBindingProcess.VAR_ACCOUNT, request.posterAccount())
                        .putValue(TerminalBindingProcess.VAR_CUSTOMER_NUMBER, request.posterCustomerNumber())
                        .putValue(TerminalBindingProcess.VAR_SPOT_ID, request.posterSpotId())
                        .putValue(TerminalBindingProcess.VAR_TABLET_ID, request.posterTabletId())
                        .putValueTyped(TerminalBindingProcess.TRANSIENT_INCUST_LOGIN,
                                Variables.stringValue(request.incust().login(), true))
                        .putValue(TerminalBindingProcess.VAR_CUSTOMER_ID_WITHOUT_SESSION,
                                request.allowsCustomerIdWithoutSession())
                        .putValueTyped(TerminalBindingProcess.TRANSIENT_INCUST_PASSWORD,
                                Variables.stringValue(request.incust().password(), true))
                        .putValue(TerminalBindingProcess.VAR_REJECTIONS, "[]")
                        .putValue(TerminalBindingProcess.VAR_REJECTION_COUNT, 0))
                .executeWithVariablesInReturn()
                .getVariables();
        List<BindingRejection> reasons = BindingRejections.read(result.get(TerminalBindingProcess.VAR_REJECTIONS));
        if (!reasons.isEmpty()) {
            log.info("Binding {} of {}/{} rejected: {}", bindingId, request.posterAccount(), request.posterTabletId(),
                    reasons);
            if (reasons.stream().anyMatch(reason -> BindingChecks.FIELD_INCUST.equals(reason.field()))) {
                refusedLogins.failed(register);
            }
            return new BindingOutcome.Rejected(reasons);
        }
        refusedLogins.succeeded(register);
        return new BindingOutcome.Bound(bindings.find(bindingId).orElseThrow());
    }
}
