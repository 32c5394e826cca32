package com.posterincust;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the test suite needs beyond Java, found before the first test runs ({@code ./mvnw verify} runs {@link #main}
 * right after compiling the tests): Node.js 18+ with npm (the model lint, the register app's tests and build),
 * bash, and Chromium with its driver (the browser tests, which find them here too). Each missing one is named in one
 * line that says how to install it, and the build stops there.
 */
public final class TestPrerequisites {

    public static final String CHROMIUM_HINT = "Chromium and its driver (browser tests): Debian `apt-get install chromium "
            + "chromium-driver`, Ubuntu `snap install chromium` with CHROMEDRIVER=/snap/bin/chromium.chromedriver, "
            + "Homebrew `brew install --cask chromium chromedriver`; or point CHROME_BIN and CHROMEDRIVER at them";

    private static final List<String> CHROMIUM_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");
    private static final List<String> MAC_BROWSERS = List.of("/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");

    private TestPrerequisites() {
    }

    public static void main(String[] args) {
        List<String> missing = new ArrayList<>();
        int node = nodeMajorVersion();
        if (node < 18) {
            missing.add("Node.js 18 or newer with npm (" + (node == 0 ? "none on PATH" : "found " + node) + "; model "
                    + "lint, register app): Debian/Ubuntu `apt-get install nodejs npm`, Homebrew `brew install node`");
        } else if (onPath("npm").isEmpty()) {
            missing.add("npm (model lint, register app): Debian/Ubuntu `apt-get install npm`, Homebrew `brew install node`");
        }
        if (onPath("bash").isEmpty()) {
            missing.add("bash (the register app's release script): your system's package manager");
        }
        if (chromium().isEmpty() || chromedriver().isEmpty()) {
            missing.add((chromium().isEmpty() ? "no Chromium" : "Chromium but no chromedriver") + " found. "
                    + CHROMIUM_HINT);
        }
        if (!missing.isEmpty()) {
            missing.forEach(line -> System.out.println("MISSING for ./mvnw verify: " + line));
            System.exit(1);
        }
        System.out.println("Test prerequisites: node " + node + ", Chromium " + chromium().orElseThrow()
                + ", driver " + chromedriver().orElseThrow());
    }

    /** {@code CHROME_BIN}, else the first Chromium or Chrome on {@code PATH}, else the macOS applications. */
    public static Optional<String> chromium() {
        Optional<String> named = fromEnvironment("CHROME_BIN");
        if (named.isPresent()) {
            return named;
        }
        for (String name : CHROMIUM_NAMES) {
            Optional<String> found = onPath(name);
            if (found.isPresent()) {
                return found;
            }
        }
        return MAC_BROWSERS.stream().filter(path -> new File(path).canExecute()).findFirst();
    }

    /** {@code CHROMEDRIVER}, else {@code chromedriver} on {@code PATH}. */
    public static Optional<String> chromedriver() {
        Optional<String> named = fromEnvironment("CHROMEDRIVER");
        return named.isPresent() ? named : onPath("chromedriver");
    }

    private static Optional<String> fromEnvironment(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? Optional.empty()
                : Optional.of(value).filter(path -> new File(path).canExecute());
    }

    private static Optional<String> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            for (String suffix : List.of("", ".exe", ".cmd")) {
                File candidate = new File(directory, name + suffix);
                if (candidate.isFile() && candidate.canExecute()) {
                    return Optional.of(candidate.getPath());
                }
            }
        }
        return Optional.empty();
    }

    private static int nodeMajorVersion() {
        Optional<String> node = onPath("node");
        if (node.isEmpty()) {
            return 0;
        }
        try {
            Process version = new ProcessBuilder(node.get(), "--version").redirectErrorStream(true).start();
            String said = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!version.waitFor(10, TimeUnit.SECONDS) || !said.matches("v\\d+\\..*")) {
                return 0;
            }
            return Integer.parseInt(said.substring(1, said.indexOf('.')));
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
