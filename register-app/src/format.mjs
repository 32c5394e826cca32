/*
 * Amounts as the cashier reads and types them: a decimal comma in ua, ru and pl, a point in English; the service
 * always gets numbers with two places.
 */

var COMMA_LANGUAGES = ['ua', 'ru', 'pl'];

/** Two places, as the service takes money: 20 → 20, 19.999 → 20. */
export function amount(value) {
  return Math.round(Number(value || 0) * 100) / 100;
}

export function moneyText(value, lang) {
  var text = amount(value).toFixed(2);
  return COMMA_LANGUAGES.indexOf(lang) >= 0 ? text.replace('.', ',') : text;
}

/** A count of goods or achievements: no places it does not need (3, 2,5). */
export function countText(value, lang) {
  var text = String(Math.round(Number(value || 0) * 1000) / 1000);
  return COMMA_LANGUAGES.indexOf(lang) >= 0 ? text.replace('.', ',') : text;
}

/**
 * The points the cashier typed, read as they would write them (comma or point, spaces ignored):
 * {value} when it is a number from 0 up to max with at most two places, else {error: key of the text}.
 */
export function readPoints(text, max) {
  var typed = String(text === undefined || text === null ? '' : text).replace(/\s/g, '').replace(',', '.');
  if (typed === '') {
    return { value: 0 };
  }
  if (!/^[-\u2212]?\d+(\.\d+)?$/.test(typed)) {
    return { error: 'notANumber' };
  }
  var value = Number(typed.replace('\u2212', '-'));
  if (value < 0) {
    return { error: 'negative' };
  }
  if (!/^\d+(\.\d{1,2})?$/.test(typed)) {
    return { error: 'notANumber' };
  }
  if (value > Number(max || 0)) {
    return { error: 'tooMuch' };
  }
  return { value: amount(value) };
}

/** mm:ss left until a time. */
export function countdown(untilMillis, nowMillis) {
  var seconds = Math.max(0, Math.round((untilMillis - nowMillis) / 1000));
  return Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
}
