// The CV builder (templates/learning/exercises/cv.html): one step at a time, and the live
// preview redrawn from the form as the trainee types.
//
// Without this script every step shows, one after another, and the preview is the one the
// server drew. With it, only the chosen step shows ([data-cv-goto] links choose; the address
// keeps #step-<key>, so a reload or the photo form's answer comes back to the same step), and
// on each change of the form the preview ([data-cv-sheet]) is drawn again with
// the labels the page holds (#cv-labels, from courses/exercises/cv_view.py). It follows the
// server's view(): empty rows skipped, parts with nothing in them hidden.
(function () {
  "use strict";
  var steps = Array.prototype.slice.call(document.querySelectorAll("[data-cv-step]"));
  if (!steps.length) return;

  // --- Steps -------------------------------------------------------------------------------
  var links = document.querySelectorAll(".cv-steps [data-cv-goto]");

  function show(key, focus) {
    var found = steps.filter(function (step) { return step.getAttribute("data-cv-step") === key; });
    if (!found.length) return false;
    steps.forEach(function (step) { step.hidden = step !== found[0]; });
    links.forEach(function (link) {
      if (link.getAttribute("data-cv-goto") === key) link.setAttribute("aria-current", "step");
      else link.removeAttribute("aria-current");
    });
    if (focus) {
      found[0].focus({ preventScroll: true });
      found[0].scrollIntoView({ block: "start" });
    }
    return true;
  }

  function fromHash() {
    var match = /^#step-(.+)$/.exec(window.location.hash);
    return match ? match[1] : "";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-cv-goto]");
    if (!link) return;
    var key = link.getAttribute("data-cv-goto");
    if (!key) return; // "See my CV": an ordinary link to the preview
    event.preventDefault();
    if (show(key, true)) history.replaceState(null, "", "#step-" + key);
  });
  window.addEventListener("hashchange", function () { show(fromHash(), true); });
  document.documentElement.classList.add("cv-stepped");
  if (!show(fromHash(), false)) show(steps[0].getAttribute("data-cv-step"), false);

  // --- Live preview ------------------------------------------------------------------------
  var form = document.querySelector("form[data-exercise]");
  var sheet = document.querySelector("[data-cv-sheet]");
  var labelsElement = document.getElementById("cv-labels");
  if (!form || !sheet || !labelsElement) return;
  var labels = JSON.parse(labelsElement.textContent);
  var LEVELS = ["speak", "understand", "read", "write"];

  function text(value) {
    return typeof value === "string" ? value.trim() : "";
  }

  function part(name, shown) {
    sheet.querySelectorAll('[data-cv-part="' + name + '"]').forEach(function (element) {
      element.hidden = !shown;
    });
  }

  function setText(name, value) {
    sheet.querySelectorAll('[data-cv-text="' + name + '"]').forEach(function (element) {
      element.textContent = value;
    });
  }

  function item(kind, slots) {
    var template = sheet.querySelector('template[data-cv-item="' + kind + '"]');
    var element = template.content.firstElementChild.cloneNode(true);
    Object.keys(slots).forEach(function (slot) {
      var selector = '[data-cv-slot="' + slot + '"]';
      var target = element.matches(selector) ? element : element.querySelector(selector);
      if (target) target.textContent = slots[slot];
    });
    return element;
  }

  function fill(listName, elements) {
    var list = sheet.querySelector('[data-cv-list="' + listName + '"]');
    Array.prototype.slice.call(list.children).forEach(function (child) {
      if (!child.hasAttribute("data-cv-keep")) child.remove();
    });
    elements.forEach(function (element) { list.appendChild(element); });
    return list.children.length;
  }

  function rows(list, fields) {
    return (Array.isArray(list) ? list : []).filter(function (row) {
      return row && fields.some(function (field) { return text(row[field]); });
    });
  }

  function picked(ids, names) {
    return (Array.isArray(ids) ? ids : []).filter(function (id) { return names[id]; })
      .map(function (id) { return names[id]; });
  }

  function draw(data) {
    ["name", "phone", "town", "birth_year", "objective"].forEach(function (name) {
      setText(name, text(data[name]));
      part(name, Boolean(text(data[name])));
    });
    var skills = data.skills || {};
    var technical = picked(skills.technical, labels.technical);
    var personal = picked(skills.personal, labels.personal);
    fill("technical", technical.map(function (label) { return item("tag", { label: label }); }));
    fill("personal", personal.map(function (label) { return item("tag", { label: label }); }));
    part("technical", technical.length > 0);
    part("personal", personal.length > 0);
    part("skills", technical.length + personal.length > 0);

    part("experience", fill("experience", rows(data.experience, ["what", "where"]).map(
      function (row) {
        return item("entry", {
          title: text(row.what),
          where: text(row.where),
          when: labels.durations[row.how_long] || "",
        });
      })) > 0);
    part("trainings", fill("trainings", rows(data.trainings, ["title", "where", "year"]).map(
      function (row) {
        return item("entry", { title: text(row.title), where: text(row.where), when: text(row.year) });
      })) > 0);
    part("referees", fill("referees", rows(data.referees, ["name", "contact"]).map(
      function (row) {
        return item("entry", { title: text(row.name), where: text(row.contact), when: "" });
      })) > 0);
    part("languages", fill("languages", rows(data.languages, ["language"]).map(function (row) {
      var slots = { language: text(row.language) };
      LEVELS.forEach(function (skill) {
        var level = labels.levels[String(row[skill] || 0)] || labels.levels["0"];
        slots[skill] = level.word;
        slots[skill + "-dots"] = level.dots;
      });
      return item("language", slots);
    })) > 0);

    var education = labels.education[data.education] || "";
    var licences = picked(data.driving_licence, labels.licences);
    setText("education", education);
    setText("licences", licences.join(", "));
    part("schooling", Boolean(education));
    part("licences", licences.length > 0);
    part("education", Boolean(education) || licences.length > 0);
  }

  // exercise.js tells of every change: typing, ticking, rows added or removed, text put back.
  form.addEventListener("exercise:change", function (event) { draw(event.detail || {}); });
  // A draft kept on the tablet may have been put back in the form before this script ran.
  if (window.ExercisePage) draw(window.ExercisePage.serialize());
})();
