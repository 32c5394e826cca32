/*
 * Drawing the app's windows in Poster's popup: every window is a form whose main button is its submit, so Enter
 * (and a scanner, which types and presses Enter) does what the main button does. The popup is sized to the window
 * and to the screen: from a 320 px phone to a tablet nothing is cut.
 */

export var POPUP_WIDTH = 560;

export var CSS = [
  '#app-container{font:15px/1.4 -apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d2b36;padding:14px;box-sizing:border-box;max-width:100%;overflow-wrap:anywhere}',
  '.ic,.ic *{box-sizing:border-box;max-width:100%}',
  '.ic h2{font-size:18px;margin:0 0 12px}',
  '.ic label{display:block;margin:10px 0 4px;font-weight:600}',
  '.ic input,.ic select{width:100%;padding:9px 10px;font-size:16px;border:1px solid #b8c4ce;border-radius:6px}',
  '.ic input[aria-invalid=true]{border-color:#b3261e;background:#fff6f5}',
  '.ic .row{display:flex;gap:8px;align-items:center}',
  '.ic .row input{flex:1;min-width:0}',
  '.ic .actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:16px}',
  '.ic button{padding:10px 16px;font-size:15px;border-radius:6px;border:1px solid #9aa9b5;background:#fff;cursor:pointer}',
  '.ic button.primary{background:#1f8a4c;border-color:#1f8a4c;color:#fff}',
  '.ic button.quiet{border-color:transparent;color:#52606d;text-decoration:underline}',
  '.ic button:disabled{opacity:.5;cursor:default}',
  '.ic .error{color:#b3261e;margin:10px 0 0}',
  '.ic .field-error{color:#b3261e;margin:4px 0 0;font-size:14px}',
  '.ic .note{color:#52606d;margin:10px 0 0}',
  '.ic .figure{font-size:22px;font-weight:700}',
  '.ic table{width:100%;border-collapse:collapse;margin-top:6px}',
  '.ic td{padding:4px 0;border-bottom:1px solid #e4e9ee}',
  '.ic td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;padding-left:8px}',
  '.ic .coupon{display:flex;gap:8px;align-items:center;margin:4px 0;font-weight:400}',
  '.ic .coupon input{width:auto}',
  '.ic .busy{color:#52606d;margin:16px 0}',
  '.ic .calculating,.ic .field-error{min-height:1.4em}'
].join('\n');

var ticking = null;

export function el(tag, attributes) {
  var node = document.createElement(tag);
  var children = Array.prototype.slice.call(arguments, 2);
  Object.keys(attributes || {}).forEach(function (name) {
    var value = attributes[name];
    if (name.indexOf('on') === 0) {
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

export function button(label, onclick, kind) {
  return el('button', { type: 'button', 'class': kind || '', onclick: onclick }, label);
}

/** The window's main action: its form's submit, so Enter does it too. */
export function submit(label) {
  return el('button', { type: 'submit', 'class': 'primary' }, label);
}

/** A field with its label and the place for what is wrong with it. */
export function field(id, label, input) {
  input.id = id;
  input.setAttribute('aria-describedby', id + '-error');
  return [el('label', { 'for': id }, label), input, el('p', { 'class': 'field-error', id: id + '-error' })];
}

/** Marks a field wrong, with the reason beside it; an empty reason clears it. */
export function markField(input, reason) {
  if (!input) {
    return;
  }
  var message = document.getElementById(input.id + '-error');
  if (reason) {
    input.setAttribute('aria-invalid', 'true');
  } else {
    input.removeAttribute('aria-invalid');
  }
  if (message) {
    message.textContent = reason || '';
  }
}

export function stopTicking() {
  if (ticking) {
    clearInterval(ticking);
    ticking = null;
  }
}

export function tickEverySecond(tick) {
  tick();
  ticking = setInterval(tick, 1000);
}

/**
 * Shows a window: its children inside a form whose submit runs onSubmit. The first field takes the focus, and the
 * popup is sized to what is shown.
 */
export function show(onSubmit) {
  stopTicking();
  var container = document.getElementById('app-container');
  while (container.firstChild) {
    container.removeChild(container.firstChild);
  }
  var form = el('form', { 'class': 'ic', novalidate: true, onsubmit: function (event) {
    event.preventDefault();
    if (onSubmit) {
      onSubmit();
    }
  } });
  Array.prototype.slice.call(arguments, 1).forEach(function (child) {
    (Array.isArray(child) ? child : [child]).forEach(function (part) {
      if (part) {
        form.appendChild(part);
      }
    });
  });
  container.appendChild(form);
  var first = form.querySelector('input:not([type=checkbox]),select');
  if (first) {
    first.focus();
  }
  fitPopup();
  return form;
}

/** The screen the register shows: the register page's own width where the app may read it, else the device's. */
function screenWidth() {
  try {
    if (window.parent && window.parent !== window && window.parent.innerWidth) {
      return window.parent.innerWidth;
    }
  } catch (otherOrigin) { /* the device's width below */ }
  return (window.screen && window.screen.availWidth) || POPUP_WIDTH;
}

function screenHeight() {
  try {
    if (window.parent && window.parent !== window && window.parent.innerHeight) {
      return window.parent.innerHeight;
    }
  } catch (otherOrigin) { /* the device's height below */ }
  return (window.screen && window.screen.availHeight) || 600;
}

var popupTitle = 'inCust';
var popupOpen = false;
var popupShown = '';

export function openPopup(title) {
  popupTitle = title || 'inCust';
  popupOpen = true;
  var size = popupSize(360);
  popupShown = size.width + 'x' + size.height;
  Poster.interface.popup(size);
}

/** Asks Poster for a popup as tall as the window drawn (within the screen) and as wide as the screen allows. */
export function fitPopup() {
  if (!popupOpen) {
    return;
  }
  var container = document.getElementById('app-container');
  var size = popupSize(container ? container.scrollHeight + 8 : 360);
  // asked again only when the window needs another size: a popup that moves under the cashier's finger mis-taps
  if (size.width + 'x' + size.height !== popupShown) {
    popupShown = size.width + 'x' + size.height;
    Poster.interface.popup(size);
  }
}

function popupSize(contentHeight) {
  var width = Math.max(280, Math.min(POPUP_WIDTH, screenWidth() - 24));
  var height = Math.max(200, Math.min(contentHeight, screenHeight() - 90));
  return { width: width, height: height, title: popupTitle };
}

export function closePopup() {
  stopTicking();
  popupOpen = false;
  Poster.interface.closePopup();
}
