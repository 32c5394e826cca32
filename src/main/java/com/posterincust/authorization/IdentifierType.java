package com.posterincust.authorization;

import com.posterincust.incust.Loyalty;

/** How the cashier identified the guest (which of them may make a new customer is the model's decision). */
public enum IdentifierType {
    PHONE, QR, EMAIL, TEMPORARY_CODE, CARD;

    Loyalty.IdentifierType onIncust() {
        return Loyalty.IdentifierType.valueOf(name());
    }
}
