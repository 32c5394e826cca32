/*
 * 2. Pay: the checkout at the service, the window its status leads to (redeem, the code, the bonus on the order), and
 * paying without bonuses. Every window can go on without inCust; a status the app does not know is asked about again,
 * a bounded number of times.
 */

import { call, extras } from './api.mjs';
import { abandon, cancelCheckout, newAttempt, printOnReceipt, remember } from './attempts.mjs';
import { balanceAfter, endOfCodeTitle, receiptText } from './flow.mjs';
import { amount, countdown } from './format.mjs';
import { problemText } from './i18n.mjs';
import { releasedHolds, showRedeem } from './redeem.mjs';
import { currency, guestName, lang, newFlow, notBound, once, showBusy, showTrouble, stillCurrent, t }
  from './session.mjs';
import { stepOf } from './statuses.mjs';
import { orderState, saveOrderState } from './store.mjs';
import { button, closePopup, el, field, markField, openPopup, show, submit, tickEverySecond } from './views.mjs';

export function onBeforeOrderClose(data, next) {
  var order = data && data.order;
  var state = order ? orderState(order.id) : null;
  if (!state || !state.guest || notBound()) {
    next();
    return;
  }
  // the 5-second rule: something must show at once, before any request
  openPopup();
  var myFlow = newFlow();
  var goOn = once(function () {
    closePopup();
    next();
  });
  var withoutIncust = function () {
    abandon(order.id);
    goOn();
  };
  showBusy(t('askingRedeem', { name: guestName(order.id) }), withoutIncust);
  startCheckout({ order: order, myFlow: myFlow, goOn: goOn, withoutIncust: withoutIncust });
}

function productLines(order) {
  var products = order.products || [];
  return Array.isArray(products) ? products : Object.keys(products).sort(function (a, b) {
    return Number(a) - Number(b);
  }).map(function (key) {
    return products[key];
  });
}

function fullNames(lines) {
  var asked = lines.map(function (line) {
    return { id: line.id, modification: line.modification || 0 };
  });
  return Promise.resolve(Poster.products.getFullName(asked)).then(function (names) {
    return lines.map(function (line, i) {
      var name = names && names[i];
      if (name && typeof name === 'object') {
        name = name.name || name.fullName;
      }
      return name ? String(name) : 'Product ' + line.id;
    });
  }, function () {
    return lines.map(function (line) {
      return 'Product ' + line.id;
    });
  });
}

/** What the service is told of the order: stored before it is sent, so a retry sends these very bytes. */
function checkoutBody(order, guest) {
  var lines = productLines(order).filter(function (line) {
    return Number(line.count) > 0;
  });
  return fullNames(lines).then(function (names) {
    var items = lines.map(function (line, i) {
      var price = line.promotionPrice !== undefined && line.promotionPrice !== null ? line.promotionPrice : line.price;
      return {
        productId: String(line.id),
        modificationId: line.modification ? String(line.modification) : null,
        name: names[i],
        count: Number(line.count),
        price: amount(price)
      };
    });
    var total = items.reduce(function (sum, item) {
      return sum + item.count * item.price;
    }, 0);
    var receipt = order.orderName && /^\d+$/.test(String(order.orderName)) ? String(order.orderName) : null;
    return {
      orderId: String(order.id),
      transactionId: receipt,
      customerSessionId: guest.sessionId,
      items: items,
      total: amount(total),
      currency: extras().incust_currency || (Poster.settings && Poster.settings.currencyCodeIso)
    };
  });
}

function startCheckout(sale) {
  var order = sale.order;
  var state = orderState(order.id);
  var prepared = state.checkout && state.checkout.body ? Promise.resolve(state.checkout)
    : checkoutBody(order, state.guest).then(function (body) {
      var attempt = { key: order.id + '-' + state.attempt, body: body, checkoutId: null, status: null };
      var latest = orderState(order.id);
      latest.checkout = attempt;
      saveOrderState(order.id, latest);
      return attempt;
    });
  prepared.then(function (attempt) {
    return call('post', '/checkouts', attempt.body, ['Idempotency-Key: ' + attempt.key]).then(function (answer) {
      if (!stillCurrent(sale.myFlow)) {
        return;
      }
      if (answer.ok) {
        var latest = orderState(order.id);
        latest.checkout.checkoutId = answer.data.checkoutId;
        latest.checkout.status = answer.data.status;
        saveOrderState(order.id, latest);
        route(sale, answer.data.checkoutId, { status: answer.data.status, offer: answer.data.offer });
      } else if (answer.slug === 'idempotency-conflict') {
        newAttempt(order.id);
        startCheckout(sale);
      } else {
        showTrouble(t('cannotTake'), answer, [
          answer.code === 0 || answer.code >= 500 ? button(t('tryAgain'), function () {
            startCheckout(sale);
          }, 'primary') : null,
          button(t('continueWithout'), sale.withoutIncust)], sale.withoutIncust);
      }
    });
  });
}

/** Where a checkout stands decides the window; after a reload this is how the app finds its place again. */
export function route(sale, checkoutId, known) {
  var next = stepOf(known.status, known.asked);
  if (next.step === 'redeem' && known.offer) {
    showRedeem(sale, checkoutId, known.offer);
  } else if (next.step === 'code' && known.confirmation) {
    showCode(sale, checkoutId, known.confirmation, '');
  } else if (next.step === 'apply' && known.result !== undefined) {
    applyAndGo(sale.order, known.result, null, sale.goOn);
  } else if (next.step === 'again') {
    newAttempt(sale.order.id);
    startCheckout(sale);
  } else if (next.step === 'done') {
    sale.goOn();
  } else if (next.step === 'unknown') {
    showUnknownStatus(sale, checkoutId);
  } else {
    // a status not known yet is asked about again after a while, and counted; none known is asked at once
    var unknown = known.status && next.step === 'ask';
    setTimeout(function () {
      askWhereItStands(sale, checkoutId, unknown ? (known.asked || 0) + 1 : (known.asked || 0));
    }, unknown ? next.wait : 0);
  }
}

function askWhereItStands(sale, checkoutId, asked) {
  call('get', '/checkouts/' + encodeURIComponent(checkoutId)).then(function (answer) {
    if (!stillCurrent(sale.myFlow)) {
      return;
    }
    if (!answer.ok) {
      showTrouble(t('unavailableTitle'), answer, [button(t('continueWithout'), sale.withoutIncust)],
        sale.withoutIncust);
      return;
    }
    var checkout = answer.data;
    route(sale, checkoutId, { status: checkout.status, offer: checkout.offer,
      confirmation: checkout.confirmation || {}, result: checkout.result, asked: asked });
  });
}

/** The service answered a status this app does not know, asked about enough: the cashier is told, and can go on. */
function showUnknownStatus(sale, checkoutId) {
  show(null, el('h2', null, t('unavailableTitle')), el('p', { 'class': 'error', role: 'alert' }, t('unknownStatus')),
    el('div', { 'class': 'actions' },
      button(t('tryAgain'), function () { askWhereItStands(sale, checkoutId, 0); }, 'primary'),
      button(t('continueWithout'), sale.withoutIncust)));
}

export function showCode(sale, checkoutId, confirmation, message) {
  var order = sale.order;
  var input = el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '8' });
  var expiry = el('span', { 'data-field': 'expires-in' }, '');
  var confirm = function () {
    var code = input.value.trim();
    if (!/^\d{4,8}$/.test(code)) {
      markField(input, t('codeDigits'));
      input.focus();
      return;
    }
    showBusy(t('checkingCode'), sale.withoutIncust);
    call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/confirmation', { code: code })
      .then(function (answer) {
        if (!stillCurrent(sale.myFlow)) {
          return;
        }
        if (answer.ok) {
          applyAndGo(order, answer.data.result, orderState(order.id).sale, sale.goOn);
        } else if (answer.slug === 'wrong-code') {
          var left = Object.assign({}, confirmation, { attemptsLeft: answer.data.attemptsLeft });
          showCode(sale, checkoutId, left, t('wrongCode'));
        } else if (answer.slug === 'confirmation-expired') {
          newAttempt(order.id);
          show(null, el('h2', null, t(endOfCodeTitle(confirmation, Date.now()))),
            el('p', { 'class': 'error', role: 'alert' }, t('codeGone')),
            el('div', { 'class': 'actions' },
              button(t('payWithout'), function () { payWithoutBonuses(sale); },
                'primary'),
              button(t('continueWithout'), sale.withoutIncust)));
        } else if (answer.code === 409) {
          route(sale, checkoutId, {});
        } else {
          showCode(sale, checkoutId, confirmation, problemText(t, answer));
        }
      });
  };
  var resend = function () {
    call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/confirmation/resend').then(function (answer) {
      if (!stillCurrent(sale.myFlow)) {
        return;
      }
      showCode(sale, checkoutId, answer.ok ? (answer.data.confirmation || confirmation) : confirmation,
        answer.ok ? t('newCodeSent') : problemText(t, answer));
    });
  };
  var cancel = function () {
    showBusy(t('cancelling'), sale.withoutIncust);
    releasedHolds[order.id] = true;
    cancelCheckout(order.id);
    newAttempt(order.id);
    startCheckout(sale);
  };
  var channel = confirmation.channel === 'EMAIL' ? t('channelEmail') : t('channelPhone');
  show(confirm, el('h2', null, t('codeTitle')),
    el('p', { 'class': 'note' }, t('codeSent', { channel: channel })),
    field('incust-code', t('codeLabel'), input),
    confirmation.attemptsLeft !== undefined && confirmation.attemptsLeft !== null
      ? el('p', { 'class': 'note', 'data-field': 'attempts-left' }, t('attemptsLeft', { n: confirmation.attemptsLeft }))
      : null,
    confirmation.expiresAt ? el('p', { 'class': 'note' }, t('expiresIn'), expiry) : null,
    message ? el('p', { 'class': 'error', role: 'alert' }, message) : null,
    el('div', { 'class': 'actions' }, submit(t('confirm')), button(t('resend'), resend), button(t('cancel'), cancel)));
  if (confirmation.expiresAt) {
    var until = Date.parse(confirmation.expiresAt);
    tickEverySecond(function () {
      expiry.textContent = countdown(until, Date.now());
    });
  }
}

function payWithoutBonuses(sale) {
  var order = sale.order;
  showBusy(t('asking'), sale.withoutIncust);
  var state = orderState(order.id);
  var offered = null;
  checkoutBody(order, state.guest).then(function (body) {
    var latest = orderState(order.id);
    latest.checkout = { key: order.id + '-' + latest.attempt, body: body, checkoutId: null, status: null };
    saveOrderState(order.id, latest);
    return call('post', '/checkouts', body, ['Idempotency-Key: ' + latest.checkout.key]);
  }).then(function (created) {
    if (!stillCurrent(sale.myFlow)) {
      return null;
    }
    if (!created.ok) {
      showTrouble(t('unavailableTitle'), created, [button(t('continueWithout'), sale.withoutIncust)], sale.withoutIncust);
      return null;
    }
    offered = created.data.offer || {};
    remember(order.id, created.data.status, created.data.checkoutId);
    return call('post', '/checkouts/' + encodeURIComponent(created.data.checkoutId) + '/redemption', {});
  }).then(function (answer) {
    if (!answer || !stillCurrent(sale.myFlow)) {
      return;
    }
    if (answer.ok) {
      applyAndGo(order, answer.data.result, { earned: offered.bonusesToAdd, before: offered.bonusBalance }, sale.goOn);
    } else {
      showTrouble(t('unavailableTitle'), answer, [button(t('continueWithout'), sale.withoutIncust)], sale.withoutIncust);
    }
  });
}

/**
 * What inCust settled becomes one amount on the order, the way Poster's loyalty guideline asks, and the receipt gets
 * the loyalty lines in the cashier's language.
 */
export function applyAndGo(order, result, earnings, goOn) {
  var points = Number((result && result.bonusToApply) || 0);
  var coupon = Number((result && result.discount) || 0);
  var applied = amount(points + coupon);
  var state = orderState(order.id);
  if (state.checkout) {
    state.checkout.status = 'AWAITING_ORDER_CLOSE';
    state.checkout.bonusApplied = applied;
    saveOrderState(order.id, state);
  }
  var earned = earnings ? earnings.earned : null;
  var text = receiptText(t, lang, { points: points, discount: coupon, earned: earned,
    balance: balanceAfter(earnings ? earnings.before : null, points, earned) });
  printOnReceipt(order.id, text);
  Promise.resolve(Poster.orders.setOrderBonus(order.id, applied)).then(goOn, goOn);
}
