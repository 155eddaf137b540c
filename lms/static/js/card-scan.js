/*
 * Check-in by card (templates/cohorts/admin/card_scan.html): each login card the camera reads
 * (or each username typed) is sent to the server, which marks its trainee; the camera keeps
 * scanning for the next card. The answer is shown and the trainee added to the list. Without
 * JavaScript the component's form posts the typed code and the page comes back with a message.
 */
(function () {
  "use strict";

  var box = document.querySelector("[data-card-scan]");
  if (!box || !window.fetch) return;

  var root = box.querySelector("[data-qr-scanner]");
  var form = root.querySelector("[data-qr-scanner-form]");
  var input = form.querySelector("[data-qr-scanner-input]");
  var result = box.querySelector("[data-card-scan-result]");
  var list = document.querySelector("[data-card-scan-list]");

  function add(answer) {
    var empty = list.querySelector("[data-card-scan-empty]");
    if (empty) empty.remove();
    var item = document.createElement("li");
    item.textContent = answer.name + " — " + answer.status + " (" + answer.time + ")";
    list.insertBefore(item, list.firstChild);
  }

  function send(text) {
    var body = new FormData();
    body.append("code", text);
    body.append("csrfmiddlewaretoken", form.querySelector("[name=csrfmiddlewaretoken]").value);
    return fetch(form.action, {
      method: "POST",
      body: body,
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (answer) {
        result.textContent = answer.message;
        result.dataset.ok = answer.ok ? "true" : "false";
        if (answer.ok && answer.new) add(answer);
      })
      .catch(function () {
        result.textContent = box.dataset.msgOffline || "…";
      });
  }

  // Cancelled: the camera keeps scanning, the page stays.
  root.addEventListener("qr-scanner:code", function (event) {
    event.preventDefault();
    send(event.detail.text);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send(input.value).then(function () {
      input.value = "";
    });
  });
})();
