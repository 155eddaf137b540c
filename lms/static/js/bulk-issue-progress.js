// The progress of a cohort's certificates issued in the background
// (templates/certificates/admin/cohort_certificates.html): ask the JSON endpoint every two
// seconds and move the bar. Without JavaScript the "Actualiser" link reloads the page.
(function () {
  "use strict";
  var box = document.querySelector("[data-bulk-progress]");
  if (!box || !box.hasAttribute("data-running")) { return; }
  var bar = box.querySelector("[data-bulk-bar]");
  var status = box.querySelector("[data-bulk-status]");
  var refresh = box.querySelector("[data-bulk-refresh]");
  var running = document.querySelector("[data-bulk-running]").content.textContent;
  var finished = document.querySelector("[data-bulk-finished]").content.textContent;

  function fill(text, state) {
    return text.replace("{percent}", state.percent).replace("{done}", state.done)
      .replace("{skipped}", state.skipped);
  }

  function ask() {
    fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (state) {
        if (!state) { window.setTimeout(ask, 4000); return; }
        bar.value = state.percent;
        bar.textContent = state.percent + " %";
        if (state.finished) {
          status.textContent = fill(finished, state);
          box.removeAttribute("data-running");
          return;
        }
        status.textContent = fill(running, state);
        window.setTimeout(ask, 2000);
      })
      .catch(function () { window.setTimeout(ask, 4000); });
  }
  window.setTimeout(ask, 1000);
})();
