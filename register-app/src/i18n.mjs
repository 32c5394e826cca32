/*
 * Every text the cashier sees, in the register's language. Poster names it in Poster.settings.lang: ua (not ISO uk),
 * ru, pl, en; any other is English. A text missing in a language fails the unit tests.
 */

import { TEXTS_EN } from './texts-en.mjs';
import { TEXTS_UA } from './texts-ua.mjs';
import { TEXTS_RU } from './texts-ru.mjs';
import { TEXTS_PL } from './texts-pl.mjs';

export const LANGUAGES = ['en', 'ua', 'ru', 'pl'];

export const TEXTS = { en: TEXTS_EN, ua: TEXTS_UA, ru: TEXTS_RU, pl: TEXTS_PL };

/** The register's language as Poster names it; anything unknown is English. */
export function languageOf(settings) {
  var lang = settings && settings.lang ? String(settings.lang).toLowerCase() : 'en';
  if (lang === 'uk') {
    lang = 'ua';
  }
  return LANGUAGES.indexOf(lang) >= 0 ? lang : 'en';
}

/** t(key, {name: …}) in one language; a key it lacks falls back to English rather than showing nothing. */
export function translator(lang) {
  var texts = TEXTS[lang] || TEXTS.en;
  return function (key, params) {
    var text = texts[key] !== undefined ? texts[key] : TEXTS.en[key];
    if (text === undefined) {
      return key;
    }
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return params && params[name] !== undefined ? String(params[name]) : whole;
    });
  };
}

/** What a refusal of the service means to the cashier, by its problem type; the service's own words may follow. */
var PROBLEM_TEXTS = {
  'invalid-request': 'errorInvalid',
  'customer-not-found': 'errorCustomer',
  'not-bound': 'errorNotBound',
  'bad-signature': 'errorSignature',
  'redemption-rejected': 'errorRedemption',
  'wrong-code': 'wrongCode',
  'confirmation-expired': 'expiredTitle',
  'upstream-unavailable': 'errorUnavailable',
  'upstream-timeout': 'errorTimeout',
  'database-unavailable': 'errorService',
  'incust-refused': 'errorRefused'
};

export function problemText(t, answer) {
  if (answer.code === 0) {
    return t('errorOffline');
  }
  var key = PROBLEM_TEXTS[answer.slug] || (answer.code >= 500 ? 'errorUnavailable' : 'errorRefused');
  var detail = answer.data && answer.data.detail;
  return detail ? t(key) + ' ' + detail : t(key);
}
