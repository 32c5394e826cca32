package com.posterincust.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sandbox profile as the default run has it, on a free port of its own: the sandbox's clients reach its fakes at
 * {@code localhost:${server.port}}, so the port must be known before the service starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "sandbox"})
abstract class SandboxRun {

    /** Called once per context; the port is chosen then, not each time the property is read. */
    @DynamicPropertySource
    static void aPortOfItsOwn(DynamicPropertyRegistry registry) {
        int port = freePort();
        registry.add("server.port", () -> port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
