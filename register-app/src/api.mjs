/*
 * The service, through Poster's signed proxy (Poster.makeRequest): one request resolves {ok, code, data, slug};
 * it never rejects. code 0 means offline or timed out, as Poster reports it.
 */

export var REQUEST_TIMEOUT_MS = 8000;

export function extras() {
  return (Poster.settings && Poster.settings.spotTabletExtras) || {};
}

export function serviceUrl() {
  return extras().incust_api_url || null;
}

/** Poster signs the URL but not its headers: the URL names this register, as its binding wrote in the extras. */
export function signedUrl(path) {
  var register = extras().incust_register;
  var url = serviceUrl() + path;
  return register ? url + (url.indexOf('?') < 0 ? '?' : '&') + 'register=' + encodeURIComponent(register) : url;
}

export function call(method, path, body, headers) {
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

/** Poster's callback reads {code} or, in its Russian sample, {status}; result is text or already parsed. */
export function interpret(answer) {
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
  return { ok: code >= 200 && code < 300, code: code, data: data || {}, slug: slugOf(data) };
}

export function slugOf(problem) {
  var type = problem && problem.type ? String(problem.type) : '';
  return type.substring(type.lastIndexOf('/') + 1);
}
