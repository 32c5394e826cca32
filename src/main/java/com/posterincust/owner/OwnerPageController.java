package com.posterincust.owner;

import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.common.HtmlPage;
import com.posterincust.installation.Installation;
import com.posterincust.installation.Installations;
import com.posterincust.installation.InstallationStatus;
import com.posterincust.poster.PosterApiException;
import com.posterincust.poster.PosterClient;
import com.posterincust.poster.PosterProperties;
import com.posterincust.poster.PosterManageGrant;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The app's page in Poster's back office (Manage platform, docs/owner.md): Poster frames
 * {@code /poster/manage?code=…}; the code is exchanged for the account it opens, and the page of that account alone
 * is served with a credential of its own. A page that cannot be served says what to do, never shows an account.
 */
@RestController
public class OwnerPageController {

    public static final String PATH = "/poster/manage";

    private static final Logger log = LoggerFactory.getLogger(OwnerPageController.class);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final String FROM_POSTER = "Open it from Poster's back office: Applications → inCust.";

    private final PosterClient poster;
    private final Installations installations;
    private final OwnerCredentials credentials;
    private final PosterProperties posterSettings;
    private final OwnerTexts texts;
    private final String template;

    public OwnerPageController(PosterClient poster, Installations installations,
                               OwnerCredentials credentials, PosterProperties posterSettings, OwnerTexts texts) {
        this.poster = poster;
        this.texts = texts;
        this.installations = installations;
        this.posterSettings = posterSettings;
        this.credentials = credentials;
        this.template = read("owner/page.html");
    }

    @Operation(summary = "The owner's page, framed by Poster's back office with a one-time code")
    @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> page(@RequestParam(required = false) String code,
                                       @RequestHeader(name = "Accept-Language", required = false) String browser) {
        if (code == null || !CODE.matcher(code).matches()) {
            return HtmlPage.of(HttpStatus.BAD_REQUEST, "This page opens from Poster",
                    "The link has no valid code from Poster. " + FROM_POSTER);
        }
        PosterManageGrant grant;
        try {
            grant = poster.exchangeManageCode(code);
        } catch (PosterApiException refused) {
            log.warn("Owner's page refused: Poster did not accept the code ({})", refused.getMessage());
            return HtmlPage.of(HttpStatus.BAD_REQUEST, "Poster did not accept this page's code",
                    "Each opening of the page from Poster is good once, for a short while. " + FROM_POSTER);
        } catch (ExternalSystemUnavailableException down) {
            log.warn("Owner's page: Poster could not be reached ({})", down.getMessage());
            return HtmlPage.of(HttpStatus.SERVICE_UNAVAILABLE, "Poster could not be reached",
                    "Nothing was changed. Open the page again from Poster in a minute.");
        }
        Optional<Installation> installation = installations.findByAccountNumber(grant.accountNumber());
        if (installation.isEmpty()) {
            log.info("Owner's page for customer number {}: no installation", grant.accountNumber());
            return HtmlPage.of(HttpStatus.NOT_FOUND, "The inCust app is not installed for this account",
                    "Install it from Poster's marketplace (Applications → Marketplace → inCust → Connect), then open "
                            + "this page again.");
        }
        if (installation.get().status() == InstallationStatus.NEEDS_RENEWAL) {
            return HtmlPage.of(HttpStatus.CONFLICT, "The inCust app must be connected again",
                    "Poster no longer accepts the app's access to this account. Connect the app again from Poster's "
                            + "marketplace (Applications → Marketplace → inCust), then open this page again.");
        }
        if (installation.get().status() != InstallationStatus.ACTIVE) {
            log.info("Owner's page for {}: the app is {}", installation.get().account(), installation.get().status());
            return HtmlPage.of(HttpStatus.NOT_FOUND, "The inCust app is not installed for this account",
                    "Install it from Poster's marketplace (Applications → Marketplace → inCust → Connect), then open "
                            + "this page again.");
        }
        if (!posterSettings.getManage().getAllowedRoles().contains(grant.roleId())) {
            log.info("Owner's page for {} refused to Poster user {} of role {}", installation.get().account(),
                    grant.userId(), grant.roleId());
            return HtmlPage.of(HttpStatus.FORBIDDEN, "This page is for the account's owner",
                    "It binds registers to inCust terminals and reverses sales, so Poster's back office shows it to "
                            + "the account's owner. Ask the owner to open it, or to let your position open it.");
        }
        Installation account = installation.get();
        log.info("Owner's page opened for {} by Poster user {}", account.account(), grant.userId());
        String language = OwnerTexts.language(posterLanguage(account), browser);
        String html = template
                .replace("{{lang}}", language.equals("ua") ? "uk" : language)
                .replace("{{texts}}", texts.json(language))
                .replace("{{credential}}", text(credentials.issue(account.account(), grant.userId())))
                .replace("{{currency}}", text(account.currency() == null ? "" : account.currency()))
                .replace("{{company}}", text(name(account, grant)))
                .replace("{{account}}", text(account.account()))
                .replace("{{user}}", text(grant.userName() == null ? "" : grant.userName()));
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer").body(html);
    }

    /** The language Poster's back office runs in for the account ({@code settings.getAllSettings}), if it says. */
    private String posterLanguage(Installation account) {
        try {
            return installations.accessToken(account.account())
                    .map(token -> poster.getAllSettings(account.account(), token).language()).orElse(null);
        } catch (PosterApiException | ExternalSystemUnavailableException unread) {
            log.info("Owner's page for {}: Poster's language not read ({}), the browser's is used", account.account(),
                    unread.getMessage());
            return null;
        }
    }

    private static String name(Installation account, PosterManageGrant grant) {
        if (account.companyName() != null && !account.companyName().isBlank()) {
            return account.companyName();
        }
        return grant.companyName() == null ? account.account() : grant.companyName();
    }

    private static String text(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }

    private static String read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
