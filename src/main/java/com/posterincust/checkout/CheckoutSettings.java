package com.posterincust.checkout;

import com.posterincust.security.ModelBean;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The {@code checkout.*} settings the model reads as {@code ${checkoutSettings...}}: an analyst changes them in
 * configuration, or replaces the expression in the Modeler.
 */
@ModelBean
@Component("checkoutSettings")
@ConfigurationProperties("checkout")
public class CheckoutSettings {

    /** How long an offer waits for the cashier's redemption choice before the checkout is abandoned. */
    private Duration choiceTimeout = Duration.ofMinutes(15);
    /** How long a confirmation code is taken to live when inCust does not say. */
    private Duration codeExpiryFallback = Duration.ofMinutes(5);
    /** How long to wait for word of the receipt before reading it from Poster. */
    private Duration receiptCheckInterval = Duration.ofMinutes(10);
    /** How many readings of a still-open receipt before the reservation is released. */
    private int receiptCheckLimit = 6;
    /**
     * How the model's background steps (release, record, finalize, reverse) are retried before an incident: an ISO
     * 8601 repetition, every minute 10 times by default.
     */
    private String backgroundRetryCycle = "R10/PT1M";

    public Duration getChoiceTimeout() {
        return choiceTimeout;
    }

    public void setChoiceTimeout(Duration choiceTimeout) {
        this.choiceTimeout = choiceTimeout;
    }

    public String getChoiceTimeoutIso() {
        return choiceTimeout.toString();
    }

    public Duration getCodeExpiryFallback() {
        return codeExpiryFallback;
    }

    public void setCodeExpiryFallback(Duration codeExpiryFallback) {
        this.codeExpiryFallback = codeExpiryFallback;
    }

    public Duration getReceiptCheckInterval() {
        return receiptCheckInterval;
    }

    public void setReceiptCheckInterval(Duration receiptCheckInterval) {
        this.receiptCheckInterval = receiptCheckInterval;
    }

    public String getReceiptCheckIntervalIso() {
        return receiptCheckInterval.toString();
    }

    public int getReceiptCheckLimit() {
        return receiptCheckLimit;
    }

    public void setReceiptCheckLimit(int receiptCheckLimit) {
        this.receiptCheckLimit = receiptCheckLimit;
    }

    public String getBackgroundRetryCycle() {
        return backgroundRetryCycle;
    }

    public void setBackgroundRetryCycle(String backgroundRetryCycle) {
        this.backgroundRetryCycle = backgroundRetryCycle;
    }
}
