// Every trainee page (templates/base_trainee.html). A tablet is shared by a whole class, so:
// - signing out wipes what this site kept in the browser under the "foras:" prefix (the
//   offline drafts), so the next trainee finds nothing of the previous one;
// - after data-idle-seconds without a touch or a key, the trainee is signed out, with a
//   warning first; while they work on one page, the server is told they are still there.
(function () {
  "use strict";
  var PREFIX = "foras:";
  var body = document.body;

  function wipe(storageName) {
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
  }

  function wipeAll() {
    wipe("localStorage");
    wipe("sessionStorage");
  }

  document.querySelectorAll("form[data-signout]").forEach(function (form) {
    form.addEventListener("submit", wipeAll);
  });

  var idleSeconds = parseInt(body.dataset.idleSeconds, 10);
  if (!(idleSeconds > 0)) return;

  var warnSeconds = Math.min(60, Math.floor(idleSeconds / 2));
  var pingGap = Math.min(30, idleSeconds / 4) * 1000;
  var warning = document.querySelector("[data-idle-warning]");
  var countdown = warning && warning.querySelector("[data-idle-countdown]");
  var lastActivity = Date.now();
  var lastPing = Date.now();
  var signingOut = false;

  function goToSignIn() {
    wipeAll();
    window.location.assign(body.dataset.signinUrl);
  }

  function signOut() {
    if (signingOut) return;
    signingOut = true;
    var form = document.querySelector("form[data-signout]");
    if (!form) return goToSignIn();
    wipeAll();
    form.submit();
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
