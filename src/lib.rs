//! NextSeason: will a show get a season 2, and when? A Leptos single-page site rendered from a
//! static JSON bundle. The data flows one way: bundle (`bundle`) → fetched resource (`api`) →
//! page (`pages`) → cards (`components`). See ARCHITECTURE.md.

pub mod api;
pub mod browser;
pub mod bundle;
pub mod components;
pub mod dates;
pub mod mojibake;
pub mod embed;
pub mod head;
pub mod navigation;
pub mod pages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod regions;
pub mod router;
pub mod search;
pub mod text;

use leptos::prelude::*;
use router::{PageKind, Route};
use pages::{HomePage, NotFoundPage, ShowPage};

#[component]
pub fn App() -> impl IntoView {
    let pending = RwSignal::new(false);
    provide_context(navigation::RoutePending(pending));
    // First: on Back and Forward, navigation reads where the page was left before the router's
    // change of address renders the page (which, with its data at hand, happens at once).
    navigation::install();
    let address = router::install();
    let route = Memo::new(move |_| Route::of(&address.path.get()));
    // Another show keeps the show page (and its Transition, which holds the old show on screen
    // until the new one is ready); only another kind of page replaces it.
    let kind = Memo::new(move |_| route.get().kind());
    let slug = Signal::derive(move || match route.get() {
        Route::Show(slug) => slug,
        _ => String::new(),
    });
    view! {
        <SiteFrame pending=pending>
            {move || match kind.get() {
                PageKind::Home => view! { <HomePage/> }.into_any(),
                PageKind::Show => view! { <ShowPage slug/> }.into_any(),
                PageKind::NotFound => view! { <NotFoundPage/> }.into_any(),
            }}
        </SiteFrame>
    }
}

/// Everything around a page: progress bar, skip link, header, `<main>` and footer. One
/// component, so that the pages written at build time (`prerender`) and the live app have
/// exactly the same markup.
#[component]
pub fn SiteFrame(#[prop(into)] pending: Signal<bool>, children: Children) -> impl IntoView {
    view! {
        <div class="ns-progress" class:ns-progress--active=move || pending.get() aria-hidden="true"></div>
        <a class="ns-skip" href="#ns-main">"Skip to content"</a>
        <header class="ns-header">
            <nav class="ns-header__nav" aria-label="Site">
                <a href="/" class="ns-brand">"Next"<span>"Season"</span></a>
                <a href="/" class="ns-header__link">"All shows"</a>
            </nav>
        </header>
        <main id="ns-main" class="ns-main" tabindex="-1">{children()}</main>
        <footer class="ns-footer">
            <p>"NextSeason answers one question per show: will there be another season, and when?"</p>
        </footer>
    }
}
