import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANGUAGES, TEXTS, languageOf, translator, problemText } from '../src/i18n.mjs';

test('every language has every text, and no text the others lack', () => {
  const english = Object.keys(TEXTS.en).sort();
  for (const lang of LANGUAGES) {
    assert.deepEqual(Object.keys(TEXTS[lang]).sort(), english, lang);
    for (const key of english) {
      assert.ok(TEXTS[lang][key].trim() !== '', `${lang}.${key} is empty`);
    }
  }
});

test('a text keeps the placeholders of its English one', () => {
  for (const lang of LANGUAGES) {
    for (const [key, text] of Object.entries(TEXTS.en)) {
      const wanted = (text.match(/\{\w+\}/g) || []).sort();
      assert.deepEqual((TEXTS[lang][key].match(/\{\w+\}/g) || []).sort(), wanted, `${lang}.${key}`);
    }
  }
});

test("Poster's language names: ua (and the ISO uk) is Ukrainian, anything unknown English", () => {
  assert.equal(languageOf({ lang: 'ua' }), 'ua');
  assert.equal(languageOf({ lang: 'uk' }), 'ua');
  assert.equal(languageOf({ lang: 'RU' }), 'ru');
  assert.equal(languageOf({ lang: 'pl' }), 'pl');
  assert.equal(languageOf({ lang: 'de' }), 'en');
  assert.equal(languageOf(undefined), 'en');
});

test('texts fill their placeholders', () => {
  assert.equal(translator('ua')('connected', { title: 'Бар' }), 'Підключено до термінала inCust «Бар».');
  assert.equal(translator('en')('attemptsLeft', { n: 2 }), 'Attempts left: 2');
});

test('the English names the cashier and the tests know stay as they were', () => {
  const t = translator('en');
  assert.equal(t('identifierLabel'), 'Phone, email, QR or code');
  assert.equal(t('find'), 'Find');
  assert.equal(t('continue'), 'Continue');
  assert.equal(t('confirm'), 'Confirm');
  assert.equal(t('payWithout'), 'Pay without bonuses');
  assert.equal(t('continueWithout'), 'Continue without inCust');
  assert.equal(t('menu'), 'inCust: Choose customer');
});

test("a refusal is told by its problem type, the service's words after it", () => {
  const t = translator('ua');
  assert.equal(problemText(t, { code: 0, data: {} }), TEXTS.ua.errorOffline);
  assert.equal(problemText(t, { code: 422, slug: 'redemption-rejected', data: { detail: 'Not enough points' } }),
    'inCust відмовив у списанні. Not enough points');
  assert.equal(problemText(t, { code: 503, slug: 'database-unavailable', data: {} }), TEXTS.ua.errorService);
  assert.equal(problemText(t, { code: 502, slug: 'something-new', data: {} }), TEXTS.ua.errorUnavailable);
});
