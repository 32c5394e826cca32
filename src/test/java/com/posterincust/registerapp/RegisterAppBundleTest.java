package com.posterincust.registerapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What Poster loads: one file, calling only the documented part of the POS platform, released with Poster's sign. */
class RegisterAppBundleTest {

    static final Path BUNDLE = Path.of("register-app", "bundle.js");

    /** What the platform offers an app: docs/register-app.md, "What the app calls in Poster". */
    static final Set<String> DOCUMENTED = Set.of("Poster.settings", "Poster.environment", "Poster.on",
            "Poster.interface.showApplicationIconAt", "Poster.interface.popup", "Poster.interface.closePopup",
            "Poster.interface.showNotification", "Poster.interface.scanBarcode", "Poster.orders.getActive",
            "Poster.orders.setOrderClient", "Poster.orders.setOrderBonus", "Poster.orders.setExtras",
            "Poster.orders.setPrintText",
            "Poster.clients.find", "Poster.clients.create", "Poster.clients.get", "Poster.products.getFullName",
            "Poster.makeRequest");

    @Test
    void theAppCallsOnlyWhatPostersPlatformDocuments() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher call = Pattern.compile("Poster(\\.[A-Za-z]+)+").matcher(Files.readString(BUNDLE));
        while (call.find()) {
            used.add(call.group().startsWith("Poster.settings.") ? "Poster.settings" : call.group());
        }

        assertThat(used).isSubsetOf(DOCUMENTED).contains("Poster.makeRequest", "Poster.orders.setOrderBonus");
    }

    @Test
    void theBundleIsSmallAndHasNoModernSyntaxOlderRegistersCannotRun() throws IOException {
        String bundle = Files.readString(BUNDLE);

        // four languages of texts, Cyrillic two bytes a letter (register-app/test/bundle.test.mjs says the same)
        assertThat(Files.size(BUNDLE)).as("bytes").isLessThan(72 * 1024);
        assertThat(bundle).as("ES2017: no optional chaining, nullish coalescing or object spread")
                .doesNotContain("?.").doesNotContain("??").doesNotContainPattern("\\{\\s*\\.\\.\\.");
    }

    @Test
    void theReleaseScriptSignsAsPosterAsks() throws Exception {
        ProcessBuilder bare = new ProcessBuilder("bash", "register-app/upload.sh", "--dry-run").redirectErrorStream(true);
        bare.environment().remove("POSTER_APPLICATION_ID");
        bare.environment().remove("POSTER_APPLICATION_SECRET");
        Process dryRun = bare.start();
        ProcessBuilder withSecrets = new ProcessBuilder("bash", "register-app/upload.sh", "--dry-run")
                .redirectErrorStream(true);
        withSecrets.environment().put("POSTER_APPLICATION_ID", "1234");
        withSecrets.environment().put("POSTER_APPLICATION_SECRET", "app-secret");
        Process process = withSecrets.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(printed).isZero();

        String expected = md5(("1234:" + md5(Files.readAllBytes(BUNDLE)) + ":app-secret").getBytes(StandardCharsets.UTF_8));
        assertThat(printed).contains("sign=" + expected).doesNotContain("app-secret");
        assertThat(dryRun.waitFor()).as("without the app's id and secret it refuses").isNotZero();
    }

    private static String md5(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
    }
}
