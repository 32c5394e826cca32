/*
 * The checkout statuses the service answers (the models' checkoutStatus properties, processes/*.bpmn: a unit test
 * holds this list to them) and what the app does with each. A status the app does not know yet (a newer service) is
 * asked about again a few times, then the cashier is told and can go on without inCust: never a loop.
 */

export var CHECKOUT_STATUSES = ['AWAITING_REDEMPTION', 'AWAITING_CONFIRMATION', 'AWAITING_ORDER_CLOSE', 'FINALIZING',
  'COMPLETED', 'CANCELLED', 'EXPIRED', 'REVERSING', 'REVERSED'];

/** How many times an unknown status is asked about again, and how long apart. */
export var UNKNOWN_STATUS_ASKS = 3;
export var UNKNOWN_STATUS_WAIT_MS = 1000;

/**
 * The window a status leads to: redeem (choose what to redeem), code (the confirmation code), apply (inCust settled:
 * put the bonus on the order), again (the checkout ended unused: start a new one), done (the sale went on), ask
 * (not known: ask again after {@code wait}), or unknown (asked enough: tell the cashier).
 */
export function stepOf(status, askedAlready) {
  switch (status) {
    case 'AWAITING_REDEMPTION': return { step: 'redeem' };
    case 'AWAITING_CONFIRMATION': return { step: 'code' };
    case 'AWAITING_ORDER_CLOSE': return { step: 'apply' };
    case 'CANCELLED': case 'EXPIRED': return { step: 'again' };
    case 'FINALIZING': case 'COMPLETED': case 'REVERSING': case 'REVERSED': return { step: 'done' };
    default:
      return (askedAlready || 0) < UNKNOWN_STATUS_ASKS ? { step: 'ask', wait: UNKNOWN_STATUS_WAIT_MS }
        : { step: 'unknown' };
  }
}
