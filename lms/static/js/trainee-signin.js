// Trainee sign-in (templates/cohorts/signin/): the on-screen keypad fills the PIN box, and the
// picture grid asks for one picture at a time. Without JavaScript both forms still work as
// plain HTML: the PIN is typed, and one picture is ticked in each group (one per position).
(function () {
  "use strict";

  document.querySelectorAll("[data-keypad]").forEach(function (keypad) {
    var input = document.getElementById(keypad.dataset.keypad);
    if (!input) return;
    var maxLength = input.maxLength > 0 ? input.maxLength : 4;
    keypad.hidden = false;
    // The keypad replaces the tablet's own keyboard, which would cover it.
    input.setAttribute("inputmode", "none");
    keypad.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      if (button.dataset.digit !== undefined) {
        if (input.value.length < maxLength) input.value += button.dataset.digit;
      } else if (button.hasAttribute("data-erase")) {
        input.value = input.value.slice(0, -1);
      }
    });
  });

  document.querySelectorAll("[data-picture-form]").forEach(function (form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
    var dotList = form.querySelector("[data-dots]");
    var dots = dotList ? Array.prototype.slice.call(dotList.children) : [];

    function show(current) {
      steps.forEach(function (step, index) { step.hidden = index !== current; });
      dots.forEach(function (dot, index) {
        dot.classList.toggle("done", index < current);
        dot.classList.toggle("current", index === current);
      });
    }

    function restart() {
      form.querySelectorAll("[data-step] input").forEach(function (radio) { radio.checked = false; });
      show(0);
    }

    steps.forEach(function (step, index) {
      step.addEventListener("change", function () {
        show(index + 1);
        if (index + 1 === steps.length) {
          if (form.requestSubmit) form.requestSubmit(); else form.submit();
        }
      });
    });
    var restartButton = form.querySelector("[data-restart]");
    if (restartButton) {
      restartButton.addEventListener("click", function (event) {
        event.preventDefault();  // keep the username; forget the pictures
        restart();
      });
    }
    if (dotList) dotList.hidden = false;
    restart();
  });
})();
