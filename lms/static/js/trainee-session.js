// Every trainee page (templates/base_trainee.html). A tablet is shared by a whole class, so:
// - signing out leaves nothing the next trainee could read: OfflineQueue.seal() wipes the
//   drafts and keeps only what is still unsent, encrypted, to be delivered later (see
//   offline-queue.js); with answers unsent, the trainee is asked first, and may wait;
// - after data-idle-seconds without a touch or a key, the trainee is signed out, with a
//   warning first and without asking about unsent answers (they are delivered all the same);
//   while they work on one page, the server is told they are still there.
// Offline, the server cannot be told at once: the page is emptied, and the sign-out is
// finished as soon as the tablet is back online.
(function () {
  "use strict";
  var PREFIX = "foras:";
  var body = document.body;
  var queue = window.OfflineQueue;
  var leaving = false;

  function wipeAll() {
    ["localStorage", "sessionStorage"].forEach(function (storageName) {
      try {
        var storage = window[storageName];
        var keys = [];
        for (var i = 0; i < storage.length; i++) {
          var key = storage.key(i);
          if (key && key.indexOf(PREFIX) === 0) keys.push(key);
        }
        keys.forEach(function (key) { storage.removeItem(key); });
      } catch (error) {
        // Storage switched off by the browser: there is nothing to wipe.
      }
    });
  }

  // Wipes what could be read, keeps (encrypted) what is unsent.
  function seal() {
    return queue ? queue.seal() : Promise.resolve(wipeAll());
  }

  function isOffline() {
    return navigator.onLine === false;
  }

  function submitWhenOnline(form) {
    if (!isOffline()) return form.submit();
    // Nothing of this trainee stays on screen while the tablet waits for the network.
    var main = document.getElementById("main");
    if (main) main.replaceChildren();
    Array.prototype.forEach.call(body.children, function (child) {
      if (child.tagName !== "SCRIPT") child.hidden = true;
    });
    var notice = document.querySelector("[data-signed-out-offline]");
    if (notice) notice.hidden = false;
    window.addEventListener("online", function () { form.submit(); }, { once: true });
  }

  function leave(form) {
    if (leaving) return;
    leaving = true;
    var dialog = document.querySelector("[data-signout-dialog]");
    if (dialog && dialog.open) dialog.close();
    seal().then(function () {
      if (form) submitWhenOnline(form);
      else window.location.assign(body.dataset.signinUrl);
    });
  }

  function askFirst(form) {
    var dialog = document.querySelector("[data-signout-dialog]");
    if (!dialog || typeof dialog.showModal !== "function") return leave(form);
    dialog.querySelector("[data-signout-wait]").onclick = function () {
      dialog.close();
      if (queue) queue.flushAll();
    };
    dialog.querySelector("[data-signout-anyway]").onclick = function () {
      leave(form);
    };
    dialog.showModal();
  }

  document.querySelectorAll("form[data-signout]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (leaving) return;
      event.preventDefault();
      if (!queue || queue.unsent() === 0) return leave(form);
      // Online, the answers usually leave at once; ask only if they cannot.
      var tried = isOffline()
        ? Promise.resolve(false)
        : Promise.race([
            queue.flushAll(),
            new Promise(function (resolve) { window.setTimeout(resolve, 4000, false); }),
          ]);
      tried.then(function (allSent) {
        if (allSent) leave(form);
        else askFirst(form);
      });
    });
  });

  var idleSeconds = parseInt(body.dataset.idleSeconds, 10);
  if (!(idleSeconds > 0)) return;

  var warnSeconds = Math.min(60, Math.floor(idleSeconds / 2));
  var pingGap = Math.min(30, idleSeconds / 4) * 1000;
  var warning = document.querySelector("[data-idle-warning]");
  var countdown = warning && warning.querySelector("[data-idle-countdown]");
  var lastActivity = Date.now();
  var lastPing = Date.now();

  function goToSignIn() {
    leave(null);
  }

  // Idle: like "sign out anyway", without asking.
  function signOut() {
    leave(document.querySelector("form[data-signout]"));
  }

  function tellServer() {
    lastPing = Date.now();
    if (!body.dataset.stillHereUrl || !window.fetch) return;
    fetch(body.dataset.stillHereUrl, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        // Redirected or refused: the server has already signed this trainee out.
        if (response.redirected || response.status !== 204) goToSignIn();
      })
      .catch(function () {
        // Offline: the tablet's own timer still applies.
      });
  }

  function onActivity() {
    lastActivity = Date.now();
    if (warning) warning.hidden = true;
    if (lastActivity - lastPing >= pingGap) tellServer();
  }

  function check() {
    if (leaving) return;
    var idle = (Date.now() - lastActivity) / 1000;
    if (idle >= idleSeconds) {
      signOut();
    } else if (warning && idle >= idleSeconds - warnSeconds) {
      if (countdown) countdown.textContent = String(Math.ceil(idleSeconds - idle));
      warning.hidden = false;
    }
  }

  ["pointerdown", "keydown", "touchstart", "input", "scroll"].forEach(function (type) {
    document.addEventListener(type, onActivity, { capture: true, passive: true });
  });
  // A tablet put to sleep stops the timers: check as soon as it wakes up.
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) check();
  });
  window.setInterval(check, 1000);
})();
