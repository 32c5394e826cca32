package com.posterincust.sandbox;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Poster's back office as the sandbox plays it: <i>Applications → inCust</i> frames the app's page
 * ({@code /poster/manage}) with a one-time code, from <b>another site</b>, as Poster's back office does —
 * {@code localhost} frames {@code 127.0.0.1} and the other way round — so the page works without cookies there.
 */
@Hidden
@RestController
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxBackOfficeController {

    private final SandboxPosterController poster;
    private final SandboxDemoLanguage demoLanguage;

    public SandboxBackOfficeController(SandboxPosterController poster, SandboxDemoLanguage demoLanguage) {
        this.poster = poster;
        this.demoLanguage = demoLanguage;
    }

    /** {@code ?lang=ua}: Poster's back office in that language from now on, as the sandbox register's Language. */
    @GetMapping(value = "/sandbox/back-office", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> backOffice(HttpServletRequest request,
                                             @RequestParam(required = false) String lang) {
        if (lang != null) {
            demoLanguage.use(lang);
        }
        String language = demoLanguage.language();
        String otherSite = "localhost".equals(request.getServerName()) ? "127.0.0.1" : "localhost";
        String page = "http://" + otherSite + ":" + request.getServerPort() + "/poster/manage?code="
                + poster.issueManageCode();
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("""
                <!doctype html><html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Poster back office (sandbox): Applications → inCust</title>
                <style>
                  body { margin: 0; font: 14px system-ui, sans-serif; display: flex; min-height: 100vh; }
                  nav { width: 12em; background: #27303f; color: #cfd6e4; padding: 1em; flex: none; }
                  nav b { color: #fff; display: block; margin-bottom: 1em; }
                  nav .here { color: #fff; font-weight: 600; }
                  main { flex: 1; display: flex; flex-direction: column; }
                  header { padding: .8em 1em; border-bottom: 1px solid #e3e6ee; }
                  iframe { flex: 1; border: 0; width: 100%%; min-height: 80vh; }
                  @media (max-width: 640px) { nav { display: none; } }
                </style></head>
                <body><nav aria-label="Back office"><b>Poster (sandbox)</b><div>Dashboard</div><div>Statistics</div>
                <div>Applications</div><div class="here">&nbsp;&nbsp;inCust</div></nav>
                <main><header>%s — Applications → inCust. Poster frames the app's page from another site; reload
                for a new code.
                <form method="get" style="display:inline"><label>Poster's language <select name="lang"
                  onchange="this.form.submit()">%s</select></label></form></header>
                <iframe id="app-page" title="inCust" src="%s"></iframe></main>
                <script>window.addEventListener('message', function (e) {
                  if (e.data && e.data.hideSpinner) { document.body.dataset.spinner = 'hidden'; }
                });</script>
                </body></html>
                """.formatted(HtmlUtils.htmlEscape(SandboxData.COMPANY_NAME), languages(language),
                HtmlUtils.htmlEscape(page)));
    }

    private static String languages(String chosen) {
        StringBuilder options = new StringBuilder();
        for (String[] language : new String[][] {{"en", "English"}, {"ua", "Українська (ua)"}, {"ru", "Русский (ru)"},
                {"pl", "Polski (pl)"}}) {
            options.append("<option value=\"").append(language[0]).append('"')
                    .append(language[0].equals(chosen) ? " selected" : "").append('>').append(language[1])
                    .append("</option>");
        }
        return options.toString();
    }
}
