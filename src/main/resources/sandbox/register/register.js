/*
 * The sandbox register: a Poster register played in the browser around the real inCust app. It implements the
 * documented subset of Poster's POS platform (docs/register-app.md, "What the app calls in Poster") and nothing more, so what works here is
 * what the app may use in Poster: settings, on() with next() and the 5-second rule, interface.*, orders.*,
 * clients.*, products.getFullName and makeRequest (signed and forwarded by this page's server side).
 */
(function () {
  'use strict';

  const FIVE_SECONDS = 5000;
  const byId = (id) => document.getElementById(id);

  const page = {
    products: [],
    registers: [],
    tablet: '1',
    settings: null,
    offline: false,
    order: null,
    app: null,
    nextOrderId: Date.now(),
  };

  // ---- the order -------------------------------------------------------------------------------------------------

  function newOrder() {
    page.order = { id: page.nextOrderId++, orderName: '', products: {}, clientId: 0, subtotal: 0, total: 0,
      payedBonus: 0, approvedBonus: 0, platformDiscount: 0, loyaltyAppId: 0, printText: '' };
    byId('print-text').textContent = '';
    showOrderScreen();
    drawOrder();
  }

  function lines() {
    return Object.keys(page.order.products).map((key) => page.order.products[key]);
  }

  function recount() {
    const total = lines().reduce((sum, line) => sum + line.count * line.price, 0);
    page.order.subtotal = round(total);
    page.order.total = round(total);
  }

  function round(value) {
    return Math.round(value * 100) / 100;
  }

  function nameOf(productId) {
    const product = page.products.find((p) => p.id === String(productId));
    return product ? product.name : 'Product ' + productId;
  }

  /** +/− at the register: Poster renumbers the lines of its products map and tells the apps. */
  function changeCount(productId, delta) {
    const current = lines();
    const line = current.find((l) => String(l.id) === String(productId));
    const product = page.products.find((p) => p.id === String(productId));
    let count;
    if (line) {
      line.count = Math.max(0, line.count + delta);
      count = line.count;
    } else if (delta > 0) {
      current.push({ id: Number(productId), count: delta, price: Number(product.price), modification: 0 });
      count = delta;
    }
    const kept = current.filter((l) => l.count > 0);
    page.order.products = {};
    kept.forEach((l, i) => { page.order.products[String(i)] = l; });
    recount();
    drawOrder();
    fire('orderProductChange', { order: copy(page.order), product: { id: Number(productId), modification: 0, count } });
  }

  function drawOrder() {
    byId('order-id').textContent = '#' + page.order.id;
    const table = byId('order-lines');
    table.innerHTML = '';
    lines().forEach((line) => {
      const name = nameOf(line.id);
      const row = document.createElement('tr');
      row.innerHTML = '<td></td><td class="num"></td><td class="num"></td><td></td>';
      row.cells[0].textContent = name;
      row.cells[1].textContent = line.count + ' ×';
      row.cells[2].textContent = Number(line.price).toFixed(2);
      const less = button('−', () => changeCount(line.id, -1));
      less.setAttribute('aria-label', 'Remove one ' + name);
      const more = button('+', () => changeCount(line.id, 1));
      more.setAttribute('aria-label', 'Add one ' + name);
      row.cells[3].append(less, ' ', more);
      table.appendChild(row);
    });
    byId('order-total').textContent = page.order.total.toFixed(2);
    byId('order-client').textContent = page.order.clientId ? 'client #' + page.order.clientId : 'none';
  }

  function button(text, onclick, kind) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.onclick = onclick;
    if (kind) {
      b.className = kind;
    }
    return b;
  }

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  // ---- the app frame, its events and the 5-second rule -----------------------------------------------------------

  function loadApp(reason) {
    if (reason) {
      notify('Poster reloaded the app: ' + reason);
    }
    page.app = { handlers: {}, icons: {}, waiting: null };
    closePopup();
    byId('app-frame').src = '/sandbox/register/app.html?load=' + Date.now();
  }

  function on(name, handler) {
    (page.app.handlers[name] = page.app.handlers[name] || []).push(handler);
  }

  function fire(name, data) {
    (page.app.handlers[name] || []).forEach((handler) => {
      try {
        handler(copy(data));
      } catch (error) {
        console.error(error);
      }
    });
  }

  /**
   * A before* event: each handler gets (data, next). Within five seconds it must call next() or open a popup; one
   * that does neither gets the app reloaded, and the register goes on without it.
   */
  function fireBefore(name, data, proceed) {
    const handlers = (page.app.handlers[name] || []).slice();
    const step = (index) => {
      if (index >= handlers.length) {
        proceed();
        return;
      }
      let answered = false;
      const app = page.app;
      const timer = setTimeout(() => {
        if (!answered) {
          loadApp('it neither went on nor showed a window within 5 seconds');
          proceed();
        }
      }, FIVE_SECONDS);
      app.waiting = () => {
        answered = true;
        clearTimeout(timer);
      };
      try {
        handlers[index](copy(data), () => {
          answered = true;
          clearTimeout(timer);
          app.waiting = null;
          if (page.app === app) {
            step(index + 1);
          }
        });
      } catch (error) {
        console.error(error);
        answered = true;
        clearTimeout(timer);
        step(index + 1);
      }
    };
    step(0);
  }

  function openPopup(options) {
    if (page.app.waiting) {
      page.app.waiting();
    }
    const frame = byId('app-frame');
    frame.width = (options && options.width) || 560;
    frame.height = (options && options.height) || 520;
    byId('popup-title').textContent = (options && options.title) || '';
    byId('popup').hidden = false;
  }

  function closePopup() {
    const wasOpen = !byId('popup').hidden;
    byId('popup').hidden = true;
    if (wasOpen && page.app) {
      fire('afterPopupClosed', {});
    }
  }

  function notify(message) {
    const note = document.createElement('div');
    note.textContent = message;
    byId('notifications').appendChild(note);
    setTimeout(() => note.remove(), 6000);
  }

  /** The global Poster object of one loaded app; a reload makes a new one, dropping the old app's handlers. */
  function posterFor(appWindow) {
    const app = page.app;
    const promise = (value) => new appWindow.Promise((resolve) => resolve(value));
    const api = (path, options) => fetch('/sandbox/register/api/' + path, options).then((r) => r.json());
    return {
      settings: copy(page.settings),
      environment: { android: false, iOS: false, windows: false, desktop: true },
      on: (name, handler) => {
        if (page.app === app) {
          on(name, handler);
        }
      },
      interface: {
        showApplicationIconAt: (places) => {
          Object.assign(app.icons, places);
          drawMenu();
        },
        popup: (options) => openPopup(options),
        closePopup: () => closePopup(),
        showNotification: (options) => notify((options && options.message) || ''),
        scanBarcode: () => promise({ barcode: '' }),
      },
      orders: {
        getActive: () => promise({ order: copy(page.order) }),
        setOrderClient: (orderId, clientId) => {
          if (String(orderId) !== String(page.order.id)) {
            return promise({ success: false });
          }
          const changed = Number(page.order.clientId) !== Number(clientId);
          page.order.clientId = Number(clientId);
          drawOrder();
          if (changed) {
            fire('orderClientChange', { orderId: page.order.id, clientId: Number(clientId) });
          }
          return promise({ success: true });
        },
        setOrderBonus: (orderId, sum) => {
          if (String(orderId) === String(page.order.id)) {
            page.order.payedBonus = round(Number(sum) || 0);
            page.order.loyaltyAppId = Number(page.settings.applicationId) || 1;
          }
          return promise({ success: true });
        },
        setExtras: () => promise({ success: true }),
        setPrintText: (orderId, text) => {
          if (String(orderId) === String(page.order.id)) {
            page.order.printText = String(text || '');
            byId('print-text').textContent = page.order.printText;
          }
          return promise({ success: true });
        },
      },
      clients: {
        find: (query) => api('clients?search=' + encodeURIComponent((query && query.searchVal) || '')),
        create: (request) => api('clients', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(request || {}) }),
        get: (id) => api('clients/' + encodeURIComponent(id)),
      },
      products: {
        getFullName: (list) => promise((list || []).map((item) => nameOf(item.id))),
      },
      makeRequest: (url, options, callback) => makeRequest(url, options || {}, callback),
    };
  }

  /** Poster's proxy: signs on the server side; offline or past the timeout the app gets code 0. */
  function makeRequest(url, options, callback) {
    const answer = (value) => setTimeout(() => callback(value), 0);
    if (page.offline) {
      setTimeout(() => callback({ result: false, code: 0 }), 300);
      return;
    }
    const control = new AbortController();
    const timer = options.timeout ? setTimeout(() => control.abort(), options.timeout) : null;
    fetch('/sandbox/register/api/request', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      signal: control.signal,
      body: JSON.stringify({ url, method: options.method || 'get', headers: options.headers || [],
        data: options.data === undefined ? null : options.data, tablet: page.tablet, timeout: options.timeout }),
    }).then((r) => r.json()).then((result) => {
      clearTimeout(timer);
      answer(result.code === undefined ? { result: false, code: 0 } : result);
    }).catch(() => {
      clearTimeout(timer);
      answer({ result: false, code: 0 });
    });
  }

  function drawMenu() {
    const menu = byId('order-menu');
    menu.innerHTML = '';
    if (page.app.icons.order) {
      const item = button(page.app.icons.order, () => {
        menu.hidden = true;
        fire('applicationIconClicked', { place: 'order', order: copy(page.order) });
      });
      item.setAttribute('role', 'menuitem');
      menu.appendChild(item);
    }
  }

  // ---- Pay, payment, receipts ----------------------------------------------------------------------------------------

  function pay() {
    if (!lines().length) {
      notify('Add a product first.');
      return;
    }
    fireBefore('beforeOrderClose', { order: copy(page.order) }, showPayment);
  }

  function showPayment() {
    closePopup();
    recount();
    const bonus = Math.min(page.order.payedBonus, page.order.total);
    byId('pay-total').textContent = page.order.total.toFixed(2);
    byId('pay-incust').textContent = bonus.toFixed(2);
    byId('pay-left').textContent = round(page.order.total - bonus).toFixed(2);
    byId('order-screen').hidden = true;
    byId('payment').hidden = false;
  }

  function showOrderScreen() {
    byId('order-screen').hidden = false;
    byId('payment').hidden = true;
  }

  function closeReceipt() {
    const closing = copy(page.order);
    fetch('/sandbox/register/api/receipts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tablet: page.tablet, clientId: closing.clientId ? String(closing.clientId) : null,
        payedBonus: closing.payedBonus,
        lines: lines().map((l) => ({ productId: String(l.id), name: nameOf(l.id), count: l.count, price: l.price })) }),
    }).then((r) => r.json()).then((receipt) => {
      closing.orderName = receipt.id;
      fire('afterOrderClose', { order: closing });
      notify('Receipt ' + receipt.id + ' closed');
      newOrder();
      drawReceipts();
    });
  }

  function drawReceipts() {
    fetch('/sandbox/register/api/receipts').then((r) => r.json()).then((receipts) => {
      const table = byId('receipts');
      table.innerHTML = '';
      receipts.forEach((receipt) => {
        const row = document.createElement('tr');
        row.innerHTML = '<td></td><td class="num"></td><td class="num"></td><td></td>';
        row.cells[0].textContent = '#' + receipt.id + ' · register ' + receipt.tabletId;
        row.cells[1].textContent = Number(receipt.sum).toFixed(2);
        row.cells[2].textContent = 'inCust ' + Number(receipt.payedBonus).toFixed(2);
        if (receipt.status === 'deleted') {
          row.className = 'deleted';
          row.cells[3].textContent = 'deleted';
        } else {
          if (receipt.lines.some((line) => Number(line.left) > 0)) {
            const open = button('Return items…', () => showReturn(receipt, row));
            open.setAttribute('aria-label', 'Return items of receipt ' + receipt.id);
            row.cells[3].appendChild(open);
          }
          const remove = button('Delete', () => {
            fetch('/sandbox/register/api/receipts/' + receipt.id + '/delete?tablet=' + page.tablet, { method: 'POST' })
              .then(drawReceipts);
          });
          remove.setAttribute('aria-label', 'Delete receipt ' + receipt.id);
          row.cells[3].appendChild(remove);
        }
        table.appendChild(row);
      });
    });
  }

  /** A fiscal return from the archive, as Poster's register makes it: pick the counts, then the app hears returnFiscal. */
  function showReturn(receipt, row) {
    const form = document.createElement('tr');
    form.className = 'return-form';
    const cell = document.createElement('td');
    cell.colSpan = 4;
    form.appendChild(cell);
    const inputs = receipt.lines.filter((line) => Number(line.left) > 0).map((line) => {
      const label = document.createElement('label');
      label.textContent = line.name + ' (' + Number(line.left) + ' left) ';
      const input = document.createElement('input');
      input.type = 'number';
      input.min = '0';
      input.max = String(line.left);
      input.value = '0';
      input.dataset.product = line.productId;
      input.setAttribute('aria-label', 'Return ' + line.name);
      label.appendChild(input);
      cell.appendChild(label);
      return input;
    });
    cell.appendChild(button('Return', () => {
      const counts = {};
      inputs.forEach((input) => {
        if (Number(input.value) > 0) {
          counts[input.dataset.product] = Number(input.value);
        }
      });
      if (!Object.keys(counts).length) {
        notify('Pick what is returned first.');
        return;
      }
      fetch('/sandbox/register/api/receipts/' + receipt.id + '/return', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ tablet: page.tablet, counts: counts }),
      }).then((r) => (r.ok ? r.json() : Promise.reject(r))).then(() => {
        fire('returnFiscal', {
          order: { id: Number(receipt.id), orderName: receipt.id, clientId: Number(receipt.clientId || 0) },
          userId: 1,
          products: Object.keys(counts).map((id) => ({ product_id: Number(id), modification_id: 0, promotion_id: 0,
            count: counts[id] })),
        });
        notify('Receipt ' + receipt.id + ': fiscal return made');
        drawReceipts();
      }, () => notify('That much is not left on the receipt.'));
    }));
    row.after(form);
  }

  function drawSms() {
    fetch('/sandbox/register/api/sms').then((r) => r.json()).then((messages) => {
      const table = byId('sms');
      table.innerHTML = '';
      messages.forEach((message) => {
        const row = document.createElement('tr');
        row.innerHTML = '<td></td><td class="num"></td>';
        row.cells[0].textContent = message.recipient;
        row.cells[1].textContent = message.code;
        row.cells[1].setAttribute('data-code', message.code);
        table.appendChild(row);
      });
    }).catch(() => {});
  }

  // ---- start -----------------------------------------------------------------------------------------------------------

  function useRegister(tablet) {
    page.tablet = tablet;
    return fetch('/sandbox/register/api/settings?tablet=' + tablet).then((r) => r.json()).then((settings) => {
      page.settings = settings;
      page.settings.lang = byId('lang').value;
      loadApp();
      newOrder();
    });
  }

  function drawSetup(state) {
    byId('setup-status').textContent = state.ready
      ? 'Demo account "' + state.account + '" installed, registers bound'
      : 'Setting up the demo account…';
    byId('setup').hidden = state.ready;
  }

  function watchSetup() {
    return fetch('/sandbox/register/api/state').then((r) => r.json()).then((state) => {
      drawSetup(state);
      if (!state.ready) {
        setTimeout(watchSetup, 1000);
      } else if (!page.settings || !page.settings.spotTabletExtras || !page.settings.spotTabletExtras.incust_api_url) {
        useRegister(page.tablet);
      }
      return state;
    });
  }

  window.sandboxRegister = { posterFor };

  fetch('/sandbox/register/api/state').then((r) => r.json()).then((state) => {
    page.products = state.products;
    page.registers = state.registers;
    const select = byId('tablet');
    state.registers.forEach((register) => {
      const option = document.createElement('option');
      option.value = register.tabletId;
      option.textContent = register.name + ' (' + (register.terminal === 'demo-confirm' ? 'asks for a code' : 'no code') + ')';
      select.appendChild(option);
    });
    select.onchange = () => useRegister(select.value);
    const products = byId('products');
    state.products.forEach((product) => {
      const add = button(product.name + ' · ' + Number(product.price).toFixed(2), () => changeCount(product.id, 1));
      add.setAttribute('aria-label', 'Add ' + product.name);
      products.appendChild(add);
    });
    byId('pay').onclick = pay;
    byId('order-menu-button').onclick = () => { byId('order-menu').hidden = !byId('order-menu').hidden; };
    byId('close-receipt').onclick = closeReceipt;
    byId('back-to-order').onclick = showOrderScreen;
    byId('offline').onchange = (event) => { page.offline = event.target.checked; };
    byId('reload').onclick = () => loadApp('reloaded by hand');
    byId('login').onclick = () => fire('userLogin', {});
    const lang = byId('lang');
    lang.value = new URLSearchParams(location.search).get('lang') || 'en';
    lang.onchange = () => useRegister(page.tablet);
    byId('setup').onclick = () => {
      byId('setup-status').textContent = 'Setting up the demo account…';
      fetch('/sandbox/register/api/setup', { method: 'POST' }).then(watchSetup);
    };
    drawSetup(state);
    drawReceipts();
    drawSms();
    setInterval(drawSms, 2000);
    return useRegister(page.tablet).then(() => (state.ready ? null : watchSetup()));
  });
}());
