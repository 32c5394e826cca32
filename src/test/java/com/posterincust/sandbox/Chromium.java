package com.posterincust.sandbox;

import com.posterincust.TestPrerequisites;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Chromium (or Chrome), headless, with a fresh profile, as every browser test drives it; found as
 * {@link TestPrerequisites} finds it. Missing Chromium fails loudly, saying how to install it.
 */
final class Chromium {

    private Chromium() {
    }

    /** {@code preferences}: the profile's settings, such as blocking third-party cookies. */
    static ChromeDriver start(String window, Map<String, Object> preferences) throws IOException {
        String binary = TestPrerequisites.chromium().orElseThrow(Chromium::missing);
        String driver = TestPrerequisites.chromedriver().orElseThrow(Chromium::missing);
        ChromeOptions options = new ChromeOptions().setBinary(binary).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--window-size=" + window, "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        if (!preferences.isEmpty()) {
            options.setExperimentalOption("prefs", preferences);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("The browser tests need " + TestPrerequisites.CHROMIUM_HINT);
    }
}
