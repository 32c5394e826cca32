package com.posterincust.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.posterincust.Jobs;
import com.posterincust.binding.TerminalBindingRepository;
import com.posterincust.daycheck.DayCheckRepository;
import com.posterincust.installation.InstallationCommands;
import com.posterincust.poster.PosterProperties;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The café's owner binds registers by picking them on the app's page inside Poster's back office (the sandbox's):
 * framed by another site, third-party cookies blocked. The demo account is installed, its registers not yet bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NamedInOutput.class)
class OwnerPageBrowserTest extends SandboxRun {

    @LocalServerPort
    int port;
    @Autowired
    SandboxPosterController poster;
    @Autowired
    InstallationCommands installer;
    @Autowired
    PosterProperties posterSettings;
    @Autowired
    com.posterincust.installation.OAuthStateRepository states;
    @Autowired
    ManagementService management;
    @Autowired
    TerminalBindingRepository bindings;
    @Autowired
    DayCheckRepository days;

    OwnerPage page;

    @BeforeAll
    void theDemoAccountInstalledAndABrowser() throws Exception {
        installer.completeOAuth(SandboxData.ACCOUNT, poster.issueCode(posterSettings.getOauth().getRedirectUri()),
                states.issue(posterSettings.getOauth().getStateTtl()));
        Jobs.runAll(management);
        page = new OwnerPage(port);
    }

    @AfterAll
    void closeBrowser() {
        page.close();
    }

    @Test
    void theOwnerSeesEveryRegisterAndBindsOneByPickingIt() throws Exception {
        page.open();

        List<String> origins = page.originsOfBackOfficeAndPage();
        assertThat(origins.get(0)).as("the back office").startsWith("http://localhost:");
        assertThat(origins.get(1)).as("the app's page, another site").startsWith("http://127.0.0.1:");
        assertThat(page.cookies()).as("the page lives without cookies").isEmpty();
        assertThat(page.heading()).contains(SandboxData.COMPANY_NAME).contains(SandboxData.ACCOUNT);
        assertThat(page.registers()).containsExactly("Podil bar", "Podil terrace", "Obolon bar");
        assertThat(page.row("Podil terrace")).containsExactly("Podil terrace", "Demo Cafe Podil", "—", "Not bound");
        assertThat(page.row("Obolon bar").get(1)).isEqualTo("Demo Cafe Obolon");
        page.screenshot("01-registers");

        page.press("Bind", "Podil bar");
        assertThat(page.openDialog()).as("an unbound register replaces nothing").doesNotContain("replaces");
        page.type("inCust terminal login", "demo-confirm");
        page.type("inCust terminal password", "not-the-password");
        page.press("Save");
        assertThat(page.formError()).contains("inCust did not accept").contains("nothing was bound");
        page.screenshot("02-refused");
        assertThat(bindings.findActive(SandboxData.ACCOUNT, "1")).as("nothing bound").isEmpty();

        page.type("inCust terminal password", SandboxData.TERMINAL_PASSWORD);
        page.press("Save");
        page.waitForStatus("Podil bar", "Connected");
        assertThat(page.row("Podil bar")).containsExactly("Podil bar", "Demo Cafe Podil", "Demo terminal (code required)",
                "Connected");
        assertThat(page.dialogOpen()).isFalse();
        page.screenshot("03-connected");
        assertThat(bindings.findActive(SandboxData.ACCOUNT, "1")).isPresent();

        page.press("Bind", "Podil bar");
        assertThat(page.openDialog()).contains("saving replaces that terminal");
        page.type("inCust terminal login", "demo-instant");
        page.type("inCust terminal password", "not-the-password");
        page.press("Save");
        assertThat(page.formError()).as("a refused login leaves the register as it was")
                .contains("stays bound to “Demo terminal (code required)”");
        page.press("Close");
        assertThat(page.row("Podil bar").get(3)).isEqualTo("Connected");

        page.press("Unbind", "Podil bar");
        page.screenshot("04-unbind");
        page.press("Yes, unbind");
        page.waitForStatus("Podil bar", "Not bound");
        assertThat(bindings.findActive(SandboxData.ACCOUNT, "1")).isEmpty();
    }

    /** *Check yesterday*: the day's check runs (its jobs run by the test, as the job executor would) and shows. */
    @Test
    void theOwnerChecksYesterdayAndSeesTheDay() throws Exception {
        page.open();
        String yesterday = LocalDate.now(ZoneId.of(SandboxData.TIME_ZONE)).minusDays(1).toString();

        page.pressOnPage("Check yesterday");
        long deadline = System.currentTimeMillis() + 15_000;
        while (days.findOf(SandboxData.ACCOUNT, Optional.of(LocalDate.parse(yesterday)), 1)
                .isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        Jobs.runAll(management);

        List<String> day = page.dayRow(yesterday, "Done");
        assertThat(day.get(0)).as("as English writes a day").isEqualTo(
                DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK).format(LocalDate.parse(yesterday)));
        assertThat(day.subList(1, 6)).allSatisfy(figure -> assertThat(figure).matches("\\d+"));
        page.screenshot("05-day-checked");
    }
}
