package com.posterincust.binding;

import com.posterincust.incust.IncustCredentials;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other features may ask of terminal binding: a register's active binding (as its calls see it, or as it stands
 * now), the account's bindings, the terminal's credentials to reach inCust with, and unbinding a register.
 */
@Service
public class Bindings {

    private final TerminalBindingRepository bindings;

    public Bindings(TerminalBindingRepository bindings) {
        this.bindings = bindings;
    }

    public Optional<TerminalBinding> find(String id) {
        return bindings.find(id);
    }

    public Optional<TerminalBinding> findActive(String account, String tabletId) {
        return bindings.findActive(account, tabletId);
    }

    /** The register's active binding as its calls see it: at most {@code register.binding-cache-time} old. */
    public Optional<TerminalBinding> findActiveCached(String account, String tabletId) {
        return bindings.findActiveCached(account, tabletId);
    }

    /** Every binding, of one account or of all, oldest first, whatever its status. */
    public List<TerminalBinding> findAll(Optional<String> account) {
        return bindings.findAll(account);
    }

    public IncustCredentials credentials(String bindingId) {
        return bindings.credentials(bindingId);
    }

    /** @return whether an active binding was removed */
    public boolean remove(String bindingId) {
        return bindings.remove(bindingId);
    }
}
