// The lab overview: one row per student cluster, live.
"use strict";

(function () {
  var d = window.dash, h = d.h;

  function render(s) {
    var tb = document.querySelector("#lab-table tbody");
    if (!s.lab) {
      d.setText("lab-summary", "");
      d.fill(tb, [h("tr", { class: "empty" }, h("td", { colspan: 10, text: "This emulator is not a lab (start one with: element-emulator lab --clusters N)." }))]);
      return;
    }
    d.setText("lab-summary", s.healthy + " of " + s.clusters.length + " clusters healthy");
    d.fill(tb, s.clusters.map(function (c) {
      var hl = c.health;
      var state = c.error ? d.badge("unreadable", "bad") : (hl.ok ? d.badge("healthy", "good") : d.badge("attention", "bad"));
      return h("tr", { "data-cluster": c.index, "data-ok": hl.ok && !c.error ? "true" : "false" },
        h("td", { text: c.index }), h("td", { text: c.name }), h("td", { class: "health" }, state),
        h("td", { class: "faults", text: hl.faults + (hl.faultCodes.length ? " (" + hl.faultCodes.join(", ") + ")" : "") }),
        h("td", { class: "stuck", text: hl.stuckJobs }), h("td", { text: hl.runningJobs }),
        h("td", { class: "locked", text: hl.lockedDrives }), h("td", { text: hl.failedDrives }),
        h("td", { text: d.shortTime(c.clock) }),
        h("td", null, c.url ? h("a", { href: c.url, text: "open" }) : ""));
    }));
  }

  d.live("lab/events", render);
})();
