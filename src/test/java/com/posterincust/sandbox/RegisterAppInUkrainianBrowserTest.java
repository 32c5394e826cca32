package com.posterincust.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cashier in a Kyiv café: the register runs in Ukrainian ({@code Poster.settings.lang = 'ua'}) on a phone's screen
 * (390 × 844), the keyboard's Enter and a scanner drive the forms, the totals follow the choice as inCust computes
 * them, and the receipt gets the loyalty lines in Ukrainian.
 */
class RegisterAppInUkrainianBrowserTest extends RegisterAppBrowserRun {

    @BeforeAll
    void aPhoneInUkrainian() throws Exception {
        register = new SandboxRegisterPage(port, "390,844", "ua", "inCust: Обрати клієнта");
    }

    @Test
    void aGuestRedeemsPointsAndACouponWithTheCashiersKeyboardAlone() throws Exception {
        register.open(CODE_REGISTER);
        // the terminal's title is the one inCust gave at binding, in the language the sandbox was shown in then
        register.waitUntil(() -> register.notifications().contains("Підключено до термінала inCust «"));
        assertThat(register.noticesCoverThePanels()).as("the notice at 390 px covers no panel").isFalse();
        assertThat(register.pageText()).as("the page around the app speaks the register's language")
                .contains("МЕНЮ", "ЗАМОВЛЕННЯ", "Гість: немає", "АРХІВ ЧЕКІВ", "ТЕЛЕФОН ГОСТЯ (SMS)", "Latte · 45,50")
                .doesNotContain("Receipts archive", "45.50");
        assertThat(register.payButton()).isEqualTo("Оплатити");
        register.add("Latte");
        register.add("Latte");
        BigDecimal points = incust.bonusPointsOf("c-1001");

        register.openChooseCustomer();
        register.waitForAppText("Обрати клієнта");
        assertThat(register.identifierExamplesFit()).as("the examples at 390 px, nothing cut off").isTrue();
        register.typeAndEnter("Телефон, email, QR або код", OLENA);
        String wallet = register.waitForAppText("Olena Demo");
        register.screenshot("ua-02-wallet");
        assertThat(register.appField("bonus-points")).isEqualTo(points.setScale(2).toPlainString().replace('.', ','));
        assertThat(wallet).as("the demo coupon and accounts named as a café in Kyiv names them")
                .contains("Бонусні бали", "Рахунки", "Подарункова картка", "200,00", "Купони", "Знижка 10% (COFFEE10)");
        assertThat(register.fitsTheScreen()).as("the wallet at 390 px").isTrue();
        register.press("Продовжити");
        register.waitForPopupClosed();

        register.pay();
        register.waitForAppText("Бали до списання");
        assertThat(register.appField("max-redeemable")).isEqualTo("45,50");
        register.type("Бали до списання", "-5");
        assertThat(register.fieldError("Бали до списання")).isEqualTo("Не може бути менше 0.");
        register.press("Продовжити");
        assertThat(register.fieldError("Бали до списання")).as("refused on its field").isNotEmpty();
        String checkout = latestCheckout(CODE_REGISTER);
        assertThat(incust.statusesOf(checkout)).as("nothing reserved").isEmpty();

        register.type("Бали до списання", "20");
        register.waitUntil(() -> register.appField("total-to-pay").equals("71,00"));
        assertThat(register.appField("bonuses-to-add")).isEqualTo("3,55");
        register.tick("COFFEE10");
        register.waitUntil(() -> register.appField("total-to-pay").equals("61,90"));
        assertThat(register.appField("discount")).isEqualTo("9,10");
        register.screenshot("ua-03-redeem");
        assertThat(register.fitsTheScreen()).as("the redeem window at 390 px").isTrue();
        int before = codesSent();
        register.typeAndEnter("Бали до списання", "20");

        register.waitForAppText("Код підтвердження");
        register.screenshot("ua-04-code");
        register.typeAndEnter("Код підтвердження", codeSentAfter(before));

        assertThat(register.payment("incust")).isEqualTo("29,10");
        assertThat(register.payment("left")).isEqualTo("61,90");
        assertThat(register.orderClient()).isEqualTo("Olena Demo");
        assertThat(register.printedText()).contains("Лояльність inCust", "Оплачено балами: 20,00",
                "Знижка за купоном: 9,10", "Нараховано балів:", "Баланс балів:");
        register.screenshot("ua-05-payment");
        assertThat(register.fitsTheScreen()).as("the register's payment at 390 px").isTrue();
        register.closeReceipt();
        register.waitUntil(() -> register.notifications().matches("(?s).*Чек \\d+ закрито.*"));
        register.waitUntil(() -> "COMPLETED".equals(jdbc.sql("select status from checkout where id = ?")
                .param(checkout).query(String.class).single()));
    }

    /** A fiscal return of one of two lattes: the cashier is told, in Ukrainian with a decimal comma. */
    @Test
    void aReturnOfOneItemIsToldInUkrainian() throws Exception {
        register.open(INSTANT_REGISTER);
        register.add("Latte");
        register.add("Latte");
        register.openChooseCustomer();
        register.typeAndEnter("Телефон, email, QR або код", OLENA);
        register.waitForAppText("Olena Demo");
        register.press("Продовжити");
        register.waitForPopupClosed();
        register.pay();
        register.waitForAppText("Бали до списання");
        register.typeAndEnter("Бали до списання", "10");
        assertThat(register.payment("incust")).isEqualTo("10,00");
        String checkout = latestCheckout(INSTANT_REGISTER);
        register.closeReceipt();
        register.waitUntil(() -> "COMPLETED".equals(jdbc.sql("select status from checkout where id = ?")
                .param(checkout).query(String.class).single()));

        register.returnFromNewestReceipt("Latte", 1);

        register.waitUntil(() -> register.notifications().contains("Повернення 45,50:"));
        assertThat(register.notifications()).contains("Olena Demo отримує назад").contains("нарахованих балів");
    }

    @Test
    void aBadEmailIsMarkedOnItsFieldAndTheTypedNameIsKept() throws Exception {
        register.open(INSTANT_REGISTER);
        register.add("Croissant");

        register.openChooseCustomer();
        register.typeAndEnter("Телефон, email, QR або код", "+380 93 " + (1000000 + System.nanoTime() % 8999999));
        register.waitForAppText("Новий гість: профіль");
        register.type("Ім’я", "Ірина Нова");
        register.typeAndEnter("Email", "iryna-at-example");

        register.waitUntil(() -> !register.fieldError("Email").isEmpty());
        assertThat(register.fieldError("Email")).isEqualTo("is not an email address");
        assertThat(register.fieldValue("Ім’я")).isEqualTo("Ірина Нова");
        assertThat(register.fieldValue("Email")).isEqualTo("iryna-at-example");
        register.screenshot("ua-01-profile");
        assertThat(register.fitsTheScreen()).as("the profile at 390 px").isTrue();

        register.typeAndEnter("Email", "iryna@example.com");
        assertThat(register.waitForAppText("Ірина Нова")).contains("Бонусні бали");
    }
}
