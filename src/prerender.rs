//! Pages written at build time: every route of the bundle rendered once, natively, by the same
//! components the browser mounts, into the HTML that Trunk built. Readers see the article before
//! the wasm arrives, and crawlers and link previews (which run no script) see it at all. The
//! browser app then renders the same page and takes its place (`browser::take_over`).
//!
//! Run by `nextseason-prerender` (src/bin) after a release build; see ARCHITECTURE.md.

use crate::bundle::{CatalogueEntry, CatalogueHead, Show};
use crate::components::HeadingLevel;
use crate::embed::CardKind;
use crate::dates::PartialDate;
use crate::head::{PageHead, SITE_NAME};
use crate::pages::{site_links, Home, Listing, NotFound, ShowView, SiteFrame};
use crate::links::{self, ShowLinks};
use crate::search::Query;
use crate::text::escape_html;
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use serde_json::{json, Value};
use std::sync::Arc;

/// Where the site is served when nothing else is configured: a reserved example domain, so
/// that an unconfigured build never claims someone else's address. `--origin` or
/// `NEXTSEASON_ORIGIN` set the real one.
pub const DEFAULT_ORIGIN: &str = "https://nextseason.example";

/// The marker of a page written at build time; its value is the page's path ("" for the page
/// served at any unknown path, 404.html).
pub const PRERENDERED_ATTR: &str = "data-ns-prerendered";

/// A search engine reads at most 50,000 addresses from one sitemap file.
const SITEMAP_LIMIT: usize = 50_000;

/// Prepares this thread for rendering pages. Components start effects and tasks that matter
/// only in the browser; natively they are given an executor that drops them, since every page
/// gets its data before it is rendered.
pub fn init() {
    struct Nothing;
    impl any_spawner::CustomExecutor for Nothing {
        fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }
    // Already set (a second call, or tests in one process): the same executor is in place.
    let _ = any_spawner::Executor::init_custom_executor(Nothing);
}

/// One page to write.
pub struct Page {
    /// Its address on the site ("/shows/metallic-rouge"); empty for the 404 page.
    pub path: String,
    /// Where it goes in the build ("shows/metallic-rouge/index.html").
    pub file: String,
    pub head: PageHead,
    /// OpenGraph type: "website" or "article".
    pub og_type: &'static str,
    pub image: Option<String>,
    /// Structured data, one JSON-LD object per thing the page is about.
    pub json_ld: Vec<Value>,
    /// The site's frame with the page in it, as the browser app renders it.
    pub body: String,
    /// For the sitemap.
    pub modified: Option<PartialDate>,
    /// Whether the app takes the page over; a page of the build alone has no script at all.
    pub app: bool,
}

/// A view as HTML, without the `<!>` markers that keep adjacent dynamic texts apart for
/// hydration (this site does not hydrate, and text is escaped, so no text can contain one).
pub fn to_html<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    let html = owner.with(|| view().into_view().to_html());
    html.replace("<!>", "")
}

/// A page in the site's frame, as the browser app renders it at `path`: under a `<Router>` at
/// that address, with the site's links.
fn framed<V: IntoView + 'static>(path: &str, page: impl FnOnce() -> V + Send + 'static) -> String {
    let path = if path.is_empty() { "/404" } else { path }.to_string();
    to_html(move || {
        provide_context(RequestUrl::new(&path));
        provide_context(site_links());
        view! {
            <Router>
                <SiteFrame pending=Signal::stored(false)>{page().into_any()}</SiteFrame>
            </Router>
        }
    })
}

/// `/`: the first page of the catalogue in its default order, with the head's filter counts.
pub fn home_page(head: &CatalogueHead, first: Vec<CatalogueEntry>, origin: &str) -> Page {
    let listing = Listing::first_page(head, first);
    let body = framed("/", move || {
        view! { <Home query=Signal::stored(Query::default()) go=Callback::new(|_| {}) prerendered=listing/> }
    });
    Page {
        path: "/".into(),
        file: "index.html".into(),
        head: PageHead::home(""),
        og_type: "website",
        image: None,
        json_ld: vec![json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": SITE_NAME,
            "url": format!("{origin}/"),
        })],
        body,
        modified: None,
        app: true,
    }
}

/// `/shows/<slug>`: every card of the show.
pub fn show_page(show: &Arc<Show>, origin: &str) -> Page {
    let path = links::show_path(&show.slug);
    let shown = show.clone();
    let body = framed(&path, move || view! { <ShowView show=shown/> });
    Page {
        file: format!("{}/index.html", path.trim_start_matches('/')),
        head: PageHead::show(show),
        og_type: "article",
        image: show.image.clone(),
        json_ld: show_json_ld(show, &format!("{origin}{path}")),
        body,
        modified: show.article.updated.or(show.article.published),
        app: true,
        path,
    }
}

/// `/methods`: how the odds from history are reckoned, with the bundle's numbers.
pub fn methods_page(methods: &crate::bundle::OddsMethods) -> Page {
    let methods = Arc::new(methods.clone());
    let modified = Some(methods.as_of);
    let body = framed(crate::links::METHODS_PATH, move || view! { <crate::pages::MethodsView methods/> });
    Page {
        path: crate::links::METHODS_PATH.into(),
        file: "methods/index.html".into(),
        head: PageHead::methods(),
        og_type: "article",
        image: None,
        json_ld: Vec::new(),
        body,
        modified,
        app: false,
    }
}

/// The page a static host serves at any path it has no file for (404.html). The browser app
/// then shows the path asked for, or the show if the path is one the build did not know.
pub fn not_found_page() -> Page {
    let body = framed("", || view! { <NotFound path=Signal::stored(String::new())/> });
    Page {
        path: String::new(),
        file: NOT_FOUND_FILE.into(),
        head: PageHead::not_found(),
        og_type: "website",
        image: None,
        json_ld: Vec::new(),
        body,
        modified: None,
        app: true,
    }
}

/// The former addresses of renamed shows and their addresses now, for the hosts' redirects: the
/// newest shows first (a host that reads only so many, Cloudflare Pages, keeps those most likely
/// linked today; the 404 page takes readers on from the rest), then by the old address.
pub fn moved_addresses(aliases: &crate::bundle::Aliases, shows: &[std::sync::Arc<Show>]) -> Vec<crate::hosting::Moved> {
    let premiere: std::collections::HashMap<&str, Option<(i32, u8, u8)>> = shows.iter().map(|s| (s.slug.as_str(), s.premiere.map(|p| p.earliest_day()))).collect();
    let mut moved: Vec<(&str, &str)> = aliases.aliases.iter().map(|(a, s)| (a.as_str(), s.as_str())).collect();
    moved.sort_by(|a, b| premiere.get(b.1).cmp(&premiere.get(a.1)).then(a.0.cmp(b.0)));
    moved.into_iter().map(|(alias, slug)| (crate::links::show_path(alias), crate::links::show_path(slug))).collect()
}

/// Schema.org data of a show's page: the article, and the series it is about.
pub fn show_json_ld(show: &Show, url: &str) -> Vec<Value> {
    let series_id = format!("{url}#series");
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": show.article.headline,
        "url": url,
        "mainEntityOfPage": url,
        "about": { "@id": series_id },
    });
    if let Some(author) = &show.article.author {
        article["author"] = json!({ "@type": "Person", "name": author });
    }
    if let Some(date) = show.article.published {
        article["datePublished"] = json!(date.machine());
    }
    if let Some(date) = show.article.updated.or(show.article.published) {
        article["dateModified"] = json!(date.machine());
    }
    if let Some(image) = &show.image {
        article["image"] = json!(image);
    }

    let mut series = json!({
        "@context": "https://schema.org",
        "@type": "TVSeries",
        "@id": series_id,
        "name": show.title,
    });
    let romaji = show.romaji.as_deref().filter(|r| *r != show.title);
    let alternate: Vec<&str> = show.native_title.iter().map(|n| n.text.as_str()).chain(show.alt_titles.iter().map(String::as_str)).chain(romaji).collect();
    if !alternate.is_empty() {
        series["alternateName"] = json!(alternate);
    }
    if !show.genres.is_empty() {
        series["genre"] = json!(show.genres);
    }
    if !show.studios.is_empty() {
        series["productionCompany"] = show.studios.iter().map(|s| json!({ "@type": "Organization", "name": s })).collect();
    }
    if let Some(date) = show.premiere {
        series["startDate"] = json!(date.machine());
    }
    if let Some(seasons) = show.seasons {
        series["numberOfSeasons"] = json!(seasons);
    }
    let roles: Vec<Value> = show
        .cast
        .iter()
        .flat_map(|role| {
            role.voices.iter().map(move |voice| {
                let mut person = json!({ "@type": "Person", "name": voice.actor.name });
                if let Some(native) = &voice.actor.native {
                    person["alternateName"] = json!(native.text);
                }
                json!({ "@type": "PerformanceRole", "actor": person, "characterName": role.character.name })
            })
        })
        .collect();
    if !roles.is_empty() {
        series["actor"] = json!(roles);
    }
    vec![article, series]
}

/// Fills the HTML that Trunk built (the app's shell) with one page: its head tags, and its
/// rendered body where the shell's `<noscript>` note was. Fails on a shell it does not know.
pub fn document(shell: &str, origin: &str, page: &Page) -> Result<String, String> {
    if shell.contains(PRERENDERED_ATTR) {
        return Err("the shell already holds a prerendered page: build it again with trunk first".into());
    }
    let scripts = match page.path.is_empty() {
        // The 404 page (the one page of no address), served for every unknown address: a
        // renamed show's former one moves on.
        true => MOVED_SCRIPT.to_string(),
        false => preload_for(&page.path),
    };
    let started = match page.app {
        true => start_app_after_paint(shell)?,
        false => without_app(shell)?,
    };
    let shell = with_policy(&started)?.replacen(PRELOAD_SCRIPT, &scripts, 1);
    let shell = shell.as_str();
    let title = "<title>NextSeason</title>";
    let (noscript_start, noscript_end) = match (shell.find("<noscript>"), shell.find("</noscript>")) {
        (Some(start), Some(end)) if start < end => (start, end + "</noscript>".len()),
        _ => return Err("the shell has no <noscript> note where the page goes".into()),
    };
    if !shell.contains(title) || !shell.contains("</head>") {
        return Err("the shell has no <title>NextSeason</title> or no </head>".into());
    }
    let body = format!("<div class=\"ns-root\" {PRERENDERED_ATTR}=\"{}\">{}</div>", escape_html(&page.path), page.body);
    let html = format!("{}{body}{}", &shell[..noscript_start], &shell[noscript_end..]);
    let html = html.replacen(title, &format!("<title>{}</title>", escape_html(&page.head.document_title())), 1);
    Ok(html.replacen("</head>", &format!("{}</head>", head_tags(origin, page)), 1))
}

/// `shell` with the site's Content-Security-Policy as a `<meta>` (src/hosting.rs), for hosts
/// that cannot send headers: first in the head, since it governs only what follows it.
fn with_policy(shell: &str) -> Result<String, String> {
    const CHARSET: &str = "<meta charset=\"utf-8\" />";
    if shell.contains("http-equiv=\"Content-Security-Policy\"") {
        return Ok(shell.to_string());
    }
    let at = shell.find(CHARSET).ok_or("the shell has no <meta charset=\"utf-8\" /> to put the policy after")? + CHARSET.len();
    let meta = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\" />", escape_html(&crate::hosting::meta_content_security_policy()));
    Ok(format!("{}{meta}{}", &shell[..at], &shell[at..]))
}

/// The app's start in a file of its own, not an inline script, so that a strict
/// Content-Security-Policy (`script-src 'self'`) needs no exception: `(file name, contents)`,
/// the name carrying a hash of the contents.
pub type Script = (String, String);

/// The app's JS glue and wasm, as the preload links of Trunk's page name them.
fn app_files(shell: &str) -> Result<(String, String), String> {
    let unknown = || "the shell has no preload links for the app's JS and wasm (Trunk 0.21's <link rel=\"modulepreload\"> and <link rel=\"preload\" … _bg.wasm>)".to_string();
    let href_after = |marker: &str| {
        let at = shell.find(marker)? + marker.len();
        shell[at..].split_once('"').map(|(href, _)| href.to_string())
    };
    let js = href_after("<link rel=\"modulepreload\" href=\"").ok_or_else(unknown)?;
    let wasm = href_after("<link rel=\"preload\" href=\"").filter(|w| w.ends_with(".wasm")).ok_or_else(unknown)?;
    Ok((js, wasm))
}

/// The element that starts the app in `shell`: Trunk's inline loader, or the script that
/// replaced it ([`app_page`]), as a byte range. Fails, so that the build does, on another.
fn loader_range(shell: &str) -> Result<std::ops::Range<usize>, String> {
    let unknown = || "the shell's app loader is not Trunk 0.21's (import init … await init({ module_or_path … }))".to_string();
    for open in ["<script type=\"module\">", "<script type=\"module\" src=\"/nextseason-boot-"] {
        if let Some(start) = shell.find(open) {
            let end = start + shell[start..].find("</script>").ok_or_else(unknown)? + "</script>".len();
            let inline = &shell[start..end];
            if open.ends_with('>') && !(inline.contains("import init, * as bindings from '") && inline.contains("await init({ module_or_path: '")) {
                return Err(unknown());
            }
            return Ok(start..end);
        }
    }
    Err(unknown())
}

/// A script file named by its contents (FNV-1a, for cache names, not for security).
fn script_file(prefix: &str, contents: String) -> Script {
    let hash = contents.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    (format!("{prefix}-{hash:016x}.js"), contents)
}

/// `app.html`, the page a host serves where nothing was written (and `trunk serve`'s page):
/// Trunk's inline loader moved into a file, which starts the app as the page is parsed, as
/// Trunk's does. A shell whose loader was moved already is returned as it is, without a file.
pub fn app_page(shell: &str) -> Result<(String, Option<Script>), String> {
    let shell = &with_policy(shell)?;
    let (js, wasm) = app_files(shell)?;
    let range = loader_range(shell)?;
    if !shell[range.clone()].starts_with("<script type=\"module\">") {
        return Ok((shell.to_string(), None));
    }
    let script = script_file(
        "nextseason-boot",
        format!(
            "// Written by nextseason-prerender: Trunk's loader, in a file of its own.\n\
             import init, * as bindings from '{js}';\n\
             const wasm = await init({{ module_or_path: '{wasm}' }});\n\
             window.wasmBindings = bindings;\n\
             dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n"
        ),
    );
    let html = format!("{}<script type=\"module\" src=\"/{}\"></script>{}", &shell[..range.start], script.0, &shell[range.end..]);
    Ok((html, Some(script)))
}

/// The start of the app in a written page. Trunk's loader starts the app as the page is parsed,
/// and has the browser fetch its JS and wasm first (preload links): right for `app.html`, which
/// shows nothing until the app runs, but a written page would paint later for it (about 1.5
/// times later on loopback, measured). In a written page the app starts after the first paint.
pub fn page_start_script(shell: &str) -> Result<Script, String> {
    let (js, wasm) = app_files(shell)?;
    Ok(start_script(&js, &wasm))
}

fn start_script(js: &str, wasm: &str) -> Script {
    script_file(
        "nextseason-start",
        format!(
            "// Written by nextseason-prerender: the page is painted first, then the app starts.\n\
             requestAnimationFrame(() => setTimeout(async () => {{\n\
             const bindings = await import('{js}');\n\
             const wasm = await bindings.default({{ module_or_path: '{wasm}' }});\n\
             window.wasmBindings = bindings;\n\
             dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{ detail: {{ wasm }} }}));\n\
             }}));\n"
        ),
    )
}

/// `shell` with its loader replaced by [`page_start_script`]'s file and without the preload
/// links of the app's JS and wasm.
fn start_app_after_paint(shell: &str) -> Result<String, String> {
    let (js, wasm) = app_files(shell)?;
    let (start_file, _) = start_script(&js, &wasm);
    let range = loader_range(shell)?;
    let mut html = format!("{}<script type=\"module\" src=\"/{start_file}\"></script>{}", &shell[..range.start], &shell[range.end..]);
    without_preloads(&mut html, &js, &wasm)?;
    Ok(html)
}

/// `shell` without the app: no loader, no preload links of its JS and wasm (a page of the
/// build alone).
fn without_app(shell: &str) -> Result<String, String> {
    let (js, wasm) = app_files(shell)?;
    let range = loader_range(shell)?;
    let mut html = format!("{}{}", &shell[..range.start], &shell[range.end..]);
    without_preloads(&mut html, &js, &wasm)?;
    Ok(html)
}

/// `html` without the preload links of the app's JS and wasm.
fn without_preloads(html: &mut String, js: &str, wasm: &str) -> Result<(), String> {
    for preloaded in [format!("<link rel=\"modulepreload\" href=\"{js}\""), format!("<link rel=\"preload\" href=\"{wasm}\"")] {
        if let Some(at) = html.find(&preloaded) {
            let close = at + html[at..].find('>').ok_or("a preload link without its end")? + 1;
            html.replace_range(at..close, "");
        }
    }
    Ok(())
}

/// The script of `index.html` that preloads a show's file on `app.html` (`/preload.js`): a
/// written page preloads its show's file with a plain link instead, and others need nothing.
const PRELOAD_SCRIPT: &str = "<script async src=\"/preload.js\"></script>";

/// The 404 page's script (`/moved.js`, from public/): a renamed show's former address
/// (`data/aliases.json`) takes the reader on to its address now, with or without the app.
const MOVED_SCRIPT: &str = "<script async src=\"/moved.js\"></script>";

/// The page a host serves for an unknown address.
pub const NOT_FOUND_FILE: &str = "404.html";

fn preload_for(path: &str) -> String {
    match path.strip_prefix("/shows/") {
        Some(slug) => format!("<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/data/shows/{}.json\" />", escape_html(slug)),
        None => String::new(),
    }
}

/// Description, canonical address, robots, OpenGraph, Twitter card and JSON-LD.
pub fn head_tags(origin: &str, page: &Page) -> String {
    let meta = |attr: &str, key: &str, value: &str| format!("<meta {attr}=\"{key}\" content=\"{}\" />\n", escape_html(value));
    let head = &page.head;
    let mut tags = meta("name", "description", &head.description);
    if head.indexed {
        tags.push_str(&format!("<link rel=\"canonical\" href=\"{}\" />\n", escape_html(&format!("{origin}{}", page.path))));
    } else {
        tags.push_str(&meta("name", "robots", "noindex"));
    }
    tags.push_str(&meta("property", "og:type", page.og_type));
    tags.push_str(&meta("property", "og:site_name", SITE_NAME));
    tags.push_str(&meta("property", "og:title", &head.title));
    tags.push_str(&meta("property", "og:description", &head.description));
    if head.indexed {
        tags.push_str(&meta("property", "og:url", &format!("{origin}{}", page.path)));
    }
    let card = if page.image.is_some() { "summary_large_image" } else { "summary" };
    tags.push_str(&meta("name", "twitter:card", card));
    tags.push_str(&meta("name", "twitter:title", &head.title));
    tags.push_str(&meta("name", "twitter:description", &head.description));
    if let Some(image) = &page.image {
        tags.push_str(&meta("property", "og:image", image));
        tags.push_str(&meta("name", "twitter:image", image));
    }
    for data in &page.json_ld {
        tags.push_str(&format!("<script type=\"application/ld+json\">{}</script>\n", script_json(data)));
    }
    tags
}

/// JSON that cannot end the `<script>` element it sits in: `<`, `>` and `&` as \u escapes,
/// which JSON reads back as the same characters.
pub fn script_json(data: &Value) -> String {
    data.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// `sitemap.xml`, and when there are more addresses than one sitemap may hold, the files it
/// indexes (`sitemap-1.xml`, …): (file name, contents) pairs.
pub fn sitemaps(origin: &str, pages: &[(String, Option<PartialDate>)]) -> Vec<(String, String)> {
    let urlset = |pages: &[(String, Option<PartialDate>)]| {
        let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (path, modified) in pages {
            xml.push_str(&format!("  <url><loc>{}</loc>", escape_html(&format!("{origin}{path}"))));
            if let Some(date) = modified {
                xml.push_str(&format!("<lastmod>{}</lastmod>", date.machine()));
            }
            xml.push_str("</url>\n");
        }
        xml.push_str("</urlset>\n");
        xml
    };
    if pages.len() <= SITEMAP_LIMIT {
        return vec![("sitemap.xml".into(), urlset(pages))];
    }
    let mut files: Vec<(String, String)> =
        pages.chunks(SITEMAP_LIMIT).enumerate().map(|(i, chunk)| (format!("sitemap-{}.xml", i + 1), urlset(chunk))).collect();
    let mut index = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (name, _) in &files {
        index.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", escape_html(&format!("{origin}/{name}"))));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".into(), index));
    files
}

pub fn robots(origin: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {origin}/sitemap.xml\n")
}

/// The cards of a show as a blogger may paste them inside their `<div data-nextseason
/// data-show="…">`: readers without JavaScript see them, and embed.js replaces them with the
/// live widget. Headings start at `<h2>` (the post has its `<h1>`), and links lead to the site.
pub fn embed_snippet(show: &Arc<Show>, origin: &str) -> String {
    let show = show.clone();
    let origin = origin.to_string();
    let slug = show.slug.clone();
    let cards = to_html(move || {
        provide_context(HeadingLevel(2));
        provide_context(ShowLinks::written(move |slug: &str| format!("{origin}{}", links::show_path(slug))));
        crate::embed::show_cards(&show, &CardKind::ALL, crate::api::SITE_DATA)
    });
    format!("<div data-nextseason data-show=\"{}\">\n{cards}\n</div>\n", escape_html(&slug))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let data = json!({ "headline": "</script><script>alert(1)</script> & more" });
        let text = script_json(&data);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), data, "reads back as the same data");
    }

    #[test]
    fn more_addresses_than_a_sitemap_holds_get_an_index() {
        let pages: Vec<(String, Option<PartialDate>)> = (0..SITEMAP_LIMIT + 1).map(|i| (format!("/shows/s{i}"), None)).collect();
        let files = sitemaps("https://a.example", &pages);
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
        assert_eq!(files[0].1.matches("<url>").count(), SITEMAP_LIMIT);
        assert_eq!(files[1].1.matches("<url>").count(), 1);
        assert!(files[2].1.contains("<sitemapindex") && files[2].1.contains("<loc>https://a.example/sitemap-2.xml</loc>"));
        let one = sitemaps("https://a.example", &pages[..2]);
        assert_eq!(one.len(), 1);
        assert!(one[0].1.contains("<urlset"));
    }

    #[test]
    fn a_shell_without_its_places_is_refused() {
        let page = not_found_page_for_test();
        let loader = "<link rel=\"modulepreload\" href=\"/a.js\"><link rel=\"preload\" href=\"/a_bg.wasm\" as=\"fetch\"><script type=\"module\">import init, * as bindings from '/a.js';\nconst wasm = await init({ module_or_path: '/a_bg.wasm' });</script>";
        let bare = format!("<html><head><meta charset=\"utf-8\" />{loader}</head><body></body></html>");
        assert!(document(&bare, DEFAULT_ORIGIN, &page).unwrap_err().contains("<noscript>"));
        let no_charset = format!("<html><head><title>NextSeason</title>{loader}</head><body><noscript>x</noscript></body></html>");
        assert!(document(&no_charset, DEFAULT_ORIGIN, &page).unwrap_err().contains("<meta charset"));
        let shell = format!("<html><head><meta charset=\"utf-8\" /><title>NextSeason</title>{loader}</head><body><noscript>x</noscript></body></html>");
        let shell = shell.as_str();
        let html = document(shell, DEFAULT_ORIGIN, &page).unwrap();
        assert!(html.contains("<title>Page not found · NextSeason</title>") && !html.contains("noscript"));
        assert!(document(&html, DEFAULT_ORIGIN, &page).unwrap_err().contains("already holds a prerendered page"));
    }

    #[test]
    fn a_written_page_starts_the_app_after_its_first_paint() {
        let shell = "<html><head><meta charset=\"utf-8\" /><title>NextSeason</title><script type=\"module\">\nimport init, * as bindings from '/app-1.js';\nconst wasm = await init({ module_or_path: '/app-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script><link rel=\"modulepreload\" href=\"/app-1.js\" integrity=\"x\"><link rel=\"preload\" href=\"/app-1_bg.wasm\" as=\"fetch\"></head><body><noscript>x</noscript></body></html>";
        let html = document(shell, DEFAULT_ORIGIN, &not_found_page_for_test()).unwrap();
        let (file, script) = page_start_script(shell).unwrap();
        assert!(file.starts_with("nextseason-start-") && file.ends_with(".js"));
        assert!(html.contains(&format!("<script type=\"module\" src=\"/{file}\"></script>")), "{html}");
        assert!(script.contains("requestAnimationFrame(() => setTimeout(async () => {"));
        assert!(script.contains("await import('/app-1.js')") && script.contains("module_or_path: '/app-1_bg.wasm'"));
        assert!(!html.contains("modulepreload") && !html.contains("rel=\"preload\""), "{html}");
        // No script is inline: a strict Content-Security-Policy needs no exception.
        assert!(!html.contains("<script type=\"module\">") && !html.contains("<script>"), "{html}");
        let unknown = shell.replace("import init", "import start");
        assert!(document(&unknown, DEFAULT_ORIGIN, &not_found_page_for_test()).unwrap_err().contains("app loader"));
    }

    #[test]
    fn the_app_page_starts_the_app_from_a_file_and_keeps_its_preloads() {
        let shell = "<html><head><meta charset=\"utf-8\" /><title>NextSeason</title><script async src=\"/preload.js\"></script><script type=\"module\">\nimport init, * as bindings from '/app-1.js';\nconst wasm = await init({ module_or_path: '/app-1_bg.wasm' });\nwindow.wasmBindings = bindings;\n</script><link rel=\"modulepreload\" href=\"/app-1.js\" integrity=\"x\"><link rel=\"preload\" href=\"/app-1_bg.wasm\" as=\"fetch\"></head><body><noscript>x</noscript></body></html>";
        let (app, script) = app_page(shell).unwrap();
        let (file, js) = script.unwrap();
        assert!(app.contains(&format!("<script type=\"module\" src=\"/{file}\"></script>")) && !app.contains("<script type=\"module\">"), "{app}");
        assert!(js.contains("import init, * as bindings from '/app-1.js';") && js.contains("TrunkApplicationStarted"));
        assert!(app.contains("modulepreload") && app.contains("/preload.js"));
        // Run again on its own output (a rebuilt bundle), it changes nothing and writes no file.
        assert_eq!(app_page(&app).unwrap(), (app.clone(), None));
        // And the pages written from it are the same as from Trunk's own.
        let show = Page { path: "/shows/a-b".into(), ..not_found_page_for_test() };
        let written = document(&app, DEFAULT_ORIGIN, &show).unwrap();
        assert_eq!(written, document(shell, DEFAULT_ORIGIN, &show).unwrap());
        assert!(written.contains("<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/data/shows/a-b.json\" />"), "{written}");
        assert!(!written.contains("preload.js"));
        // The site's policy, once, before any script.
        assert_eq!(written.matches("http-equiv=\"Content-Security-Policy\"").count(), 1);
        assert!(written.find("Content-Security-Policy") < written.find("<script"));
    }

    #[test]
    fn a_character_without_a_voice_actor_is_no_performance_role() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/shows/metallic-rouge.json")).unwrap();
        let mut show = crate::bundle::decode_show(&text, "metallic-rouge").unwrap();
        let url = "https://nextseason.example/shows/metallic-rouge";
        let actors = |show: &Show| show_json_ld(show, url)[1].get("actor").cloned();
        assert_eq!(actors(&show).unwrap().as_array().unwrap().len(), show.cast.len());
        // Rouge's voice not announced: her role is left out, not written with an empty actor.
        show.cast[0].voices.clear();
        let roles = actors(&show).unwrap();
        let roles = roles.as_array().unwrap();
        assert_eq!(roles.len(), show.cast.len() - 1);
        assert!(roles.iter().all(|r| r["characterName"] != "Rouge Redstar" && r["actor"]["name"].as_str().is_some_and(|n| !n.is_empty())));
        // No voice announced at all: no `actor` term.
        show.cast.iter_mut().for_each(|role| role.voices.clear());
        assert_eq!(actors(&show), None);
    }

    fn not_found_page_for_test() -> Page {
        init();
        not_found_page()
    }
}
