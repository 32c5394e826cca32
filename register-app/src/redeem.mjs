/*
 * 2a. What the guest may redeem, and what they pay and earn for the choice on screen as inCust computes it.
 */

import { call } from './api.mjs';
import { remember } from './attempts.mjs';
import { fieldOf } from './flow.mjs';
import { readPoints } from './format.mjs';
import { problemText } from './i18n.mjs';
import { applyAndGo, route, showCode } from './pay.mjs';
import { currency, guestName, money, showBusy, showTrouble, stillCurrent, t } from './session.mjs';
import { button, el, field, markField, show, submit } from './views.mjs';

var PREVIEW_DELAY_MS = 300;
/** Orders whose cashier cancelled at the code step: their next redeem window says the held points were released. */
export var releasedHolds = {};

/**
 * What the guest may redeem, and what they pay and earn for the choice on screen as inCust computes it (asked a
 * moment after the cashier stops typing); points that are not a number, negative or more than allowed are marked on
 * their field and nothing is sent.
 */
/** again: what the window showed before a refusal ({refusal, typed}); none the first time. */
export function showRedeem(sale, checkoutId, offer, again) {
  var order = sale.order;
  var refusal = again && again.refusal;
  var kept = (again && again.typed) || { bonus: '', codes: [] };
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
          if (mine !== asked || !stillCurrent(sale.myFlow)) {
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
    showBusy(t('reserving'), sale.withoutIncust);
    call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/redemption', redemption).then(function (answer) {
      if (!stillCurrent(sale.myFlow)) {
        return;
      }
      var earnings = { earned: earned, before: offer.bonusBalance };
      if (answer.ok && answer.data.status === 'AWAITING_CONFIRMATION') {
        remember(order.id, 'AWAITING_CONFIRMATION', null, earnings);
        showCode(sale, checkoutId, answer.data.confirmation || {}, '');
      } else if (answer.ok) {
        applyAndGo(order, answer.data.result, earnings, sale.goOn);
      } else if (answer.code === 400 || answer.code === 422) {
        showRedeem(sale, checkoutId, offer, { refusal: answer, typed: typedNow });
      } else if (answer.code === 409) {
        route(sale, checkoutId, {});
      } else {
        showTrouble(t('unavailableTitle'), answer, [
          button(t('tryAgain'), function () { redeem(redemption, earned, typedNow); }, 'primary'),
          button(t('continueWithout'), sale.withoutIncust)], sale.withoutIncust);
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
      button(t('continueWithout'), sale.withoutIncust, 'quiet')));
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
