import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { CHECKOUT_STATUSES, UNKNOWN_STATUS_ASKS, stepOf } from '../src/statuses.mjs';
import { TEXTS } from '../src/i18n.mjs';

const models = new URL('../../processes/', import.meta.url);

test('the app knows exactly the checkout statuses the models give', () => {
  const fromModels = new Set();
  for (const file of readdirSync(models).filter((name) => name.endsWith('.bpmn'))) {
    const model = readFileSync(new URL(file, models), 'utf8');
    for (const match of model.matchAll(/name="checkoutStatus" value="([A-Z_]+)"/g)) {
      fromModels.add(match[1]);
    }
  }
  assert.deepEqual([...fromModels].sort(), [...CHECKOUT_STATUSES].sort());
});

test('every known status leads to a window, none to asking again', () => {
  for (const status of CHECKOUT_STATUSES) {
    assert.notEqual(stepOf(status, 0).step, 'ask', status);
    assert.notEqual(stepOf(status, 0).step, 'unknown', status);
  }
});

test('an unknown status is asked about again a bounded number of times, then told', () => {
  const steps = [];
  for (let asked = 0; asked <= UNKNOWN_STATUS_ASKS; asked++) {
    steps.push(stepOf('SOMETHING_NEW', asked).step);
  }
  assert.deepEqual(steps, [...Array(UNKNOWN_STATUS_ASKS).fill('ask'), 'unknown']);
  assert.ok(stepOf('SOMETHING_NEW', 0).wait > 0, 'asked again after a wait, not at once');
  for (const lang of Object.keys(TEXTS)) {
    assert.ok(TEXTS[lang].unknownStatus, lang + ' says it to the cashier');
  }
});
