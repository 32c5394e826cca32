package com.posterincust.installation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other features may ask of the installation feature: an account's installation and its Poster access token,
 * the installed accounts, the account's row locked for a change that must not overlap an install. Nothing else of
 * its tables is theirs.
 */
@Service
public class Installations {

    private final InstallationRepository installations;
    private final OAuthStateRepository states;

    public Installations(InstallationRepository installations, OAuthStateRepository states) {
        this.installations = installations;
        this.states = states;
    }

    public Optional<Installation> find(String account) {
        return installations.find(account);
    }

    /** The installation Poster's back office means by a customer number; empty when none or not one alone. */
    public Optional<Installation> findByAccountNumber(String accountNumber) {
        return installations.findByAccountNumber(accountNumber);
    }

    public List<Installation> findAll() {
        return installations.findAll();
    }

    /** The account's Poster access token, decrypted; empty when the account has none. */
    public Optional<String> accessToken(String account) {
        return installations.accessToken(account);
    }

    /** Locks the account's row until the transaction ends: what is decided on it then cannot race an install. */
    public Optional<Installation> lock(String account) {
        return installations.lock(account);
    }

    /** A fresh OAuth state, as the install page issues one (the sandbox's demo set-up plays that page). */
    public String issueOAuthState(Duration ttl) {
        return states.issue(ttl);
    }
}
