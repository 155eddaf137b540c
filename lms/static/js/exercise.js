// An exercise page (templates/learning/exercises/page.html: the CV, the business plan): the
// form's fields as the JSON the server keeps, autosaved through OfflineQueue, the figures the
// server sends back put in the page, the choice after a conflict, and sending to the trainer
// once everything is saved.
//
// Field names are paths into the data: name="objective", name="funding.own". A group of
// checkboxes with one name is a list of the values ticked (a single one with data-boolean is
// true/false). Rows of a table: a container [data-rows="startup.equipment"] holding
// [data-row] elements whose fields say data-field="amount", and a <template data-row-template>
// to add one ([data-add-row="<path>"] buttons add, [data-remove-row] buttons remove).
// After each save, elements [data-figure="<name>"] get the text of figures[name] and the form
// sends an "exercise:figures" event (detail: the figures) for pages that show more.
(function () {
  "use strict";
  var form = document.querySelector("form[data-exercise]");
  if (!form || !window.OfflineQueue) return;

  function setPath(target, path, value) {
    var parts = path.split(".");
    var last = parts.pop();
    parts.forEach(function (part) {
      if (typeof target[part] !== "object" || target[part] === null) target[part] = {};
      target = target[part];
    });
    target[last] = value;
  }

  function getPath(source, path) {
    return path.split(".").reduce(function (value, part) {
      return value !== null && typeof value === "object" ? value[part] : undefined;
    }, source);
  }

  function inRows(element) {
    var rows = element.closest("[data-rows]");
    return rows && rows !== element && form.contains(rows);
  }

  function fieldValue(element, scope) {
    if (element.type === "checkbox") {
      if (element.hasAttribute("data-boolean")) return element.checked;
      var name = element.name;
      return Array.prototype.filter
        .call(scope.querySelectorAll("input[type=checkbox]"), function (box) {
          return box.name === name && box.checked;
        })
        .map(function (box) { return box.value; });
    }
    if (element.type === "radio") {
      var checked = scope.querySelector('input[type=radio][name="' + element.name + '"]:checked');
      return checked ? checked.value : "";
    }
    return element.value;
  }

  function rowData(row) {
    var data = {};
    row.querySelectorAll("[data-field]").forEach(function (element) {
      if (element.closest("[data-row]") !== row) return;
      data[element.getAttribute("data-field")] = element.type === "checkbox"
        ? element.checked
        : element.value;
    });
    return data;
  }

  function serialize() {
    var data = {};
    form.querySelectorAll("[name]").forEach(function (element) {
      if (element.hasAttribute("data-no-save") || element.name === "csrfmiddlewaretoken") return;
      if (inRows(element) || element.closest("template")) return;
      setPath(data, element.name, fieldValue(element, form));
    });
    form.querySelectorAll("[data-rows]").forEach(function (rows) {
      var list = Array.prototype.filter
        .call(rows.children, function (child) { return child.hasAttribute("data-row"); })
        .map(rowData);
      setPath(data, rows.getAttribute("data-rows"), list);
    });
    return data;
  }

  function addRow(rows) {
    var template = rows.querySelector("template[data-row-template]");
    if (!template) return null;
    var max = parseInt(rows.getAttribute("data-max"), 10) || 50;
    var count = rows.querySelectorAll(":scope > [data-row]").length;
    if (count >= max) return null;
    var row = template.content.firstElementChild.cloneNode(true);
    rows.insertBefore(row, template);
    return row;
  }

  function applyRows(rows, list) {
    var existing = Array.prototype.filter.call(rows.children, function (child) {
      return child.hasAttribute("data-row");
    });
    list = Array.isArray(list) ? list : [];
    existing.slice(list.length).forEach(function (row) { row.remove(); });
    list.forEach(function (item, index) {
      var row = existing[index] || addRow(rows);
      if (!row) return;
      row.querySelectorAll("[data-field]").forEach(function (element) {
        var value = item ? item[element.getAttribute("data-field")] : "";
        if (element.type === "checkbox") element.checked = Boolean(value);
        else element.value = value === undefined || value === null ? "" : value;
      });
    });
  }

  function apply(_form, data) {
    form.querySelectorAll("[name]").forEach(function (element) {
      if (element.hasAttribute("data-no-save") || element.name === "csrfmiddlewaretoken") return;
      if (inRows(element) || element.closest("template")) return;
      var value = getPath(data, element.name);
      if (element.type === "checkbox") {
        element.checked = element.hasAttribute("data-boolean")
          ? Boolean(value)
          : Array.isArray(value) && value.indexOf(element.value) !== -1;
      } else if (element.type === "radio") {
        element.checked = value === element.value;
      } else {
        element.value = value === undefined || value === null ? "" : value;
      }
    });
    form.querySelectorAll("[data-rows]").forEach(function (rows) {
      applyRows(rows, getPath(data, rows.getAttribute("data-rows")));
    });
    form.dispatchEvent(new CustomEvent("exercise:change", { detail: serialize() }));
  }

  function showFigures(figures) {
    if (!figures) return;
    document.querySelectorAll("[data-figure]").forEach(function (element) {
      var value = getPath(figures, element.getAttribute("data-figure"));
      if (typeof value === "string" || typeof value === "number") element.textContent = value;
    });
    form.dispatchEvent(new CustomEvent("exercise:figures", { detail: figures }));
  }

  // A save refused for bad input: each field the server names (by its path, as in the data:
  // "sales.price", "startup.equipment.0.amount") is marked, with the message beside it.
  function fieldAt(path) {
    var named = form.querySelector('[name="' + path + '"]');
    if (named) return named;
    var match = null;
    form.querySelectorAll("[data-rows]").forEach(function (rows) {
      var prefix = rows.getAttribute("data-rows") + ".";
      if (match || path.indexOf(prefix) !== 0) return;
      var rest = path.slice(prefix.length).split(".");
      var row = rows.querySelectorAll(":scope > [data-row]")[parseInt(rest[0], 10)];
      if (row && rest[1]) match = row.querySelector('[data-field="' + rest[1] + '"]');
    });
    return match;
  }

  function clearErrors() {
    form.querySelectorAll("[data-field-error]").forEach(function (message) { message.remove(); });
    form.querySelectorAll("[aria-invalid=true]").forEach(function (field) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    });
  }

  function showErrors(body) {
    clearErrors();
    var errors = (body && body.errors) || {};
    Object.keys(errors).forEach(function (path, index) {
      var field = fieldAt(path);
      if (!field) return;
      var message = document.createElement("p");
      message.className = "field-error";
      message.id = "field-error-" + index;
      message.setAttribute("data-field-error", "");
      message.textContent = errors[path];
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", message.id);
      field.insertAdjacentElement("afterend", message);
    });
  }

  var dialog = document.querySelector("[data-conflict-dialog]");

  function askWhichToKeep(_body, queue) {
    if (!dialog || typeof dialog.showModal !== "function") {
      // No dialog: the newer text is shown; the tablet's is kept in the history.
      queue.takeTheirs();
      return;
    }
    dialog.querySelector("[data-conflict-mine]").onclick = function () {
      dialog.close();
      queue.keepMine();
    };
    dialog.querySelector("[data-conflict-theirs]").onclick = function () {
      dialog.close();
      queue.takeTheirs();
    };
    if (!dialog.open) dialog.showModal();
  }

  var delivery = form.getAttribute("data-delivery-token")
    ? {
        url: form.getAttribute("data-deliver-url"),
        token: form.getAttribute("data-delivery-token"),
        key: form.getAttribute("data-draft-key"),
      }
    : null;

  var queue = window.OfflineQueue.attach(form, {
    saveUrl: form.getAttribute("data-save-url"),
    key: form.getAttribute("data-key"),
    owner: form.getAttribute("data-owner"),
    version: form.getAttribute("data-version"),
    serialize: serialize,
    apply: apply,
    delivery: delivery,
    onSaved: function (body) {
      clearErrors();
      showFigures(body.figures);
    },
    onConflict: askWhichToKeep,
    onRejected: showErrors,
  });

  function changed() {
    queue.changed();
    form.dispatchEvent(new CustomEvent("exercise:change", { detail: serialize() }));
  }

  // What the trainee types or ticks: pages with a live preview follow it.
  ["input", "change"].forEach(function (type) {
    form.addEventListener(type, function () {
      form.dispatchEvent(new CustomEvent("exercise:change", { detail: serialize() }));
    });
  });

  form.addEventListener("click", function (event) {
    var add = event.target.closest("[data-add-row]");
    if (add) {
      var rows = form.querySelector('[data-rows="' + add.getAttribute("data-add-row") + '"]');
      var row = rows && addRow(rows);
      if (row) {
        var first = row.querySelector("input, textarea, select");
        if (first) first.focus();
        changed();
      }
      return;
    }
    var remove = event.target.closest("[data-remove-row]");
    if (remove) {
      var gone = remove.closest("[data-row]");
      if (gone) {
        gone.remove();
        changed();
      }
    }
  });
  form.addEventListener("submit", function (event) {
    // Enter in a field: nothing to send, the work saves itself.
    event.preventDefault();
  });

  // Sending to the trainer: only once the server has everything the page shows.
  var submitForm = document.querySelector("form[data-exercise-submit]");
  if (submitForm) {
    submitForm.addEventListener("submit", function (event) {
      if (submitForm.hasAttribute("data-flushed")) return;
      event.preventDefault();
      var status = form.querySelector("[data-offline-status]");
      queue.flush().then(function (saved) {
        if (saved) {
          submitForm.setAttribute("data-flushed", "");
          submitForm.submit();
        } else if (status && window.OfflineQueue.isOffline()) {
          status.textContent = submitForm.getAttribute("data-msg-offline");
        }
      });
    });
  }

  // Offline, a reload of this page comes back from the service worker's copy, and the work
  // from the queue's outbox.
  window.OfflineQueue.keepPageOffline(form.getAttribute("data-service-worker"));

  window.ExercisePage = { form: form, queue: queue, serialize: serialize, apply: apply };
})();
