/* "Listen" buttons: read the page's main text aloud with the browser's speech synthesis.
 *
 * Progressive enhancement: the button ships hidden and is shown only where speechSynthesis
 * exists. It reads [data-listen-source] (skipping [data-listen-skip]) in the page's language;
 * a second tap stops. The text is spoken in short pieces: some engines stop a long utterance
 * after about fifteen seconds.
 */
(function () {
  "use strict";

  var synth = window.speechSynthesis;
  if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return;
  }
  var language = document.documentElement.lang || "fr";

  // The words a listener needs: icons (aria-hidden) and controls (data-listen-skip) are left out.
  function spokenText(element) {
    var copy = element.cloneNode(true);
    Array.prototype.forEach.call(
      copy.querySelectorAll("[aria-hidden=true], [data-listen-skip], [hidden], script, style"),
      function (node) {
        node.remove();
      }
    );
    return (copy.textContent || "").replace(/\s+/g, " ").trim();
  }

  function piecesOf(source) {
    var pieces = [];
    var walk = function (element) {
      Array.prototype.forEach.call(element.children, function (child) {
        if (child.hasAttribute("data-listen-skip") || child.hidden) {
          return;
        }
        var blocky = /^(P|LI|H[1-6]|FIGCAPTION|SUMMARY|DT|DD|TD|TH)$/.test(child.tagName);
        if (blocky || child.children.length === 0) {
          var text = spokenText(child);
          if (text) {
            pieces.push(text);
          }
        } else {
          walk(child);
        }
      });
    };
    walk(source);
    return pieces;
  }

  function setup(button) {
    var source = document.querySelector("[data-listen-source]");
    if (!source) {
      return;
    }
    var label = button.querySelector("[data-listen-label]");
    var listenText = label ? label.textContent : "";
    var stopText = button.getAttribute("data-listen-stop-label") || listenText;

    function show(speaking) {
      button.setAttribute("aria-pressed", speaking ? "true" : "false");
      if (label) {
        label.textContent = speaking ? stopText : listenText;
      }
    }

    button.hidden = false;
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-pressed") === "true") {
        synth.cancel();
        show(false);
        return;
      }
      synth.cancel();
      var pieces = piecesOf(source);
      pieces.forEach(function (text, index) {
        var utterance = new window.SpeechSynthesisUtterance(text);
        utterance.lang = language;
        if (index === pieces.length - 1) {
          utterance.onend = function () {
            show(false);
          };
        }
        utterance.onerror = function () {
          show(false);
        };
        synth.speak(utterance);
      });
      show(pieces.length > 0);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-listen]"), setup);
  // Leaving the page (or signing out) must not leave the tablet talking.
  window.addEventListener("pagehide", function () {
    synth.cancel();
  });
})();
