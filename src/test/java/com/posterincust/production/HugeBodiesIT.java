package com.posterincust.production;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.posterincust.BlackBox;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The review's memory attack on the packaged jar with a 512 MB heap: three unauthenticated 400 MB webhook bodies at
 * once, declared and chunked. The service refuses each with 413 and keeps answering; nothing runs out of memory.
 */
class HugeBodiesIT {

    static final long FOUR_HUNDRED_MEGABYTES = 400L * 1024 * 1024;

    @Test
    void threeConcurrent400MegabyteWebhooksLeaveTheServiceAnswering() throws Exception {
        try (PackagedService service = PackagedService.start("huge-bodies",
                List.of("--spring.datasource.url=jdbc:h2:mem:huge-bodies;DB_CLOSE_DELAY=-1"))) {
            BlackBox box = new BlackBox(null, new ObjectMapper(), service.port(), "mycafe");
            HttpClient http = HttpClient.newHttpClient();
            ExecutorService senders = Executors.newFixedThreadPool(6);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(senders.submit(() -> send(http, box, true)));
                answers.add(senders.submit(() -> send(http, box, false)));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(5, TimeUnit.MINUTES)).isIn("413", "closed after refusing");
            }
            senders.shutdown();

            assertThat(service.isAlive()).isTrue();
            assertThat(box.send(HttpRequest.newBuilder(box.url("/actuator/health")).GET()).statusCode()).isEqualTo(200);
            assertThat(box.webhook("client", "42", "changed", null).statusCode()).isEqualTo(200);
            assertThat(service.log()).doesNotContain("OutOfMemoryError");
        }
    }

    /** One huge body, made up as it is sent: the client never holds it either. */
    private static String send(HttpClient http, BlackBox box, boolean declared) throws InterruptedException {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(Blanks::new);
        if (declared) {
            body = HttpRequest.BodyPublishers.fromPublisher(body, FOUR_HUNDRED_MEGABYTES);
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(box.url("/poster/webhooks"))
                    .header("Content-Type", "application/json").POST(body).build(), HttpResponse.BodyHandlers.ofString());
            return String.valueOf(answer.statusCode());
        } catch (IOException resetWhileSending) {
            // the service answered 413 and closed the connection while the client was still sending
            return "closed after refusing";
        }
    }

    /** 400 MB of spaces, generated on the fly. */
    private static final class Blanks extends InputStream {
        private long left = FOUR_HUNDRED_MEGABYTES;

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return ' ';
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left == 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
            left -= n;
            return n;
        }
    }
}
