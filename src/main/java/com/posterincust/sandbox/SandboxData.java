package com.posterincust.sandbox;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** The demo world of the sandbox: one Poster account, its spots and tablets, inCust terminals and customers. */
final class SandboxData {

    static final String ACCOUNT = "demo-cafe";
    static final String ACCOUNT_NUMBER = "861052";
    static final String COMPANY_NAME = "Demo Cafe";
    static final String CURRENCY = "UAH";
    static final String TIME_ZONE = "Europe/Kyiv";

    record Spot(String id, String name, String address) {
    }

    record Tablet(String id, String name, String spotId) {
    }

    static final List<Spot> SPOTS = List.of(
            new Spot("1", "Demo Cafe Podil", "Sahaidachnoho St, 1"),
            new Spot("2", "Demo Cafe Obolon", "Obolonskyi Ave, 2"));

    static final List<Tablet> TABLETS = List.of(
            new Tablet("1", "Podil bar", "1"),
            new Tablet("2", "Podil terrace", "1"),
            new Tablet("3", "Obolon bar", "2"));

    /** How a terminal treats redemptions: {@code always} asks the customer for a code, {@code never} does not. */
    record Terminal(String id, String login, String password, String title, String confirmation) {
    }

    static final String TERMINAL_PASSWORD = "demo-terminal-pass";

    static final List<Terminal> TERMINALS = List.of(
            new Terminal("t-1", "demo-confirm", TERMINAL_PASSWORD, "Demo terminal (code required)", "always"),
            new Terminal("t-2", "demo-instant", TERMINAL_PASSWORD, "Demo terminal (no code)", "never"));

    record DemoAccount(String id, String title, String type, BigDecimal balance) {
    }

    record DemoCoupon(String code, String title, String description) {
    }

    record DemoCustomer(String id, String name, String phone, String email, String qr, String card,
                        String temporaryCode, BigDecimal bonusPoints, List<DemoAccount> accounts,
                        List<DemoCoupon> coupons) {
    }

    static final List<DemoCustomer> CUSTOMERS = List.of(
            new DemoCustomer("c-1001", "Olena Demo", "+380501234567", "olena@example.com", "QR-OLENA-1001",
                    "CARD-1001", "123456", new BigDecimal("150.00"),
                    List.of(new DemoAccount("a-1", "Gift card", "money", new BigDecimal("200.00")),
                            new DemoAccount("a-2", "Coffee cups", "goods", new BigDecimal("3"))),
                    List.of(new DemoCoupon("COFFEE10", "10% off", "10 % off the whole check"))),
            new DemoCustomer("c-1002", "Taras Demo", "+380671112233", "taras@example.com", "QR-TARAS-1002",
                    "CARD-1002", "654321", new BigDecimal("40.00"), List.of(), List.of()));

    static String terminalLogins() {
        return TERMINALS.stream().map(t -> t.login() + " (" + t.confirmation() + " a code)")
                .collect(Collectors.joining(", ")) + ", password " + TERMINAL_PASSWORD;
    }

    private SandboxData() {
    }
}
