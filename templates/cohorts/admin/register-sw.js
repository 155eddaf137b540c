// The register's service worker (cohorts/register.py, register_worker), served from
// {{ page }}sw.js: its scope is this cohort's register and nothing else of the admin.
// A register page opened online is kept; reloaded while the tablet is offline, the copy is
// shown, the marks the tablet holds (offline-queue.js) come back into it and leave when the
// network is back. Kept: the register page (network first, a copy of today only) and the
// static files it loads. Never another admin page, never a POST, never an answer that sent
// the reader to sign in (the copies are then deleted: whoever signs in next sees none). A
// sign-out on the tablet (OfflineQueue.seal) deletes every "foras-" cache, this one too.
"use strict";
var CACHE = "{{ cache_name }}";
var PAGE = "{{ page|escapejs }}";
var STATIC = "{{ static_url|escapejs }}";

function isPage(url) {
  return url.origin === self.location.origin && url.pathname === PAGE;
}

function isStatic(url) {
  return url.origin === self.location.origin && url.pathname.indexOf(STATIC) === 0;
}

function keptToday(copy) {
  var kept = copy && Number(copy.headers.get("X-Kept-At"));
  return Boolean(kept) && new Date(kept).toDateString() === new Date().toDateString();
}

{% include "lms/service-worker-keep.js" %}

function fromNetwork(event, request, keepIt) {
  var askedAt = Date.now();
  return fetch(request)
    .then(function (response) {
      if (response.redirected || response.type === "opaqueredirect") {
        event.waitUntil(caches.delete(CACHE));
      } else if (response.ok && response.type === "basic" && keepIt) {
        event.waitUntil(keep(request, response.clone(), askedAt));
      }
      return response;
    })
    .catch(function (error) {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(request, { ignoreVary: true }).then(function (copy) {
          if (copy && keptToday(copy)) return copy;
          throw error;
        });
      });
    });
}

// A page loaded before this worker controlled it, or whose marks have reached the server
// since, asks for its copy to be kept (again).
self.addEventListener("message", function (event) {
  var url = event.data && event.data.keep;
  if (!url || !isPage(new URL(url, self.location.href))) return;
  var request = new Request(new URL(url, self.location.href).href, { credentials: "same-origin" });
  var askedAt = Date.now();
  event.waitUntil(
    fetch(request).then(function (response) {
      if (response.redirected) return caches.delete(CACHE);
      if (response.ok) return keep(request, response, askedAt);
    })
  );
});

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (request.mode === "navigate" && isPage(url)) {
    event.respondWith(fromNetwork(event, request, true));
  } else if (isStatic(url)) {
    event.respondWith(fromNetwork(event, request, true));
  }
});
