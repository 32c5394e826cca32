package com.posterincust.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The default run as a newcomer meets it (demo account installed and registers bound by themselves, the engine's job
 * executor on), with one sandbox register in Chromium ({@link SandboxRegisterPage}) and what a cashier's test looks
 * at besides: the checkout's row, the fake inCust, the SMS outbox. Register 1 (Podil bar) works with the terminal
 * that asks for a code, register 2 (Podil terrace) with the one that does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"sandbox.demo-setup-at-start=true", "camunda.bpm.job-execution.enabled=true"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NamedInOutput.class)
abstract class RegisterAppBrowserRun extends SandboxRun {

    static final String CODE_REGISTER = "1";
    static final String INSTANT_REGISTER = "2";
    static final String OLENA = "+380501234567";
    static final String TARAS = "+380671112233";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SandboxIncust incust;
    @Autowired
    SandboxSmsOutbox outbox;

    SandboxRegisterPage register;

    @AfterAll
    void closeBrowser() {
        register.close();
    }

    String latestCheckout(String tablet) {
        return jdbc.sql("select id from checkout where tablet_id = ? order by created_at desc limit 1").param(tablet)
                .query(String.class).single();
    }

    String status(String checkout) {
        return jdbc.sql("select status from checkout where id = ?").param(checkout).query(String.class).single();
    }

    void awaitStatus(String checkout, String expected) {
        register.waitUntil(() -> expected.equals(status(checkout)));
    }

    int codesSent() {
        return outbox.json().size();
    }

    /** The code the guest's phone got after {@code before} earlier ones, as the register page shows it. */
    String codeSentAfter(int before) {
        register.waitUntil(() -> codesSent() > before);
        String code = outbox.json().get(0).code();
        register.waitForSms(code);
        return code;
    }
}
