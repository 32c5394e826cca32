/*
 * inCust for Poster: the register app. Poster loads this one file into every register (web, Windows, Android, iOS)
 * and runs it next to its own screens; it reaches the checkout orchestrator through Poster.makeRequest, which signs
 * every request. Plain ES2017 with its CSS inside, no build step: what is here is what Poster runs.
 *
 * What it does, in the order the cashier meets it (docs/register-app.md):
 *   "inCust: Choose customer" in the order's menu -> identify the guest -> profile of a new guest -> wallet;
 *   Pay -> what the guest may redeem -> Continue -> the code the guest received -> Poster takes the bonus;
 *   after payment -> the service learns the receipt closed (queued until it answers);
 *   the order changed after a redemption -> the redemption is undone.
 * Whatever fails, the cashier can always go on without inCust.
 */
(function () {
  'use strict';

  var REQUEST_TIMEOUT_MS = 8000;
  var STORE_PREFIX = 'incust.';
  var ORDER_STATE_DAYS = 2;
  var OUTBOX_FIRST_WAIT_MS = 5000;
  var OUTBOX_LONGEST_WAIT_MS = 5 * 60 * 1000;
  var POPUP = { width: 560, height: 520 };

  var CSS = [
    '#app-container{font:15px/1.4 -apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2b36;padding:16px;box-sizing:border-box}',
    '.ic h2{font-size:18px;margin:0 0 12px}',
    '.ic label{display:block;margin:10px 0 4px;font-weight:600}',
    '.ic input,.ic select{width:100%;box-sizing:border-box;padding:9px 10px;font-size:16px;border:1px solid #b8c4ce;border-radius:6px}',
    '.ic .row{display:flex;gap:8px;align-items:center}',
    '.ic .row input{flex:1}',
    '.ic .actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:16px}',
    '.ic button{padding:10px 16px;font-size:15px;border-radius:6px;border:1px solid #9aa9b5;background:#fff;cursor:pointer}',
    '.ic button.primary{background:#1f8a4c;border-color:#1f8a4c;color:#fff}',
    '.ic button.quiet{border-color:transparent;color:#52606d;text-decoration:underline}',
    '.ic button:disabled{opacity:.5;cursor:default}',
    '.ic .error{color:#b3261e;margin:10px 0 0}',
    '.ic .note{color:#52606d;margin:10px 0 0}',
    '.ic .figure{font-size:22px;font-weight:700}',
    '.ic table{width:100%;border-collapse:collapse;margin-top:6px}',
    '.ic td{padding:4px 0;border-bottom:1px solid #e4e9ee}',
    '.ic td.num{text-align:right;font-variant-numeric:tabular-nums}',
    '.ic .coupon{display:flex;gap:8px;align-items:center;margin:4px 0;font-weight:400}',
    '.ic .coupon input{width:auto}',
    '.ic .busy{color:#52606d;margin:16px 0}'
  ].join('\n');

  // ---- state that survives the platform reloading the app ---------------------------------------------------------

  var store = {
    get: function (key) {
      try {
        return JSON.parse(localStorage.getItem(STORE_PREFIX + key));
      } catch (unreadable) {
        return null;
      }
    },
    set: function (key, value) {
      localStorage.setItem(STORE_PREFIX + key, JSON.stringify(value));
    },
    remove: function (key) {
      localStorage.removeItem(STORE_PREFIX + key);
    }
  };

  /** Per order: the guest chosen for it, and the checkout attempt at Pay (its Idempotency-Key and exact body). */
  function orderState(orderId) {
    return store.get('order.' + orderId) || { attempt: 1, guest: null, checkout: null, savedAt: Date.now() };
  }

  function saveOrderState(orderId, state) {
    state.savedAt = Date.now();
    store.set('order.' + orderId, state);
  }

  function forgetOldOrders() {
    var oldest = Date.now() - ORDER_STATE_DAYS * 24 * 3600 * 1000;
    for (var i = localStorage.length - 1; i >= 0; i--) {
      var key = localStorage.key(i);
      if (key && key.indexOf(STORE_PREFIX + 'order.') === 0) {
        var state = store.get(key.substring(STORE_PREFIX.length));
        if (!state || !state.savedAt || state.savedAt < oldest) {
          localStorage.removeItem(key);
        }
      }
    }
  }

  // ---- the service, through Poster's signed proxy ------------------------------------------------------------------

  function extras() {
    return (Poster.settings && Poster.settings.spotTabletExtras) || {};
  }

  function serviceUrl() {
    return extras().incust_api_url || null;
  }

  /** Poster signs the URL but not its headers: the URL names this register, as its binding wrote in the extras. */
  function signedUrl(path) {
    var register = extras().incust_register;
    var url = serviceUrl() + path;
    return register ? url + (url.indexOf('?') < 0 ? '?' : '&') + 'register=' + encodeURIComponent(register) : url;
  }

  /**
   * One request: resolves {ok, code, data, detail}; never rejects. code 0 means offline or timed out, as Poster
   * reports it; the service's problems give the cashier their detail.
   */
  function call(method, path, body, headers) {
    return new Promise(function (resolve) {
      var done = false;
      function finish(answer) {
        if (done) {
          return;
        }
        done = true;
        clearTimeout(guard);
        resolve(interpret(answer));
      }
      // Poster promises the timeout; this guard keeps the app going should a platform build forget it
      var guard = setTimeout(function () {
        finish({ code: 0, result: false });
      }, REQUEST_TIMEOUT_MS + 2000);
      var options = {
        method: method,
        headers: ['Content-Type: application/json', 'Accept: application/json'].concat(headers || []),
        timeout: REQUEST_TIMEOUT_MS
      };
      if (body !== undefined) {
        options.data = body;
      }
      try {
        Poster.makeRequest(signedUrl(path), options, finish);
      } catch (failed) {
        finish({ code: 0, result: false });
      }
    });
  }

  function interpret(answer) {
    answer = answer || {};
    var code = Number(answer.code !== undefined ? answer.code : answer.status) || 0;
    var data = answer.result;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch (notJson) {
        data = null;
      }
    }
    var ok = code >= 200 && code < 300;
    var detail = null;
    if (!ok) {
      if (code === 0) {
        detail = 'inCust cannot be reached right now (no connection, or no answer in time).';
      } else if (code >= 500 || code === 1) {
        detail = (data && data.detail) || 'inCust is not available right now.';
      } else {
        detail = (data && data.detail) || 'inCust refused this.';
      }
    }
    return { ok: ok, code: code, data: data || {}, detail: detail, slug: slugOf(data) };
  }

  function slugOf(problem) {
    var type = problem && problem.type ? String(problem.type) : '';
    return type.substring(type.lastIndexOf('/') + 1);
  }

  // ---- messages the service must get even when the register is offline --------------------------------------------

  var flushing = false;

  function enqueue(path, body) {
    var outbox = store.get('outbox') || [];
    outbox.push({ path: path, body: body, tries: 0, due: 0 });
    store.set('outbox', outbox);
    flushOutbox();
  }

  /** Sends what is due; an answer of any kind but "offline" or 5xx takes a message off the queue. */
  function flushOutbox() {
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
        return call('post', message.path, message.body).then(function (answer) {
          var current = store.get('outbox') || [];
          var index = indexOfMessage(current, message);
          if (index < 0) {
            return;
          }
          if (answer.code === 0 || answer.code >= 500) {
            current[index].tries += 1;
            current[index].due = Date.now() + Math.min(OUTBOX_FIRST_WAIT_MS * Math.pow(2, current[index].tries - 1),
              OUTBOX_LONGEST_WAIT_MS);
          } else {
            current.splice(index, 1);
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

  function indexOfMessage(outbox, message) {
    for (var i = 0; i < outbox.length; i++) {
      if (outbox[i].path === message.path && JSON.stringify(outbox[i].body) === JSON.stringify(message.body)) {
        return i;
      }
    }
    return -1;
  }

  // ---- drawing ---------------------------------------------------------------------------------------------------

  var ticking = null;

  function el(tag, attributes) {
    var node = document.createElement(tag);
    var children = Array.prototype.slice.call(arguments, 2);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (name === 'onclick' || name === 'oninput' || name === 'onchange' || name === 'onsubmit') {
        node[name] = value;
      } else if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    children.forEach(function (child) {
      if (child === null || child === undefined || child === false) {
        return;
      }
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  function button(label, onclick, kind) {
    return el('button', { type: 'button', 'class': kind || '', onclick: onclick }, label);
  }

  function show() {
    if (ticking) {
      clearInterval(ticking);
      ticking = null;
    }
    var container = document.getElementById('app-container');
    while (container.firstChild) {
      container.removeChild(container.firstChild);
    }
    var view = el.apply(null, ['div', { 'class': 'ic' }].concat(Array.prototype.slice.call(arguments)));
    container.appendChild(view);
    var first = view.querySelector('input:not([type=checkbox]),select');
    if (first) {
      first.focus();
    }
    return view;
  }

  function money(value) {
    return (Math.round(Number(value || 0) * 100) / 100).toFixed(2);
  }

  function openPopup() {
    Poster.interface.popup({ width: POPUP.width, height: POPUP.height, title: 'inCust' });
  }

  function closePopup() {
    if (ticking) {
      clearInterval(ticking);
      ticking = null;
    }
    Poster.interface.closePopup();
  }

  // ---- 1. Choose customer --------------------------------------------------------------------------------------------

  /** One field for every way a guest is known; the service normalises the value. */
  function identifierOf(value) {
    var text = value.trim();
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

  function activeOrder() {
    return Promise.resolve(Poster.orders.getActive()).then(function (answer) {
      return answer && answer.order ? answer.order : null;
    }, function () {
      return null;
    });
  }

  function onApplicationIconClicked(data) {
    if (data && data.place && data.place !== 'order') {
      return;
    }
    var given = data && data.order ? Promise.resolve(data.order) : activeOrder();
    given.then(function (order) {
      if (!order) {
        Poster.interface.showNotification({ title: 'inCust', message: 'Open an order first.' });
        return;
      }
      openPopup();
      if (!serviceUrl()) {
        showNotBound(closePopup);
        return;
      }
      showChooseCustomer(order, '');
    });
  }

  function showNotBound(goOn) {
    show(el('h2', null, 'This register is not connected to inCust'),
      el('p', { 'class': 'note' }, 'Ask the owner to bind it to an inCust terminal. Until then, work without inCust.'),
      el('div', { 'class': 'actions' }, button('Continue without inCust', goOn, 'primary')));
  }

  function showChooseCustomer(order, error) {
    var field = el('input', { id: 'incust-identifier', type: 'text', autocomplete: 'off',
      placeholder: '+380 50 123 45 67, name@example.com, QR or code' });
    var find = function () {
      var value = field.value;
      if (!value.trim()) {
        showChooseCustomer(order, 'Type the guest\'s phone, email, QR or code.');
        return;
      }
      identify(order, identifierOf(value));
    };
    field.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        find();
      }
    });
    var environment = Poster.environment || {};
    var scan = environment.android || environment.iOS ? button('Scan', function () {
      Promise.resolve(Poster.interface.scanBarcode()).then(function (scanned) {
        if (scanned && scanned.barcode) {
          identify(order, { type: 'QR', value: scanned.barcode });
        }
      });
    }) : null;
    show(el('h2', null, 'inCust: Choose customer'),
      el('label', { 'for': 'incust-identifier' }, 'Phone, email, QR or code'),
      el('div', { 'class': 'row' }, field, scan),
      error ? el('p', { 'class': 'error', role: 'alert' }, error) : null,
      el('div', { 'class': 'actions' }, button('Find', find, 'primary'), button('Cancel', closePopup)));
  }

  function showBusy(text, wayOut) {
    show(el('h2', null, 'inCust'), el('p', { 'class': 'busy', role: 'status' }, text),
      el('div', { 'class': 'actions' }, button('Continue without inCust', wayOut)));
  }

  function showTrouble(title, detail, actions) {
    show(el('h2', null, title), el('p', { 'class': 'error', role: 'alert' }, detail),
      el.apply(null, ['div', { 'class': 'actions' }].concat(actions)));
  }

  function identify(order, identifier) {
    showBusy('Looking for the guest in inCust…', closePopup);
    call('post', '/customer-sessions', { identifier: identifier }).then(function (answer) {
      if (answer.code === 200) {
        chosen(order, answer.data);
      } else if (answer.code === 202) {
        showProfile(order, answer.data, '');
      } else if (answer.code === 400 || answer.code === 404) {
        showChooseCustomer(order, answer.detail);
      } else {
        showTrouble('inCust is not available', answer.detail,
          [button('Try again', function () { identify(order, identifier); }, 'primary'),
            button('Continue without inCust', closePopup)]);
      }
    });
  }

  function showProfile(order, session, error) {
    var customer = session.customer || {};
    var name = el('input', { id: 'incust-name', type: 'text', value: customer.name || '' });
    var gender = el('select', { id: 'incust-gender' }, el('option', { value: '' }, '—'),
      el('option', { value: 'female' }, 'Female'), el('option', { value: 'male' }, 'Male'));
    var birthDate = el('input', { id: 'incust-birth-date', type: 'date' });
    var email = el('input', { id: 'incust-email', type: 'email', value: customer.email || '' });
    var send = function (profile) {
      showBusy('Saving the profile…', closePopup);
      call('put', '/customer-sessions/' + encodeURIComponent(session.sessionId) + '/profile', profile)
        .then(function (answer) {
          if (answer.ok) {
            chosen(order, answer.data);
          } else if (answer.code === 400) {
            showProfile(order, session, answer.detail);
          } else {
            showTrouble('inCust is not available', answer.detail,
              [button('Try again', function () { send(profile); }, 'primary'),
                button('Continue without inCust', closePopup)]);
          }
        });
    };
    var save = function () {
      var profile = {};
      if (name.value.trim()) { profile.name = name.value.trim(); }
      if (gender.value) { profile.gender = gender.value; }
      if (birthDate.value) { profile.birthDate = birthDate.value; }
      if (email.value.trim()) { profile.email = email.value.trim(); }
      send(profile);
    };
    show(el('h2', null, 'New guest: profile'),
      el('p', { 'class': 'note' }, 'inCust registered ' + (customer.phone || customer.email || 'the guest')
        + '. Fill what the guest tells you, or skip.'),
      el('label', { 'for': 'incust-name' }, 'Name'), name,
      el('label', { 'for': 'incust-gender' }, 'Gender'), gender,
      el('label', { 'for': 'incust-birth-date' }, 'Birth date'), birthDate,
      el('label', { 'for': 'incust-email' }, 'Email'), email,
      error ? el('p', { 'class': 'error', role: 'alert' }, error) : null,
      el('div', { 'class': 'actions' }, button('Save', save, 'primary'), button('Skip', function () { send({}); })));
  }

  function chosen(order, session) {
    var customer = session.customer || {};
    var state = orderState(order.id);
    if (state.checkout && state.checkout.checkoutId) {
      undo(order.id, state);
      state = orderState(order.id);
    }
    state.guest = { sessionId: session.sessionId, customerId: customer.id, name: customer.name || '',
      phone: customer.phone || '', email: customer.email || '', posterClientId: customer.posterClientId || null };
    saveOrderState(order.id, state);
    showWallet(customer);
    attachPosterClient(order, state.guest);
  }

  function showWallet(customer) {
    var accounts = (customer.accounts || []).map(function (account) {
      return el('tr', null, el('td', null, account.title), el('td', { 'class': 'num' }, money(account.balance)));
    });
    var coupons = (customer.coupons || []).map(function (coupon) {
      return el('li', null, coupon.title + ' (' + coupon.code + ')');
    });
    show(el('h2', null, customer.name || customer.phone || 'Guest'),
      el('p', { 'class': 'note' }, [customer.phone, customer.email].filter(Boolean).join(' · ')),
      el('p', null, 'Bonus points: ', el('span', { 'class': 'figure', 'data-field': 'bonus-points' },
        money(customer.bonusPoints))),
      accounts.length ? el('div', null, el('strong', null, 'Accounts'),
        el.apply(null, ['table', null].concat(accounts))) : null,
      coupons.length ? el('div', null, el('strong', null, 'Coupons'), el.apply(null, ['ul', null].concat(coupons)))
        : el('p', { 'class': 'note' }, 'No coupons.'),
      el('div', { 'class': 'actions' }, button('Continue', closePopup, 'primary')));
  }

  /** The Poster client of the guest goes on the order; found or created at the register when the service had none. */
  function attachPosterClient(order, guest) {
    var setClient = function (clientId) {
      var state = orderState(order.id);
      if (state.guest) {
        state.guest.posterClientId = clientId;
        saveOrderState(order.id, state);
      }
      return Promise.resolve(Poster.orders.setOrderClient(order.id, clientId)).then(function (result) {
        return !result || result.success !== false;
      });
    };
    var byService = Number(guest.posterClientId) || 0;
    var attached = byService ? setClient(byService) : Promise.resolve(false);
    attached.then(function (ok) {
      if (ok || !guest.phone) {
        return null;
      }
      return Promise.resolve(Poster.clients.find({ searchVal: guest.phone })).then(function (found) {
        var client = found && found.foundClients && found.foundClients[0];
        if (client) {
          return client;
        }
        return Promise.resolve(Poster.clients.create({ client: {
          client_name: guest.name || guest.phone, phone: guest.phone, email: guest.email,
          client_groups_id_client: extras().incust_client_group_id
        } })).then(function (created) {
          return created && created.client;
        });
      }).then(function (client) {
        var id = client && Number(client.id || client.client_id);
        return id ? setClient(id) : null;
      });
    }).catch(function () {
      Poster.interface.showNotification({ title: 'inCust', message: 'The guest could not be attached to the order.' });
    });
  }

  // ---- 2. Pay --------------------------------------------------------------------------------------------------------

  var flow = 0;

  function onBeforeOrderClose(data, next) {
    var order = data && data.order;
    var state = order ? orderState(order.id) : null;
    if (!state || !state.guest || !serviceUrl()) {
      next();
      return;
    }
    // the 5-second rule: something must show at once, before any request
    openPopup();
    var myFlow = ++flow;
    var goOn = once(function () {
      closePopup();
      next();
    });
    var withoutIncust = function () {
      abandon(order.id);
      goOn();
    };
    showBusy('Asking inCust what ' + (state.guest.name || 'the guest') + ' may redeem…', withoutIncust);
    startCheckout(order, myFlow, goOn, withoutIncust);
  }

  function once(fn) {
    var called = false;
    return function () {
      if (!called) {
        called = true;
        fn();
      }
    };
  }

  function stillCurrent(myFlow) {
    return myFlow === flow;
  }

  function productLines(order) {
    var products = order.products || [];
    return Array.isArray(products) ? products : Object.keys(products).sort(function (a, b) {
      return Number(a) - Number(b);
    }).map(function (key) {
      return products[key];
    });
  }

  function fullNames(lines) {
    var asked = lines.map(function (line) {
      return { id: line.id, modification: line.modification || 0 };
    });
    return Promise.resolve(Poster.products.getFullName(asked)).then(function (names) {
      return lines.map(function (line, i) {
        var name = names && names[i];
        if (name && typeof name === 'object') {
          name = name.name || name.fullName;
        }
        return name ? String(name) : 'Product ' + line.id;
      });
    }, function () {
      return lines.map(function (line) {
        return 'Product ' + line.id;
      });
    });
  }

  /** What the service is told of the order: stored before it is sent, so a retry sends these very bytes. */
  function checkoutBody(order, guest) {
    var lines = productLines(order).filter(function (line) {
      return Number(line.count) > 0;
    });
    return fullNames(lines).then(function (names) {
      var items = lines.map(function (line, i) {
        var price = line.promotionPrice !== undefined && line.promotionPrice !== null ? line.promotionPrice : line.price;
        return {
          productId: String(line.id),
          modificationId: line.modification ? String(line.modification) : null,
          name: names[i],
          count: Number(line.count),
          price: Number(money(price))
        };
      });
      var total = items.reduce(function (sum, item) {
        return sum + item.count * item.price;
      }, 0);
      var receipt = order.orderName && /^\d+$/.test(String(order.orderName)) ? String(order.orderName) : null;
      return {
        orderId: String(order.id),
        transactionId: receipt,
        customerSessionId: guest.sessionId,
        items: items,
        total: Number(money(total)),
        currency: extras().incust_currency || (Poster.settings && Poster.settings.currencyCodeIso)
      };
    });
  }

  function startCheckout(order, myFlow, goOn, withoutIncust) {
    var state = orderState(order.id);
    var prepared = state.checkout && state.checkout.body ? Promise.resolve(state.checkout)
      : checkoutBody(order, state.guest).then(function (body) {
        var attempt = { key: order.id + '-' + state.attempt, body: body, checkoutId: null, status: null };
        var latest = orderState(order.id);
        latest.checkout = attempt;
        saveOrderState(order.id, latest);
        return attempt;
      });
    prepared.then(function (attempt) {
      return call('post', '/checkouts', attempt.body, ['Idempotency-Key: ' + attempt.key]).then(function (answer) {
        if (!stillCurrent(myFlow)) {
          return;
        }
        if (answer.ok) {
          var latest = orderState(order.id);
          latest.checkout.checkoutId = answer.data.checkoutId;
          latest.checkout.status = answer.data.status;
          saveOrderState(order.id, latest);
          route(order, answer.data.checkoutId, answer.data.status, answer.data.offer, myFlow, goOn, withoutIncust);
        } else if (answer.slug === 'idempotency-conflict') {
          newAttempt(order.id);
          startCheckout(order, myFlow, goOn, withoutIncust);
        } else {
          showTrouble('inCust cannot take this checkout', answer.detail, [
            answer.code === 0 || answer.code >= 500 ? button('Try again', function () {
              startCheckout(order, myFlow, goOn, withoutIncust);
            }, 'primary') : null,
            button('Continue without inCust', withoutIncust)]);
        }
      });
    });
  }

  /** Where a checkout stands decides the window; after a reload this is how the app finds its place again. */
  function route(order, checkoutId, status, offer, myFlow, goOn, withoutIncust) {
    if (status === 'AWAITING_REDEMPTION' && offer) {
      showRedeem(order, checkoutId, offer, '', myFlow, goOn, withoutIncust);
      return;
    }
    if (status === 'CANCELLED' || status === 'EXPIRED') {
      newAttempt(order.id);
      startCheckout(order, myFlow, goOn, withoutIncust);
      return;
    }
    if (status === 'FINALIZING' || status === 'COMPLETED' || status === 'REVERSING' || status === 'REVERSED') {
      goOn();
      return;
    }
    call('get', '/checkouts/' + encodeURIComponent(checkoutId)).then(function (answer) {
      if (!stillCurrent(myFlow)) {
        return;
      }
      if (!answer.ok) {
        showTrouble('inCust is not available', answer.detail, [button('Continue without inCust', withoutIncust)]);
        return;
      }
      var checkout = answer.data;
      if (checkout.status === 'AWAITING_CONFIRMATION') {
        showCode(order, checkoutId, checkout.confirmation || {}, '', myFlow, goOn, withoutIncust);
      } else if (checkout.status === 'AWAITING_ORDER_CLOSE') {
        applyAndGo(order, checkout.result, goOn);
      } else if (checkout.status === 'AWAITING_REDEMPTION') {
        showRedeem(order, checkoutId, checkout.offer, '', myFlow, goOn, withoutIncust);
      } else {
        route(order, checkoutId, checkout.status, null, myFlow, goOn, withoutIncust);
      }
    });
  }

  function showRedeem(order, checkoutId, offer, error, myFlow, goOn, withoutIncust) {
    var state = orderState(order.id);
    var max = Number(offer.maxRedeemableBonus || 0);
    var bonus = el('input', { id: 'incust-bonus', type: 'number', min: '0', step: '0.01', max: money(max),
      inputmode: 'decimal', value: '' });
    var pays = el('span', { 'class': 'figure', 'data-field': 'total-to-pay' }, money(offer.totalToPay));
    var coupons = (offer.coupons || []).map(function (coupon) {
      var box = el('input', { type: 'checkbox', value: coupon.code, id: 'incust-coupon-' + coupon.code });
      return { code: coupon.code, box: box, line: el('label', { 'class': 'coupon', 'for': 'incust-coupon-' + coupon.code },
        box, coupon.title + ' (' + coupon.code + ')') };
    });
    bonus.oninput = function () {
      var chosenBonus = Math.min(Math.max(Number(bonus.value) || 0, 0), max);
      pays.textContent = money(Number(offer.totalToPay) - chosenBonus);
    };
    var redeem = function (redemption) {
      showBusy('Reserving in inCust…', withoutIncust);
      call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/redemption', redemption).then(function (answer) {
        if (!stillCurrent(myFlow)) {
          return;
        }
        if (answer.ok && answer.data.status === 'AWAITING_CONFIRMATION') {
          remember(order.id, 'AWAITING_CONFIRMATION');
          showCode(order, checkoutId, answer.data.confirmation || {}, '', myFlow, goOn, withoutIncust);
        } else if (answer.ok) {
          applyAndGo(order, answer.data.result, goOn);
        } else if (answer.code === 400 || answer.code === 422) {
          showRedeem(order, checkoutId, offer, answer.detail, myFlow, goOn, withoutIncust);
        } else if (answer.code === 409) {
          route(order, checkoutId, null, null, myFlow, goOn, withoutIncust);
        } else {
          showTrouble('inCust is not available', answer.detail, [
            button('Try again', function () { redeem(redemption); }, 'primary'),
            button('Continue without inCust', withoutIncust)]);
        }
      });
    };
    var proceed = function () {
      var redemption = {};
      var amount = Number(bonus.value) || 0;
      if (amount > 0) {
        redemption.bonusPoints = Number(money(amount));
      }
      var codes = coupons.filter(function (coupon) {
        return coupon.box.checked;
      }).map(function (coupon) {
        return coupon.code;
      });
      if (codes.length) {
        redemption.couponCodes = codes;
      }
      redeem(redemption);
    };
    show(el('h2', null, 'Redeem for ' + ((state.guest && state.guest.name) || 'the guest')),
      el('table', null,
        el('tr', null, el('td', null, 'Bonus points'), el('td', { 'class': 'num' }, money(offer.bonusBalance))),
        el('tr', null, el('td', null, 'May pay with points'), el('td', { 'class': 'num', 'data-field': 'max-redeemable' },
          money(max))),
        Number(offer.discount) ? el('tr', null, el('td', null, 'Discount'), el('td', { 'class': 'num' },
          money(offer.discount))) : null,
        el('tr', null, el('td', null, 'Earns'), el('td', { 'class': 'num' }, money(offer.bonusesToAdd) + ' points'))),
      el('label', { 'for': 'incust-bonus' }, 'Bonus points to redeem (up to ' + money(max) + ')'), bonus,
      coupons.length ? el('div', null, el('label', null, 'Coupons')) : null,
      coupons.length ? el.apply(null, ['div', null].concat(coupons.map(function (coupon) {
        return coupon.line;
      }))) : null,
      el('p', null, 'The guest pays: ', pays),
      error ? el('p', { 'class': 'error', role: 'alert' }, error) : null,
      el('div', { 'class': 'actions' }, button('Continue', proceed, 'primary'),
        button('Pay without bonuses', function () { redeem({}); }),
        button('Continue without inCust', withoutIncust, 'quiet')));
  }

  function showCode(order, checkoutId, confirmation, message, myFlow, goOn, withoutIncust) {
    var field = el('input', { id: 'incust-code', type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code',
      maxlength: '8' });
    var expiry = el('span', { 'data-field': 'expires-in' }, '');
    var confirm = function () {
      var code = field.value.trim();
      if (!/^\d{4,8}$/.test(code)) {
        showCode(order, checkoutId, confirmation, 'The code is 4 to 8 digits.', myFlow, goOn, withoutIncust);
        return;
      }
      showBusy('Checking the code…', withoutIncust);
      call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/confirmation', { code: code })
        .then(function (answer) {
          if (!stillCurrent(myFlow)) {
            return;
          }
          if (answer.ok) {
            applyAndGo(order, answer.data.result, goOn);
          } else if (answer.slug === 'wrong-code') {
            var left = Object.assign({}, confirmation, { attemptsLeft: answer.data.attemptsLeft });
            showCode(order, checkoutId, left, 'The code is not right. Ask the guest to check it.', myFlow, goOn,
              withoutIncust);
          } else if (answer.slug === 'confirmation-expired') {
            newAttempt(order.id);
            showTrouble('The code expired', answer.detail, [
              button('Pay without bonuses', function () { payWithoutBonuses(order, myFlow, goOn, withoutIncust); },
                'primary'),
              button('Continue without inCust', withoutIncust)]);
          } else if (answer.code === 409) {
            route(order, checkoutId, null, null, myFlow, goOn, withoutIncust);
          } else {
            showCode(order, checkoutId, confirmation, answer.detail, myFlow, goOn, withoutIncust);
          }
        });
    };
    field.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        confirm();
      }
    });
    var resend = function () {
      call('post', '/checkouts/' + encodeURIComponent(checkoutId) + '/confirmation/resend').then(function (answer) {
        if (!stillCurrent(myFlow)) {
          return;
        }
        showCode(order, checkoutId, answer.ok ? (answer.data.confirmation || confirmation) : confirmation,
          answer.ok ? 'A new code is on its way to the guest.' : answer.detail, myFlow, goOn, withoutIncust);
      });
    };
    var cancel = function () {
      showBusy('Cancelling the redemption…', withoutIncust);
      cancelCheckout(order.id);
      newAttempt(order.id);
      startCheckout(order, myFlow, goOn, withoutIncust);
    };
    var channel = confirmation.channel === 'EMAIL' ? 'email' : 'phone';
    show(el('h2', null, 'Confirmation code'),
      el('p', { 'class': 'note' }, 'inCust sent a code to the guest\'s ' + channel + '. Type the code the guest reads out.'),
      el('label', { 'for': 'incust-code' }, 'Confirmation code'), field,
      confirmation.attemptsLeft !== undefined && confirmation.attemptsLeft !== null
        ? el('p', { 'class': 'note', 'data-field': 'attempts-left' }, 'Attempts left: ' + confirmation.attemptsLeft)
        : null,
      confirmation.expiresAt ? el('p', { 'class': 'note' }, 'The code expires in ', expiry) : null,
      message ? el('p', { 'class': 'error', role: 'alert' }, message) : null,
      el('div', { 'class': 'actions' }, button('Confirm', confirm, 'primary'), button('Send a new code', resend),
        button('Cancel', cancel)));
    if (confirmation.expiresAt) {
      var until = Date.parse(confirmation.expiresAt);
      var tick = function () {
        var seconds = Math.max(0, Math.round((until - Date.now()) / 1000));
        expiry.textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
      };
      tick();
      ticking = setInterval(tick, 1000);
    }
  }

  function payWithoutBonuses(order, myFlow, goOn, withoutIncust) {
    showBusy('Asking inCust…', withoutIncust);
    var state = orderState(order.id);
    checkoutBody(order, state.guest).then(function (body) {
      var latest = orderState(order.id);
      latest.checkout = { key: order.id + '-' + latest.attempt, body: body, checkoutId: null, status: null };
      saveOrderState(order.id, latest);
      return call('post', '/checkouts', body, ['Idempotency-Key: ' + latest.checkout.key]);
    }).then(function (created) {
      if (!stillCurrent(myFlow)) {
        return null;
      }
      if (!created.ok) {
        showTrouble('inCust is not available', created.detail, [button('Continue without inCust', withoutIncust)]);
        return null;
      }
      remember(order.id, created.data.status, created.data.checkoutId);
      return call('post', '/checkouts/' + encodeURIComponent(created.data.checkoutId) + '/redemption', {});
    }).then(function (answer) {
      if (!answer || !stillCurrent(myFlow)) {
        return;
      }
      if (answer.ok) {
        applyAndGo(order, answer.data.result, goOn);
      } else {
        showTrouble('inCust is not available', answer.detail, [button('Continue without inCust', withoutIncust)]);
      }
    });
  }

  /** What inCust settled becomes one amount on the order, the way Poster's loyalty guideline asks. */
  function applyAndGo(order, result, goOn) {
    var applied = Number(money(Number((result && result.bonusToApply) || 0) + Number((result && result.discount) || 0)));
    var state = orderState(order.id);
    if (state.checkout) {
      state.checkout.status = 'AWAITING_ORDER_CLOSE';
      state.checkout.bonusApplied = applied;
      saveOrderState(order.id, state);
    }
    Promise.resolve(Poster.orders.setOrderBonus(order.id, applied)).then(goOn, goOn);
  }

  function remember(orderId, status, checkoutId) {
    var state = orderState(orderId);
    if (state.checkout) {
      state.checkout.status = status;
      if (checkoutId) {
        state.checkout.checkoutId = checkoutId;
      }
      saveOrderState(orderId, state);
    }
  }

  function newAttempt(orderId) {
    var state = orderState(orderId);
    state.attempt += 1;
    state.checkout = null;
    saveOrderState(orderId, state);
  }

  function cancelCheckout(orderId) {
    var state = orderState(orderId);
    if (state.checkout && state.checkout.checkoutId) {
      enqueue('/checkouts/' + encodeURIComponent(state.checkout.checkoutId) + '/cancel', {});
    }
  }

  /** The cashier went on without inCust: a reservation already made is released, the next Pay starts afresh. */
  function abandon(orderId) {
    flow += 1;
    cancelCheckout(orderId);
    newAttempt(orderId);
  }

  // ---- 3. after payment ------------------------------------------------------------------------------------------

  /** Which amount the closed order shows as paid through the app is unsettled; the one applied stands in. */
  function shownBonus(order, applied) {
    var fields = ['payedBonus', 'approvedBonus', 'platformDiscount'];
    for (var i = 0; i < fields.length; i++) {
      var value = Number(order[fields[i]]);
      if (value > 0) {
        return Number(money(value));
      }
    }
    return applied || 0;
  }

  function onAfterOrderClose(data) {
    var order = data && data.order;
    var state = order ? store.get('order.' + order.id) : null;
    var checkout = state && state.checkout;
    if (!checkout || !checkout.checkoutId || checkout.status !== 'AWAITING_ORDER_CLOSE') {
      return;
    }
    var receipt = order.orderName && /^\d+$/.test(String(order.orderName)) ? String(order.orderName) : null;
    enqueue('/checkouts/' + encodeURIComponent(checkout.checkoutId) + '/order-closed', {
      transactionId: receipt,
      payedBonus: shownBonus(order, checkout.bonusApplied),
      total: Number(money(order.total || 0))
    });
    store.remove('order.' + order.id);
  }

  // ---- 4. the order changed after a redemption ---------------------------------------------------------------------

  function undo(orderId, state) {
    var checkout = state.checkout;
    if (!checkout) {
      return;
    }
    if (checkout.checkoutId) {
      enqueue('/checkouts/' + encodeURIComponent(checkout.checkoutId) + '/cancel', {});
    }
    if (checkout.bonusApplied) {
      Poster.orders.setOrderBonus(orderId, 0);
    }
    newAttempt(orderId);
  }

  function onOrderProductChange(data) {
    var orderId = data && data.order ? data.order.id : null;
    var state = orderId ? store.get('order.' + orderId) : null;
    if (state && state.checkout) {
      undo(orderId, state);
      Poster.interface.showNotification({ title: 'inCust', message: 'The order changed: the redemption was undone. '
        + 'Pay again to redeem for the new order.' });
    }
  }

  function onOrderClientChange(data) {
    var orderId = data ? data.orderId : null;
    var state = orderId ? store.get('order.' + orderId) : null;
    if (!state || !state.guest || Number(data.clientId) === Number(state.guest.posterClientId)) {
      return;
    }
    if (state.checkout) {
      undo(orderId, state);
    }
    var latest = orderState(orderId);
    latest.guest = null;
    saveOrderState(orderId, latest);
  }

  // ---- start -------------------------------------------------------------------------------------------------------

  function start() {
    var style = document.createElement('style');
    style.textContent = CSS;
    document.head.appendChild(style);
    forgetOldOrders();
    Poster.interface.showApplicationIconAt({ order: 'inCust: Choose customer' });
    Poster.on('applicationIconClicked', onApplicationIconClicked);
    Poster.on('beforeOrderClose', onBeforeOrderClose);
    Poster.on('afterOrderClose', onAfterOrderClose);
    Poster.on('orderProductChange', onOrderProductChange);
    Poster.on('orderClientChange', onOrderClientChange);
    flushOutbox();
    setInterval(flushOutbox, OUTBOX_FIRST_WAIT_MS);
  }

  start();
}());
