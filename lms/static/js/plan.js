// The business-plan builder (templates/learning/exercises/plan.html), on top of exercise.js:
// - one step at a time, with "previous" and "next" and the step list to jump (without this
//   script the sixteen steps follow one another on one page, the list linking to each);
// - after each save, what exercise.js's [data-figure] texts cannot do: the months short of
//   cash and at a loss marked (the flag's words come with the figures, the colour is added
//   here), the funding gap, the cash-flow chart and the list of warnings, whose length changes.
(function () {
  "use strict";
  var form = document.querySelector("form[data-exercise]");
  if (!form) return;

  var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
  var links = Array.prototype.slice.call(document.querySelectorAll("[data-step-link]"));

  function stepIndex(key) {
    for (var index = 0; index < steps.length; index += 1) {
      if (steps[index].getAttribute("data-step") === key) return index;
    }
    return -1;
  }

  function show(index, focus) {
    if (index < 0 || index >= steps.length) return;
    steps.forEach(function (step, at) { step.hidden = at !== index; });
    var key = steps[index].getAttribute("data-step");
    links.forEach(function (link) {
      if (link.getAttribute("data-step-link") === key) link.setAttribute("aria-current", "step");
      else link.removeAttribute("aria-current");
    });
    if (focus) {
      var heading = steps[index].querySelector("h2");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", "#step-" + key);
      }
    }
  }

  if (steps.length) {
    form.classList.add("plan-paged");
    steps.forEach(function (step, index) {
      var nav = step.querySelector("[data-step-nav]");
      if (!nav) return;
      nav.hidden = false;
      nav.querySelector("[data-step-previous]").hidden = index === 0;
      nav.querySelector("[data-step-next]").hidden = index === steps.length - 1;
    });
    var start = stepIndex(window.location.hash.replace("#step-", ""));
    show(start < 0 ? 0 : start, false);

    document.addEventListener("click", function (event) {
      var link = event.target.closest("[data-step-link]");
      if (link) {
        event.preventDefault();
        show(stepIndex(link.getAttribute("data-step-link")), true);
        return;
      }
      var step = event.target.closest("[data-step]");
      if (!step) return;
      var at = steps.indexOf(step);
      if (event.target.closest("[data-step-previous]")) show(at - 1, true);
      else if (event.target.closest("[data-step-next]")) show(at + 1, true);
    });
  }

  // Rows [data-<name>="<month index>"] get the class when flags[index] is true.
  function mark(name, className, flags) {
    document.querySelectorAll("[data-" + name + "]").forEach(function (row) {
      row.classList.toggle(className, Boolean(flags[row.getAttribute("data-" + name)]));
    });
  }

  function showWarnings(warnings) {
    document.querySelectorAll("[data-plan-warnings]").forEach(function (list) {
      list.textContent = "";
      warnings.forEach(function (warning) {
        var item = document.createElement("li");
        item.className = "plan-warning";
        item.setAttribute("data-code", warning.code);
        var icon = document.createElement("span");
        icon.setAttribute("aria-hidden", "true");
        icon.textContent = "⚠️";
        item.appendChild(icon);
        item.appendChild(document.createTextNode(" " + warning.message));
        list.appendChild(item);
      });
    });
    document.querySelectorAll("[data-plan-no-warning]").forEach(function (none) {
      none.hidden = warnings.length > 0;
    });
  }

  form.addEventListener("exercise:figures", function (event) {
    var figures = event.detail;
    if (!figures || !figures.months) return;
    var negative = {};
    var loss = {};
    figures.months.forEach(function (month, index) {
      negative[index] = month.negative;
      loss[index] = month.loss;
    });
    mark("cash-month", "negative", negative);
    mark("profit-month", "loss", loss);
    document.querySelectorAll("[data-plan-gap]").forEach(function (gap) {
      gap.classList.toggle("missing", Boolean(figures.funding && figures.funding.missing));
    });
    if (figures.chart) {
      document.querySelectorAll("[data-plan-chart]").forEach(function (chart) {
        if (chart.getAttribute("src") !== figures.chart.src) {
          chart.setAttribute("src", figures.chart.src);
        }
        chart.setAttribute("alt", figures.chart.alt);
      });
    } else {
      // An autosave sends no chart (drawing it costs more than the rest of the save): the
      // image of this version is fetched, by the browser only once the chart is on screen.
      var source = document.querySelector("[data-plan-chart-url]");
      var queue = window.ExercisePage && window.ExercisePage.queue;
      if (source && queue) {
        var url = source.getAttribute("data-plan-chart-url") + "?v=" + queue.version;
        document.querySelectorAll("[data-plan-chart]").forEach(function (chart) {
          chart.setAttribute("loading", "lazy");
          chart.setAttribute("src", url);
          chart.setAttribute("alt", chart.getAttribute("data-alt-later") || chart.alt);
        });
      }
    }
    showWarnings(figures.warnings || []);
  });
})();
