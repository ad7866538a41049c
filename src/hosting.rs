//! What a host sends with the build: the Content-Security-Policy, the other security headers,
//! caching and CORS. Written by the prerender as `_headers` (the format Netlify and Cloudflare
//! Pages read) and, for hosts that cannot set headers, as a `<meta>` policy in each written
//! page. The README gives the same for nginx and Caddy.

/// The site's policy, one directive each. Nothing inline: the build writes no inline script or
/// style (src/prerender/shell.rs), and the app sets styles through the CSSOM only.
/// - `'wasm-unsafe-eval'` is what compiling the wasm needs, and nothing more.
/// - `img-src 'self'`: the pages show no image but the icon.
/// - Trusted Types: the app hands HTML to the browser's parser only through the default policy
///   it installs (`browser::install_markup_policy`), which refuses markup that could run a
///   script. Leptos parses its own views' static HTML (`<template>` elements) with
///   `innerHTML`, so a policy of another name could not serve it.
const POLICY: &[&str] = &[
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types default",
];

/// Directives that a `<meta>` policy cannot carry: browsers ignore them there (and say so).
const HEADER_ONLY: &[&str] = &["frame-ancestors"];

/// The policy as a response header sends it.
pub fn content_security_policy() -> String {
    POLICY.join("; ")
}

/// The policy for `<meta http-equiv="Content-Security-Policy">`: the header's without
/// `frame-ancestors`, which only a header can set (the README says so).
pub fn meta_content_security_policy() -> String {
    let in_meta = |directive: &&&str| !HEADER_ONLY.iter().any(|name| directive.split(' ').next() == Some(name));
    POLICY.iter().filter(in_meta).copied().collect::<Vec<_>>().join("; ")
}

/// Headers every response gets.
pub fn site_headers() -> Vec<(&'static str, String)> {
    vec![
        ("Content-Security-Policy", content_security_policy()),
        ("X-Content-Type-Options", "nosniff".to_string()),
        ("Referrer-Policy", "strict-origin-when-cross-origin".to_string()),
    ]
}

/// For a file whose name changes with its content: kept a year, never asked for again.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For every other file: kept, but checked with the server before each use.
pub const REVALIDATE: &str = "public, max-age=0, must-revalidate";

/// Whether a file's name carries a hash of its content, as Trunk's and the build's own do:
/// `nextseason-d3015805d8361336_bg.wasm`, `main-f1e98b4e327c110e.css`. Trunk writes its 64-bit
/// hash without leading zeros (`nextseason-673e9111963bb26.js`, one build in sixteen), so 12 to
/// 16 hex digits: fewer would take a `sitemap-1.xml` for hashed.
pub fn is_hashed_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or_default();
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    match stem.rsplit_once('-') {
        Some((_, hash)) => (12..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit()),
        None => false,
    }
}

/// Whether the widget reads `name` (a top-level file or folder of the build) from a blog's page,
/// another origin: embed.js, embed.css, the widget's JS glue and wasm (named
/// `nextseason-embed-<hash>` by .ci/build-wasm.sh), and the bundle in `data/`.
pub fn is_read_by_widget(name: &str) -> bool {
    matches!(name, "embed.js" | "embed.css" | "data") || name.starts_with("nextseason-embed-")
}

/// One entry at the top of the build: a file, or a folder (whose every file shares its rule).
pub struct TopLevel {
    pub name: String,
    pub is_folder: bool,
}

/// `_headers` for a build whose top level holds `entries`. No header is set by two rules that
/// match one path, since Cloudflare Pages joins such values and Netlify's merging differs: the
/// security headers are on `/*` alone, and each path has one rule for caching and CORS.
pub fn headers_file(entries: &[TopLevel]) -> String {
    let mut out = String::from(
        "# Written by nextseason-prerender (src/hosting.rs): the headers of this build, for hosts\n\
         # that read _headers (Netlify, Cloudflare Pages). The README gives nginx and Caddy's.\n",
    );
    let mut rule = |path: &str, headers: &[(&str, &str)]| {
        out.push('\n');
        out.push_str(path);
        out.push('\n');
        for (name, value) in headers {
            out.push_str(&format!("  {name}: {value}\n"));
        }
    };
    let site = site_headers();
    rule("/*", &site.iter().map(|(n, v)| (*n, v.as_str())).collect::<Vec<_>>());
    // "/" is index.html, served at the folder's address.
    rule("/", &[("Cache-Control", REVALIDATE)]);
    let mut entries: Vec<&TopLevel> = entries.iter().filter(|e| !e.name.starts_with('.') && e.name != "_headers" && e.name != REDIRECTS_FILE).collect();
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    for entry in entries {
        let cache = match !entry.is_folder && is_hashed_name(&entry.name) {
            true => IMMUTABLE,
            false => REVALIDATE,
        };
        let mut headers = vec![("Cache-Control", cache)];
        if is_read_by_widget(&entry.name) {
            headers.push(("Access-Control-Allow-Origin", "*"));
        }
        // The types a calendar application and a feed reader expect, which not every host
        // knows by the extension (nginx's mime.types has no .ics).
        if let Some(kind) = follow_type(&entry.name) {
            headers.push(("Content-Type", kind));
        }
        let path = match entry.is_folder {
            true => format!("/{}/*", entry.name),
            false => format!("/{}", entry.name),
        };
        rule(&path, &headers);
        if entry.is_folder && entry.name == "shows" {
            rule("/shows/*/calendar.ics", &[("Content-Type", CALENDAR_TYPE)]);
        }
    }
    out
}

const CALENDAR_TYPE: &str = "text/calendar; charset=utf-8";

/// The type of the build's calendars and feed (src/follow), by file name.
fn follow_type(name: &str) -> Option<&'static str> {
    match name {
        "calendar.ics" => Some(CALENDAR_TYPE),
        // Its encoding is in its XML declaration, as the servers leave it.
        "feed.atom" => Some("application/atom+xml"),
        _ => None,
    }
}

/// The redirects of renamed shows, for hosts that read `_redirects` (Netlify, Cloudflare Pages).
pub const REDIRECTS_FILE: &str = "_redirects";
/// The same for nginx: the entries of a `map` (README, "Hosting").
pub const NGINX_REDIRECTS_FILE: &str = "redirects.nginx";
/// The same for Caddy: the entries of a `map` (README, "Hosting").
pub const CADDY_REDIRECTS_FILE: &str = "redirects.caddy";

/// How many static redirects Cloudflare Pages reads from `_redirects`; it skips the lines after.
pub const CLOUDFLARE_STATIC_REDIRECTS: usize = 2000;

/// A show's former address and its address now: `("/shows/bgm-1", "/shows/frieren")`.
pub type Moved = (String, String);

/// `_redirects`: one permanent redirect a line, in the order given (Cloudflare Pages reads the
/// first [`CLOUDFLARE_STATIC_REDIRECTS`]; the 404 page takes readers on from the others). Both
/// hosts match an address with or without its trailing slash to the same rule.
pub fn redirects_file(moved: &[Moved]) -> String {
    let mut out = String::from(
        "# Written by nextseason-prerender (src/hosting.rs): the former addresses of renamed shows,\n\
         # newest shows first (Cloudflare Pages reads the first 2,000 lines; the 404 page takes\n\
         # readers on from the rest). Netlify and Cloudflare Pages read this file as it is.\n",
    );
    for (from, to) in moved {
        out.push_str(&format!("{from} {to} 301\n"));
    }
    out
}

/// The entries of nginx's `map $uri $nextseason_moved { include …; }`: each address with and
/// without its trailing slash, since nginx compares them as they are.
pub fn nginx_redirects(moved: &[Moved]) -> String {
    map_entries(moved, "map $uri $nextseason_moved", ";")
}

/// The entries of Caddy's `map {path} {nextseason_moved} { import … }`, as nginx's.
pub fn caddy_redirects(moved: &[Moved]) -> String {
    map_entries(moved, "map {path} {nextseason_moved}", "")
}

/// A server's `map` entries, each line ended by `end`: every former address, with and without
/// its trailing slash.
fn map_entries(moved: &[Moved], map: &str, end: &str) -> String {
    let mut out = format!("# Written by nextseason-prerender: the entries of the README's `{map}`.\n");
    for (from, to) in moved {
        out.push_str(&format!("{from} {to}{end}\n{from}/ {to}{end}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, is_folder: bool) -> TopLevel {
        TopLevel { name: name.to_string(), is_folder }
    }

    #[test]
    fn hashed_names_are_the_builds_own() {
        for name in ["nextseason-d3015805d8361336.js", "nextseason-d3015805d8361336_bg.wasm", "main-f1e98b4e327c110e.css", "nextseason-embed-51f9e836c150dd74.js", "nextseason-673e9111963bb26_bg.wasm"] {
            assert!(is_hashed_name(name), "{name}");
        }
        for name in ["embed.js", "index.html", "preload.js", "sitemap-1.xml", "main-f1e98b4e32.css", "main-f1e98b4e327c110e0.css", "show-metallic-rouge.json", "nextseason-zzzzzzzzzzzzzzzz.js"] {
            assert!(!is_hashed_name(name), "{name}");
        }
    }

    #[test]
    fn the_meta_policy_is_the_headers_without_what_only_a_header_can_set() {
        let header = content_security_policy();
        let meta = meta_content_security_policy();
        assert!(header.contains("frame-ancestors 'none'"));
        assert!(!meta.contains("frame-ancestors"));
        assert_eq!(header.replace("; frame-ancestors 'none'", ""), meta);
        for policy in [&header, &meta] {
            assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"), "{policy}");
            assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval'"));
        }
    }

    #[test]
    fn each_path_gets_one_cache_rule_and_the_widgets_files_cors() {
        let file = headers_file(&[
            entry("index.html", false),
            entry("nextseason-d3015805d8361336_bg.wasm", false),
            entry("nextseason-embed-51f9e836c150dd74.js", false),
            entry("embed.js", false),
            entry("data", true),
            entry("shows", true),
            entry("cards", true),
            entry("_headers", false),
            entry("_redirects", false),
            entry("calendar.ics", false),
            entry("feed.atom", false),
        ]);
        let rules: Vec<(&str, Vec<&str>)> = file
            .split("\n\n")
            .skip(1)
            .map(|rule| {
                let mut lines = rule.lines();
                (lines.next().unwrap(), lines.map(str::trim).collect())
            })
            .collect();
        let rule = |path: &str| rules.iter().find(|(p, _)| *p == path).map(|(_, h)| h.clone()).unwrap_or_else(|| panic!("no rule for {path}:\n{file}"));
        assert!(rule("/*")[0].starts_with("Content-Security-Policy: default-src 'none'"));
        assert_eq!(rule("/nextseason-d3015805d8361336_bg.wasm"), ["Cache-Control: public, max-age=31536000, immutable"]);
        assert_eq!(
            rule("/nextseason-embed-51f9e836c150dd74.js"),
            ["Cache-Control: public, max-age=31536000, immutable", "Access-Control-Allow-Origin: *"]
        );
        assert_eq!(rule("/embed.js"), ["Cache-Control: public, max-age=0, must-revalidate", "Access-Control-Allow-Origin: *"]);
        assert_eq!(rule("/data/*"), ["Cache-Control: public, max-age=0, must-revalidate", "Access-Control-Allow-Origin: *"]);
        assert_eq!(rule("/shows/*"), ["Cache-Control: public, max-age=0, must-revalidate"]);
        // The share cards keep their names while their facts change (src/cards/): never
        // immutable, checked before each use like the pages they picture.
        assert_eq!(rule("/cards/*"), ["Cache-Control: public, max-age=0, must-revalidate"]);
        assert_eq!(rule("/"), ["Cache-Control: public, max-age=0, must-revalidate"]);
        // The calendars and the feed, with the types their readers expect.
        assert_eq!(rule("/calendar.ics"), ["Cache-Control: public, max-age=0, must-revalidate", "Content-Type: text/calendar; charset=utf-8"]);
        assert_eq!(rule("/shows/*/calendar.ics"), ["Content-Type: text/calendar; charset=utf-8"]);
        assert_eq!(rule("/feed.atom"), ["Cache-Control: public, max-age=0, must-revalidate", "Content-Type: application/atom+xml"]);
        assert!(rules.iter().all(|(path, _)| *path != "/_headers" && *path != "/_redirects"));
        // No header is given twice for one path, except by "/*", which sets no cache or CORS.
        assert!(rules.iter().filter(|(_, h)| h.iter().any(|l| l.starts_with("Cache-Control"))).all(|(p, _)| *p != "/*"));
    }

    #[test]
    fn redirects_for_every_host_from_the_same_list() {
        let moved = vec![("/shows/bgm-2".to_string(), "/shows/kusuriya-no-hitorigoto".to_string()), ("/shows/bgm-1".to_string(), "/shows/sousou-no-frieren".to_string())];
        let file = redirects_file(&moved);
        let rules: Vec<&str> = file.lines().filter(|l| !l.starts_with('#')).collect();
        assert_eq!(rules, ["/shows/bgm-2 /shows/kusuriya-no-hitorigoto 301", "/shows/bgm-1 /shows/sousou-no-frieren 301"], "in the order given");
        let nginx = nginx_redirects(&moved);
        assert!(nginx.contains("\n/shows/bgm-1 /shows/sousou-no-frieren;\n/shows/bgm-1/ /shows/sousou-no-frieren;\n"), "{nginx}");
        let caddy = caddy_redirects(&moved);
        assert!(caddy.contains("\n/shows/bgm-1 /shows/sousou-no-frieren\n/shows/bgm-1/ /shows/sousou-no-frieren\n"), "{caddy}");
        assert_eq!(nginx.lines().filter(|l| !l.starts_with('#')).count(), 4);
        assert!(redirects_file(&[]).lines().all(|l| l.starts_with('#')));
    }
}
