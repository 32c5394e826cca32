package com.posterincust.checkout;

/**
 * What a register's call did to a checkout, for the controller to answer in HTTP: the call went through (or had
 * gone through before, and is answered the same), or it was refused for a named reason.
 */
public sealed interface CheckoutOutcome {

    /** A checkout started by this call. */
    record Created(Checkout checkout) implements CheckoutOutcome {
    }

    /** What a redemption would come to; nothing changed. */
    record Previewed(CheckoutModel.Preview preview) implements CheckoutOutcome {
    }

    /** The call took effect, now or on an earlier identical call; the checkout as it stands. */
    record Done(Checkout checkout) implements CheckoutOutcome {
    }

    /**
     * @param checkout    the checkout as it stands, when there is one
     * @param attemptsLeft for a wrong code: how many tries the guest has left
     */
    record Refused(Refusal refusal, String detail, Checkout checkout, Integer attemptsLeft) implements CheckoutOutcome {

        static Refused of(Refusal refusal, String detail) {
            return new Refused(refusal, detail, null, null);
        }

        static Refused wrongState(Checkout checkout) {
            return new Refused(Refusal.WRONG_STATE, "The checkout is " + checkout.status() + "; this call does not fit it",
                    checkout, null);
        }
    }

    enum Refusal {
        NOT_FOUND, WRONG_STATE, IDEMPOTENCY_CONFLICT, REDEMPTION_REJECTED, WRONG_CODE, CONFIRMATION_EXPIRED,
        ALREADY_COMPLETED
    }
}
