// The cluster page: renders each pushed state and wires the lab controls.
"use strict";

(function () {
  var d = window.dash, h = d.h;

  function keyText(k) {
    if (!k) return "—";
    return k.keyID + " (" + k.type + ")";
  }
  function providerText(k) {
    if (!k) return "—";
    if (k.type !== "external") return "internal key management";
    return "provider " + k.keyProviderID + (k.keyProviderName ? " “" + k.keyProviderName + "”" : "");
  }

  function renderEAR(s) {
    d.setText("sear-state", s.sear.enabled ? "enabled (version " + s.sear.version + ")" : "disabled");
    d.setText("sear-key", keyText(s.sear.masterKey));
    d.setText("sear-provider", providerText(s.sear.masterKey));
    d.setText("ear-state", s.ear.state + (s.ear.generation ? " (enablements: " + s.ear.generation + ")" : ""));
    d.setText("ear-key", s.ear.key ? keyText(s.ear.key) + ", " + providerText(s.ear.key) : "—");
  }

  function renderHealth(s) {
    var hl = s.health;
    var ok = document.getElementById("health-ok");
    d.fill(ok, [hl.ok ? d.badge("healthy", "good") : d.badge("attention", "bad")]);
    d.setText("health-faults", hl.faults + (hl.faultCodes.length ? " (" + hl.faultCodes.join(", ") + ")" : ""));
    d.setText("health-jobs", hl.runningJobs + " / " + hl.stuckJobs);
    d.setText("health-drives", hl.lockedDrives + " / " + hl.failedDrives);
  }

  function rows(tableID, list, row, empty, cols) {
    var tb = document.querySelector("#" + tableID + " tbody");
    var out = list.map(row);
    if (!out.length) out = [h("tr", { class: "empty" }, h("td", { colspan: cols, text: empty }))];
    d.fill(tb, out);
  }

  function renderKeyServers(s) {
    rows("providers", s.keyProviders, function (p) {
      return h("tr", { "data-provider": p.id }, h("td", { text: p.id }), h("td", { text: p.name }),
        h("td", null, p.active ? d.badge("active", "good") : d.badge("inactive")),
        h("td", { text: p.keyServerIDs.join(", ") || "—" }));
    }, "no key providers", 4);
    rows("keyservers", s.keyServers, function (k) {
      var c = k.lastContact;
      return h("tr", { "data-server": k.id }, h("td", { text: k.id }), h("td", { text: k.name }), h("td", { text: k.address }),
        h("td", { text: k.keyProviderID || "—" }),
        h("td", { text: c ? c.operation + " at " + d.shortTime(c.at) : "not contacted yet" }),
        h("td", { class: "contact-result" }, c ? (c.ok ? d.badge("ok", "good") : d.badge("failed", "bad")) : "", c && c.error ? " " + c.error : ""));
    }, "no key servers", 6);
  }

  function driveAction(id, action) {
    d.control("POST", "drives/" + id + "/" + action, {}, "drive " + id + " " + action);
  }

  function renderNodes(s) {
    var box = document.getElementById("nodes");
    var out = s.nodes.map(function (n) {
      var tb = h("tbody");
      n.drives.forEach(function (dr) {
        var sec = !dr.securityEnabled ? "no password" : (dr.locked ? "locked" : "unlocked");
        var statusKind = dr.status === "active" ? "good" : (dr.status === "failed" ? "bad" : "");
        tb.appendChild(h("tr", { "data-drive": dr.id },
          h("td", { text: dr.id }), h("td", { text: dr.slot }), h("td", { text: dr.type }),
          h("td", null, d.badge(dr.status, statusKind), dr.failureDetail ? " " + dr.failureDetail : ""),
          h("td", { text: dr.capability }),
          h("td", { class: "sed" }, d.badge(sec, dr.locked ? "bad" : (dr.securityEnabled ? "good" : ""))),
          h("td", { text: dr.keyID ? dr.keyID + (dr.keyProviderID ? " (provider " + dr.keyProviderID + ")" : " (internal)") : "—" }),
          h("td", { class: "acts" },
            h("button", { type: "button", class: "small", title: "POST /_emulator/drives/" + dr.id + "/fail", onclick: function () { driveAction(dr.id, "fail"); }, text: "fail" }),
            h("button", { type: "button", class: "small", title: "POST /_emulator/drives/" + dr.id + "/pull", onclick: function () { driveAction(dr.id, "pull"); }, text: "pull" }))));
      });
      return h("div", { class: "node", "data-node": n.id },
        h("h3", { text: n.name + " (node " + n.id + ", " + n.type + ", MIP " + n.mip + ")" }),
        h("table", { class: "drives" },
          h("thead", null, h("tr", null, h("th", { text: "Drive" }), h("th", { text: "Slot" }), h("th", { text: "Type" }), h("th", { text: "Status" }),
            h("th", { text: "Capability" }), h("th", { text: "SED security" }), h("th", { text: "Key" }), h("th", { text: "Drive faults" }))),
          tb));
    });
    if (!out.length) out = [h("p", { text: s.bootstrap ? "No cluster yet: the nodes wait for CreateCluster." : "No active nodes." })];
    d.fill(box, out);
  }

  function renderJobs(s) {
    rows("jobs", s.jobs, function (j) {
      var due = j.due ? d.shortTime(j.due) + (j.dueInSeconds > 0 ? " (in " + j.dueInSeconds + " s)" : " (due)") : "—";
      var result = j.status === "complete" ? (j.error ? d.badge(j.error, "bad") : d.badge("success", "good")) : (j.stuck ? d.badge("stuck", "bad") : "");
      return h("tr", { "data-handle": j.handle, "data-status": j.status },
        h("td", { text: j.handle }), h("td", { text: j.resultType }), h("td", { class: "job-status", text: j.status }),
        h("td", { class: "job-phase" }, h("span", { class: "step", text: (j.step || "phase " + (j.phase + 1)) }), " ",
          h("progress", { max: 100, value: j.progress, title: j.progress + "%" })),
        h("td", { text: due }), h("td", { text: d.shortTime(j.updated) }), h("td", null, result));
    }, "no async jobs", 7);
  }

  function renderFaults(s) {
    rows("faults", s.faults, function (f) {
      return h("tr", { "data-fault": f.id, "data-code": f.code, class: f.resolved ? "resolved" : "current" },
        h("td", { text: f.id }), h("td", { text: f.code }), h("td", null, d.badge(f.severity, f.resolved ? "" : (f.severity === "warning" ? "warn" : "bad"))),
        h("td", { text: f.type }), h("td", { text: f.details }), h("td", { text: d.shortTime(f.date) }),
        h("td", { text: f.resolved ? d.shortTime(f.resolvedDate) : "current" }));
    }, "no cluster faults", 7);
  }

  function renderRules(s) {
    rows("rules", s.rules, function (r) {
      var del = r.gone ? h("span", { class: "muted", text: "used up" }) :
        h("button", { type: "button", class: "small", "data-delete-rule": r.id, text: "delete",
          onclick: function () { d.control("DELETE", "faults/" + r.id, undefined, "delete rule " + r.id); } });
      return h("tr", { "data-rule": r.id, class: r.gone ? "resolved" : "" },
        h("td", { text: r.id }), h("td", { text: r.target }), h("td", { text: d.pairs(r.match) }), h("td", { text: r.effect }),
        h("td", { text: d.pairs(r.params) }), h("td", { text: r.gone ? 0 : (r.times || "∞") }),
        h("td", { class: "fired", text: r.fired ? r.fired + "× (last " + d.shortTime(r.lastFired) + ")" : "never" }), h("td", null, del));
    }, "no fault rules", 8);
  }

  function renderEvents(s) {
    var ol = document.getElementById("events");
    var out = s.events.map(function (e) {
      return h("li", { "data-event": e.id }, h("time", { text: d.shortTime(e.time) }), " ", d.badge(e.type), " ", e.message);
    });
    if (!out.length) out = [h("li", { class: "muted", text: "no events" })];
    d.fill(ol, out);
  }

  function renderSnapshots(s) {
    var box = document.getElementById("snapshot-list");
    var out = s.snapshots.map(function (name) {
      return h("button", { type: "button", class: "small", "data-restore": name, title: "POST /_emulator/restore", text: "restore " + name,
        onclick: function () { d.control("POST", "restore", { name: name }, "restore " + name); } });
    });
    d.fill(box, out);
  }

  function renderSections(s) {
    var box = document.getElementById("extra-sections");
    d.fill(box, s.sections.map(function (sec) {
      var parts = [h("h2", { text: sec.title })];
      if (sec.error) parts.push(h("p", { class: "bad", text: sec.error }));
      sec.tables.forEach(function (t) {
        if (t.caption) parts.push(h("h3", { text: t.caption }));
        if (!t.rows.length) { parts.push(h("p", { class: "muted", text: t.empty || "nothing" })); return; }
        var head = h("tr");
        t.columns.forEach(function (c) { head.appendChild(h("th", { text: c })); });
        var body = h("tbody");
        t.rows.forEach(function (r) {
          var tr = h("tr");
          r.forEach(function (c) { tr.appendChild(h("td", { text: c })); });
          body.appendChild(tr);
        });
        parts.push(h("table", null, h("thead", null, head), body));
      });
      var el = h("section", { id: "section-" + sec.id, class: "panel wide" });
      parts.forEach(function (p) { el.appendChild(p); });
      return el;
    }));
  }

  // With the real clock the cluster time runs between pushes: the page
  // moves its display on by the time elapsed since the last state (no
  // request is made). The virtual clock stands still until advanced.
  var clockBase = null, clockAt = 0;
  window.setInterval(function () {
    if (clockBase === null) return;
    var t = new Date(clockBase.getTime() + (Date.now() - clockAt));
    d.setText("clock", d.shortTime(t.toISOString().replace(/\.\d+Z$/, "Z")));
  }, 1000);

  function render(s) {
    var c = s.cluster;
    d.setText("cluster-name", c.name || "Element emulator");
    d.setText("cluster-ids", c.uniqueID ? c.uniqueID + " · MVIP " + c.mvip + " · SVIP " + c.svip : (s.bootstrap ? "bootstrap mode" : ""));
    d.setText("clock", d.shortTime(c.clock));
    clockBase = c.clockMode === "real" ? new Date(c.clock) : null;
    clockAt = Date.now();
    d.setText("clock-mode", c.clockMode + " clock");
    document.getElementById("lab-link").hidden = !c.lab;
    document.getElementById("advance-form").hidden = c.clockMode !== "virtual";
    renderEAR(s);
    renderHealth(s);
    renderKeyServers(s);
    renderNodes(s);
    renderJobs(s);
    renderFaults(s);
    renderRules(s);
    renderEvents(s);
    renderSnapshots(s);
    renderSections(s);
    document.body.setAttribute("data-clock", c.clock);
  }

  function on(id, fn) {
    document.getElementById(id).addEventListener("submit", function (ev) { ev.preventDefault(); fn(); });
  }

  function parsePairs(text) {
    var out = {};
    text.split(",").forEach(function (p) {
      p = p.trim();
      if (!p) return;
      var i = p.indexOf("=");
      if (i < 1) { out[p] = ""; return; }
      out[p.slice(0, i).trim()] = p.slice(i + 1).trim();
    });
    return out;
  }

  on("advance-form", function () {
    var n = Number(document.getElementById("advance-seconds").value);
    d.control("POST", "clock/advance", { seconds: n }, "advance the clock by " + n + " s");
  });
  on("restart-form", function () { d.control("POST", "restart", {}, "power cycle"); });
  on("snapshot-form", function () {
    var name = document.getElementById("snapshot-name").value;
    d.control("POST", "snapshot", { name: name }, "snapshot " + name);
  });
  on("reset-form", function () {
    if (window.confirm("Reset the emulator to its initial state?")) d.control("POST", "reset", {}, "reset");
  });
  on("rule-form", function () {
    var body = parsePairs(document.getElementById("rule-params").value);
    body.target = document.getElementById("rule-target").value;
    body.effect = document.getElementById("rule-effect").value;
    body.match = parsePairs(document.getElementById("rule-match").value);
    var times = Number(document.getElementById("rule-times").value);
    if (times > 0) body.times = times;
    d.control("POST", "faults", body, "add fault rule");
  });

  d.live("events", render);
})();
