package com.posterincust.production;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.BlackBox;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged jar ({@code target/checkout-orchestrator-*.jar}) started as its own process with a 512 MB heap, sandbox
 * off, for the tests that must see the real thing: a kill, or memory running out. Runs after {@code package}.
 */
public final class PackagedService implements AutoCloseable {

    static final String TEST_KEY = "TnKgNVTXQ10OoTNtKpRuGmvEk0QJRcCQtuGttTm25vA=";

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedService(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with the test's production settings plus {@code extra}, and waits until it is healthy. */
    public static PackagedService start(String name, List<String> extra) throws Exception {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", name + ".log");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", jar().getPath(),
                "--server.port=" + port,
                "--spring.profiles.active=production",
                "--sandbox.enabled=false",
                // no nightly day check starts in the middle of a test
                "--reconciliation.enabled=false",
                "--poster.application.id=test-app",
                "--poster.application.secret=" + BlackBox.SECRET,
                "--poster.oauth.redirect-uri=https://orchestrator.test/poster/oauth/callback",
                "--orchestrator.public-base-url=https://orchestrator.test",
                "--camunda.bpm.admin-user.id=admin",
                "--camunda.bpm.admin-user.password=test-admin-password",
                "--orchestrator.encryption.key=" + TEST_KEY));
        command.addAll(extra);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedService service = new PackagedService(process, port, log);
        service.waitUntilUp();
        return service;
    }

    /**
     * The jar as a newcomer starts it: no profile, no setting but the port, in an empty folder of its own (its
     * {@code ./data}), so it is the default run on H2 with the sandbox.
     */
    public static PackagedService startDefaultRun(String name) throws Exception {
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        Path folder = Files.createTempDirectory(name);
        Process process = new ProcessBuilder(java, "-Xmx512m", "-jar", jar().getAbsolutePath(), "--server.port=" + port)
                .directory(folder.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedService service = new PackagedService(process, port, log);
        service.waitUntilUp();
        return service;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Pulls the plug: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    public String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the service as an operator would (SIGTERM), so that its connections close and the database's counts settle. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void waitUntilUp() throws Exception {
        BlackBox probe = new BlackBox(null, new ObjectMapper(), port, "probe");
        long deadline = System.currentTimeMillis() + 90_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try {
                if (probe.send(HttpRequest.newBuilder(probe.url("/actuator/health")).GET()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("The service did not start; see " + log + ":\n" + tail());
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static File jar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(file -> file.getFileName().toString().matches("checkout-orchestrator-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("Run `./mvnw verify`: the jar is built first"))
                    .toFile();
        }
    }
}
