// On the 404 page: an address a show had before it was renamed (data/aliases.json, made from the
// slug registry) takes the reader on to the show's address now. The app does the same once it
// has started; this runs first, and where the app cannot start. Hosts with redirects (the
// build's _redirects, the README's nginx and Caddy lines) answer with a 301 before any of this.
// A file, not an inline script, so that a strict Content-Security-Policy needs no exception.
// Only a slug made of an id (bgm-488197, mal-54794, work-<hash>) is ever renamed
// (bundle::is_id_slug): no other address asks for the aliases.
(function () {
  var asked = /^\/shows\/((?:bgm|mal|anilist|anidb|work)-[0-9a-f][0-9a-f-]*)\/?$/.exec(location.pathname);
  if (!asked || !window.fetch) return;
  fetch("/data/aliases.json")
    .then(function (response) {
      return response.ok ? response.json() : null;
    })
    .then(function (file) {
      var now = file && file.aliases && Object.prototype.hasOwnProperty.call(file.aliases, asked[1]) ? file.aliases[asked[1]] : null;
      if (typeof now === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(now)) {
        location.replace("/shows/" + now + location.search + location.hash);
      }
    })
    .catch(function () {});
})();
