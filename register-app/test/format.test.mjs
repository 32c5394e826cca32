import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amount, moneyText, countText, readPoints, countdown } from '../src/format.mjs';

test('money with a decimal comma in ua, ru and pl, a point in English', () => {
  assert.equal(moneyText(150, 'ua'), '150,00');
  assert.equal(moneyText('99.45', 'ru'), '99,45');
  assert.equal(moneyText(3.5, 'pl'), '3,50');
  assert.equal(moneyText(150, 'en'), '150.00');
  assert.equal(moneyText(null, 'en'), '0.00');
});

test('counts of goods keep only the places they need', () => {
  assert.equal(countText(3, 'en'), '3');
  assert.equal(countText(2.5, 'ua'), '2,5');
});

test('amounts go to the service with two places', () => {
  assert.equal(amount(19.999), 20);
  assert.equal(amount('45.5'), 45.5);
});

test('points as the cashier types them', () => {
  assert.deepEqual(readPoints('20', 45.5), { value: 20 });
  assert.deepEqual(readPoints('12,5', 45.5), { value: 12.5 });
  assert.deepEqual(readPoints(' 1 0 ', 45.5), { value: 10 });
  assert.deepEqual(readPoints('', 45.5), { value: 0 });
  assert.deepEqual(readPoints('-5', 45.5), { error: 'negative' });
  assert.deepEqual(readPoints('\u22125', 45.5), { error: 'negative' });
  assert.deepEqual(readPoints('abc', 45.5), { error: 'notANumber' });
  assert.deepEqual(readPoints('1.234', 45.5), { error: 'notANumber' });
  assert.deepEqual(readPoints('46', 45.5), { error: 'tooMuch' });
});

test('the code countdown', () => {
  assert.equal(countdown(125000, 0), '2:05');
  assert.equal(countdown(0, 5000), '0:00');
});
