/* "Listen" buttons: read the page's main text aloud with the browser's speech synthesis.
 *
 * Progressive enhancement: the button ships hidden. Where the tablet has a voice for the
 * page's language it reads [data-listen-source] (skipping [data-listen-skip]) with that
 * voice; a second tap stops. Where it has none (no speechSynthesis at all, or no voice of the
 * language once the voice list has loaded), the button shows, disabled, and says so with its
 * data-listen-no-voice-label: a button that silently does nothing would look broken. The text
 * is spoken in short pieces: some engines stop a long utterance after about fifteen seconds.
 */
(function () {
  "use strict";

  // Voices load asynchronously in Chromium: wait for "voiceschanged", but not forever.
  var VOICES_WAIT_MS = 1500;
  var synth = window.speechSynthesis;
  var canSpeak = !!synth && typeof window.SpeechSynthesisUtterance === "function";
  var language = (document.documentElement.lang || "fr").toLowerCase();
  var prefix = language.split("-")[0];

  function voiceFor(voices) {
    var matching = voices.filter(function (voice) {
      var lang = (voice.lang || "").toLowerCase().replace("_", "-");
      return lang === language || lang.split("-")[0] === prefix;
    });
    var exact = matching.filter(function (voice) {
      return (voice.lang || "").toLowerCase() === language;
    });
    return exact[0] || matching[0] || null;
  }

  // Calls back once with the voice for the page's language, or null.
  function findVoice(callback) {
    if (!canSpeak) {
      callback(null);
      return;
    }
    var answered = false;
    function finish(voice) {
      if (!answered) {
        answered = true;
        callback(voice);
      }
    }
    var voice = voiceFor(synth.getVoices() || []);
    if (voice) {
      finish(voice);
      return;
    }
    if (typeof synth.addEventListener === "function") {
      synth.addEventListener("voiceschanged", function () {
        var loaded = voiceFor(synth.getVoices() || []);
        if (loaded) {
          finish(loaded);
        }
      });
    }
    window.setTimeout(function () {
      finish(voiceFor(synth.getVoices() || []));
    }, VOICES_WAIT_MS);
  }

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

  function noVoice(button) {
    var label = button.querySelector("[data-listen-label]");
    var text = button.getAttribute("data-listen-no-voice-label");
    if (label && text) {
      label.textContent = text;
    }
    button.setAttribute("aria-disabled", "true");
    button.removeAttribute("aria-pressed");
    button.setAttribute("data-listen-state", "no-voice");
    button.hidden = false;
  }

  function setup(button, voice) {
    // data-listen="<id>": the button reads that element (a step's prompt); else the page's.
    var target = button.getAttribute("data-listen");
    var source = target
      ? document.getElementById(target)
      : document.querySelector("[data-listen-source]");
    if (!source) {
      return;
    }
    if (!voice) {
      noVoice(button);
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
        utterance.lang = voice.lang || language;
        utterance.voice = voice;
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

  var buttons = document.querySelectorAll("[data-listen]");
  if (buttons.length === 0) {
    return;
  }
  findVoice(function (voice) {
    Array.prototype.forEach.call(buttons, function (button) {
      setup(button, voice);
    });
  });
  if (canSpeak) {
    // Leaving the page (or signing out) must not leave the tablet talking.
    window.addEventListener("pagehide", function () {
      synth.cancel();
    });
  }
})();
