// The one offline queue of the site: every page that saves as the trainee works (answers,
// exercises, the register) keeps a local draft and sends it when it can. See shared/DESIGN.md,
// "Nothing is lost".
//
//   var queue = OfflineQueue.attach(form, {
//     saveUrl: "/learn/…/save/",  // POST JSON {version, answers}; "" = keep drafts here only
//     key: "assessment-12-pre",    // the draft is stored as "foras:<owner>:<key>"
//     owner: "42",                 // the signed-in user's id: drafts belong to one person
//     version: 3,                  // the version of the data the server rendered
//     serialize: function (form) { return {…}; },   // the form's data, as sent
//     apply: function (form, data) { … },           // puts data back in the form
//     status: element,             // optional; its data-msg-* attributes hold the messages
//     payloadKey: "answers",       // optional: the name of the data in the JSON sent
//   });
//   queue.changed();  // called on every "input"/"change" event of the form already
//   queue.flush();    // a Promise: true once the server has everything (false otherwise)
//
// The server answers {version} when it kept the data, 409 {version, answers} when the
// client's version is older (changed on another tablet: the server's data wins and the user
// is told), 409 {location} when there is nothing left to save (go there), 400 {error} when it
// refuses the data. Offline, or when the server cannot be reached, the draft stays in
// localStorage and is sent again on the "online" event and every few seconds.
// Drafts are wiped at sign-out by trainee-session.js; just before, this module sends what it
// still holds. A page showing [data-offline-clear="<key>"] (with data-owner) forgets that draft.
(function () {
  "use strict";
  var PREFIX = "foras:";
  var DELAY = 700;
  var RETRY_EVERY = 5000;
  var queues = [];

  function storageKey(owner, key) {
    return PREFIX + owner + ":" + key;
  }

  function readDraft(name) {
    try {
      var text = window.localStorage.getItem(name);
      return text ? JSON.parse(text) : null;
    } catch (error) {
      return null;
    }
  }

  function writeDraft(name, draft) {
    try {
      window.localStorage.setItem(name, JSON.stringify(draft));
    } catch (error) {
      // Storage full or switched off: the server copy is all there is.
    }
  }

  function removeDraft(name) {
    try {
      window.localStorage.removeItem(name);
    } catch (error) {
      // Nothing stored.
    }
  }

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function isOffline() {
    return navigator.onLine === false;
  }

  function Queue(form, options) {
    this.form = form;
    this.saveUrl = options.saveUrl || "";
    this.name = storageKey(options.owner, options.key);
    this.version = parseInt(options.version, 10) || 0;
    this.serialize = options.serialize;
    this.apply = options.apply;
    this.payloadKey = options.payloadKey || "answers";
    this.status = options.status || form.querySelector("[data-offline-status]");
    this.versionField = form.querySelector("input[name=version]");
    this.dirty = false;
    this.rejected = false;
    this.inFlight = null;
    this.timer = null;
    this.conflicted = false;
    this.restore();
    var queue = this;
    form.addEventListener("input", function () { queue.changed(); });
    form.addEventListener("change", function () { queue.changed(); });
    window.setInterval(function () {
      if (queue.dirty && !queue.rejected && !isOffline()) queue.send();
    }, options.retryEvery || RETRY_EVERY);
  }

  Queue.prototype.message = function (name) {
    return (this.status && this.status.getAttribute("data-msg-" + name)) || "";
  };

  Queue.prototype.show = function (state, text) {
    if (!this.status) return;
    this.status.setAttribute("data-state", state);
    this.status.setAttribute("aria-live", state === "conflict" ? "assertive" : "polite");
    this.status.textContent = text || this.message(state);
  };

  Queue.prototype.setVersion = function (version) {
    this.version = version;
    if (this.versionField) this.versionField.value = String(version);
  };

  Queue.prototype.keep = function () {
    writeDraft(this.name, {
      version: this.version,
      data: this.serialize(this.form),
      dirty: this.dirty,
    });
  };

  // A draft left by an earlier visit: sent again if the server has not moved on since.
  Queue.prototype.restore = function () {
    var draft = readDraft(this.name);
    if (!draft || !draft.dirty) return;
    if (!this.saveUrl || draft.version === this.version) {
      this.apply(this.form, draft.data);
      this.dirty = true;
      if (this.saveUrl) this.schedule();
      else this.show("local");
    } else {
      removeDraft(this.name);
      this.show("conflict");
    }
  };

  Queue.prototype.changed = function () {
    this.dirty = true;
    this.rejected = false;
    this.conflicted = false;
    this.keep();
    if (!this.saveUrl) return this.show("local");
    if (isOffline()) return this.show("offline");
    this.schedule();
  };

  Queue.prototype.schedule = function () {
    var queue = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { queue.send(); }, DELAY);
  };

  Queue.prototype.send = function () {
    var queue = this;
    window.clearTimeout(this.timer);
    if (!this.saveUrl || !this.dirty) return Promise.resolve(!this.dirty);
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    if (isOffline()) {
      this.show("offline");
      return Promise.resolve(false);
    }
    var data = this.serialize(this.form);
    var sent = JSON.stringify(data);
    var payload = { version: this.version };
    payload[this.payloadKey] = data;
    this.show("sending");
    this.inFlight = fetch(this.saveUrl, {
      method: "POST",
      credentials: "same-origin",
      cache: "no-store",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRFToken": csrfToken(this.form),
      },
      body: JSON.stringify(payload),
    })
      .then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("json") !== -1;
        return (json ? response.json() : Promise.resolve({})).then(function (body) {
          return queue.received(response.status, body, sent);
        });
      })
      .catch(function () {
        queue.show("offline");
        return false;
      })
      .then(function (saved) {
        queue.inFlight = null;
        if (queue.again) {
          queue.again = false;
          if (queue.dirty && !queue.rejected) return queue.send();
        }
        return saved;
      });
    return this.inFlight;
  };

  // What the server said; true when it now holds the data that was sent.
  Queue.prototype.received = function (status, body, sent) {
    if (status === 200 && typeof body.version === "number") {
      this.setVersion(body.version);
      this.dirty = JSON.stringify(this.serialize(this.form)) !== sent;
      this.keep();
      if (!this.dirty) this.show("saved");
      return !this.dirty;
    }
    if (status === 409 && body.location) {
      removeDraft(this.name);
      this.dirty = false;
      window.location.assign(body.location);
      return false;
    }
    if (status === 409 && typeof body.version === "number") {
      this.setVersion(body.version);
      this.apply(this.form, body[this.payloadKey] || {});
      this.dirty = false;
      this.again = false;
      this.conflicted = true;
      this.keep();
      this.show("conflict");
      return false;
    }
    if (status === 400) {
      // Sending the same data again would be refused again: wait for the next change.
      this.rejected = true;
      this.show("error", this.message("error") + (body.error ? " : " + body.error : ""));
      return false;
    }
    // Signed out, server error…: the draft stays here and is sent again later.
    this.show("error");
    return false;
  };

  // True once the server holds the form's data as shown (false: offline, refused, conflict).
  Queue.prototype.flush = function () {
    var queue = this;
    return (this.inFlight || Promise.resolve()).then(function () {
      if (queue.conflicted || queue.rejected) return false;
      if (!queue.dirty) return true;
      return queue.send().then(function (saved) { return saved && !queue.conflicted; });
    });
  };

  // Sign-out: a last attempt to send what is not saved yet, before the drafts are wiped.
  Queue.prototype.sendBeforeLeaving = function () {
    if (!this.saveUrl || !this.dirty || isOffline()) return;
    var payload = { version: this.version };
    payload[this.payloadKey] = this.serialize(this.form);
    try {
      fetch(this.saveUrl, {
        method: "POST",
        credentials: "same-origin",
        keepalive: true,
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(this.form) },
        body: JSON.stringify(payload),
      }).catch(function () {});
    } catch (error) {
      // Too late: the page is going.
    }
  };

  Queue.prototype.clear = function () {
    this.dirty = false;
    removeDraft(this.name);
  };

  // Capture phase: runs before trainee-session.js wipes the drafts on the sign-out form.
  document.addEventListener(
    "submit",
    function (event) {
      if (!event.target.matches || !event.target.matches("form[data-signout]")) return;
      queues.forEach(function (queue) { queue.sendBeforeLeaving(); });
    },
    true
  );

  document.querySelectorAll("[data-offline-clear]").forEach(function (element) {
    removeDraft(storageKey(element.getAttribute("data-owner"), element.getAttribute("data-offline-clear")));
  });

  window.OfflineQueue = {
    attach: function (form, options) {
      var queue = new Queue(form, options);
      queues.push(queue);
      return queue;
    },
    isOffline: isOffline,
  };
})();
