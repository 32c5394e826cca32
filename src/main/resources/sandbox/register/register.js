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

  /** The page's own words in the register's language (Poster.settings.lang: en, ua, ru, pl), amounts as it writes them. */
  const TEXTS = {
    en: {
      title: 'Sandbox register',
      subtitle: 'plays Poster\'s register around the real inCust app (register-app/bundle.js)',
      register: 'Register', setUp: 'Set up the demo', offline: 'Service unreachable', reload: 'Reload the app',
      login: 'Log in again', language: 'Language', menu: 'Menu',
      guests: 'Guests: +380501234567 (Olena, 150 points, a coupon), +380671112233 (Taras), or any new phone. '
        + 'Podil bar asks for a code, the other registers do not.',
      order: 'Order', guest: 'Guest:', noGuest: 'none', total: 'Total', pay: 'Pay', payment: 'Payment',
      paidByIncust: 'Paid by inCust', leftToPay: 'Left to pay', printed: 'Printed at the receipt\'s end:',
      closeReceipt: 'Close receipt', backToOrder: 'Back to the order', receipts: 'Receipts archive',
      sms: 'The guest\'s phone (SMS outbox)', latest: 'latest',
      asksForCode: 'asks for a code', noCode: 'no code',
      ready: 'Demo account "{account}" installed, registers bound', settingUp: 'Setting up the demo account…',
      reloaded: 'Poster reloaded the app: {reason}',
      noAnswer: 'it neither went on nor showed a window within 5 seconds', byHand: 'reloaded by hand',
      addFirst: 'Add a product first.', closed: 'Receipt {id} closed', onRegister: 'register {n}',
      deleted: 'deleted', returnItems: 'Return items…', returnItemsOf: 'Return items of receipt {id}',
      delete: 'Delete', deleteReceipt: 'Delete receipt {id}', left: '{n} left', returnIt: 'Return',
      returnOne: 'Return {name}', pickFirst: 'Pick what is returned first.', returned: 'Receipt {id}: fiscal return made',
      notThatMuch: 'That much is not left on the receipt.', add: 'Add {name}', addOne: 'Add one {name}',
      removeOne: 'Remove one {name}', orderMenu: 'Order menu',
    },
    ua: {
      title: 'Пісочниця: каса',
      subtitle: 'грає касу Poster навколо справжнього застосунку inCust (register-app/bundle.js)',
      register: 'Каса', setUp: 'Налаштувати демо', offline: 'Сервіс недоступний', reload: 'Перезавантажити застосунок',
      login: 'Увійти знову', language: 'Мова', menu: 'Меню',
      guests: 'Гості: +380501234567 (Олена, 150 балів, купон), +380671112233 (Тарас) або будь-який новий номер. '
        + 'Podil bar просить код, інші каси — ні.',
      order: 'Замовлення', guest: 'Гість:', noGuest: 'немає', total: 'Разом', pay: 'Оплатити', payment: 'Оплата',
      paidByIncust: 'Сплачено через inCust', leftToPay: 'Залишилось сплатити', printed: 'Надруковано в кінці чека:',
      closeReceipt: 'Закрити чек', backToOrder: 'Назад до замовлення', receipts: 'Архів чеків',
      sms: 'Телефон гостя (SMS)', latest: 'останній',
      asksForCode: 'просить код', noCode: 'без коду',
      ready: 'Демо-акаунт «{account}» встановлено, каси підключено', settingUp: 'Налаштовуємо демо-акаунт…',
      reloaded: 'Poster перезавантажив застосунок: {reason}',
      noAnswer: 'за 5 секунд він не продовжив і не показав вікна', byHand: 'перезавантажено вручну',
      addFirst: 'Спершу додайте товар.', closed: 'Чек {id} закрито', onRegister: 'каса {n}',
      deleted: 'видалено', returnItems: 'Повернути товари…', returnItemsOf: 'Повернути товари з чека {id}',
      delete: 'Видалити', deleteReceipt: 'Видалити чек {id}', left: 'залишилось {n}', returnIt: 'Повернути',
      returnOne: 'Повернути {name}', pickFirst: 'Спершу вкажіть, що повертають.', returned: 'Чек {id}: фіскальне повернення',
      notThatMuch: 'Стільки на чеку не залишилось.', add: 'Додати {name}', addOne: 'Додати ще {name}',
      removeOne: 'Прибрати один {name}', orderMenu: 'Меню замовлення',
    },
    ru: {
      title: 'Песочница: касса',
      subtitle: 'играет кассу Poster вокруг настоящего приложения inCust (register-app/bundle.js)',
      register: 'Касса', setUp: 'Настроить демо', offline: 'Сервис недоступен', reload: 'Перезагрузить приложение',
      login: 'Войти снова', language: 'Язык', menu: 'Меню',
      guests: 'Гости: +380501234567 (Олена, 150 баллов, купон), +380671112233 (Тарас) или любой новый номер. '
        + 'Podil bar просит код, другие кассы — нет.',
      order: 'Заказ', guest: 'Гость:', noGuest: 'нет', total: 'Итого', pay: 'Оплатить', payment: 'Оплата',
      paidByIncust: 'Оплачено через inCust', leftToPay: 'Осталось оплатить', printed: 'Напечатано в конце чека:',
      closeReceipt: 'Закрыть чек', backToOrder: 'Назад к заказу', receipts: 'Архив чеков',
      sms: 'Телефон гостя (SMS)', latest: 'последний',
      asksForCode: 'просит код', noCode: 'без кода',
      ready: 'Демо-аккаунт «{account}» установлен, кассы подключены', settingUp: 'Настраиваем демо-аккаунт…',
      reloaded: 'Poster перезагрузил приложение: {reason}',
      noAnswer: 'за 5 секунд оно не продолжило и не показало окна', byHand: 'перезагружено вручную',
      addFirst: 'Сначала добавьте товар.', closed: 'Чек {id} закрыт', onRegister: 'касса {n}',
      deleted: 'удалён', returnItems: 'Вернуть товары…', returnItemsOf: 'Вернуть товары из чека {id}',
      delete: 'Удалить', deleteReceipt: 'Удалить чек {id}', left: 'осталось {n}', returnIt: 'Вернуть',
      returnOne: 'Вернуть {name}', pickFirst: 'Сначала укажите, что возвращают.', returned: 'Чек {id}: фискальный возврат',
      notThatMuch: 'Столько на чеке не осталось.', add: 'Добавить {name}', addOne: 'Добавить ещё {name}',
      removeOne: 'Убрать один {name}', orderMenu: 'Меню заказа',
    },
    pl: {
      title: 'Piaskownica: kasa',
      subtitle: 'odgrywa kasę Poster wokół prawdziwej aplikacji inCust (register-app/bundle.js)',
      register: 'Kasa', setUp: 'Przygotuj demo', offline: 'Usługa niedostępna', reload: 'Przeładuj aplikację',
      login: 'Zaloguj ponownie', language: 'Język', menu: 'Menu',
      guests: 'Goście: +380501234567 (Olena, 150 punktów, kupon), +380671112233 (Taras) albo dowolny nowy numer. '
        + 'Podil bar prosi o kod, pozostałe kasy nie.',
      order: 'Zamówienie', guest: 'Gość:', noGuest: 'brak', total: 'Razem', pay: 'Zapłać', payment: 'Płatność',
      paidByIncust: 'Zapłacono przez inCust', leftToPay: 'Do zapłaty', printed: 'Wydrukowano na końcu paragonu:',
      closeReceipt: 'Zamknij paragon', backToOrder: 'Wróć do zamówienia', receipts: 'Archiwum paragonów',
      sms: 'Telefon gościa (SMS)', latest: 'najnowszy',
      asksForCode: 'prosi o kod', noCode: 'bez kodu',
      ready: 'Konto demo „{account}” zainstalowane, kasy podłączone', settingUp: 'Przygotowujemy konto demo…',
      reloaded: 'Poster przeładował aplikację: {reason}',
      noAnswer: 'w ciągu 5 sekund ani nie poszła dalej, ani nie pokazała okna', byHand: 'przeładowano ręcznie',
      addFirst: 'Najpierw dodaj produkt.', closed: 'Paragon {id} zamknięty', onRegister: 'kasa {n}',
      deleted: 'usunięty', returnItems: 'Zwróć produkty…', returnItemsOf: 'Zwróć produkty z paragonu {id}',
      delete: 'Usuń', deleteReceipt: 'Usuń paragon {id}', left: 'zostało {n}', returnIt: 'Zwróć',
      returnOne: 'Zwróć {name}', pickFirst: 'Najpierw wskaż, co jest zwracane.', returned: 'Paragon {id}: zwrot fiskalny',
      notThatMuch: 'Tyle nie zostało na paragonie.', add: 'Dodaj {name}', addOne: 'Dodaj jeszcze {name}',
      removeOne: 'Usuń jeden {name}', orderMenu: 'Menu zamówienia',
    },
  };
  const COMMA_LANGUAGES = ['ua', 'ru', 'pl'];

  function lang() {
    return TEXTS[byId('lang').value] ? byId('lang').value : 'en';
  }

  function t(key, values) {
    return (TEXTS[lang()][key] || TEXTS.en[key]).replace(/\{(\w+)\}/g, (all, name) =>
      (values && values[name] !== undefined ? String(values[name]) : all));
  }

  function money(value) {
    const text = Number(value || 0).toFixed(2);
    return COMMA_LANGUAGES.includes(lang()) ? text.replace('.', ',') : text;
  }

  /** The static words of the page, and the page's language as the sandbox's demo data follow it. */
  function translatePage() {
    document.documentElement.lang = lang() === 'ua' ? 'uk' : lang();
    document.title = t('title') + ' – Poster + inCust';
    document.querySelectorAll('[data-text]').forEach((node) => { node.textContent = t(node.dataset.text); });
    byId('order-menu-button').setAttribute('aria-label', t('orderMenu'));
    return fetch('/sandbox/register/api/language', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lang: lang() }) }).catch(() => {});
  }

  const page = {
    products: [],
    registers: [],
    tablet: '1',
    settings: null,
    offline: false,
    order: null,
    app: null,
    nextOrderId: Date.now(),
    clientNames: {},
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
      row.cells[2].textContent = money(line.price);
      const less = button('−', () => changeCount(line.id, -1));
      less.setAttribute('aria-label', t('removeOne', { name }));
      const more = button('+', () => changeCount(line.id, 1));
      more.setAttribute('aria-label', t('addOne', { name }));
      row.cells[3].append(less, ' ', more);
      table.appendChild(row);
    });
    byId('order-total').textContent = money(page.order.total);
    drawGuest();
  }

  /** The order's guest by name, as Poster's register shows it; the name is asked once per client. */
  function drawGuest() {
    const id = page.order.clientId;
    const shown = byId('order-client');
    if (!id) {
      shown.textContent = t('noGuest');
      return;
    }
    const known = page.clientNames[id];
    shown.textContent = known || '…';
    if (known === undefined) {
      page.clientNames[id] = null;
      fetch('/sandbox/register/api/clients/' + encodeURIComponent(id)).then((r) => r.json()).then((client) => {
        page.clientNames[id] = client ? [client.firstname, client.lastname].filter(Boolean).join(' ') || client.phone
          : '#' + id;
        if (page.order.clientId === id) {
          shown.textContent = page.clientNames[id];
        }
      }).catch(() => { delete page.clientNames[id]; });
    }
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
      notify(t('reloaded', { reason: t(reason) }));
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
          loadApp('noAnswer');
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
      notify(t('addFirst'));
      return;
    }
    fireBefore('beforeOrderClose', { order: copy(page.order) }, showPayment);
  }

  function showPayment() {
    closePopup();
    recount();
    const bonus = Math.min(page.order.payedBonus, page.order.total);
    byId('pay-total').textContent = money(page.order.total);
    byId('pay-incust').textContent = money(bonus);
    byId('pay-left').textContent = money(round(page.order.total - bonus));
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
      notify(t('closed', { id: receipt.id }));
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
        row.cells[0].textContent = '#' + receipt.id + ' · ' + t('onRegister', { n: receipt.tabletId });
        row.cells[1].textContent = money(receipt.sum);
        row.cells[2].textContent = 'inCust ' + money(receipt.payedBonus);
        if (receipt.status === 'deleted') {
          row.className = 'deleted';
          row.cells[3].textContent = t('deleted');
        } else {
          if (receipt.lines.some((line) => Number(line.left) > 0)) {
            const open = button(t('returnItems'), () => showReturn(receipt, row));
            open.setAttribute('aria-label', t('returnItemsOf', { id: receipt.id }));
            open.dataset.action = 'return-items';
            row.cells[3].appendChild(open);
          }
          const remove = button(t('delete'), () => {
            fetch('/sandbox/register/api/receipts/' + receipt.id + '/delete?tablet=' + page.tablet, { method: 'POST' })
              .then(drawReceipts);
          });
          remove.setAttribute('aria-label', t('deleteReceipt', { id: receipt.id }));
          remove.dataset.action = 'delete';
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
      label.textContent = line.name + ' (' + t('left', { n: Number(line.left) }) + ') ';
      const input = document.createElement('input');
      input.type = 'number';
      input.min = '0';
      input.max = String(line.left);
      input.value = '0';
      input.dataset.product = line.productId;
      input.setAttribute('aria-label', t('returnOne', { name: line.name }));
      input.dataset.name = line.name;
      label.appendChild(input);
      cell.appendChild(label);
      return input;
    });
    const confirm = button(t('returnIt'), () => {
      const counts = {};
      inputs.forEach((input) => {
        if (Number(input.value) > 0) {
          counts[input.dataset.product] = Number(input.value);
        }
      });
      if (!Object.keys(counts).length) {
        notify(t('pickFirst'));
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
        notify(t('returned', { id: receipt.id }));
        drawReceipts();
      }, () => notify(t('notThatMuch')));
    });
    confirm.dataset.action = 'return';
    cell.appendChild(confirm);
    row.after(form);
  }

  function drawSms() {
    fetch('/sandbox/register/api/sms').then((r) => r.json()).then((messages) => {
      const table = byId('sms');
      table.innerHTML = '';
      const seen = new Set();
      messages.forEach((message) => {
        const row = document.createElement('tr');
        row.innerHTML = '<td></td><td></td><td></td>';
        row.cells[0].textContent = new Date(message.sentAt).toLocaleTimeString(lang() === 'ua' ? 'uk' : lang());
        row.cells[1].textContent = message.recipient;
        row.cells[2].textContent = message.code;
        row.cells[2].setAttribute('data-code', message.code);
        row.cells[2].className = 'num';
        // newest first: a phone's first row is its code in force, the rows below it were replaced
        if (seen.has(message.recipient)) {
          row.className = 'older';
        } else {
          const latest = document.createElement('span');
          latest.className = 'latest';
          latest.textContent = t('latest');
          row.cells[1].append(' ', latest);
        }
        seen.add(message.recipient);
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
    page.setup = state;
    byId('setup-status').textContent = state.ready ? t('ready', { account: state.account }) : t('settingUp');
    byId('setup-status').dataset.ready = String(Boolean(state.ready));
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

  /** Everything the page writes in its language: drawn at start and again when the language changes. */
  function drawPage(state) {
    translatePage();
    const select = byId('tablet');
    select.innerHTML = '';
    state.registers.forEach((register) => {
      const option = document.createElement('option');
      option.value = register.tabletId;
      option.textContent = register.name + ' (' + t(register.terminal === 'demo-confirm' ? 'asksForCode' : 'noCode') + ')';
      select.appendChild(option);
    });
    select.value = page.tablet;
    const products = byId('products');
    products.innerHTML = '';
    state.products.forEach((product) => {
      const add = button(product.name + ' · ' + money(product.price), () => changeCount(product.id, 1));
      add.setAttribute('aria-label', t('add', { name: product.name }));
      add.dataset.product = product.name;
      products.appendChild(add);
    });
    drawSetup(page.setup || state);
    if (page.order) {
      drawOrder();
    }
    drawReceipts();
    drawSms();
  }

  window.sandboxRegister = { posterFor };

  fetch('/sandbox/register/api/state').then((r) => r.json()).then((state) => {
    page.products = state.products;
    page.registers = state.registers;
    const select = byId('tablet');
    select.onchange = () => useRegister(select.value);
    const lang = byId('lang');
    lang.value = new URLSearchParams(location.search).get('lang') || 'en';
    lang.onchange = () => {
      drawPage(state);
      useRegister(page.tablet);
    };
    drawPage(state);
    byId('pay').onclick = pay;
    byId('order-menu-button').onclick = () => { byId('order-menu').hidden = !byId('order-menu').hidden; };
    byId('close-receipt').onclick = closeReceipt;
    byId('back-to-order').onclick = showOrderScreen;
    byId('offline').onchange = (event) => { page.offline = event.target.checked; };
    byId('reload').onclick = () => loadApp('byHand');
    byId('login').onclick = () => fire('userLogin', {});
    byId('setup').onclick = () => {
      byId('setup-status').textContent = t('settingUp');
      fetch('/sandbox/register/api/setup', { method: 'POST' }).then(watchSetup);
    };
    setInterval(drawSms, 2000);
    return useRegister(page.tablet).then(() => (state.ready ? null : watchSetup()));
  });
}());
