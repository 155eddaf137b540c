// keep(): how both service workers (templates/learning/offline-sw.js, templates/cohorts/admin/
// register-sw.js) put a page's copy in their CACHE, with the time it was asked for
// (X-Kept-At), so that an old copy is never shown. A worker may fetch one page twice at once
// (its own load, and the copy the page asks for when it was not yet under the worker, or once
// its marks reached the server) and the answers may come back in any order: copies are
// written one after the other, and one asked for earlier never replaces a later one.
var writing = Promise.resolve();

function keep(request, response, askedAt) {
  writing = writing
    .then(function () { return Promise.all([response.blob(), caches.open(CACHE)]); })
    .then(function (got) {
      var body = got[0], cache = got[1];
      return cache.match(request, { ignoreVary: true }).then(function (copy) {
        if (copy && Number(copy.headers.get("X-Kept-At")) > askedAt) return;
        var headers = new Headers(response.headers);
        headers.set("X-Kept-At", String(askedAt));
        return cache.put(request, new Response(body, { status: response.status, headers: headers }));
      });
    })
    .catch(function () {
      // The body did not come whole (the network dropped): the copy kept before stays.
    });
  return writing;
}
