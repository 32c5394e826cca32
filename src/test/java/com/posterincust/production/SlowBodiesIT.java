package com.posterincust.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.BlackBox;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The review's slow-body attack on the packaged jar: 250 connections each announce a 100 000-byte webhook, send one
 * byte and then nothing, more than the service has worker threads. Health and the registers keep answering at once
 * (webhooks have a share of the threads of their own), and each slow body is dropped within its deadline.
 */
class SlowBodiesIT {

    static final int CONNECTIONS = 250;

    @Test
    void slowWebhookBodiesStarveNeitherHealthNorRegisters() throws Exception {
        try (PackagedService service = PackagedService.start("slow-bodies",
                List.of("--spring.datasource.url=jdbc:h2:mem:slow-bodies;DB_CLOSE_DELAY=-1"))) {
            BlackBox box = new BlackBox(null, new ObjectMapper(), service.port(), "mycafe");
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    slow.add(startSlowWebhook(service.port()));
                }

                long until = System.currentTimeMillis() + 12_000;
                int probes = 0;
                while (System.currentTimeMillis() < until) {
                    assertAnswersAtOnce(http, box, "/actuator/health", 200);
                    assertAnswersAtOnce(http, box, "/api/register/v1/connection", 401);
                    probes++;
                }
                assertThat(probes).isPositive();
                assertThat(slow.stream().filter(SlowBodiesIT::closedByTheService).count())
                        .as("slow bodies dropped within their deadline").isEqualTo(CONNECTIONS);
            } finally {
                slow.forEach(SlowBodiesIT::closeQuietly);
            }
            assertThat(service.isAlive()).isTrue();
        }
    }

    private static void assertAnswersAtOnce(HttpClient http, BlackBox box, String path, int status) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(box.url(path)).timeout(Duration.ofSeconds(3))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(status);
        assertThat((System.nanoTime() - started) / 1_000_000).as(path + " answered in ms").isLessThan(3000);
    }

    private static Socket startSlowWebhook(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /poster/webhooks HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** The service answered (408 or 503) and closed, or just closed: either way the connection is over. */
    private static boolean closedByTheService(Socket socket) {
        try {
            socket.getInputStream().transferTo(OutputStream.nullOutputStream());
            return true;
        } catch (IOException reset) {
            return !(reset instanceof java.net.SocketTimeoutException);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the test is over with it
        }
    }
}
