package com.posterincust.installation;

import com.posterincust.poster.PosterAccessGrant;
import com.posterincust.poster.PosterAccountSettings;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterClientGroup;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The steps of the installation process, callable without the engine. */
@Service
public class InstallationService {

    private static final Logger log = LoggerFactory.getLogger(InstallationService.class);

    private final PosterClient poster;
    private final InstallationRepository installations;

    public InstallationService(PosterClient poster, InstallationRepository installations) {
        this.poster = poster;
        this.installations = installations;
    }

    /** Trades the one-time code for an access token and stores it; answers the Poster customer number. */
    public String exchangeCode(String account, String code) {
        PosterAccessGrant grant = poster.exchangeCode(account, code);
        installations.storeToken(account, grant.accountNumber(), grant.accessToken());
        if (grant.ownerCountry() != null && grant.ownerCountry().matches("[A-Za-z]{2}")) {
            installations.saveCountry(account, grant.ownerCountry().toUpperCase(Locale.ROOT));
        }
        log.info("Installation {}: Poster granted access by OAuth for customer number {}", account, grant.accountNumber());
        return grant.accountNumber();
    }

    public void storeWebhookToken(String account, String accountNumber, String accessToken) {
        installations.storeToken(account, accountNumber, accessToken);
        log.info("Installation {}: Poster granted access by webhook for customer number {}", account, accountNumber);
    }

    public PosterAccountSettings readSettings(String account) {
        PosterAccountSettings settings = poster.getAllSettings(account, token(account));
        installations.saveSettings(account, settings.currency(), settings.timeZone(), settings.companyName());
        return settings;
    }

    /**
     * Finds the loyalty client group or creates it. The row lock makes two installs of one account
     * (OAuth callback and webhook arrive together) create at most one group.
     */
    public String ensureLoyaltyGroup(String account) {
        installations.lock(account).orElseThrow(() -> new IllegalStateException("No installation for " + account));
        String token = token(account);
        String groupId = poster.getClientGroups(account, token).stream()
                .filter(group -> InstallationProcess.LOYALTY_GROUP_NAME.equals(group.name()))
                .map(PosterClientGroup::id)
                .findFirst()
                .orElseGet(() -> {
                    String created = poster.createClientGroup(account, token, InstallationProcess.LOYALTY_GROUP_NAME);
                    log.info("Installation {}: created the loyalty client group {}", account, created);
                    return created;
                });
        installations.saveLoyaltyGroup(account, groupId);
        return groupId;
    }

    /** The business removed the app: the account and everything bound to it stop working. */
    public void uninstall(String account) {
        if (installations.setStatus(account, InstallationStatus.UNINSTALLED)) {
            log.info("Installation {}: uninstalled", account);
        } else {
            log.info("Installation {}: uninstall webhook for an account that was never installed", account);
        }
    }

    private String token(String account) {
        return installations.accessToken(account)
                .orElseThrow(() -> new IllegalStateException("No access token stored for " + account));
    }
}
