package com.posterincust.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The cashier at the sandbox register, clicking through the real register app in Chromium, in English. */
class RegisterAppBrowserTest extends RegisterAppBrowserRun {

    @BeforeAll
    void browser() throws Exception {
        register = new SandboxRegisterPage(port);
    }

    @Test
    void aKnownGuestRedeemsTwentyPointsWithTheCodeFromTheirPhone() throws Exception {
        register.open(CODE_REGISTER);
        register.add("Latte");
        register.add("Latte");
        BigDecimal points = incust.bonusPointsOf("c-1001");

        register.openChooseCustomer();
        register.type("Phone, email, QR or code", OLENA);
        register.screenshot("00-choose-customer");
        register.press("Find");
        String wallet = register.waitForAppText("Olena Demo");
        register.screenshot("02-wallet");
        assertThat(register.appField("bonus-points")).isEqualTo(points.setScale(2).toPlainString());
        assertThat(wallet).contains("Gift card", "200.00", "Coffee cups 3\n", "10% off (COFFEE10)")
                .as("goods are counted, not money").doesNotContain("Coffee cups 3.00");
        register.press("Continue");
        register.waitForPopupClosed();
        assertThat(register.orderClient()).as("the guest by name, as Poster's register shows it").isEqualTo("Olena Demo");

        register.pay();
        register.waitForAppText("Bonus points to redeem");
        assertThat(register.appField("max-redeemable")).isEqualTo("45.50");
        register.type("Bonus points to redeem", "20");
        register.screenshot("03-redeem");
        int before = codesSent();
        register.press("Continue");
        register.waitForAppText("Confirmation code");
        assertThat(register.appField("attempts-left")).isEqualTo("Attempts left: 3");
        register.type("Confirmation code", codeSentAfter(before));
        register.screenshot("04-code");
        register.press("Confirm");

        assertThat(register.payment("incust")).isEqualTo("20.00");
        assertThat(register.payment("total")).isEqualTo("91.00");
        assertThat(register.payment("left")).isEqualTo("71.00");
        register.screenshot("05-payment");
        String checkout = latestCheckout(CODE_REGISTER);
        register.closeReceipt();

        awaitStatus(checkout, "COMPLETED");
        assertThat(incust.statusesOf(checkout)).containsExactly("finalized");
        assertThat(incust.bonusPointsOf("c-1001")).isEqualByComparingTo(points.subtract(new BigDecimal("20.00"))
                .add(new BigDecimal("3.55")));
    }

    @Test
    void aNewGuestGivesAProfileAndSeesTheirWallet() throws Exception {
        register.open(INSTANT_REGISTER);
        register.add("Croissant");

        register.chooseCustomer("+380 93 " + (1000000 + System.nanoTime() % 8999999));
        register.waitForAppText("New guest: profile");
        register.type("Name", "Iryna New");
        register.type("Email", "iryna@example.com");
        register.screenshot("01-profile");
        register.press("Save");

        String wallet = register.waitForAppText("Iryna New");
        assertThat(register.appField("bonus-points")).isEqualTo("0.00");
        assertThat(wallet).contains("No coupons.");
        register.press("Continue");
        register.waitForPopupClosed();

        register.pay();
        String redeem = register.waitForAppText("Nothing to redeem on this check");
        assertThat(redeem).as("no points field for a guest with none").doesNotContain("Bonus points to redeem");
        assertThat(register.appShows("Continue")).isFalse();
        register.screenshot("03-nothing-to-redeem");
        register.press("Pay without bonuses");
        assertThat(register.payment("incust")).isEqualTo("0.00");
        assertThat(register.payment("left")).isEqualTo("38.00");
        register.closeReceipt();
    }

    @Test
    void aTerminalWithoutConfirmationGoesStraightToPayment() throws Exception {
        register.open(INSTANT_REGISTER);
        register.add("Cappuccino");
        register.add("Cheesecake");
        identify(TARAS, "Taras Demo");

        redeemPoints("10");

        assertThat(register.payment("incust")).isEqualTo("10.00");
        String checkout = latestCheckout(INSTANT_REGISTER);
        register.closeReceipt();
        awaitStatus(checkout, "COMPLETED");
        assertThat(incust.statusesOf(checkout)).containsExactly("finalized");
    }

    @Test
    void aWrongCodeThenTheRightOne() throws Exception {
        register.open(CODE_REGISTER);
        register.add("Latte");
        identify(OLENA, "Olena Demo");
        register.pay();
        register.waitForAppText("Bonus points to redeem");
        register.type("Bonus points to redeem", "5");
        int before = codesSent();
        register.press("Continue");
        register.waitForAppText("Confirmation code");
        String code = codeSentAfter(before);

        register.type("Confirmation code", code.equals("0000") ? "1111" : "0000");
        register.press("Confirm");
        String refused = register.waitForAppText("The code is not right");
        assertThat(refused).contains("Attempts left: 2");
        register.screenshot("07-wrong-code");
        register.type("Confirmation code", code);
        register.press("Confirm");

        assertThat(register.payment("incust")).isEqualTo("5.00");
        register.closeReceipt();
    }

    /** Cancel at the code step: back at the choice, told that the points held for the redemption are released. */
    @Test
    void cancellingAtTheCodeStepSaysTheHeldPointsAreReleased() throws Exception {
        register.open(CODE_REGISTER);
        register.add("Latte");
        identify(OLENA, "Olena Demo");
        BigDecimal points = incust.bonusPointsOf("c-1001");
        register.pay();
        register.waitForAppText("Bonus points to redeem");
        register.type("Bonus points to redeem", "5");
        int before = codesSent();
        register.press("Continue");
        register.waitForAppText("Confirmation code");
        String first = codeSentAfter(before);
        register.press("Send a new code");
        String second = codeSentAfter(before + 1);
        register.waitUntil(() -> "older".equals(register.smsRowOf(first)));
        assertThat(register.smsRowOf(second)).as("the phone's code in force is marked").isEqualTo("latest");
        String held = latestCheckout(CODE_REGISTER);

        register.press("Cancel");

        assertThat(register.waitForAppText("the points held for it are released")).contains("Bonus points to redeem");
        assertThat(register.fieldValue("Bonus points to redeem")).isEmpty();
        register.waitUntil(() -> incust.statusesOf(held).contains("cancelled"));
        assertThat(incust.bonusPointsOf("c-1001")).as("nothing held any more").isEqualByComparingTo(points);
        register.screenshot("08-code-cancelled");
        register.press("Pay without bonuses");
        assertThat(register.payment("incust")).isEqualTo("0.00");
        register.closeReceipt();
    }

    @Test
    void aCouponIsPaidByInCust() throws Exception {
        register.open(INSTANT_REGISTER);
        register.add("Latte");
        register.add("Latte");
        identify(OLENA, "Olena Demo");

        register.pay();
        register.waitForAppText("10% off (COFFEE10)");
        register.tick("COFFEE10");
        register.press("Continue");

        assertThat(register.payment("incust")).isEqualTo("9.10");
        String checkout = latestCheckout(INSTANT_REGISTER);
        register.closeReceipt();
        awaitStatus(checkout, "COMPLETED");
    }

    @Test
    void withTheServiceUnreachableAtPayTheCashierGoesOnWithinFiveSeconds() throws Exception {
        register.open(INSTANT_REGISTER);
        register.add("Croissant");
        identify(TARAS, "Taras Demo");
        register.offline(true);
        try {
            long pressed = System.nanoTime();
            register.pay();
            register.waitForAppText("cannot be reached");
            register.screenshot("06-unreachable");
            register.press("Continue without inCust");

            assertThat(register.payment("incust")).isEqualTo("0.00");
            assertThat((System.nanoTime() - pressed) / 1_000_000).as("ms from Pay to the payment screen")
                    .isLessThan(5000);
        } finally {
            register.offline(false);
        }
        register.closeReceipt();
    }

    /** A fiscal return of one of two lattes: the cashier is told what the guest got back and lost. */
    @Test
    void aReturnOfOneItemTellsTheCashierThePoints() throws Exception {
        register.open(INSTANT_REGISTER);
        register.add("Latte");
        register.add("Latte");
        identify(TARAS, "Taras Demo");
        redeemPoints("10");
        assertThat(register.payment("incust")).isEqualTo("10.00");
        String checkout = latestCheckout(INSTANT_REGISTER);
        register.closeReceipt();
        awaitStatus(checkout, "COMPLETED");

        register.returnFromNewestReceipt("Latte", 1);

        register.waitUntil(() -> register.notifications().contains("Returned 45.50:"));
        assertThat(register.notifications()).contains("points back to Taras Demo").contains("earned points taken back");
        assertThat(incust.statusesOf(checkout)).containsExactly("finalized");
    }

    @Test
    void aProductAddedAfterTheRedemptionCancelsItAndTakesTheBonusOff() throws Exception {
        register.open(INSTANT_REGISTER);
        register.add("Latte");
        identify(TARAS, "Taras Demo");
        redeemPoints("10");
        assertThat(register.payment("incust")).isEqualTo("10.00");
        String redeemed = latestCheckout(INSTANT_REGISTER);

        register.backToOrder();
        register.add("Croissant");

        awaitStatus(redeemed, "CANCELLED");
        // the release runs in the background once the checkout reads CANCELLED
        register.waitUntil(() -> incust.statusesOf(redeemed).equals(java.util.List.of("cancelled")));
        register.pay();
        register.waitForAppText("Bonus points to redeem");
        register.press("Pay without bonuses");
        assertThat(register.payment("incust")).isEqualTo("0.00");
        assertThat(register.payment("total")).isEqualTo("83.50");
        assertThat(latestCheckout(INSTANT_REGISTER)).isNotEqualTo(redeemed);
        register.closeReceipt();
    }

    /** Also Poster's webhook alone (action "changed", no word from the register) completing a checkout. */
    @Test
    void anOrderClosedWhileOfflineIsQueuedAndDeliveredLaterWithOneFinalize() throws Exception {
        register.open(INSTANT_REGISTER);
        register.add("Cheesecake");
        identify(TARAS, "Taras Demo");
        redeemPoints("5");
        assertThat(register.payment("incust")).isEqualTo("5.00");
        String checkout = latestCheckout(INSTANT_REGISTER);

        register.offline(true);
        try {
            register.closeReceipt();
            assertThat(register.localStorage("incust.outbox")).contains("/checkouts/" + checkout + "/order-closed");
            awaitStatus(checkout, "COMPLETED");
        } finally {
            register.offline(false);
        }

        // the app retries its queue every 5 s, then less often
        register.waitUntil(() -> "[]".equals(register.localStorage("incust.outbox")), Duration.ofSeconds(30));
        assertThat(incust.statusesOf(checkout)).containsExactly("finalized");
        assertThat(status(checkout)).isEqualTo("COMPLETED");
    }

    @Test
    void theAppReloadedMidFlowFindsItsOrderAgain() throws Exception {
        register.open(CODE_REGISTER);
        register.add("Latte");
        identify(OLENA, "Olena Demo");
        register.pay();
        register.waitForAppText("Bonus points to redeem");
        register.type("Bonus points to redeem", "3");
        int before = codesSent();
        register.press("Continue");
        register.waitForAppText("Confirmation code");
        String checkout = latestCheckout(CODE_REGISTER);

        register.reloadApp();
        register.pay();

        register.waitForAppText("Confirmation code");
        register.type("Confirmation code", codeSentAfter(before));
        register.press("Confirm");
        assertThat(register.payment("incust")).isEqualTo("3.00");
        assertThat(latestCheckout(CODE_REGISTER)).isEqualTo(checkout);
        register.closeReceipt();
        awaitStatus(checkout, "COMPLETED");
    }

    /** The guest found by phone, their wallet shown, and the popup closed. */
    private void identify(String phone, String name) {
        register.chooseCustomer(phone);
        register.waitForAppText(name);
        register.press("Continue");
    }

    /** At Pay: so many points redeemed, nothing else. */
    private void redeemPoints(String points) {
        register.pay();
        register.waitForAppText("Bonus points to redeem");
        register.type("Bonus points to redeem", points);
        register.press("Continue");
    }
}
