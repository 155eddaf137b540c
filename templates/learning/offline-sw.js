// The trainee space's service worker (learning/attempt_views.py, service_worker): a test page
// (or an exercise page: the CV, the business plan) reloaded while the tablet is offline is
// shown from the copy kept at its last visit, so the answers the tablet holds
// (offline-queue.js) come back into it. Only those pages, only GET
// navigations, network first. A copy is kept for {{ idle_seconds }} s at most (a trainee idle
// longer is signed out anyway), and every sign-out deletes them all (OfflineQueue.seal()).
"use strict";
var CACHE = "{{ cache_name }}";
var MAX_AGE_MS = {{ idle_seconds }} * 1000;
var PAGES = /^\/learn\/(assessments\/\d+\/(pre|post|survey)|(cv|plan)\/\d+)\/$/;

{% include "lms/service-worker-keep.js" %}

// A page loaded before this worker controlled it asks for its own copy.
self.addEventListener("message", function (event) {
  var url = event.data && event.data.keep;
  if (!url || !PAGES.test(new URL(url, self.location.href).pathname)) return;
  var request = new Request(url, { credentials: "same-origin" });
  var askedAt = Date.now();
  event.waitUntil(
    fetch(request).then(function (response) {
      if (response.ok && !response.redirected) return keep(request, response, askedAt);
    })
  );
});

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.mode !== "navigate") return;
  if (!PAGES.test(new URL(request.url).pathname)) return;
  var askedAt = Date.now();
  event.respondWith(
    fetch(request)
      .then(function (response) {
        if (response.ok && !response.redirected && response.type === "basic") {
          event.waitUntil(keep(request, response.clone(), askedAt));
        }
        return response;
      })
      .catch(function (error) {
        return caches.open(CACHE).then(function (cache) {
          return cache.match(request, { ignoreVary: true }).then(function (copy) {
            var kept = copy && Number(copy.headers.get("X-Kept-At"));
            if (copy && Date.now() - kept < MAX_AGE_MS) return copy;
            throw error;
          });
        });
      })
  );
});
