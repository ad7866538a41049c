//! Pages written at build time: every route of the bundle rendered once, natively, by the same
//! components the browser mounts, into the HTML that Trunk built. Readers see the article before
//! the wasm arrives, and crawlers and link previews (which run no script) see it at all. The
//! browser app then renders the same page and takes its place (`browser::take_over`).
//!
//! Run by `nextseason-prerender` (src/bin) after a release build; see ARCHITECTURE.md.

use crate::dates::PartialDate;
use crate::head::PageHead;
use crate::pages::{site_links, SiteFrame};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use serde_json::Value;

mod embed_page;
mod pages;
mod shell;
mod site_files;
#[cfg(test)]
mod tests;

pub use embed_page::{embed_page, EmbedPage};
pub use pages::{home_page, methods_page, moved_addresses, not_found_page, show_json_ld, show_page};
pub use shell::{app_page, document, head_tags, page_start_script, script_json, with_app_files, Script, NOT_FOUND_FILE};
pub use site_files::{embed_snippet, robots, sitemaps};


/// Where the site is served when nothing else is configured: a reserved example domain, so
/// that an unconfigured build never claims someone else's address. `--origin` or
/// `NEXTSEASON_ORIGIN` set the real one.
pub const DEFAULT_ORIGIN: &str = "https://nextseason.example";

/// The marker of a page written at build time; its value is the page's path ("" for the page
/// served at any unknown path, 404.html).
pub const PRERENDERED_ATTR: &str = "data-ns-prerendered";

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
    /// The picture a link preview shows: the page's share card (src/cards/), which the build
    /// writes and the prerender's binary sets.
    pub image: Option<PageImage>,
    /// The calendar the page offers (`<link rel="alternate" type="text/calendar">`): a show's
    /// own, or the site's on the catalogue.
    pub calendar: Option<String>,
    /// Structured data, one JSON-LD object per thing the page is about.
    pub json_ld: Vec<Value>,
    /// The site's frame with the page in it, as the browser app renders it.
    pub body: String,
    /// For the sitemap.
    pub modified: Option<PartialDate>,
    /// How the app takes the page over, if it does.
    pub app: AppStart,
}

/// A page's share card, as its head tags declare it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageImage {
    /// Absolute, as OpenGraph wants it: "https://nextseason.example/cards/shows/<slug>.png".
    pub url: String,
    pub width: u32,
    pub height: u32,
    /// What the picture says, for readers who do not see it.
    pub alt: String,
}

/// How a written page starts its app: always after its first paint, which the app must not
/// delay; a show page has the browser fetch the app's files from the start, at low priority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppStart {
    /// A page of the build alone: no script at all.
    None,
    /// The app's files are asked for after the first paint (the catalogue's pages).
    AfterPaint,
    /// The app's JS glue and wasm preloaded at low priority from the start, and the app started
    /// after the first paint: a show page on the slow link of BENCHMARKS.md takes over about
    /// 0.4 s sooner (1.9 → 1.5 s), its `<h1>` painted about 40 ms later (5–8 %), since the
    /// files share the link with the stylesheet (tests/e2e/measure-slow-start.mjs).
    Preloaded,
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
