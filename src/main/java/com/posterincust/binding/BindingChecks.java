package com.posterincust.binding;

import com.posterincust.incust.IncustApiException;
import com.posterincust.incust.IncustClient;
import com.posterincust.incust.IncustCredentials;
import com.posterincust.incust.Loyalty;
import com.posterincust.installation.Installation;
import com.posterincust.installation.Installations;
import com.posterincust.installation.InstallationStatus;
import com.posterincust.poster.PosterApiException;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterCurrency;
import com.posterincust.poster.PosterSpot;
import com.posterincust.poster.PosterTablet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The checks of a binding request. Each answers every problem it finds, so the business sees all wrong values
 * at once; technical faults of Poster or inCust propagate and the whole binding is retried by the caller.
 */
@Service
public class BindingChecks {

    static final String FIELD_ACCOUNT = "posterAccount";
    static final String FIELD_CUSTOMER_NUMBER = "posterCustomerNumber";
    static final String FIELD_SPOT = "posterSpotId";
    static final String FIELD_TABLET = "posterTabletId";
    static final String FIELD_INCUST = "incust";

    public record InstallationCheck(Optional<Installation> usable, List<BindingRejection> rejections) {
    }

    public record TerminalCheck(Optional<Loyalty.Terminal> terminal, List<BindingRejection> rejections) {
    }

    private final Installations installations;
    private final PosterClient poster;
    private final IncustClient incust;

    public BindingChecks(Installations installations, PosterClient poster, IncustClient incust) {
        this.installations = installations;
        this.poster = poster;
        this.incust = incust;
    }

    public InstallationCheck checkInstallation(String account, String customerNumber) {
        Optional<Installation> found = installations.find(account);
        List<BindingRejection> rejections = new ArrayList<>();
        InstallationStatus status = found.map(Installation::status).orElse(InstallationStatus.UNINSTALLED);
        switch (status) {
            case ACTIVE -> { }
            case PENDING -> rejections.add(new BindingRejection(FIELD_ACCOUNT,
                    "The inCust app installation in this Poster account is not finished yet; try again in a minute"));
            case NEEDS_RENEWAL -> rejections.add(new BindingRejection(FIELD_ACCOUNT,
                    "Poster no longer accepts the app's access to this account; install the inCust app again"));
            case UNINSTALLED -> rejections.add(new BindingRejection(FIELD_ACCOUNT,
                    "The inCust app is not installed in this Poster account"));
        }
        if (found.isPresent() && !found.get().accountNumber().equals(customerNumber)) {
            rejections.add(new BindingRejection(FIELD_CUSTOMER_NUMBER,
                    "This is not the Poster customer number of account " + account));
        }
        return new InstallationCheck(status == InstallationStatus.ACTIVE ? found : Optional.empty(), rejections);
    }

    public List<BindingRejection> checkSpotAndTablet(String account, String spotId, String tabletId) {
        String token = installations.accessToken(account)
                .orElseThrow(() -> new IllegalStateException("No access token stored for " + account));
        List<BindingRejection> rejections = new ArrayList<>();
        List<PosterSpot> spots;
        List<PosterTablet> tablets;
        try {
            spots = poster.getSpots(account, token);
            tablets = poster.getTablets(account, token);
        } catch (PosterApiException refused) {
            if (refused.code() == PosterApiException.TARIFF_RESTRICTED || refused.requiresReinstall()
                    || refused.code() == PosterApiException.NO_RIGHTS) {
                return List.of(new BindingRejection(FIELD_ACCOUNT, refused.getMessage()));
            }
            throw refused;
        }
        boolean spotExists = spots.stream().map(PosterSpot::id).anyMatch(spotId::equals);
        if (!spotExists) {
            rejections.add(new BindingRejection(FIELD_SPOT, "Poster account " + account + " has no location " + spotId));
        }
        Optional<PosterTablet> tablet = tablets.stream()
                .filter(candidate -> candidate.id().equals(tabletId)).findFirst();
        if (tablet.isEmpty()) {
            rejections.add(new BindingRejection(FIELD_TABLET, "Poster account " + account + " has no register " + tabletId));
        } else if (spotExists && !tablet.get().spotId().equals(spotId)) {
            rejections.add(new BindingRejection(FIELD_TABLET, "Register " + tabletId + " belongs to location "
                    + tablet.get().spotId() + ", not to location " + spotId));
        }
        return rejections;
    }

    /** Logs the terminal in; when the Poster account's currency is known, the terminal must work in it too. */
    public TerminalCheck checkTerminal(IncustCredentials terminal, String posterCurrency) {
        Loyalty.Terminal token;
        try {
            token = incust.login(terminal);
        } catch (IncustApiException refused) {
            return new TerminalCheck(Optional.empty(), List.of(new BindingRejection(FIELD_INCUST,
                    "inCust refused this terminal login and password: " + refused.incustMessage())));
        }
        String accountCurrency = PosterCurrency.alphabeticCode(posterCurrency);
        if (accountCurrency != null && !accountCurrency.equals(PosterCurrency.alphabeticCode(token.currency()))) {
            return new TerminalCheck(Optional.of(token), List.of(new BindingRejection(FIELD_INCUST,
                    "The inCust terminal works in " + token.currency() + ", the Poster account in " + accountCurrency)));
        }
        return new TerminalCheck(Optional.of(token), List.of());
    }
}
