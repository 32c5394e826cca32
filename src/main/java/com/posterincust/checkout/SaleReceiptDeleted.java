package com.posterincust.checkout;

/**
 * Poster reports deleted the receipt of a completed sale: what is to become of the sale is not the checkout's to
 * decide (the sale-reversal process listens). Published in the webhook's thread, so its listener runs there too.
 */
public record SaleReceiptDeleted(String checkoutId, String reason) {
}
