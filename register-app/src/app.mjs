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

import { languageOf, translator, problemText } from './i18n.mjs';
import { amount, moneyText, readPoints, countdown } from './format.mjs';
import { orderState, saveOrderState, forgetOrder, forgetOldOrders, storedGuest, store } from './store.mjs';
import { call, extras, serviceUrl } from './api.mjs';
import { enqueue, flushOutbox, OUTBOX_FIRST_WAIT_MS } from './outbox.mjs';
import { startReturns } from './returns.mjs';
import { el, button, submit, field, markField, show, openPopup, closePopup, tickEverySecond, CSS }
  from './views.mjs';
import { identifierOf, IDENTIFIER_KINDS, accountBalanceText, receiptText, balanceAfter, endOfCodeTitle, fieldOf }
  from './flow.mjs';

var PREVIEW_DELAY_MS = 300;

var lang = 'en';
var t = translator('en');
/** Known at start and at each login: NOT_BOUND makes every window say so, rather than "not available". */
var connection = { status: 'UNKNOWN' };
/** Names and the like are kept in memory for the order's windows only, never stored (a reload forgets them). */
var guests = {};
var flow = 0;
/** Orders whose cashier cancelled at the code step: their next redeem window says the held points were released. */
var releasedHolds = {};

function money(value) {
  return moneyText(value, lang);
}

function currency() {
  return (Poster.settings && (Poster.settings.currencySymbol || Poster.settings.currencyCodeIso)) || '';
}

function notify(message) {
  Poster.interface.showNotification({ title: 'inCust', message: message });
}

// ---- the connection, at start and at each login ---------------------------------------------------------------

function checkConnection() {
  if (!serviceUrl()) {
    connection = { status: 'NOT_BOUND' };
    notify(t('notBoundNotice'));
    return Promise.resolve(connection);
  }
  return call('get', '/connection').then(function (answer) {
    if (answer.ok) {
      connection = { status: 'CONNECTED', terminal: answer.data.terminal || {} };
      notify(t('connected', { title: connection.terminal.title || '' }));
    } else if (answer.slug === 'not-bound') {
      connection = { status: 'NOT_BOUND' };
      notify(t('notBoundNotice'));
    } else {
      connection = { status: 'UNREACHABLE' };
      notify(answer.code === 0 || answer.code >= 500 ? t('unreachable') : problemText(t, answer));
    }
    return connection;
  });
}

function notBound(answer) {
  return !serviceUrl() || connection.status === 'NOT_BOUND' || (answer && answer.slug === 'not-bound');
}

function showNotBound(goOn) {
  show(goOn, el('h2', null, t('notBoundTitle')), el('p', { 'class': 'note' }, t('notBoundText')),
    el('div', { 'class': 'actions' }, submit(t('continueWithout'))));
}

function showBusy(text, wayOut) {
  show(wayOut, el('h2', null, 'inCust'), el('p', { 'class': 'busy', role: 'status' }, text),
    el('div', { 'class': 'actions' }, button(t('continueWithout'), wayOut)));
}

/** A refusal or an outage: its title, what the service said, and the ways on. */
function showTrouble(title, answer, actions, wayOut) {
  if (notBound(answer)) {
    connection = { status: 'NOT_BOUND' };
    showNotBound(wayOut);
    return;
  }
  show(null, el('h2', null, title), el('p', { 'class': 'error', role: 'alert' }, problemText(t, answer)),
    el.apply(null, ['div', { 'class': 'actions' }].concat(actions)));
}

// ---- 1. Choose customer -----------------------------------------------------------------------------------------

function activeOrder() {
  return Promise.resolve(Poster.orders.getActive()).then(function (answer) {
    return answer && answer.order ? answer.order : null;
  }, function () {
    return null;
  });
}

function onApplicationIconClicked(data) {
  if (data && data.place && data.place !== 'order') {
    return;
  }
  var given = data && data.order ? Promise.resolve(data.order) : activeOrder();
  given.then(function (order) {
    if (!order) {
      notify(t('openOrderFirst'));
      return;
    }
    openPopup();
    if (notBound()) {
      showNotBound(closePopup);
      return;
    }
    showChooseCustomer(order, { value: '', kind: 'auto' });
  });
}

/** typed: what the cashier typed and chose, kept when the window is drawn again; error: on the field. */
function showChooseCustomer(order, typed, error) {
  var input = el('input', { type: 'text', autocomplete: 'off', placeholder: t('identifierExample'), value: typed.value });
  var kindNames = { auto: 'kindAuto', PHONE: 'kindPhone', EMAIL: 'kindEmail', QR: 'kindQr',
    TEMPORARY_CODE: 'kindCode', CARD: 'kindCard' };
  var kind = el.apply(null, ['select', null].concat(IDENTIFIER_KINDS.map(function (name) {
    return el('option', { value: name, selected: name === typed.kind }, t(kindNames[name]));
  })));
  var find = function () {
    var now = { value: input.value, kind: kind.value };
    if (!now.value.trim()) {
      showChooseCustomer(order, now, t('typeSomething'));
      return;
    }
    identify(order, identifierOf(now.value, now.kind), now);
  };
  var environment = Poster.environment || {};
  var scan = environment.android || environment.iOS ? button(t('scan'), function () {
    Promise.resolve(Poster.interface.scanBarcode()).then(function (scanned) {
      if (scanned && scanned.barcode) {
        identify(order, { type: 'QR', value: scanned.barcode }, { value: scanned.barcode, kind: 'QR' });
      }
    });
  }) : null;
  var fields = field('incust-identifier', t('identifierLabel'), input);
  // the examples wrap below the field: a placeholder that long is cut off on a phone's screen
  show(find, el('h2', null, t('chooseTitle')), fields[0], el('div', { 'class': 'row' }, input, scan), fields[2],
    el('p', { 'class': 'note hint', 'data-field': 'identifier-hint' }, t('identifierHint')),
    field('incust-kind', t('kindLabel'), kind),
    el('div', { 'class': 'actions' }, submit(t('find')), button(t('cancel'), closePopup)));
  if (error) {
    markField(input, error);
  }
}

function identify(order, identifier, typed) {
  showBusy(t('lookingUp'), closePopup);
  call('post', '/customer-sessions', { identifier: identifier }).then(function (answer) {
    if (answer.code === 200) {
      chosen(order, answer.data);
    } else if (answer.code === 202) {
      showProfile(order, answer.data, {}, null);
    } else if (answer.code === 400 || answer.code === 404) {
      showChooseCustomer(order, typed, problemText(t, answer));
    } else {
      showTrouble(t('unavailableTitle'), answer, [
        button(t('tryAgain'), function () { identify(order, identifier, typed); }, 'primary'),
        button(t('continueWithout'), closePopup)], closePopup);
    }
  });
}

/** typed: what the cashier filled in before, kept; errors: the service's {field, message} marked on the fields. */
function showProfile(order, session, typed, answer) {
  var customer = session.customer || {};
  var name = el('input', { type: 'text', value: typed.name !== undefined ? typed.name : (customer.name || '') });
  var gender = el('select', null, el('option', { value: '' }, '—'),
    el('option', { value: 'female', selected: typed.gender === 'female' }, t('female')),
    el('option', { value: 'male', selected: typed.gender === 'male' }, t('male')));
  var birthDate = el('input', { type: 'date', value: typed.birthDate || '' });
  var email = el('input', { type: 'email', value: typed.email !== undefined ? typed.email : (customer.email || '') });
  var inputs = { name: name, gender: gender, birthDate: birthDate, email: email };
  var now = function () {
    return { name: name.value, gender: gender.value, birthDate: birthDate.value, email: email.value };
  };
  var send = function (profile, kept) {
    showBusy(t('savingProfile'), closePopup);
    call('put', '/customer-sessions/' + encodeURIComponent(session.sessionId) + '/profile', profile)
      .then(function (saved) {
        if (saved.ok) {
          chosen(order, saved.data);
        } else if (saved.code === 400) {
          showProfile(order, session, kept, saved);
        } else {
          showTrouble(t('unavailableTitle'), saved, [
            button(t('tryAgain'), function () { send(profile, kept); }, 'primary'),
            button(t('continueWithout'), closePopup)], closePopup);
        }
      });
  };
  var save = function () {
    var kept = now();
    var profile = {};
    if (kept.name.trim()) { profile.name = kept.name.trim(); }
    if (kept.gender) { profile.gender = kept.gender; }
    if (kept.birthDate) { profile.birthDate = kept.birthDate; }
    if (kept.email.trim()) { profile.email = kept.email.trim(); }
    send(profile, kept);
  };
  var errors = (answer && answer.data && answer.data.errors) || [];
  show(save, el('h2', null, t('profileTitle')),
    el('p', { 'class': 'note' }, t('registered', { who: customer.phone || customer.email || t('theGuest') })),
    field('incust-name', t('name'), name), field('incust-gender', t('gender'), gender),
    field('incust-birth-date', t('birthDate'), birthDate), field('incust-email', t('email'), email),
    answer ? el('p', { 'class': 'error', role: 'alert' }, errors.length ? t('fixFields') : problemText(t, answer))
      : null,
    el('div', { 'class': 'actions' }, submit(t('save')), button(t('skip'), function () { send({}, now()); })));
  errors.forEach(function (error) {
    markField(inputs[fieldOf(error.field)], error.message);
  });
}

function chosen(order, session) {
  var customer = session.customer || {};
  var state = orderState(order.id);
  if (state.checkout && state.checkout.checkoutId) {
    undo(order.id, state);
    state = orderState(order.id);
  }
  state.guest = storedGuest(session);
  saveOrderState(order.id, state);
  guests[order.id] = { name: customer.name || '', phone: customer.phone || '', email: customer.email || '',
    bonusPoints: customer.bonusPoints };
  showWallet(customer);
  attachPosterClient(order, state.guest, guests[order.id]);
}

function showWallet(customer) {
  var accounts = (customer.accounts || []).map(function (account) {
    return el('tr', null, el('td', null, account.title), el('td', { 'class': 'num' }, accountBalanceText(account, lang)
      + (account.type === 'money' ? '\u00a0' + currency() : '')));
  });
  var coupons = (customer.coupons || []).map(function (coupon) {
    return el('li', null, coupon.title + ' (' + coupon.code + ')');
  });
  show(closePopup, el('h2', null, customer.name || customer.phone || t('guest')),
    el('p', { 'class': 'note' }, [customer.phone, customer.email].filter(Boolean).join(' · ')),
    el('p', null, t('bonusPoints') + ': ', el('span', { 'class': 'figure', 'data-field': 'bonus-points' },
      money(customer.bonusPoints))),
    accounts.length ? el('div', null, el('strong', null, t('accounts')),
      el.apply(null, ['table', null].concat(accounts))) : null,
    coupons.length ? el('div', null, el('strong', null, t('coupons')), el.apply(null, ['ul', null].concat(coupons)))
      : el('p', { 'class': 'note' }, t('noCoupons')),
    el('div', { 'class': 'actions' }, submit(t('continue'))));
}

/** The Poster client of the guest goes on the order; found or created at the register when the service had none. */
function attachPosterClient(order, guest, known) {
  var setClient = function (clientId) {
    var state = orderState(order.id);
    if (state.guest) {
      state.guest.posterClientId = clientId;
      saveOrderState(order.id, state);
    }
    return Promise.resolve(Poster.orders.setOrderClient(order.id, clientId)).then(function (result) {
      return !result || result.success !== false;
    });
  };
  var byService = Number(guest.posterClientId) || 0;
  var attached = byService ? setClient(byService) : Promise.resolve(false);
  attached.then(function (ok) {
    if (ok || !known.phone) {
      return null;
    }
    return Promise.resolve(Poster.clients.find({ searchVal: known.phone })).then(function (found) {
      var client = found && found.foundClients && found.foundClients[0];
      if (client) {
        return client;
      }
      return Promise.resolve(Poster.clients.create({ client: {
        client_name: known.name || known.phone, phone: known.phone, email: known.email,
        client_groups_id_client: extras().incust_client_group_id
      } })).then(function (created) {
        return created && created.client;
      });
    }).then(function (client) {
      var id = client && Number(client.id || client.client_id);
      return id ? setClient(id) : null;
    });
  }).catch(function () {
    notify(t('attachFailed'));
  });
}

// ---- 2. Pay -------------------------------------------------------------------------------------------------------

function guestName(orderId) {
  return (guests[orderId] && guests[orderId].name) || t('theGuest');
}

function onBeforeOrderClose(data, next) {
  var order = data && data.order;
  var state = order ? orderState(order.id) : null;
  if (!state || !state.guest || notBound()) {
    next();
    return;
  }
  // the 5-second rule: something must show at once, before any request
  openPopup();
  var myFlow = ++flow;
  var goOn = once(function () {
    closePopup();
    next();
  });
  var withoutIncust = function () {
    abandon(order.id);
    goOn();
  };
  showBusy(t('askingRedeem', { name: guestName(order.id) }), withoutIncust);
  startCheckout(order, myFlow, goOn, withoutIncust);
}

function once(fn) {
  var called = false;
  return function () {
    if (!called) {
      called = true;
      fn();
    }
  };
}

function stillCurrent(myFlow) {
  return myFlow === flow;
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

function startCheckout(order, myFlow, goOn, withoutIncust) {
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
      if (!stillCurrent(myFlow)) {
        return;
      }
      if (answer.ok) {
        var latest = orderState(order.id);
        latest.checkout.checkoutId = answer.data.checkoutId;
        latest.checkout.status = answer.data.status;
        saveOrderState(order.id, latest);
        route(order, answer.data.checkoutId, answer.data.status, answer.data.offer, myFlow, goOn, withoutIncust);
      } else if (answer.slug === 'idempotency-conflict') {
        newAttempt(order.id);
        startCheckout(order, myFlow, goOn, withoutIncust);
      } else {
        showTrouble(t('cannotTake'), answer, [
          answer.code === 0 || answer.code >= 500 ? button(t('tryAgain'), function () {
            startCheckout(order, myFlow, goOn, withoutIncust);
          }, 'primary') : null,
          button(t('continueWithout'), withoutIncust)], withoutIncust);
      }
    });
  });
}

/** Where a checkout stands decides the window; after a reload this is how the app finds its place again. */
function route(order, checkoutId, status, offer, myFlow, goOn, withoutIncust) {
  if (status === 'AWAITING_REDEMPTION' && offer) {
    showRedeem(order, checkoutId, offer, myFlow, goOn, withoutIncust);
    return;
  }
  if (status === 'CANCELLED' || status === 'EXPIRED') {
    newAttempt(order.id);
    startCheckout(order, myFlow, goOn, withoutIncust);
    return;
  }
  if (status === 'FINALIZING' || status === 'COMPLETED' || status === 'REVERSING' || status === 'REVERSED') {
    goOn();
    return;
  }
  call('get', '/checkouts/' + encodeURIComponent(checkoutId)).then(function (answer) {
    if (!stillCurrent(myFlow)) {
      return;
    }
    if (!answer.ok) {
      showTrouble(t('unavailableTitle'), answer, [button(t('continueWithout'), withoutIncust)], withoutIncust);
      return;
    }
    var checkout = answer.data;
    if (checkout.status === 'AWAITING_CONFIRMATION') {
      showCode(order, checkoutId, checkout.confirmation || {}, '', myFlow, goOn, withoutIncust);
    } else if (checkout.status === 'AWAITING_ORDER_CLOSE') {
      applyAndGo(order, checkout.result, null, goOn);
    } else if (checkout.status === 'AWAITING_REDEMPTION') {
      showRedeem(order, checkoutId, checkout.offer, myFlow, goOn, withoutIncust);
    } else {
      route(order, checkoutId, checkout.status, null, myFlow, goOn, withoutIncust);
    }
  });
}

/**
 * What the guest may redeem, and what they pay and earn for the choice on screen as inCust computes it (asked a
 * moment after the cashier stops typing); points that are not a number, negative or more than allowed are marked on
 * their field and nothing is sent.
 */
function showRedeem(order, checkoutId, offer, myFlow, goOn, withoutIncust, refusal, typed) {
  var kept = typed || { bonus: '', codes: [] };
  var max = Number(offer.maxRedeemableBonus || 0);
  var bonus = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', value: kept.bonus });
  var pays = el('span', { 'class': 'figure', 'data-field': 'total-to-pay' }, money(offer.totalToPay));
  var earns = el('span', { 'data-field': 'bonuses-to-add' }, money(offer.bonusesToAdd));
  var discount = el('span', { 'data-field': 'discount' }, money(offer.discount));
  var calculating = el('p', { 'class': 'note calculating', role: 'status' });
  var figures = { discount: offer.discount, bonusesToAdd: offer.bonusesToAdd, totalToPay: offer.totalToPay };
  var coupons = (offer.coupons || []).map(function (coupon) {
    var box = el('input', { type: 'checkbox', value: coupon.code, id: 'incust-coupon-' + coupon.code,
      checked: kept.codes.indexOf(coupon.code) >= 0 });
    return { code: coupon.code, box: box, line: el('label', { 'class': 'coupon', 'for': 'incust-coupon-' + coupon.code },
      box, coupon.title + ' (' + coupon.code + ')') };
  });
  var choice = function () {
    var points = readPoints(bonus.value, max);
    var codes = coupons.filter(function (coupon) {
      return coupon.box.checked;
    }).map(function (coupon) {
      return coupon.code;
    });
    return { points: points, codes: codes, typed: { bonus: bonus.value, codes: codes } };
  };
  var asked = 0;
  var timer = null;
  var preview = function () {
    clearTimeout(timer);
    var now = choice();
    markField(bonus, now.points.error ? t(now.points.error, { max: money(max) }) : '');
    if (now.points.error) {
      return;
    }
    timer = setTimeout(function () {
      var mine = ++asked;
      calculating.textContent = t('calculating');
      call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/preview', redemptionOf(now))
        .then(function (answer) {
          if (mine !== asked || !stillCurrent(myFlow)) {
            return;
          }
          calculating.textContent = answer.ok ? '' : problemText(t, answer);
          if (answer.ok) {
            figures = answer.data;
            pays.textContent = money(figures.totalToPay);
            earns.textContent = money(figures.bonusesToAdd);
            discount.textContent = money(figures.discount);
          } else if (answer.code === 400 && answer.data.errors) {
            markField(bonus, answer.data.errors[0].message);
          }
        });
    }, PREVIEW_DELAY_MS);
  };
  bonus.oninput = preview;
  coupons.forEach(function (coupon) {
    coupon.box.onchange = preview;
  });
  var redeem = function (redemption, earned, typedNow) {
    showBusy(t('reserving'), withoutIncust);
    call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/redemption', redemption).then(function (answer) {
      if (!stillCurrent(myFlow)) {
        return;
      }
      var sale = { earned: earned, before: offer.bonusBalance };
      if (answer.ok && answer.data.status === 'AWAITING_CONFIRMATION') {
        remember(order.id, 'AWAITING_CONFIRMATION', null, sale);
        showCode(order, checkoutId, answer.data.confirmation || {}, '', myFlow, goOn, withoutIncust);
      } else if (answer.ok) {
        applyAndGo(order, answer.data.result, sale, goOn);
      } else if (answer.code === 400 || answer.code === 422) {
        showRedeem(order, checkoutId, offer, myFlow, goOn, withoutIncust, answer, typedNow);
      } else if (answer.code === 409) {
        route(order, checkoutId, null, null, myFlow, goOn, withoutIncust);
      } else {
        showTrouble(t('unavailableTitle'), answer, [
          button(t('tryAgain'), function () { redeem(redemption, earned, typedNow); }, 'primary'),
          button(t('continueWithout'), withoutIncust)], withoutIncust);
      }
    });
  };
  var proceed = function () {
    var now = choice();
    if (now.points.error) {
      markField(bonus, t(now.points.error, { max: money(max) }));
      bonus.focus();
      return;
    }
    var redemption = redemptionOf(now);
    redeem(redemption, redemption.bonusPoints || redemption.couponCodes ? figures.bonusesToAdd : offer.bonusesToAdd,
      now.typed);
  };
  var payWithout = function () { redeem({}, offer.bonusesToAdd, choice().typed); };
  var noPoints = max <= 0;
  var nothing = noPoints && !coupons.length;
  var fields = noPoints ? null : field('incust-bonus', t('bonusLabel', { max: money(max) }), bonus);
  var refusedFields = (refusal && refusal.data && refusal.data.errors) || [];
  var released = releasedHolds[order.id];
  delete releasedHolds[order.id];
  show(nothing ? payWithout : proceed, el('h2', null, t('redeemTitle', { name: guestName(order.id) })),
    released ? el('p', { 'class': 'note', role: 'status', 'data-field': 'hold-released' }, t('holdReleased')) : null,
    el('table', null,
      el('tr', null, el('td', null, t('bonusPoints')), el('td', { 'class': 'num' }, money(offer.bonusBalance))),
      el('tr', null, el('td', null, t('mayPay')), el('td', { 'class': 'num', 'data-field': 'max-redeemable' }, money(max))),
      el('tr', null, el('td', null, t('discount')), el('td', { 'class': 'num' }, discount)),
      el('tr', null, el('td', null, t('earns')), el('td', { 'class': 'num' }, earns))),
    fields,
    noPoints ? el('p', { 'class': 'note', 'data-field': 'nothing-to-redeem' },
      t(nothing ? 'nothingToRedeem' : 'noPointsCoupon')) : null,
    coupons.length ? el('div', null, el('label', null, t('coupons'))) : null,
    coupons.length ? el.apply(null, ['div', null].concat(coupons.map(function (coupon) {
      return coupon.line;
    }))) : null,
    el('p', null, t('guestPays') + ': ', pays, '\u00a0' + currency()),
    calculating,
    refusal ? el('p', { 'class': 'error', role: 'alert' }, problemText(t, refusal)) : null,
    el('div', { 'class': 'actions' }, nothing ? submit(t('payWithout')) : submit(t('continue')),
      nothing ? null : button(t('payWithout'), payWithout),
      button(t('continueWithout'), withoutIncust, 'quiet')));
  refusedFields.forEach(function (error) {
    if (fieldOf(error.field) === 'bonusPoints') {
      markField(bonus, error.message);
    }
  });
  if (kept.bonus || kept.codes.length) {
    preview();
  }
}

function redemptionOf(choice) {
  var redemption = {};
  if (choice.points.value > 0) {
    redemption.bonusPoints = choice.points.value;
  }
  if (choice.codes.length) {
    redemption.couponCodes = choice.codes;
  }
  return redemption;
}

function showCode(order, checkoutId, confirmation, message, myFlow, goOn, withoutIncust) {
  var input = el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '8' });
  var expiry = el('span', { 'data-field': 'expires-in' }, '');
  var confirm = function () {
    var code = input.value.trim();
    if (!/^\d{4,8}$/.test(code)) {
      markField(input, t('codeDigits'));
      input.focus();
      return;
    }
    showBusy(t('checkingCode'), withoutIncust);
    call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/confirmation', { code: code })
      .then(function (answer) {
        if (!stillCurrent(myFlow)) {
          return;
        }
        if (answer.ok) {
          applyAndGo(order, answer.data.result, orderState(order.id).sale, goOn);
        } else if (answer.slug === 'wrong-code') {
          var left = Object.assign({}, confirmation, { attemptsLeft: answer.data.attemptsLeft });
          showCode(order, checkoutId, left, t('wrongCode'), myFlow, goOn, withoutIncust);
        } else if (answer.slug === 'confirmation-expired') {
          newAttempt(order.id);
          show(null, el('h2', null, t(endOfCodeTitle(confirmation, Date.now()))),
            el('p', { 'class': 'error', role: 'alert' }, t('codeGone')),
            el('div', { 'class': 'actions' },
              button(t('payWithout'), function () { payWithoutBonuses(order, myFlow, goOn, withoutIncust); },
                'primary'),
              button(t('continueWithout'), withoutIncust)));
        } else if (answer.code === 409) {
          route(order, checkoutId, null, null, myFlow, goOn, withoutIncust);
        } else {
          showCode(order, checkoutId, confirmation, problemText(t, answer), myFlow, goOn, withoutIncust);
        }
      });
  };
  var resend = function () {
    call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/confirmation/resend').then(function (answer) {
      if (!stillCurrent(myFlow)) {
        return;
      }
      showCode(order, checkoutId, answer.ok ? (answer.data.confirmation || confirmation) : confirmation,
        answer.ok ? t('newCodeSent') : problemText(t, answer), myFlow, goOn, withoutIncust);
    });
  };
  var cancel = function () {
    showBusy(t('cancelling'), withoutIncust);
    releasedHolds[order.id] = true;
    cancelCheckout(order.id);
    newAttempt(order.id);
    startCheckout(order, myFlow, goOn, withoutIncust);
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

function payWithoutBonuses(order, myFlow, goOn, withoutIncust) {
  showBusy(t('asking'), withoutIncust);
  var state = orderState(order.id);
  var offered = null;
  checkoutBody(order, state.guest).then(function (body) {
    var latest = orderState(order.id);
    latest.checkout = { key: order.id + '-' + latest.attempt, body: body, checkoutId: null, status: null };
    saveOrderState(order.id, latest);
    return call('post', '/checkouts', body, ['Idempotency-Key: ' + latest.checkout.key]);
  }).then(function (created) {
    if (!stillCurrent(myFlow)) {
      return null;
    }
    if (!created.ok) {
      showTrouble(t('unavailableTitle'), created, [button(t('continueWithout'), withoutIncust)], withoutIncust);
      return null;
    }
    offered = created.data.offer || {};
    remember(order.id, created.data.status, created.data.checkoutId);
    return call('post', '/checkouts/' + encodeURIComponent(created.data.checkoutId) + '/redemption', {});
  }).then(function (answer) {
    if (!answer || !stillCurrent(myFlow)) {
      return;
    }
    if (answer.ok) {
      applyAndGo(order, answer.data.result, { earned: offered.bonusesToAdd, before: offered.bonusBalance }, goOn);
    } else {
      showTrouble(t('unavailableTitle'), answer, [button(t('continueWithout'), withoutIncust)], withoutIncust);
    }
  });
}

/**
 * What inCust settled becomes one amount on the order, the way Poster's loyalty guideline asks, and the receipt gets
 * the loyalty lines in the cashier's language.
 */
function applyAndGo(order, result, sale, goOn) {
  var points = Number((result && result.bonusToApply) || 0);
  var coupon = Number((result && result.discount) || 0);
  var applied = amount(points + coupon);
  var state = orderState(order.id);
  if (state.checkout) {
    state.checkout.status = 'AWAITING_ORDER_CLOSE';
    state.checkout.bonusApplied = applied;
    saveOrderState(order.id, state);
  }
  var earned = sale ? sale.earned : null;
  var text = receiptText(t, lang, { points: points, discount: coupon, earned: earned,
    balance: balanceAfter(sale ? sale.before : null, points, earned) });
  printOnReceipt(order.id, text);
  Promise.resolve(Poster.orders.setOrderBonus(order.id, applied)).then(goOn, goOn);
}

/** Poster prints an app's text at the receipt's end; a platform build without it prints the receipt without it. */
function printOnReceipt(orderId, text) {
  try {
    Promise.resolve(Poster.orders.setPrintText(orderId, text)).catch(function () { return null; });
  } catch (notOffered) {
    return;
  }
}

function remember(orderId, status, checkoutId, sale) {
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

function newAttempt(orderId) {
  var state = orderState(orderId);
  state.attempt += 1;
  state.checkout = null;
  state.sale = null;
  saveOrderState(orderId, state);
}

function cancelCheckout(orderId) {
  var state = orderState(orderId);
  if (state.checkout && state.checkout.checkoutId) {
    enqueue('/checkouts/' + encodeURIComponent(state.checkout.checkoutId) + '/cancel', {});
  }
}

/** The cashier went on without inCust: a reservation already made is released, the next Pay starts afresh. */
function abandon(orderId) {
  flow += 1;
  cancelCheckout(orderId);
  newAttempt(orderId);
}

// ---- 3. after payment -----------------------------------------------------------------------------------------

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

function undo(orderId, state) {
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
  lang = languageOf(Poster.settings);
  t = translator(lang);
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
