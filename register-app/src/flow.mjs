/*
 * The decisions of the flow that need no screen: what kind of identifier was typed, what the receipt says, which
 * title tells the truth about a code that stopped working. Unit-tested without a browser.
 */

import { moneyText, countText } from './format.mjs';

/** The kinds a cashier may choose; "auto" reads the kind off what was typed. Only the service normalises values. */
export var IDENTIFIER_KINDS = ['auto', 'PHONE', 'EMAIL', 'QR', 'TEMPORARY_CODE', 'CARD'];

export function identifierOf(value, kind) {
  var text = String(value || '').trim();
  if (kind && kind !== 'auto') {
    return { type: kind, value: text };
  }
  var digits = text.replace(/[^\d]/g, '');
  if (text.indexOf('@') > 0) {
    return { type: 'EMAIL', value: text };
  }
  if (/^\+?[\d\s().-]+$/.test(text) && digits.length >= 9) {
    return { type: 'PHONE', value: text };
  }
  if (/^\d{4,8}$/.test(text)) {
    return { type: 'TEMPORARY_CODE', value: text };
  }
  return { type: 'QR', value: text };
}

/** Money accounts are money; goods and achievements are counted. */
export function accountBalanceText(account, lang) {
  return account && (account.type === 'goods' || account.type === 'achievements')
    ? countText(account.balance, lang) : moneyText(account ? account.balance : 0, lang);
}

/**
 * The loyalty lines printed at the end of the receipt (Poster.orders.setPrintText): what was paid with points and
 * the coupon, what the guest earns and the balance after; a figure not known is left out.
 */
export function receiptText(t, lang, figures) {
  var lines = [t('receiptTitle')];
  if (Number(figures.points) > 0) {
    lines.push(t('receiptPaid', { points: moneyText(figures.points, lang) }));
  }
  if (Number(figures.discount) > 0) {
    lines.push(t('receiptCoupon', { discount: moneyText(figures.discount, lang) }));
  }
  if (figures.earned !== undefined && figures.earned !== null) {
    lines.push(t('receiptEarned', { earned: moneyText(figures.earned, lang) }));
  }
  if (figures.balance !== undefined && figures.balance !== null) {
    lines.push(t('receiptBalance', { balance: moneyText(figures.balance, lang) }));
  }
  return lines.join('\n');
}

/** The points balance after the sale, as far as it is known: before − redeemed + earned. */
export function balanceAfter(before, redeemed, earned) {
  if (before === undefined || before === null || earned === undefined || earned === null) {
    return null;
  }
  return Number(before) - Number(redeemed || 0) + Number(earned);
}

/** A code that stopped working: the last wrong attempt used up the tries, or the code ran out of time. */
export function endOfCodeTitle(confirmation, nowMillis) {
  var expired = confirmation && confirmation.expiresAt && Date.parse(confirmation.expiresAt) <= nowMillis;
  var lastTry = confirmation && confirmation.attemptsLeft !== undefined && confirmation.attemptsLeft !== null
    && Number(confirmation.attemptsLeft) <= 1;
  return lastTry && !expired ? 'exhaustedTitle' : 'expiredTitle';
}

/** The service names a bad field as a path (identifier.value, email): the form field it belongs to. */
export function fieldOf(path) {
  var name = String(path || '');
  return name.indexOf('identifier') === 0 ? 'identifier' : name.split('.')[0];
}
