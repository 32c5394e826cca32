package com.posterincust.binding;

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

    public BindingCommands(RuntimeService runtime, TerminalBindingRepository bindings) {
        this.runtime = runtime;
        this.bindings = bindings;
    }

    /** One transaction: when Poster or inCust fails on the way, nothing of this binding is stored. */
    @Transactional
    public BindingOutcome bind(BindingRequest request) {
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
            return new BindingOutcome.Rejected(reasons);
        }
        return new BindingOutcome.Bound(bindings.find(bindingId).orElseThrow());
    }
}
