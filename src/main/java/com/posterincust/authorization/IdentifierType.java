package com.posterincust.authorization;

import com.posterincust.incust.IncustWire;

/** How the cashier identified the guest. Only a phone or an email can make a new inCust customer. */
public enum IdentifierType {
    PHONE, QR, EMAIL, TEMPORARY_CODE, CARD;

    public boolean mayRegisterNewCustomer() {
        return this == PHONE || this == EMAIL;
    }

    IncustWire.IdentifierType onIncust() {
        return IncustWire.IdentifierType.valueOf(name());
    }
}
