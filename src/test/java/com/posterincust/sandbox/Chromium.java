package com.posterincust.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, with a fresh profile, as every browser test drives it. Missing Chromium fails loudly,
 * saying how to install it.
 */
final class Chromium {

    static final String BINARY = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Chromium() {
    }

    /** {@code preferences}: the profile's settings, such as blocking third-party cookies. */
    static ChromeDriver start(String window, Map<String, Object> preferences) throws IOException {
        if (!new File(BINARY).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's Chromium and its driver: "
                    + "apt-get install chromium chromium-driver (.ci/run installs them)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(BINARY).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--window-size=" + window, "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        if (!preferences.isEmpty()) {
            options.setExperimentalOption("prefs", preferences);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
