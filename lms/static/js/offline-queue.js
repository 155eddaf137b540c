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
//     delivery: {url, token, key}, // optional: see "Sign-out" below
//     onSaved: function (body) {…},             // optional: the server's 200 answer
//     onConflict: function (body, queue) {…},   // optional: see below
//     onRejected: function (body) {…},          // optional: the server's 400 answer
//     append: true,                // optional: see "Events" below
//   });
//   queue.changed();  // called on every "input"/"change" event of the form already
//   queue.flush();    // a Promise: true once the server has everything (false otherwise)
//
// The server answers {version} when it kept the data, 409 {version, answers} when the
// client's version is older (changed on another tablet: the server's data wins and the user
// is told; with `onConflict`, the page asks the user instead, then calls queue.keepMine() or
// queue.takeTheirs(): the server has kept both texts), 409 {location} when there is nothing left to save (go there), 400 {error} when it
// refuses the data. Offline, or when the server cannot be reached, the draft stays in
// localStorage and is sent again on the "online" event and every few seconds.
//
// Sign-out (OfflineQueue.seal(), called by trainee-session.js, and by any page shown to nobody
// signed in): what the next trainee could read is wiped — every "foras:" draft but a register's
// unsent marks (see unsentRegister) — and nothing unsent is lost. A page with `delivery` (learning/delivery.py) never stores its draft in
// clear: it lives in the *outbox* ("foras-outbox:<owner>:<key>"), encrypted (AES-GCM,
// WebCrypto) with a key that only the page carries, beside a token that lets the server take
// it. Sealing keeps the unsent outbox entries; every page of the trainee space, the sign-in
// page included, sends them with their token whenever the tablet is online, and forgets them
// once the server has them (or says it never will: newer answers, test sent, expired token).
// Reloading the page gives the key back, so the trainee's own draft is restored; the next
// trainee's pages have no key to it. Without WebCrypto (a plain-HTTP address), the outbox
// holds the answers in clear — never shown by any page — rather than losing them.
// A page showing [data-offline-clear="<key>"] (with data-owner) forgets that draft.
//
// Events (`append: true`, the register): the draft is a list of events, each made on the
// tablet with its own id, applied once by the server whatever the number of times it is sent
// (cohorts/register.py). No version is sent or checked: a draft left on the tablet is always
// sent. The server answers 200 with what it has received; `onSaved` takes those events out of
// the list, and the queue is clean once the list is empty.
(function () {
  "use strict";
  var PREFIX = "foras:";
  var OUTBOX = "foras-outbox:";
  var DELAY = 700;
  var RETRY_EVERY = 5000;
  var queues = [];
  var sealed = false;

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

  function storedKeys(prefix) {
    var keys = [];
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (key && key.indexOf(prefix) === 0) keys.push(key);
      }
    } catch (error) {
      // Storage switched off: nothing stored.
    }
    return keys;
  }

  var subtle = window.crypto && window.crypto.subtle;

  function fromBase64(text) {
    var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function toBase64(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  // The page's draft key, not extractable: once the page is gone, so is the key.
  function importKey(key) {
    if (!subtle || !key) return Promise.resolve(null);
    return subtle
      .importKey("raw", fromBase64(key), "AES-GCM", false, ["encrypt", "decrypt"])
      .catch(function () { return null; });
  }

  // {version, data, dirty} → the outbox entry kept on the tablet.
  function sealEntry(delivery, cryptoKey, draft) {
    var entry = { url: delivery.url, token: delivery.token, version: draft.version, dirty: draft.dirty };
    var plain = JSON.stringify({ version: draft.version, answers: draft.data });
    if (!cryptoKey) {
      entry.answers = draft.data;
      return Promise.resolve(entry);
    }
    var iv = window.crypto.getRandomValues(new Uint8Array(12));
    return subtle
      .encrypt(
        { name: "AES-GCM", iv: iv, additionalData: new TextEncoder().encode(delivery.token) },
        cryptoKey,
        new TextEncoder().encode(plain)
      )
      .then(function (sealedData) {
        entry.iv = toBase64(iv);
        entry.data = toBase64(sealedData);
        return entry;
      });
  }

  // A delivery token is "<what it names>:<when it was signed>:<signature>" (django.core.signing):
  // two renders of one page, a second apart, name the same attempt with different tokens (the
  // copy a service worker keeps is often such another render).
  function sameHolder(token, other) {
    return typeof token === "string" && typeof other === "string" &&
      token.split(":")[0] === other.split(":")[0];
  }

  // The outbox entry → {version, data, dirty}, or null when this page cannot open it. An
  // encrypted entry opens only with this attempt's key, whichever render sealed it.
  function openEntry(delivery, cryptoKey, entry) {
    if (!entry || !sameHolder(entry.token, delivery.token)) return Promise.resolve(null);
    if (!entry.iv) {
      return Promise.resolve({ version: entry.version, data: entry.answers || {}, dirty: entry.dirty });
    }
    if (!cryptoKey) return Promise.resolve(null);
    return subtle
      .decrypt(
        { name: "AES-GCM", iv: fromBase64(entry.iv), additionalData: new TextEncoder().encode(entry.token) },
        cryptoKey,
        fromBase64(entry.data)
      )
      .then(function (plain) {
        var payload = JSON.parse(new TextDecoder().decode(plain));
        return { version: payload.version, data: payload.answers, dirty: entry.dirty };
      })
      .catch(function () { return null; });
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
    this.onSaved = options.onSaved || null;
    this.onConflict = options.onConflict || null;
    this.onRejected = options.onRejected || null;
    this.append = Boolean(options.append);
    this.versionField = form.querySelector("input[name=version]");
    this.dirty = false;
    this.rejected = false;
    this.inFlight = null;
    this.timer = null;
    this.conflicted = false;
    this.closed = false;
    this.delivery = options.delivery && options.delivery.token ? options.delivery : null;
    this.outboxName = OUTBOX + options.owner + ":" + options.key;
    this.cryptoKey = importKey(this.delivery && this.delivery.key);
    this.writing = Promise.resolve();
    this.restore();
    var queue = this;
    form.addEventListener("input", function () { queue.changed(); });
    form.addEventListener("change", function () { queue.changed(); });
    window.setInterval(function () {
      if (queue.dirty && !queue.rejected && !queue.closed && !isOffline()) queue.send();
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
    if (this.closed) return this.writing;
    var draft = { version: this.version, data: this.serialize(this.form), dirty: this.dirty };
    if (!this.delivery) {
      writeDraft(this.name, draft);
      return this.writing;
    }
    var queue = this;
    // One write after the other, so that an older draft never lands after a newer one.
    this.writing = this.writing
      .then(function () { return queue.cryptoKey; })
      .then(function (cryptoKey) { return sealEntry(queue.delivery, cryptoKey, draft); })
      .then(function (entry) { writeDraft(queue.outboxName, entry); })
      .catch(function () {});
    return this.writing;
  };

  Queue.prototype.stored = function () {
    if (!this.delivery) return Promise.resolve(readDraft(this.name));
    var queue = this;
    return this.cryptoKey.then(function (cryptoKey) {
      return openEntry(queue.delivery, cryptoKey, readDraft(queue.outboxName));
    });
  };

  Queue.prototype.forget = function () {
    removeDraft(this.name);
    removeDraft(this.outboxName);
  };

  // A draft left by an earlier visit (or by this page before it was reloaded offline): shown
  // again, and sent if the server has not moved on since.
  Queue.prototype.restore = function () {
    var queue = this;
    this.restoring = this.stored().then(function (draft) {
      if (!draft || !draft.dirty || queue.dirty) return;
      // A newer version than the page's: the page is a copy kept from earlier (reloaded
      // offline), and the draft was based on what the server had since.
      if (!queue.saveUrl || queue.append || draft.version >= queue.version) {
        if (draft.version > queue.version) queue.setVersion(draft.version);
        queue.apply(queue.form, draft.data);
        queue.dirty = true;
        if (!queue.saveUrl) queue.show("local");
        else if (isOffline()) queue.show("offline");
        else queue.schedule();
      } else {
        queue.forget();
        queue.show("conflict");
      }
    });
  };

  Queue.prototype.changed = function () {
    if (this.closed) return;
    if (this.theirs) {
      // Waiting for the user's choice after a conflict: kept here, sent once they choose.
      this.dirty = true;
      this.keep();
      return;
    }
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
    if (!this.saveUrl || !this.dirty || this.closed) return Promise.resolve(!this.dirty);
    if (this.theirs) return Promise.resolve(false);
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
    var payload = this.append ? {} : { version: this.version };
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
    if (status === 200 && this.append) {
      if (this.onSaved) this.onSaved(body);
      this.dirty = this.serialize(this.form).length > 0;
      this.keep();
      if (!this.dirty) this.show("saved");
      return !this.dirty;
    }
    if (status === 200 && typeof body.version === "number") {
      this.setVersion(body.version);
      if (this.onSaved) this.onSaved(body);
      this.dirty = JSON.stringify(this.serialize(this.form)) !== sent;
      this.keep();
      if (!this.dirty) this.show("saved");
      return !this.dirty;
    }
    if (status === 409 && body.location) {
      this.forget();
      this.dirty = false;
      window.location.assign(body.location);
      return false;
    }
    if (status === 409 && typeof body.version === "number" && this.onConflict) {
      // The user chooses; until then nothing is sent (the draft stays on the tablet).
      this.again = false;
      this.conflicted = true;
      this.theirs = body;
      this.show("conflict");
      this.onConflict(body, this);
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
      if (this.onRejected) this.onRejected(body);
      this.show("error", this.message("error") + (body.error ? " : " + body.error : ""));
      return false;
    }
    // Signed out, server error…: the draft stays here and is sent again later.
    this.show("error");
    return false;
  };

  // After a conflict (onConflict): the tablet's text wins (the newer one stays in the history).
  Queue.prototype.keepMine = function () {
    if (!this.theirs) return Promise.resolve(false);
    this.setVersion(this.theirs.version);
    this.theirs = null;
    this.conflicted = false;
    this.dirty = true;
    this.keep();
    return this.send();
  };

  // After a conflict (onConflict): the newer text wins (the tablet's stays in the history).
  Queue.prototype.takeTheirs = function () {
    if (!this.theirs) return;
    this.setVersion(this.theirs.version);
    this.apply(this.form, this.theirs[this.payloadKey] || {});
    this.theirs = null;
    this.conflicted = false;
    this.dirty = false;
    this.keep();
    this.show("saved");
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

  Queue.prototype.clear = function () {
    this.dirty = false;
    this.forget();
  };

  // Unsent: changed since the server last said it had everything.
  Queue.prototype.unsent = function () {
    return Boolean(this.saveUrl && this.dirty && !this.rejected && !this.conflicted);
  };

  document.querySelectorAll("[data-offline-clear]").forEach(function (element) {
    var owner = element.getAttribute("data-owner");
    var key = element.getAttribute("data-offline-clear");
    removeDraft(storageKey(owner, key));
    removeDraft(OUTBOX + owner + ":" + key);
  });

  // The outbox: entries this page does not own (left by a page since closed, or by a trainee
  // since signed out), sent with their token. Forgotten once the server has them (200) or
  // refuses them for good (400: unreadable or expired; 409: superseded). Kept otherwise.
  var flushing = null;

  function attachedNames() {
    var names = {};
    if (!sealed) queues.forEach(function (queue) { if (queue.delivery) names[queue.outboxName] = true; });
    return names;
  }

  function pendingEntries() {
    var own = attachedNames();
    return storedKeys(OUTBOX).filter(function (name) {
      var entry = readDraft(name);
      return !own[name] && entry && entry.dirty && entry.url && entry.token;
    });
  }

  function deliver(name) {
    var text = window.localStorage.getItem(name);
    var entry = readDraft(name);
    var body = entry.iv
      ? { token: entry.token, iv: entry.iv, data: entry.data }
      : { token: entry.token, version: entry.version, answers: entry.answers };
    return fetch(entry.url, {
      method: "POST",
      credentials: "omit",
      cache: "no-store",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    })
      .then(function (response) {
        var settled = response.status === 200 || response.status === 400 || response.status === 409;
        // Unless the entry was written again meanwhile (then the newer one is sent next time).
        if (settled && window.localStorage.getItem(name) === text) removeDraft(name);
        return settled;
      })
      .catch(function () { return false; });
  }

  function flushOutbox() {
    if (flushing) return flushing;
    var names = pendingEntries();
    if (!names.length || isOffline()) return Promise.resolve(!names.length);
    flushing = names
      .reduce(function (done, name) {
        return done.then(function (all) {
          return deliver(name).then(function (ok) { return all && ok; });
        });
      }, Promise.resolve(true))
      .then(function (all) {
        flushing = null;
        return all;
      });
    return flushing;
  }

  // What the signed-in trainee has not on the server yet: this page's drafts, and their own
  // outbox entries (another trainee's, still waiting, are not theirs to wait for).
  function unsent() {
    var mine = OUTBOX + (document.body.getAttribute("data-owner") || "") + ":";
    var count = pendingEntries().filter(function (name) { return name.indexOf(mine) === 0; }).length;
    queues.forEach(function (queue) { if (queue.unsent()) count += 1; });
    return count;
  }

  // Try to send everything now; true when nothing is left unsent.
  function flushAll() {
    return Promise.all(
      queues.map(function (queue) { return queue.unsent() ? queue.flush() : true; })
    )
      .then(function () { return flushOutbox(); })
      .then(function () { return unsent() === 0; });
  }

  // Sign-out: unsent drafts go to the outbox (encrypted), what could be read is wiped.
  // A register's unsent marks (ids and statuses, no names) outlive a sign-out on this tablet:
  // the trainee who signs in next has no page that reads them, and the trainer's register
  // sends them the next time it is opened (the server keeps each mark once).
  function unsentRegister(name) {
    if (!/^foras:[^:]+:register-/.test(name)) return false;
    var draft = readDraft(name);
    return !!(draft && Array.isArray(draft.data) && draft.data.length);
  }

  function seal() {
    var writes = queues.map(function (queue) {
      var written = queue.delivery && queue.unsent() ? queue.keep() : queue.writing;
      queue.closed = true;
      window.clearTimeout(queue.timer);
      return written;
    });
    sealed = true;
    // The service worker's copies of this trainee's pages (templates/learning/offline-sw.js).
    var pages = window.caches
      ? window.caches
          .keys()
          .then(function (names) {
            return Promise.all(
              names
                .filter(function (name) { return name.indexOf("foras-") === 0; })
                .map(function (name) { return window.caches.delete(name); })
            );
          })
          .catch(function () {})
      : null;
    writes.push(pages);
    return Promise.all(writes).then(function () {
      ["localStorage", "sessionStorage"].forEach(function (storageName) {
        try {
          var storage = window[storageName];
          var names = [];
          for (var i = 0; i < storage.length; i++) names.push(storage.key(i));
          names.forEach(function (name) {
            if (!name) return;
            if (name.indexOf(PREFIX) === 0 && !unsentRegister(name)) storage.removeItem(name);
            // An outbox entry already on the server is of no use to anyone.
            if (name.indexOf(OUTBOX) === 0 && !(readDraft(name) || {}).dirty) storage.removeItem(name);
          });
        } catch (error) {
          // Storage switched off: nothing stored.
        }
      });
    });
  }

  // The page's own address, as the service worker keeps it (the register's ?day= included).
  function pageAddress() {
    return window.location.pathname + window.location.search;
  }

  // The page's copy for a reload while offline: the service worker of the trainee space
  // (templates/learning/offline-sw.js), or of the register (templates/cohorts/admin/
  // register-sw.js), keeps the pages it knows, this one included.
  function keepPageOffline(workerUrl) {
    if (!workerUrl || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker
      .register(workerUrl, { updateViaCache: "all" })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) {
        // A page loaded before the worker controlled it asks for its own copy.
        if (!navigator.serviceWorker.controller && registration.active) {
          registration.active.postMessage({ keep: pageAddress() });
        }
      })
      .catch(function () {
        // No worker (private mode, plain HTTP): a reload offline is the browser's error page.
      });
  }

  // The copy kept is the page as it was loaded: once the server has more (the register's
  // marks, sent since), the worker is asked to keep it again.
  function keepPageAgain() {
    var worker = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (worker && !isOffline()) worker.postMessage({ keep: pageAddress() });
  }

  // Resolves once every draft written so far is on the tablet: with a delivery, drafts are
  // encrypted before they are stored, which takes a moment (tests wait on it before a reload).
  function kept() {
    return Promise.all(queues.map(function (queue) { return queue.writing; })).then(function () {
      return true;
    });
  }

  window.OfflineQueue = {
    keepPageOffline: keepPageOffline,
    kept: kept,
    keepPageAgain: keepPageAgain,
    attach: function (form, options) {
      var queue = new Queue(form, options);
      queues.push(queue);
      return queue;
    },
    isOffline: isOffline,
    unsent: unsent,
    flushAll: flushAll,
    flushOutbox: flushOutbox,
    seal: seal,
  };

  // A page shown to nobody signed in (the sign-in page): whoever used the tablet before is
  // signed out, whatever happened to their page; their outbox still goes.
  if (document.body && document.body.hasAttribute("data-nobody-signed-in")) seal();
  window.addEventListener("online", function () { flushOutbox(); });
  window.setInterval(flushOutbox, RETRY_EVERY);
  // Once the page's own queues are attached (assessment.js runs after this file).
  document.addEventListener("DOMContentLoaded", function () { flushOutbox(); });
})();
