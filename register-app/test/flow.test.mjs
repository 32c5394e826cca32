import { test } from 'node:test';
import assert from 'node:assert/strict';
import { identifierOf, accountBalanceText, receiptText, balanceAfter, endOfCodeTitle, fieldOf } from '../src/flow.mjs';
import { translator } from '../src/i18n.mjs';

test('what the cashier typed is read as phone, email, code or QR; a kind chosen stands', () => {
  assert.deepEqual(identifierOf('+380 50 123 45 67', 'auto'), { type: 'PHONE', value: '+380 50 123 45 67' });
  assert.deepEqual(identifierOf('olena@example.com'), { type: 'EMAIL', value: 'olena@example.com' });
  assert.deepEqual(identifierOf('1234', 'auto'), { type: 'TEMPORARY_CODE', value: '1234' });
  assert.deepEqual(identifierOf('QR-XYZ', 'auto'), { type: 'QR', value: 'QR-XYZ' });
  assert.deepEqual(identifierOf(' 4000 1234 5678 ', 'CARD'), { type: 'CARD', value: '4000 1234 5678' });
});

test('money accounts as money, goods and achievements as counts', () => {
  assert.equal(accountBalanceText({ type: 'money', balance: 200 }, 'ua'), '200,00');
  assert.equal(accountBalanceText({ type: 'goods', balance: 3 }, 'ua'), '3');
  assert.equal(accountBalanceText({ type: 'achievements', balance: 7 }, 'en'), '7');
});

test('the receipt says what was paid with points and the coupon, earned, and the balance after', () => {
  const text = receiptText(translator('ua'), 'ua', { points: 20, discount: 9.1, earned: 3.55,
    balance: balanceAfter(150, 20, 3.55) });
  assert.equal(text, 'Лояльність inCust\nОплачено балами: 20,00\nЗнижка за купоном: 9,10\n'
    + 'Нараховано балів: 3,55\nБаланс балів: 133,55');
  assert.equal(receiptText(translator('en'), 'en', { points: 0, discount: 0, earned: 4.55, balance: null }),
    'inCust loyalty\nPoints earned: 4.55');
});

test('a balance is only told when it is known', () => {
  assert.equal(balanceAfter(null, 20, 3), null);
  assert.equal(balanceAfter(150, 20, null), null);
});

test('attempts exhausted is not called an expired code', () => {
  const later = Date.parse('2030-01-01T12:05:00Z');
  assert.equal(endOfCodeTitle({ attemptsLeft: 1, expiresAt: '2030-01-01T12:05:00Z' }, later - 1000), 'exhaustedTitle');
  assert.equal(endOfCodeTitle({ attemptsLeft: 2, expiresAt: '2030-01-01T12:05:00Z' }, later + 1000), 'expiredTitle');
  assert.equal(endOfCodeTitle({ attemptsLeft: 3 }, later), 'expiredTitle');
});

test("the service's field names find their form fields", () => {
  assert.equal(fieldOf('identifier.value'), 'identifier');
  assert.equal(fieldOf('email'), 'email');
  assert.equal(fieldOf('bonusPoints'), 'bonusPoints');
});
