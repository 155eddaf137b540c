/*
 * The trainer's check-in screen (templates/cohorts/admin/check_in.html): asks the server for
 * the current code every few seconds and shows it (the QR code, the six digits) with the
 * count of arrivals. The codes are computed by the server from the time; this script only
 * shows them. Once the window is closed (by the trainer, or at its time) the page reloads
 * and says so. Without JavaScript the page shows the code of the moment it was loaded.
 */
(function () {
  "use strict";

  var screen = document.querySelector("[data-check-in-screen]");
  if (!screen || !window.fetch) return;

  var every = (Number(screen.dataset.pollSeconds) || 3) * 1000;
  var step = screen.dataset.step;
  var qr = screen.querySelector("[data-check-in-qr]");
  var code = screen.querySelector("[data-check-in-code]");
  var count = screen.querySelector("[data-check-in-count]");

  function show(data) {
    if (!data) return;
    if (!data.open) {
      window.location.reload();
      return;
    }
    if (String(data.step) !== step) {
      step = String(data.step);
      // The server's own SVG for the new code.
      qr.innerHTML = data.svg;
      qr.dataset.url = data.url;
      code.textContent = data.code;
    }
    if (count.textContent !== String(data.count)) count.textContent = data.count;
  }

  function tick() {
    fetch(screen.dataset.codeUrl, {
      headers: { Accept: "application/json" },
      credentials: "same-origin",
      cache: "no-store",
    })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(show)
      .catch(function () {
        // The network dropped: keep the last code on screen and ask again.
      })
      .then(function () {
        window.setTimeout(tick, every);
      });
  }

  window.setTimeout(tick, every);
})();
