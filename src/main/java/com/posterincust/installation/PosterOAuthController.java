package com.posterincust.installation;

import com.posterincust.common.ExternalSystemUnavailableException;
import com.posterincust.common.HtmlPage;
import com.posterincust.poster.PosterClient;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The browser side of installing the app: docs/http-api.md. Answers are HTML pages for a business owner. */
@RestController
public class PosterOAuthController {

    private static final Logger log = LoggerFactory.getLogger(PosterOAuthController.class);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern STATE = Pattern.compile("[a-f0-9]{1,128}");

    private final InstallationCommands starter;

    public PosterOAuthController(InstallationCommands starter) {
        this.starter = starter;
    }

    @Operation(summary = "Start installing the app: redirects to Poster's authorize page")
    @GetMapping("/poster/install")
    public ResponseEntity<Void> install() {
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(starter.authorizeUrl())).build();
    }

    @Operation(summary = "Poster's OAuth redirect: exchanges the code and installs the account")
    @GetMapping(value = "/poster/oauth/callback", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> callback(@RequestParam(required = false) String code,
                                           @RequestParam(required = false) String account,
                                           @RequestParam(required = false) String state) {
        List<String> problems = new ArrayList<>();
        check(problems, "code", code, CODE);
        check(problems, "account", account, PosterClient.ACCOUNT_NAME);
        if (state != null && !STATE.matcher(state).matches()) {
            problems.add("state is malformed");
        }
        if (!problems.isEmpty()) {
            log.warn("OAuth callback refused: {}", problems);
            return HtmlPage.of(HttpStatus.BAD_REQUEST, "The app could not be connected",
                    "The link from Poster is incomplete: " + String.join("; ", problems)
                            + ". Start again from the app's Connect button.");
        }
        try {
            InstallationCommands.CallbackOutcome outcome = starter.completeOAuth(account, code, state);
            if (outcome instanceof InstallationCommands.CallbackOutcome.Connected connected) {
                return HtmlPage.of(HttpStatus.OK, "The inCust app is connected",
                        "Poster account " + connected.account() + " (customer number " + connected.accountNumber()
                                + ") is connected. The service is preparing the account in the background.",
                        "Next: bind your registers to inCust terminals. In Poster's back office open Applications → "
                                + "inCust: the app's page lists every register of the account; press Bind beside "
                                + "one and type the login and password of its inCust terminal (inCust business panel, "
                                + "Settings → Terminals and salespeople). Then log in again at the register: the "
                                + "app says it is connected.");
            }
            return HtmlPage.of(HttpStatus.BAD_REQUEST, "The app could not be connected",
                    ((InstallationCommands.CallbackOutcome.Rejected) outcome).reason());
        } catch (ExternalSystemUnavailableException e) {
            log.warn("OAuth callback for {} failed: {}", account, e.getMessage());
            return HtmlPage.of(HttpStatus.BAD_GATEWAY, "Poster could not be reached",
                    "Nothing was stored. Reload this page in a minute to try again.");
        }
    }

    private static void check(List<String> problems, String name, String value, Pattern shape) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is missing");
        } else if (!shape.matcher(value).matches()) {
            problems.add(name + " is malformed");
        }
    }

}
