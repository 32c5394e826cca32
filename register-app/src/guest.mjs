/*
 * 1. Choose customer, from the order's menu: identify the guest, the profile of a new guest, the wallet; the guest's
 * Poster client goes on the order.
 */

import { call, extras } from './api.mjs';
import { undo } from './attempts.mjs';
import { IDENTIFIER_KINDS, accountBalanceText, fieldOf, identifierOf } from './flow.mjs';
import { problemText } from './i18n.mjs';
import { currency, guests, lang, money, notBound, notify, showBusy, showNotBound, showTrouble, t } from './session.mjs';
import { orderState, saveOrderState, storedGuest } from './store.mjs';
import { button, closePopup, el, field, markField, openPopup, show, submit } from './views.mjs';

function activeOrder() {
  return Promise.resolve(Poster.orders.getActive()).then(function (answer) {
    return answer && answer.order ? answer.order : null;
  }, function () {
    return null;
  });
}

export function onApplicationIconClicked(data) {
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
