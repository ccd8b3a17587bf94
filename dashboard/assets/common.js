// Shared helpers of the dashboard pages. Data is only ever inserted as
// text (textContent), never as HTML.
"use strict";

window.dash = (function () {
  function h(tag, attrs) {
    var el = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === undefined || v === null || v === false) return;
        if (k === "text") el.textContent = String(v);
        else if (k === "class") el.className = v;
        else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
        else el.setAttribute(k, v === true ? "" : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === undefined || c === null || c === false) continue;
      el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return el;
  }

  function fill(el, children) {
    while (el.firstChild) el.removeChild(el.firstChild);
    children.forEach(function (c) { if (c) el.appendChild(c); });
  }

  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) el.textContent = text === undefined || text === null ? "" : String(text);
  }

  function notice(text, bad) {
    var el = document.getElementById("notice");
    if (!el) return;
    el.textContent = text;
    el.className = "notice" + (bad ? " bad" : " good");
  }

  // control calls a /_emulator/ route with a JSON body and reports the outcome.
  function control(method, path, body, what) {
    var opts = { method: method, credentials: "same-origin", headers: {} };
    if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    return fetch("/_emulator/" + path, opts).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (data) {
        if (!resp.ok) {
          notice((what || path) + " failed (" + resp.status + "): " + (data.error || resp.statusText), true);
          return null;
        }
        notice((what || path) + ": done", false);
        return data;
      });
    }, function (err) {
      notice((what || path) + " failed: " + err, true);
      return null;
    });
  }

  // live opens the page's one event stream and calls onState with each state.
  function live(url, onState) {
    var conn = document.getElementById("conn");
    var es = new EventSource(url);
    es.addEventListener("state", function (ev) {
      conn.textContent = "live";
      conn.className = "conn live";
      onState(JSON.parse(ev.data));
    });
    es.addEventListener("failure", function () {
      conn.textContent = "the emulator could not read its state";
      conn.className = "conn down";
    });
    es.onerror = function () {
      conn.textContent = "reconnecting…";
      conn.className = "conn down";
    };
    return es;
  }

  function badge(text, kind) {
    return h("span", { class: "badge " + (kind || ""), text: text });
  }

  // shortTime shows an RFC 3339 instant as "YYYY-MM-DD HH:MM:SS UTC".
  function shortTime(t) {
    if (!t) return "";
    return t.replace("T", " ").replace("Z", " UTC");
  }

  function pairs(obj) {
    return Object.keys(obj || {}).sort().map(function (k) { return k + "=" + obj[k]; }).join(", ");
  }

  return { h: h, fill: fill, setText: setText, notice: notice, control: control, live: live, badge: badge,
    shortTime: shortTime, pairs: pairs };
})();
