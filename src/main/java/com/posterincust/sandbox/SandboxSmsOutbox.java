package com.posterincust.sandbox;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** Where the fake inCust "sends" confirmation codes, so a person trying the sandbox can read them. */
@Hidden
@RestController
@ConditionalOnProperty(name = "sandbox.enabled", havingValue = "true")
public class SandboxSmsOutbox {

    public record Message(OffsetDateTime sentAt, String recipient, String transactionId, String code) {
    }

    private final Clock clock;
    private final List<Message> messages = new CopyOnWriteArrayList<>();

    public SandboxSmsOutbox(Clock clock) {
        this.clock = clock;
    }

    void send(String phone, String transactionId, String code) {
        messages.add(new Message(OffsetDateTime.now(clock), masked(phone), transactionId, code));
    }

    @GetMapping(value = "/sandbox/sms-outbox", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<Message> json() {
        List<Message> newestFirst = new ArrayList<>(messages);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @GetMapping(value = "/sandbox/sms-outbox", produces = MediaType.TEXT_HTML_VALUE)
    public String page() {
        StringBuilder rows = new StringBuilder();
        for (Message message : json()) {
            rows.append("<tr><td>").append(message.sentAt()).append("</td><td>")
                    .append(HtmlUtils.htmlEscape(String.valueOf(message.recipient()))).append("</td><td>")
                    .append(HtmlUtils.htmlEscape(message.transactionId())).append("</td><td><b>")
                    .append(message.code()).append("</b></td></tr>");
        }
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sandbox SMS outbox</title>"
                + "<meta http-equiv=\"refresh\" content=\"5\"></head><body style=\"font-family:sans-serif\">"
                + "<h1>Sandbox SMS outbox</h1><p>Confirmation codes the fake inCust sent, newest first.</p>"
                + "<table border=\"1\" cellpadding=\"6\"><tr><th>sent</th><th>to</th><th>transaction</th><th>code</th></tr>"
                + rows + "</table></body></html>";
    }

    private static String masked(String phone) {
        if (phone == null || phone.length() < 4) {
            return "customer";
        }
        return "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
    }
}
