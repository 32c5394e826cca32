package com.posterincust.sandbox;

import jakarta.servlet.Filter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The one stateful fake inCust, on a port of its own in the test's JVM: the sandbox's ({@link SandboxIncust}, its
 * rules, and {@link SandboxIncustController}, its shapes), for tests whose service runs in another process — one they
 * kill (CrashIT) or whose CPU they measure (the benchmark). It records what inCust effectively did per checkout
 * (external id), and can take its time: every answer, a finalize, or the answer to a reservation it has already made.
 */
public final class FakeIncust implements AutoCloseable {

    /** The sandbox's terminals: one that never asks for a code, one that always does. */
    public static final String INSTANT_LOGIN = "demo-instant";
    public static final String CONFIRM_LOGIN = "demo-confirm";
    public static final String PASSWORD = SandboxData.TERMINAL_PASSWORD;
    /** Olena, found by {@link #CUSTOMER_PHONE}. */
    public static final String CUSTOMER = "c-1001";
    public static final String CUSTOMER_PHONE = "+380501234567";

    private final ServletWebServerApplicationContext context;
    private final Observed incust;
    private final AtomicLong requests;
    private final AtomicLong latencyMillis;

    private FakeIncust(ServletWebServerApplicationContext context) {
        this.context = context;
        this.incust = context.getBean(Observed.class);
        this.requests = context.getBean(Wiring.class).requests;
        this.latencyMillis = context.getBean(Wiring.class).latencyMillis;
    }

    public static FakeIncust start() {
        return new FakeIncust((ServletWebServerApplicationContext) new SpringApplicationBuilder(Wiring.class)
                .web(WebApplicationType.SERVLET).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("spring.config.name=fake-incust", "server.port=0", "server.address=127.0.0.1",
                        "sandbox.enabled=true", "spring.jmx.enabled=false", "server.tomcat.threads.max=400",
                        "logging.level.org.springframework=warn", "logging.level.org.apache=warn")
                .run());
    }

    /** The service's {@code incust.api.base-url}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + context.getWebServer().getPort() + "/sandbox/incust/v1";
    }

    /** Every answer, after this long. */
    public void answerAfter(long millis) {
        latencyMillis.set(millis);
    }

    /** A finalize takes this long before it changes anything: a service can be killed in the middle of it. */
    public void finalizeTakes(long millis) {
        incust.finalizeMillis = millis;
    }

    /** A reservation is made when asked for and answered this much later: a kill can fall in between. */
    public void answerReservationsAfter(long millis) {
        incust.reserveMillis = millis;
    }

    /** So that a long run never runs out of points. */
    public void giveBonusPoints(String customerId, BigDecimal points) {
        synchronized (incust) {
            incust.customer(customerId).bonusPoints = points;
        }
    }

    public long requests() {
        return requests.get();
    }

    public int finalizeCallsStarted() {
        return incust.finalizeCallsStarted.get();
    }

    public int reservationsMade() {
        return incust.reservationsMade.get();
    }

    /** How often inCust turned the checkout's transaction finalized: "never finalized twice" is about this. */
    public int finalizations(String externalId) {
        return incust.finalizations.getOrDefault(externalId, new AtomicInteger()).get();
    }

    /** How often the service sent a reservation for the checkout (external id), whatever inCust made of it. */
    public int reservesSent(String externalId) {
        return incust.reservesSent.getOrDefault(externalId, new AtomicInteger()).get();
    }

    /** How often the service sent a finalize of the checkout's transaction: "sent once" is about this. */
    public int finalizesSent(String externalId) {
        return incust.finalizesSent.getOrDefault(externalId, new AtomicInteger()).get();
    }

    /** How often the service sent the return {@code returnId} (its external id), whatever inCust made of it. */
    public int returnsSent(String returnId) {
        return incust.returnsSent.getOrDefault(returnId, new AtomicInteger()).get();
    }

    public int returnCallsStarted() {
        return incust.returnsSent.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** A return takes this long before it changes anything: a service can be killed in the middle of it. */
    public void returnTakes(long millis) {
        incust.returnMillis = millis;
    }

    public BigDecimal bonusPoints(String customerId) {
        return incust.bonusPointsOf(customerId);
    }

    /** A cancel takes this long before it changes anything: a service can be killed in the middle of it. */
    public void cancelTakes(long millis) {
        incust.cancelMillis = millis;
    }

    public int cancelCallsStarted() {
        return incust.cancelCallsStarted.get();
    }

    /** How often the service sent a cancel of the checkout's transaction. */
    public int cancelsSent(String externalId) {
        return incust.cancelsSent.getOrDefault(externalId, new AtomicInteger()).get();
    }

    /** How often inCust turned the checkout's transaction cancelled. */
    public int cancellations(String externalId) {
        return incust.cancellations.getOrDefault(externalId, new AtomicInteger()).get();
    }

    public Optional<String> status(String externalId) {
        return incust.statusesOf(externalId).stream().findFirst();
    }

    /** The code "sent" to the guest for the checkout's transaction, while one is awaited. */
    public Optional<String> code(String externalId) {
        synchronized (incust) {
            return incust.transactionsOf(externalId).stream().map(tx -> tx.code).filter(code -> code != null)
                    .findFirst();
        }
    }

    /**
     * A sale of 100.00 on the terminal of {@code login} that no checkout of a service made (a cashier at inCust's own
     * terminal app, say), finalized; its inCust id.
     */
    public String saleMadeElsewhere(String login, String externalId) {
        SandboxData.Terminal terminal = SandboxData.TERMINALS.stream().filter(t -> t.login().equals(login))
                .findFirst().orElseThrow();
        BigDecimal amount = new BigDecimal("100.00");
        SandboxIncust.Tx tx = incust.reserve(terminal, externalId, CUSTOMER, amount,
                List.of(new SandboxIncust.Item("1", "Cake", BigDecimal.ONE, amount, amount)), BigDecimal.ZERO.setScale(2),
                List.of());
        return incust.finalizeTransaction(terminal, tx.id, BigDecimal.ZERO.setScale(2)).id;
    }

    @Override
    public void close() {
        context.close();
    }

    /** The sandbox's inCust, counting effective changes and pausing where asked. */
    static final class Observed extends SandboxIncust {

        final AtomicInteger finalizeCallsStarted = new AtomicInteger();
        final AtomicInteger reservationsMade = new AtomicInteger();
        final Map<String, AtomicInteger> finalizations = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> cancellations = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> reservesSent = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> finalizesSent = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> cancelsSent = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> returnsSent = new ConcurrentHashMap<>();
        final AtomicInteger cancelCallsStarted = new AtomicInteger();
        volatile long returnMillis;
        volatile long cancelMillis;
        volatile long finalizeMillis;
        volatile long reserveMillis;

        Observed(Clock clock, SandboxSmsOutbox outbox) {
            super(clock, outbox, Duration.ofHours(12), false);
        }

        @Override
        Tx reserve(SandboxData.Terminal terminal, String externalId, String customerId, BigDecimal amount,
                   List<Item> items, BigDecimal bonuses, List<String> coupons) {
            if (externalId != null) {
                reservesSent.computeIfAbsent(externalId, key -> new AtomicInteger()).incrementAndGet();
            }
            Tx tx;
            synchronized (this) {
                boolean made = externalId != null && byExternalId(terminal, externalId).isEmpty();
                tx = super.reserve(terminal, externalId, customerId, amount, items, bonuses, coupons);
                if (made) {
                    reservationsMade.incrementAndGet();
                }
            }
            pause(reserveMillis);
            return tx;
        }

        @Override
        Tx finalizeTransaction(SandboxData.Terminal terminal, String id, BigDecimal paidWithBonuses) {
            finalizeCallsStarted.incrementAndGet();
            sent(terminal, id, finalizesSent);
            pause(finalizeMillis);
            synchronized (this) {
                return counted(transaction(terminal, id), FINALIZED, finalizations,
                        () -> super.finalizeTransaction(terminal, id, paidWithBonuses));
            }
        }

        @Override
        Tx returnPart(SandboxData.Terminal terminal, String id, String externalId, BigDecimal amount,
                      boolean returnRedeemed) {
            if (externalId != null) {
                returnsSent.computeIfAbsent(externalId, key -> new AtomicInteger()).incrementAndGet();
            }
            pause(returnMillis);
            return super.returnPart(terminal, id, externalId, amount, returnRedeemed);
        }

        @Override
        Tx cancel(SandboxData.Terminal terminal, String id) {
            cancelCallsStarted.incrementAndGet();
            sent(terminal, id, cancelsSent);
            pause(cancelMillis);
            synchronized (this) {
                return counted(transaction(terminal, id), CANCELLED, cancellations, () -> super.cancel(terminal, id));
            }
        }

        /** A call about a transaction inCust does not know is refused, and counted nowhere. */
        private void sent(SandboxData.Terminal terminal, String id, Map<String, AtomicInteger> counter) {
            String externalId;
            synchronized (this) {
                externalId = findTransaction(terminal, id).map(tx -> tx.externalId).orElse(null);
            }
            if (externalId != null) {
                counter.computeIfAbsent(externalId, key -> new AtomicInteger()).incrementAndGet();
            }
        }

        private static Tx counted(Tx before, String to, Map<String, AtomicInteger> counter,
                                  java.util.function.Supplier<Tx> change) {
            boolean already = to.equals(before.status);
            Tx after = change.get();
            if (!already && to.equals(after.status)) {
                counter.computeIfAbsent(after.externalId, key -> new AtomicInteger()).incrementAndGet();
            }
            return after;
        }

        private static void pause(long millis) {
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Not a {@code @Configuration}: the service's tests scan this package, and must not find it. */
    @ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
    @Import({SandboxIncustController.class, SandboxDemoLanguage.class, SandboxSmsOutbox.class})
    static class Wiring {

        final AtomicLong requests = new AtomicLong();
        final AtomicLong latencyMillis = new AtomicLong();

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        Observed incust(Clock clock, SandboxSmsOutbox outbox) {
            return new Observed(clock, outbox);
        }

        @Bean
        Filter latency() {
            return (request, response, chain) -> {
                requests.incrementAndGet();
                Observed.pause(latencyMillis.get());
                chain.doFilter(request, response);
            };
        }
    }
}
