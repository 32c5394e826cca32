package com.posterincust.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.posterincust.authorization.CustomerIdentifier;
import com.posterincust.authorization.CustomerSessionRepository;
import com.posterincust.authorization.CustomerView;
import com.posterincust.authorization.IdentifierType;
import com.posterincust.binding.TerminalBindingRepository;
import com.posterincust.checkout.CheckoutModel;
import com.posterincust.checkout.CheckoutRepository;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The café's owner reads the page in Poster's back office in Ukrainian and in English: what needs attention first, each
 * with the one thing to do, the sales recognisable by receipt and guest, the language's dates and numbers. Obolon bar
 * has one checkout of each kind the owner must look at, and one paid with points and a coupon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"sandbox.demo-setup-at-start=true", "camunda.bpm.job-execution.enabled=true",
                // the deadlines the late checkouts below are late by (the defaults, named)
                "checkout.choice-timeout=15m", "checkout.background-retry-cycle=R10/PT1M"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(NamedInOutput.class)
class OwnerPageInTwoLanguagesBrowserTest extends SandboxRun {

    private static final String REGISTER = "3";
    /** What may stay in Latin letters on the Ukrainian page: names the café or inCust gave, and inCust itself. */
    private static final List<String> NAMES = List.of("Demo terminal (code required)", "Demo terminal (no code)",
            "Demo Cafe Podil", "Demo Cafe Obolon", "Demo Cafe", "demo-cafe", "Podil bar", "Podil terrace",
            "Obolon bar", "Olena Demo", "Demo Owner", "inCust", "Poster");

    @LocalServerPort
    int port;
    @Autowired
    SandboxDemoSetup demo;
    @Autowired
    SandboxDemoLanguage language;
    @Autowired
    CheckoutRepository checkouts;
    @Autowired
    TerminalBindingRepository bindings;
    @Autowired
    CustomerSessionRepository sessions;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    OwnerPage page;
    String waitingTooLong;
    String notConfirmed;
    String withIncident;
    String dayCheckOpen;
    String bonusToCheck;
    String paid;

    @BeforeAll
    void obolonBarsCheckouts() throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!demo.isReady() && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(demo.isReady()).as("the demo set up").isTrue();
        String session = UUID.randomUUID().toString();
        sessions.open(session, SandboxData.ACCOUNT, REGISTER, binding(),
                new CustomerIdentifier(IdentifierType.PHONE, "+380501234567"));
        sessions.saveCustomer(session, new CustomerView("c-1001", "Olena Demo", "+380501234567", null, false,
                new BigDecimal("150.00"), List.of(), List.of(), "101"), null);
        OffsetDateTime now = OffsetDateTime.now();

        waitingTooLong = checkout("AWAITING_REDEMPTION", null, now.minusMinutes(40));
        notConfirmed = checkout("FINALIZING", "9102", now.minusMinutes(30));
        withIncident = checkout("FINALIZING", "9105", now.minusMinutes(1));
        ProcessInstance stuck = runtime.createProcessInstanceByKey("checkout").businessKey(withIncident)
                .startBeforeActivity("CheckTheBonusOnPostersReceipt").execute();
        runtime.createIncident("failedJob", stuck.getId(), null, "inCust kept refusing");
        dayCheckOpen = checkout("COMPLETED", "9104", now.minusHours(20));
        String check = UUID.randomUUID().toString();
        jdbc.sql("insert into day_check (id, account, business_day, status, receipts, loyalty_receipts, agreed, fixed, "
                        + "open_differences, started_at, finished_at) values (?, ?, ?, 'DONE', 4, 4, 3, 0, 1, ?, ?)")
                .params(check, SandboxData.ACCOUNT, LocalDate.now(ZoneId.of(SandboxData.TIME_ZONE)).minusDays(1),
                        now.minusHours(8), now.minusHours(8)).update();
        jdbc.sql("insert into day_check_difference (id, day_check_id, kind, transaction_id, checkout_id, poster_bonus, "
                        + "incust_bonus, status, detail) values (?, ?, 'BONUS_MISMATCH', '9104', ?, 10.00, 20.00, 'OPEN', "
                        + "'Poster shows 10.00, inCust redeemed 20.00')")
                .params(UUID.randomUUID().toString(), check, dayCheckOpen).update();
        bonusToCheck = checkout("COMPLETED", "9103", now.minusHours(2));
        jdbc.sql("update checkout set bonus_check = 'The register reported 20.00, Poster shows 0.00' where id = ?")
                .param(bonusToCheck).update();
        paid = checkout("COMPLETED", "9106", now.minusMinutes(5));
        page = new OwnerPage(port);
    }

    @AfterAll
    void closeBrowser() {
        language.use("en");
        page.close();
    }

    @Test
    void inUkrainianEveryCaseIsFirstWithWhatToDoAndTheSaleIsNamed() throws Exception {
        page.open("ua");

        assertThat(page.language()).isEqualTo("uk");
        List<List<String>> attention = page.attention();
        assertThat(attention).extracting(row -> row.get(1)).as("the worst first")
                .containsExactly("INCIDENT", "LATE", "LATE", "DAY_CHECK", "BONUS_CHECK");
        assertThat(attention).extracting(row -> row.get(0))
                .containsExactlyInAnyOrder(withIncident, waitingTooLong, notConfirmed, dayCheckOpen, bonusToCheck);
        assertThat(rowOf(attention, withIncident)).contains("Оператора сервісу повідомлено");
        assertThat(rowOf(attention, waitingTooLong)).contains("Мало звільнитися до", "нічого не списано");
        assertThat(rowOf(attention, notConfirmed)).contains("inCust не підтвердив", "Чек 9102");
        assertThat(rowOf(attention, dayCheckOpen)).contains("Звірка дня", "порівняйте чек у Poster");
        assertThat(rowOf(attention, bonusToCheck)).contains("розійшлися щодо бонусу");
        page.screenshot("ua-01-page");

        String sale = page.checkoutRow(paid);
        assertThat(sale).contains("Чек 9106", "Olena Demo", "••••4567", "20,00 балів", "купон 9,10", "91,00",
                "Оплачено балами й купоном — завершено");
        assertThat(sale).as("the date as Ukrainian writes it").containsPattern("\\d{2}\\.\\d{2}\\.\\d{4}");
        page.pressInCheckoutRow("Скасувати продаж", paid);
        assertThat(page.openDialog()).contains("9106", "Olena Demo", "••••4567", "Obolon bar", "91,00");
        page.screenshot("ua-02-reverse");
        page.closeDialog();

        String text = page.text();
        for (String name : NAMES) {
            text = text.replace(name, "");
        }
        assertThat(latinWords(text)).as("no English word on the Ukrainian page but names").isEmpty();
    }

    @Test
    void inEnglishTheSameInEnglishWords() throws Exception {
        page.open("en");

        assertThat(page.language()).isEqualTo("en");
        List<List<String>> attention = page.attention();
        assertThat(attention).extracting(row -> row.get(1))
                .containsExactly("INCIDENT", "LATE", "LATE", "DAY_CHECK", "BONUS_CHECK");
        assertThat(rowOf(attention, withIncident)).contains("The service's operator has been told");
        assertThat(rowOf(attention, waitingTooLong)).contains("Should have been released by", "Nothing was taken");
        page.screenshot("en-01-page");
        String sale = page.checkoutRow(paid);
        assertThat(sale).contains("Receipt 9106", "Olena Demo", "20.00 points", "9.10 coupon",
                "Paid with points and a coupon — completed").containsPattern("\\d{2}/\\d{2}/\\d{4}");
        page.pressInCheckoutRow("Reverse", paid);
        assertThat(page.openDialog()).contains("9106", "Olena Demo", "Obolon bar");
        page.screenshot("en-02-reverse");
        page.closeDialog();
    }

    private String checkout(String status, String receipt, OffsetDateTime at) {
        String id = UUID.randomUUID().toString();
        checkouts.insert(id, SandboxData.ACCOUNT, REGISTER, binding(), "owner-" + id, "hash", "order-" + id, receipt,
                "c-1001", "101", "UAH", new BigDecimal("91.00"), List.of(new CheckoutModel.Item("12", null, "Latte",
                        new BigDecimal("2"), new BigDecimal("45.50"))));
        jdbc.sql("update checkout set status = ?, created_at = ?, updated_at = ?, finalized_bonus = 20.00, "
                        + "result = '{\"bonusToApply\":20.00,\"discount\":9.10,\"totalToPay\":61.90}' where id = ?")
                .params(status, at, at, id).update();
        return id;
    }

    private String binding() {
        return bindings.findActive(SandboxData.ACCOUNT, REGISTER).orElseThrow().id();
    }

    private static String rowOf(List<List<String>> rows, String checkoutId) {
        return rows.stream().filter(row -> row.get(0).equals(checkoutId)).findFirst().orElseThrow().get(2);
    }

    private static List<String> latinWords(String text) {
        Matcher words = Pattern.compile("[A-Za-z]{2,}").matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (words.find()) {
            found.add(words.group());
        }
        return found;
    }
}
