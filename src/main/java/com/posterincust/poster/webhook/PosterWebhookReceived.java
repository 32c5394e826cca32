package com.posterincust.poster.webhook;

/**
 * Published once per new (not duplicate) verified webhook, inside the transaction that records it:
 * a listener that throws rolls the recording back and Poster delivers the hook again.
 */
public record PosterWebhookReceived(PosterWebhook hook) {
}
