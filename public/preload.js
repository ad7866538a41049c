// A show page's data is requested now, in parallel with the wasm download, not after it: the
// app's own fetch of the same URL takes this preloaded response. On app.html (the page a host
// serves where the build wrote none, and `trunk serve`'s); a page written at build time carries
// the same preload as a plain <link> instead. A file, not an inline script, so that a strict
// Content-Security-Policy needs no exception for it.
(function () {
  var show = /^\/shows\/([a-z0-9-]+)\/?$/.exec(location.pathname);
  if (show) {
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";
    link.href = "/data/shows/" + show[1] + ".json";
    document.head.appendChild(link);
  }
})();
