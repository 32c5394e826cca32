/*
 * A checkout attempt of an order, as the register keeps it: where it stands, a new attempt after one ended or the
 * order changed, the redemption taken off the order, and what the receipt prints.
 */

import { enqueue } from './outbox.mjs';
import { newFlow } from './session.mjs';
import { orderState, saveOrderState } from './store.mjs';

/** Poster prints an app's text at the receipt's end; a platform build without it prints the receipt without it. */
export function printOnReceipt(orderId, text) {
  try {
    Promise.resolve(Poster.orders.setPrintText(orderId, text)).catch(function () { return null; });
  } catch (notOffered) {
    return;
  }
}

export function remember(orderId, status, checkoutId, sale) {
  var state = orderState(orderId);
  if (state.checkout) {
    state.checkout.status = status;
    if (checkoutId) {
      state.checkout.checkoutId = checkoutId;
    }
    if (sale) {
      state.sale = { earned: sale.earned, before: sale.before };
    }
    saveOrderState(orderId, state);
  }
}

export function newAttempt(orderId) {
  var state = orderState(orderId);
  state.attempt += 1;
  state.checkout = null;
  state.sale = null;
  saveOrderState(orderId, state);
}

export function cancelCheckout(orderId) {
  var state = orderState(orderId);
  if (state.checkout && state.checkout.checkoutId) {
    enqueue('/checkouts/' + encodeURIComponent(state.checkout.checkoutId) + '/cancel', {});
  }
}

/** The cashier went on without inCust: a reservation already made is released, the next Pay starts afresh. */
export function abandon(orderId) {
  newFlow();
  cancelCheckout(orderId);
  newAttempt(orderId);
}

export function undo(orderId, state) {
  var checkout = state.checkout;
  if (!checkout) {
    return;
  }
  if (checkout.checkoutId) {
    enqueue('/checkouts/' + encodeURIComponent(checkout.checkoutId) + '/cancel', {});
  }
  if (checkout.bonusApplied) {
    Poster.orders.setOrderBonus(orderId, 0);
    printOnReceipt(orderId, '');
  }
  newAttempt(orderId);
}
