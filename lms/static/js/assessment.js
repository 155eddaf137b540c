// The assessment page (templates/learning/assessment.html): answers as the server stores them
// (see courses/scoring.py), autosaved through OfflineQueue, and questions read aloud.
// Without JavaScript the page is a plain form; everything here is an addition.
(function () {
  "use strict";
  var form = document.querySelector("form[data-assessment]");
  if (!form) return;

  function questions() {
    return Array.prototype.slice.call(form.querySelectorAll("[data-question]"));
  }

  function serialize() {
    var answers = {};
    questions().forEach(function (question) {
      var type = question.getAttribute("data-type");
      var value = null;
      if (type === "multiple_choice") {
        value = Array.prototype.map.call(question.querySelectorAll("input:checked"), function (input) {
          return Number(input.value);
        });
        if (!value.length) value = null;
      } else if (type === "open") {
        var text = question.querySelector("textarea").value;
        value = text.trim() ? text : null;
      } else {
        var checked = question.querySelector("input:checked");
        if (checked) value = type === "true_false" ? checked.value === "true" : Number(checked.value);
      }
      if (value !== null) answers[question.getAttribute("data-question")] = value;
    });
    return answers;
  }

  function apply(_form, answers) {
    questions().forEach(function (question) {
      var type = question.getAttribute("data-type");
      var value = answers[question.getAttribute("data-question")];
      if (type === "open") {
        question.querySelector("textarea").value = typeof value === "string" ? value : "";
        return;
      }
      question.querySelectorAll("input").forEach(function (input) {
        if (type === "multiple_choice") {
          input.checked = Array.isArray(value) && value.indexOf(Number(input.value)) !== -1;
        } else if (type === "true_false") {
          input.checked = typeof value === "boolean" && String(value) === input.value;
        } else {
          input.checked = value === Number(input.value);
        }
      });
    });
  }

  var queue = window.OfflineQueue.attach(form, {
    saveUrl: form.getAttribute("data-save-url"),
    key: form.getAttribute("data-key"),
    owner: form.getAttribute("data-owner"),
    version: form.getAttribute("data-version"),
    serialize: serialize,
    apply: apply,
    delivery: {
      url: form.getAttribute("data-deliver-url"),
      token: form.getAttribute("data-delivery-token"),
      key: form.getAttribute("data-draft-key"),
    },
  });

  // Offline, a reload of this page comes back from the service worker's copy (and the
  // answers from the queue's outbox).
  window.OfflineQueue.keepPageOffline(form.getAttribute("data-service-worker"));

  // Questions left blank: asked first, in a dialog of the page (the server asks the same in
  // the plain form, with the same messages: #unanswered-messages, one per count).
  var dialog = document.querySelector("[data-unanswered-dialog]");
  var messages = {};
  try {
    messages = JSON.parse(document.getElementById("unanswered-messages").textContent);
  } catch (error) {
    // No messages: the server asks instead.
  }
  var confirmedUnanswered = false;

  function unanswered() {
    var answers = serialize();
    return questions().filter(function (question) {
      return !(question.getAttribute("data-question") in answers);
    });
  }

  function askUnanswered(blank) {
    if (!dialog || typeof dialog.showModal !== "function" || !messages[blank.length]) return false;
    dialog.querySelector("[data-unanswered-text]").textContent = messages[blank.length];
    dialog.querySelector("[data-unanswered-back]").onclick = function () {
      dialog.close();
      var first = blank[0].querySelector("input, textarea");
      blank[0].scrollIntoView({ block: "center" });
      if (first) first.focus({ preventScroll: true });
    };
    dialog.querySelector("[data-unanswered-send]").onclick = function () {
      dialog.close();
      confirmedUnanswered = true;
      send();
    };
    dialog.showModal();
    return true;
  }

  // Send the last answers before the form itself; never submit over a conflict or offline.
  var submitting = false;

  function send() {
    if (window.OfflineQueue.isOffline()) {
      queue.show("submit-offline");
      return;
    }
    queue.flush().then(function (saved) {
      if (!saved && (queue.conflicted || queue.rejected)) return;
      // Not saved for another reason (server unreachable): the form carries every answer.
      if (confirmedUnanswered) {
        var flag = document.createElement("input");
        flag.type = "hidden";
        flag.name = "confirm_unanswered";
        flag.value = "1";
        form.appendChild(flag);
      }
      submitting = true;
      form.submit();
    });
  }

  form.addEventListener("submit", function (event) {
    if (submitting) return;
    event.preventDefault();
    if (event.submitter && event.submitter.name === "confirm_unanswered") confirmedUnanswered = true;
    if (window.OfflineQueue.isOffline()) {
      queue.show("submit-offline");
      return;
    }
    var blank = unanswered();
    if (blank.length && !confirmedUnanswered && askUnanswered(blank)) return;
    // Without a dialog the form goes as it is, and the server asks.
    send();
  });

  // "Écouter": the question (or its read-aloud text) then its answers, in the page's language.
  if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") return;
  form.querySelectorAll("[data-read-aloud]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var question = button.closest("[data-question]");
      var parts = [button.getAttribute("data-read-aloud")];
      question.querySelectorAll("[data-choice-text]").forEach(function (choice) {
        if (choice.textContent.trim()) parts.push(choice.textContent.trim());
      });
      var utterance = new SpeechSynthesisUtterance(parts.join(". "));
      utterance.lang = document.documentElement.lang || "fr";
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(utterance);
    });
  });
})();
