package com.posterincust.checkout;

import com.posterincust.installation.Installations;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterReceipt;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Poster's receipts of an account, read with the account's token: the one place the checkout feature reads them. */
@Component
class PosterReceipts {

    private final Installations installations;
    private final PosterClient poster;

    PosterReceipts(Installations installations, PosterClient poster) {
        this.installations = installations;
        this.poster = poster;
    }

    /**
     * The receipt as Poster shows it now; empty when Poster does not know it.
     *
     * @throws IllegalStateException when the account has no access token (a checkout's account always has)
     */
    Optional<PosterReceipt> read(String account, String transactionId) {
        String token = installations.accessToken(account).orElseThrow(() -> new IllegalStateException(
                "No access token for the installed account " + account));
        return poster.getTransaction(account, token, transactionId);
    }

    /** The receipt as Poster shows it now; empty when Poster does not know it or the account is not installed. */
    Optional<PosterReceipt> readIfInstalled(String account, String transactionId) {
        return installations.accessToken(account).flatMap(token -> poster.getTransaction(account, token,
                transactionId));
    }
}
