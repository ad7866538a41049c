//! NextSeason: will a show get a season 2, and when? A Leptos single-page site rendered from a
//! static JSON bundle. The data flows one way: bundle (`bundle`) → fetched resource (`api`) →
//! page (`pages`) → cards (`components`). See ARCHITECTURE.md.

pub mod api;
pub mod browser;
pub mod bundle;
#[cfg(not(target_arch = "wasm32"))]
pub mod cards;
pub mod components;
pub mod dates;
pub mod embed;
pub mod follow;
#[cfg(not(target_arch = "wasm32"))]
pub mod franchise;
pub mod head;
#[cfg(not(target_arch = "wasm32"))]
pub mod hosting;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
pub mod links;
pub mod mojibake;
#[cfg(not(target_arch = "wasm32"))]
pub mod names;
pub mod navigation;
#[cfg(not(target_arch = "wasm32"))]
pub mod odds;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod regions;
pub mod search;
pub mod text;

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;
use pages::{site_links, HomePage, NotFoundPage, ShowPage, ShowRoute, SiteFrame};

/// The site: its routes, `/` (the catalogue, its search in the query) and `/shows/:slug`, any
/// other path a 404 page; a trailing slash is allowed (static hosts add one to folders). What
/// `trunk serve` and the catalogue's written pages run; written show pages run [`ShowsApp`].
#[component]
pub fn App() -> impl IntoView {
    let pending = start_site();
    provide_context(ShowRoute::with_catalogue());
    provide_context(api::ShowDecoding::CHECKED);
    view! {
        <Router>
            <SiteFrame pending=pending>
                // Another show keeps the show page (its params change), and its Transition the
                // old show on screen until the new one is ready.
                <FlatRoutes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage/>
                    <Route path=path!("/shows/:slug") view=ShowPage/>
                </FlatRoutes>
            </SiteFrame>
        </Router>
    }
}

/// The show pages' own app (src/bin/nextseason-shows.rs), which the show pages written at build
/// time start: the show route alone, followed in place from show to show, without the
/// catalogue, its search and the 404 page, which a show page's reader would otherwise download
/// for nothing (BENCHMARKS.md, "Size levers"). Links to the catalogue are page loads
/// (`pages::catalogue_links`); any other address is one too.
#[component]
pub fn ShowsApp() -> impl IntoView {
    let pending = start_site();
    provide_context(ShowRoute::alone());
    provide_context(api::ShowDecoding::BUILT);
    view! {
        <Router>
            <SiteFrame pending=pending>
                <FlatRoutes fallback=LoadWholePage>
                    <Route path=path!("/shows/:slug") view=ShowPage/>
                </FlatRoutes>
            </SiteFrame>
        </Router>
    }
}

/// What both apps set up before their router: the progress bar's signal, Back and Forward,
/// fragment links and the site's links.
fn start_site() -> RwSignal<bool> {
    let pending = RwSignal::new(false);
    provide_context(navigation::RoutePending(pending));
    // First, before the router's listeners: on Back and Forward, navigation reads where the
    // page was left before the router's change of address renders the page (which, with its
    // data at hand, happens at once).
    navigation::install();
    browser::leave_fragment_links_to_browser();
    provide_context(site_links());
    pending
}

/// An address the show pages' app has no page for, reached within the document (a link the
/// router took, or Back): the browser loads it as a whole page. As the document's first
/// address (a written show page served at another path), the written page stays as it is.
#[component]
fn LoadWholePage() -> impl IntoView {
    if navigation::took_over() {
        browser::reload();
    }
}
