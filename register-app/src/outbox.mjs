/*
 * Messages the service must get even when the register is offline (the receipt closed, a redemption undone, a fiscal
 * return): kept in the store until the service answers, retried with a growing wait. Each message is only ids,
 * counts and amounts.
 */

import { store } from './store.mjs';
import { call, serviceUrl } from './api.mjs';

export var OUTBOX_FIRST_WAIT_MS = 5000;
export var OUTBOX_LONGEST_WAIT_MS = 5 * 60 * 1000;

var flushing = false;
/** What follows a message's answer, by the message's kind: registered at start, as messages outlive a reload. */
var followUps = {};

/**
 * Queues a message. {@code options}: {@code headers} it is sent with (e.g. its Idempotency-Key, kept with it so that a
 * message sent again is the same report), {@code kind} whose follow-up gets the service's answer, and the ids the
 * follow-up needs to tell the cashier ({@code clientId}: Poster's guest; never a name).
 */
export function enqueue(path, body, options) {
  var outbox = store.get('outbox') || [];
  outbox.push({ path: path, body: body, headers: (options && options.headers) || [], kind: (options && options.kind)
    || null, clientId: (options && options.clientId) || null, tries: 0, due: 0 });
  store.set('outbox', outbox);
  flushOutbox();
}

/** {@code followUp(answer, message)} gets the answer of every message of {@code kind} the service took. */
export function onAnswer(kind, followUp) {
  followUps[kind] = followUp;
}

/** Sends what is due; an answer of any kind but "offline" or 5xx takes a message off the queue. */
export function flushOutbox() {
  if (flushing || !serviceUrl()) {
    return Promise.resolve();
  }
  flushing = true;
  var outbox = store.get('outbox') || [];
  var now = Date.now();
  var sending = outbox.filter(function (message) {
    return message.due <= now;
  });
  return sending.reduce(function (previous, message) {
    return previous.then(function () {
      return call('post', message.path, message.body, message.headers).then(function (answer) {
        var current = store.get('outbox') || [];
        var index = indexOfMessage(current, message);
        if (index < 0) {
          return;
        }
        if (answer.code === 0 || answer.code >= 500) {
          current[index].tries += 1;
          current[index].due = Date.now() + nextWait(current[index].tries);
        } else {
          current.splice(index, 1);
          if (message.kind && followUps[message.kind]) {
            followUps[message.kind](answer, message);
          }
        }
        store.set('outbox', current);
      });
    });
  }, Promise.resolve()).then(function () {
    flushing = false;
  }, function () {
    flushing = false;
  });
}

export function nextWait(tries) {
  return Math.min(OUTBOX_FIRST_WAIT_MS * Math.pow(2, tries - 1), OUTBOX_LONGEST_WAIT_MS);
}

function indexOfMessage(outbox, message) {
  for (var i = 0; i < outbox.length; i++) {
    if (outbox[i].path === message.path && JSON.stringify(outbox[i].body) === JSON.stringify(message.body)
      && JSON.stringify(outbox[i].headers || []) === JSON.stringify(message.headers || [])) {
      return i;
    }
  }
  return -1;
}
