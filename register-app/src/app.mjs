/*
 * The windows and the register's events, in the order the cashier meets them (docs/register-app.md):
 *   at start and at each login: is this register connected to inCust?
 *   "inCust: Choose customer" in the order's menu -> identify the guest -> profile of a new guest -> wallet;
 *   Pay -> what the guest may redeem, with the totals inCust computes for the choice -> Continue -> the code the guest
 *   received -> Poster takes the bonus, the receipt gets the loyalty lines;
 *   after payment -> the service learns the receipt closed (queued until it answers);
 *   the order changed after a redemption -> the redemption is undone.
 * Whatever fails, the cashier can always go on without inCust.
 */

import { undo } from './attempts.mjs';
import { amount } from './format.mjs';
import { onApplicationIconClicked } from './guest.mjs';
import { OUTBOX_FIRST_WAIT_MS, enqueue, flushOutbox } from './outbox.mjs';
import { onBeforeOrderClose } from './pay.mjs';
import { startReturns } from './returns.mjs';
import { checkConnection, guests, lang, notify, t, useLanguage } from './session.mjs';
import { forgetOldOrders, forgetOrder, orderState, saveOrderState, store } from './store.mjs';
import { CSS } from './views.mjs';

/** Which amount the closed order shows as paid through the app is unsettled; the one applied stands in. */
function shownBonus(order, applied) {
  var fields = ['payedBonus', 'approvedBonus', 'platformDiscount'];
  for (var i = 0; i < fields.length; i++) {
    var value = Number(order[fields[i]]);
    if (value > 0) {
      return amount(value);
    }
  }
  return applied || 0;
}

function onAfterOrderClose(data) {
  var order = data && data.order;
  var state = order ? store.get('order.' + order.id) : null;
  var checkout = state && state.checkout;
  if (order) {
    delete guests[order.id];
  }
  if (!checkout || !checkout.checkoutId || checkout.status !== 'AWAITING_ORDER_CLOSE') {
    if (order) {
      forgetOrder(order.id);
    }
    return;
  }
  var receipt = order.orderName && /^\d+$/.test(String(order.orderName)) ? String(order.orderName) : null;
  enqueue('/checkouts/' + encodeURIComponent(checkout.checkoutId) + '/order-closed', {
    transactionId: receipt,
    payedBonus: shownBonus(order, checkout.bonusApplied),
    total: amount(order.total || 0)
  });
  forgetOrder(order.id);
}

// ---- 4. the order changed after a redemption ----------------------------------------------------------------------

function onOrderProductChange(data) {
  var orderId = data && data.order ? data.order.id : null;
  var state = orderId ? store.get('order.' + orderId) : null;
  if (state && state.checkout) {
    undo(orderId, state);
    notify(t('orderChanged'));
  }
}

function onOrderClientChange(data) {
  var orderId = data ? data.orderId : null;
  var state = orderId ? store.get('order.' + orderId) : null;
  if (!state || !state.guest || Number(data.clientId) === Number(state.guest.posterClientId)) {
    return;
  }
  if (state.checkout) {
    undo(orderId, state);
  }
  var latest = orderState(orderId);
  latest.guest = null;
  saveOrderState(orderId, latest);
  delete guests[orderId];
}

// ---- start --------------------------------------------------------------------------------------------------------

function start() {
  useLanguage(Poster.settings);
  var style = document.createElement('style');
  style.textContent = CSS;
  document.head.appendChild(style);
  forgetOldOrders();
  Poster.interface.showApplicationIconAt({ order: t('menu') });
  Poster.on('applicationIconClicked', onApplicationIconClicked);
  Poster.on('beforeOrderClose', onBeforeOrderClose);
  Poster.on('afterOrderClose', onAfterOrderClose);
  Poster.on('orderProductChange', onOrderProductChange);
  Poster.on('orderClientChange', onOrderClientChange);
  Poster.on('userLogin', checkConnection);
  startReturns(t, lang, notify);
  checkConnection();
  flushOutbox();
  setInterval(flushOutbox, OUTBOX_FIRST_WAIT_MS);
}

start();
