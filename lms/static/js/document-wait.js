// The page of a document rendered in the background (templates/lms/admin/document.html):
// ask the server every two seconds whether it is ready, then offer the link. Without
// JavaScript the "check again" button reloads the page instead.
(function () {
  "use strict";
  var box = document.querySelector("[data-document-wait]");
  if (!box) { return; }
  var link = box.querySelector("[data-document-link]");
  if (!link.hidden) { return; }
  var status = box.querySelector("[data-document-status]");
  var check = box.querySelector("[data-document-check]");
  var ready = document.querySelector("[data-ready-message]").content.textContent;

  function ask() {
    fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { ready: false }; })
      .then(function (answer) {
        if (!answer.ready) { window.setTimeout(ask, 2000); return; }
        status.textContent = ready;
        link.hidden = false;
        if (check) { check.hidden = true; }
      })
      .catch(function () { window.setTimeout(ask, 4000); });
  }
  window.setTimeout(ask, 1000);
})();
