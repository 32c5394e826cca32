/*
 * What must survive the platform reloading the app (a 5-second reload wipes memory): per order the guest's ids and
 * the checkout attempt, and the outbox. No name, phone or email is ever written here, and an order's state goes
 * with the order (and its messages once sent); an order never closed is forgotten after ORDER_STATE_HOURS.
 */

export var STORE_PREFIX = 'incust.';
export var ORDER_STATE_HOURS = 12;

export var store = {
  get: function (key) {
    try {
      return JSON.parse(localStorage.getItem(STORE_PREFIX + key));
    } catch (unreadable) {
      return null;
    }
  },
  set: function (key, value) {
    localStorage.setItem(STORE_PREFIX + key, JSON.stringify(value));
  },
  remove: function (key) {
    localStorage.removeItem(STORE_PREFIX + key);
  }
};

/** Per order: the guest chosen for it (ids only), and the checkout attempt at Pay (its Idempotency-Key and body). */
export function orderState(orderId) {
  return store.get('order.' + orderId) || { attempt: 1, guest: null, checkout: null, savedAt: Date.now() };
}

export function saveOrderState(orderId, state) {
  state.savedAt = Date.now();
  store.set('order.' + orderId, state);
}

export function forgetOrder(orderId) {
  store.remove('order.' + orderId);
}

export function forgetOldOrders() {
  var oldest = Date.now() - ORDER_STATE_HOURS * 3600 * 1000;
  for (var i = localStorage.length - 1; i >= 0; i--) {
    var key = localStorage.key(i);
    if (key && key.indexOf(STORE_PREFIX + 'order.') === 0) {
      var state = store.get(key.substring(STORE_PREFIX.length));
      if (!state || !state.savedAt || state.savedAt < oldest) {
        localStorage.removeItem(key);
      }
    }
  }
}

/** The guest as it may be kept: the ids a retry needs, nothing personal. */
export function storedGuest(session) {
  var customer = (session && session.customer) || {};
  return { sessionId: session.sessionId, customerId: customer.id || null,
    posterClientId: customer.posterClientId || null };
}
