/*
 * What the app's windows share while the register runs: the cashier's language, whether this register is connected
 * to inCust, the guests of open orders (in memory only), which Pay flow is current, and the windows every step may
 * show (busy, not bound, trouble).
 */

import { call, serviceUrl } from './api.mjs';
import { moneyText } from './format.mjs';
import { languageOf, problemText, translator } from './i18n.mjs';
import { button, el, show, submit } from './views.mjs';

export var lang = 'en';
export var t = translator('en');
/** Known at start and at each login: NOT_BOUND makes every window say so, rather than "not available". */
var connection = { status: 'UNKNOWN' };
/** Names and the like are kept in memory for the order's windows only, never stored (a reload forgets them). */
export var guests = {};
var flow = 0;

/** The register's language, as Poster names it in its settings. */
export function useLanguage(settings) {
  lang = languageOf(settings);
  t = translator(lang);
}

/** A new Pay flow begins: answers to the windows of an earlier one change nothing any more. */
export function newFlow() {
  flow += 1;
  return flow;
}

export function money(value) {
  return moneyText(value, lang);
}

export function currency() {
  return (Poster.settings && (Poster.settings.currencySymbol || Poster.settings.currencyCodeIso)) || '';
}

export function notify(message) {
  Poster.interface.showNotification({ title: 'inCust', message: message });
}

export function checkConnection() {
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

export function notBound(answer) {
  return !serviceUrl() || connection.status === 'NOT_BOUND' || (answer && answer.slug === 'not-bound');
}

export function showNotBound(goOn) {
  show(goOn, el('h2', null, t('notBoundTitle')), el('p', { 'class': 'note' }, t('notBoundText')),
    el('div', { 'class': 'actions' }, submit(t('continueWithout'))));
}

export function showBusy(text, wayOut) {
  show(wayOut, el('h2', null, 'inCust'), el('p', { 'class': 'busy', role: 'status' }, text),
    el('div', { 'class': 'actions' }, button(t('continueWithout'), wayOut)));
}

/** A refusal or an outage: its title, what the service said, and the ways on. */
export function showTrouble(title, answer, actions, wayOut) {
  if (notBound(answer)) {
    connection = { status: 'NOT_BOUND' };
    showNotBound(wayOut);
    return;
  }
  show(null, el('h2', null, title), el('p', { 'class': 'error', role: 'alert' }, problemText(t, answer)),
    el.apply(null, ['div', { 'class': 'actions' }].concat(actions)));
}

export function guestName(orderId) {
  return (guests[orderId] && guests[orderId].name) || t('theGuest');
}

export function once(fn) {
  var called = false;
  return function () {
    if (!called) {
      called = true;
      fn();
    }
  };
}

export function stillCurrent(myFlow) {
  return myFlow === flow;
}
