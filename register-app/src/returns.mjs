/*
 * A fiscal return at this register (Poster's returnFiscal event): reported to the service through the outbox, once per
 * event (its Idempotency-Key is made when the event comes and kept with the report), and once inCust has applied it,
 * the cashier is told what the guest got back and lost. A receipt without inCust says nothing.
 */

import { call } from './api.mjs';
import { enqueue, onAnswer } from './outbox.mjs';
import { moneyText } from './format.mjs';

var FOLLOW_UPS = 15;
var FOLLOW_UP_MS = 1000;

/** What a returned product of Poster's event becomes in the report; none without an id or a count. */
export function reportedProducts(products) {
  return (products || []).filter(function (product) {
    return product && product.product_id !== undefined && Number(product.count) > 0;
  }).map(function (product) {
    var modification = product.modification_id;
    return {
      productId: String(product.product_id),
      modificationId: modification && String(modification) !== '0' ? String(modification) : null,
      count: Number(product.count)
    };
  });
}

/** The report of one event, or null when the receipt is not yet known to Poster's back office (no orderName). */
export function returnReport(event, now) {
  var order = event && event.order;
  var receipt = order && order.orderName && /^\d+$/.test(String(order.orderName)) ? String(order.orderName) : null;
  var products = reportedProducts(event && event.products);
  if (!receipt || !products.length) {
    return null;
  }
  return {
    key: 'return-' + receipt + '-' + now,
    body: { transactionId: receipt, orderId: order.id === undefined ? null : String(order.id), products: products }
  };
}

/** The cashier's words for an applied return: the amount, the points back, the earned points taken back. */
export function returnedText(t, lang, applied, guestName) {
  return t('returned', {
    amount: moneyText(applied.amount, lang),
    back: moneyText(applied.bonusPointsReturned, lang),
    removed: moneyText(applied.bonusPointsRemoved, lang),
    guest: guestName || t('returnGuest')
  });
}

/**
 * Listens to Poster's returnFiscal; {@code tell(text)} shows the cashier a notification. Reports answered while the
 * register was offline are followed up when the outbox gets their answer.
 */
export function startReturns(t, lang, tell) {
  onAnswer('return', function (answer, message) {
    if (answer.code === 202 && answer.data && answer.data.returnId) {
      follow(answer.data.returnId, message.clientId, FOLLOW_UPS);
    }
  });

  function follow(returnId, clientId, left) {
    call('get', '/returns/' + encodeURIComponent(returnId)).then(function (answer) {
      if (answer.ok && answer.data.status === 'RETURNED') {
        guestOf(clientId).then(function (guestName) {
          tell(returnedText(t, lang, answer.data, guestName));
        });
      } else if (left > 1 && (answer.ok || answer.code === 0 || answer.code >= 500)) {
        setTimeout(function () {
          follow(returnId, clientId, left - 1);
        }, FOLLOW_UP_MS);
      }
    });
  }

  Poster.on('returnFiscal', function (event) {
    var report = returnReport(event, Date.now());
    if (report) {
      enqueue('/returns', report.body, { headers: ['Idempotency-Key: ' + report.key], kind: 'return',
        clientId: Number(event.order.clientId) || null });
    }
  });
}

/** The guest's name, from Poster's own client list; none when the receipt has no guest. */
function guestOf(clientId) {
  if (!clientId) {
    return Promise.resolve(null);
  }
  return Promise.resolve().then(function () {
    return Poster.clients.get(clientId);
  }).then(function (client) {
    if (!client) {
      return null;
    }
    var name = [client.firstname, client.lastname].filter(Boolean).join(' ').trim();
    return name || client.client_name || client.name || null;
  }, function () {
    return null;
  });
}
