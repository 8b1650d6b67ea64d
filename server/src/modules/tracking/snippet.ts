/**
 * The script a shop puts on its own site (`<script src="…/k.js?p=PAGECODE" async>`). It keeps the
 * click id (`kclid`) and referral code (`ref`) of the landing URL in first-party cookies for the
 * program's cookie window, and reports leads, sign-ups and sales to Kênh. Plain ES5, no
 * dependencies: it runs on any shop's site as it is.
 */
export function renderSnippet(options: { endpoint: string; cookieDays: number }): string {
  const maxAge = Math.round(options.cookieDays) * 86_400;
  return `/* Kênh tracking snippet */
(function (w, d) {
  'use strict';
  var ENDPOINT = ${JSON.stringify(options.endpoint)};
  var MAX_AGE = ${maxAge};
  function read(name) {
    var m = d.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return m ? decodeURIComponent(m[1]) : null;
  }
  function keep(name, value) {
    d.cookie = name + '=' + encodeURIComponent(value) + '; Max-Age=' + MAX_AGE + '; Path=/; SameSite=Lax' +
      (w.location.protocol === 'https:' ? '; Secure' : '');
  }
  function param(name) {
    var m = w.location.search.match(new RegExp('[?&]' + name + '=([^&#]*)'));
    try { return m ? decodeURIComponent(m[1].replace(/\\+/g, ' ')) : null; } catch (e) { return null; }
  }
  var kclid = param('kclid');
  if (kclid && /^clk_[0-9a-z]{26}$/.test(kclid)) keep('kenh_kclid', kclid);
  var ref = param('ref');
  if (ref && /^[A-Za-z0-9_-]{1,40}$/.test(ref)) keep('kenh_ref', ref);
  function track(kind, data) {
    var body = { kind: kind, clickId: read('kenh_kclid'), ref: read('kenh_ref') };
    data = data || {};
    for (var key in data) if (Object.prototype.hasOwnProperty.call(data, key)) body[key] = data[key];
    // text/plain keeps this a simple cross-origin request (no preflight); the body is JSON
    return fetch(ENDPOINT, {
      method: 'POST', body: JSON.stringify(body), credentials: 'omit', keepalive: true,
      headers: { 'content-type': 'text/plain;charset=UTF-8' }
    }).then(function (r) {
      return r.json().then(function (j) { if (!r.ok) throw new Error((j.error && j.error.message) || r.status); return j; });
    });
  }
  w.kenh = {
    clickId: function () { return read('kenh_kclid'); },
    ref: function () { return read('kenh_ref'); },
    track: track
  };
})(window, document);
`;
}
