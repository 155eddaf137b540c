// The register (templates/cohorts/admin/register.html, cohorts/register.py). Without this
// file every button posts the form. With it, a tap is an event with its own id and the time
// it was made: shown at once, kept on the tablet by the offline queue (offline-queue.js,
// `append`) and sent to the server, now or when the network is back; the server applies each
// event once, the latest by its own time winning. The page is kept by the register's service
// worker for a reload offline.
(function () {
  "use strict";
  var form = document.querySelector("form[data-register]");
  if (!form || !window.OfflineQueue || !window.fetch) return;
  var status = form.querySelector("[data-offline-status]");
  var pending = [];

  function message(name) {
    return status.getAttribute("data-msg-" + name) || "";
  }

  // crypto.randomUUID needs HTTPS; a tablet on the classroom's plain-HTTP address has
  // getRandomValues all the same.
  function newId() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = window.crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map
      .call(bytes, function (byte) { return (byte + 0x100).toString(16).slice(1); })
      .join("");
    return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
  }

  function row(enrolment) {
    return form.querySelector('[data-enrolment="' + enrolment + '"]');
  }

  function labelOf(value) {
    var button = form.querySelector('.register-button[data-status="' + value + '"]');
    return button ? button.textContent.trim() : value;
  }

  function press(item, value) {
    item.setAttribute("data-status", value);
    item.querySelectorAll(".register-button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-status") === value));
    });
  }

  function recount() {
    var counts = {};
    var unmarked = 0;
    form.querySelectorAll("[data-enrolment]").forEach(function (item) {
      var value = item.getAttribute("data-status");
      if (value) counts[value] = (counts[value] || 0) + 1;
      else unmarked += 1;
    });
    var values = Array.prototype.map.call(
      form.querySelector(".register-buttons").querySelectorAll(".register-button"),
      function (button) { return button.getAttribute("data-status"); }
    );
    form.querySelectorAll("[data-count]").forEach(function (element, index) {
      element.textContent = String(counts[values[index]] || 0);
    });
    var left = form.querySelector("[data-count-unmarked]");
    if (left) left.textContent = String(unmarked);
  }

  // A mark made here and not yet on the server: shown as made, "waiting to be sent".
  function showPending(event) {
    var item = row(event.enrolment);
    if (!item) return;
    press(item, event.status);
    item.setAttribute("data-pending", "");
    var time = new Date(event.at).toTimeString().slice(0, 5);
    item.querySelector("[data-mark]").textContent =
      labelOf(event.status) + " — " + time + " (" + message("pending") + ")";
  }

  // What the server has for a trainee, unless a newer tap is still waiting to be sent.
  function showServer(enrolment, mark) {
    var item = row(enrolment);
    if (!item || pending.some(function (event) { return String(event.enrolment) === enrolment; })) {
      return;
    }
    item.removeAttribute("data-pending");
    press(item, mark.status);
    item.querySelector("[data-mark]").textContent =
      mark.label + " — " + message("by") + " " + mark.by + ", " + mark.at;
    var history = item.querySelector("[data-history]");
    var list = item.querySelector("[data-history-list]");
    list.replaceChildren.apply(
      list,
      mark.history.map(function (entry) {
        var line = document.createElement("li");
        line.textContent = entry.at + " " + entry.label + " — " + entry.by;
        return line;
      })
    );
    history.hidden = mark.history.length < 2;
  }

  function tap(enrolment, value) {
    var event = { id: newId(), enrolment: Number(enrolment), status: value, at: Date.now() };
    pending.push(event);
    showPending(event);
  }

  var queue = window.OfflineQueue.attach(form, {
    saveUrl: form.getAttribute("data-save-url"),
    key: form.getAttribute("data-key"),
    owner: form.getAttribute("data-owner"),
    append: true,
    payloadKey: "events",
    status: status,
    serialize: function () { return pending.slice(); },
    apply: function (_form, events) {
      (events || []).forEach(function (event) {
        if (pending.some(function (known) { return known.id === event.id; })) return;
        pending.push(event);
        showPending(event);
      });
      recount();
    },
    onSaved: function (body) {
      var received = {};
      (body.received || []).forEach(function (id) { received[id] = true; });
      pending = pending.filter(function (event) { return !received[event.id]; });
      Object.keys(body.marks || {}).forEach(function (enrolment) {
        showServer(enrolment, body.marks[enrolment]);
      });
      recount();
      if (body.error) window.setTimeout(function () { queue.show("error", body.error); }, 0);
      else if (!pending.length) window.OfflineQueue.keepPageAgain();
    },
    onRejected: function () {
      // The whole batch is unreadable to the server: sending it again cannot help.
      pending = [];
    },
  });

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button) return;
    event.preventDefault();
    if (button.hasAttribute("data-everyone")) {
      form.querySelectorAll("[data-enrolment]").forEach(function (item) {
        if (!item.getAttribute("data-status")) tap(item.getAttribute("data-enrolment"), "present");
      });
    } else {
      tap(button.closest("[data-enrolment]").getAttribute("data-enrolment"), button.getAttribute("data-status"));
    }
    recount();
    queue.changed();
  });

  window.OfflineQueue.keepPageOffline(form.getAttribute("data-worker-url"));
})();
