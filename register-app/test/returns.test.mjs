import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportedProducts, returnReport, returnedText } from '../src/returns.mjs';
import { translator } from '../src/i18n.mjs';

test('a returned product of Poster\'s event becomes its id, its modification (none for 0) and its count', () => {
  assert.deepEqual(reportedProducts([
    { product_id: 12, modification_id: 0, promotion_id: 0, count: 1 },
    { product_id: '21', modification_id: '3', count: 2 },
    { product_id: 13, count: 0 },
    null
  ]), [
    { productId: '12', modificationId: null, count: 1 },
    { productId: '21', modificationId: '3', count: 2 }
  ]);
});

test('one report per event: its key names the receipt and the moment the event came', () => {
  const event = { order: { id: 1700000000000, orderName: '7001', clientId: 42 },
    products: [{ product_id: 12, modification_id: 0, count: 1 }] };

  const first = returnReport(event, 1000);
  const later = returnReport(event, 2000);

  assert.equal(first.key, 'return-7001-1000');
  assert.notEqual(later.key, first.key);
  assert.deepEqual(first.body, { transactionId: '7001', orderId: '1700000000000',
    products: [{ productId: '12', modificationId: null, count: 1 }] });
});

test('a receipt the back office does not know yet, or nothing returned, is not reported', () => {
  assert.equal(returnReport({ order: { id: 1, orderName: '' }, products: [{ product_id: 12, count: 1 }] }, 1), null);
  assert.equal(returnReport({ order: { id: 1, orderName: '7001' }, products: [] }, 1), null);
});

test('the cashier is told in the register\'s language, with its decimal separator', () => {
  const applied = { amount: 45.5, bonusPointsReturned: 6.66, bonusPointsRemoved: 1.94 };

  assert.equal(returnedText(translator('en'), 'en', applied, 'Olena'),
    'Returned 45.50: 6.66 points back to Olena, 1.94 earned points taken back');
  assert.equal(returnedText(translator('ua'), 'ua', applied, 'Олена'),
    'Повернення 45,50: Олена отримує назад 6,66 балів, знято 1,94 нарахованих балів');
  assert.equal(returnedText(translator('ua'), 'ua', applied, null),
    'Повернення 45,50: гість отримує назад 6,66 балів, знято 1,94 нарахованих балів');
});
