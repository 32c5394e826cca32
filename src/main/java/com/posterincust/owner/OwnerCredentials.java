package com.posterincust.owner;

import com.posterincust.common.TokenCipher;
import com.posterincust.poster.PosterProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The owner's page carries a credential of its own, not a cookie (Poster's back office frames the page from another
 * site, where browsers withhold cookies): the account and the Poster user, and when it expires, sealed with the
 * service's key (AES-GCM), so it can be neither read nor altered nor made for another account. It lives
 * {@code poster.manage.credential-ttl}; the page is reopened from Poster for a new one.
 */
@Component
public class OwnerCredentials {

    private static final String SEALED_FOR = "owner-page";
    private static final String VERSION = "owner1";

    private final TokenCipher cipher;
    private final PosterProperties poster;
    private final Clock clock;

    public OwnerCredentials(TokenCipher cipher, PosterProperties poster, Clock clock) {
        this.cipher = cipher;
        this.poster = poster;
        this.clock = clock;
    }

    public String issue(String account, String userId) {
        Instant expires = clock.instant().plus(poster.getManage().getCredentialTtl());
        return cipher.encrypt(String.join("\n", VERSION, account, userId, String.valueOf(expires.getEpochSecond())),
                SEALED_FOR);
    }

    /** Empty when the credential is missing, altered, of another kind, or expired. */
    public Optional<OwnerContext> verify(String credential) {
        if (credential == null || credential.isBlank() || credential.length() > 1000) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = cipher.decrypt(credential.strip(), SEALED_FOR).split("\n", -1);
        } catch (RuntimeException tampered) {
            return Optional.empty();
        }
        if (parts.length != 4 || !VERSION.equals(parts[0]) || !parts[3].matches("\\d{1,12}")
                || clock.instant().getEpochSecond() >= Long.parseLong(parts[3])) {
            return Optional.empty();
        }
        return Optional.of(new OwnerContext(parts[1], parts[2]));
    }
}
