use crate::components::external_link;
use crate::links::ShowLinks;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// How the site writes links to its shows: the router's `<A>`, in context for the cards.
pub fn site_links() -> ShowLinks {
    ShowLinks::Site(|href, children| view! { <A href=href>{children()}</A> }.into_any())
}

/// How the catalogue's pages (home, 404) link to shows: plain links the router leaves to the
/// browser (`rel="external"`), a whole load of the show's written page. A show page runs the
/// show pages' own wasm, which carries no catalogue, and the catalogue's page no show page
/// (ARCHITECTURE.md, "Two apps"): a link between the two kinds is a page load on either side.
pub fn catalogue_links() -> ShowLinks {
    ShowLinks::Site(|href, children| view! { <a href=href rel="external">{children()}</a> }.into_any())
}

/// Everything around a page: progress bar, skip link, header, `<main>` and footer. One
/// component, so that the pages written at build time (`prerender`) and the live app have
/// exactly the same markup.
#[component]
pub fn SiteFrame(#[prop(into)] pending: Signal<bool>, children: Children) -> impl IntoView {
    // The catalogue is a page load from a show page (`catalogue_links`); "page" on its own.
    let location = use_location();
    let here = move || (location.pathname.get() == "/").then_some("page");
    view! {
        <div class="ns-progress" class:ns-progress--active=move || pending.get() aria-hidden="true"></div>
        <a class="ns-skip" href="#ns-main">"Skip to content"</a>
        <header class="ns-header">
            <nav class="ns-header__nav" aria-label="Site">
                <a href="/" class="ns-brand" rel="external" aria-current=here>"Next"<span>"Season"</span></a>
                <a href="/" class="ns-header__link" rel="external" aria-current=here>"All shows"</a>
            </nav>
        </header>
        <main id="ns-main" class="ns-main" tabindex="-1">{children()}</main>
        <footer class="ns-footer">
            <p>"NextSeason answers one question per show: will there be another season, and when?"</p>
            // The catalogue, its search and every page of a work come from bangumi-data, whose
            // license asks for its credit wherever its facts show, and for a word on changes.
            <p class="ns-credit">
                "Data: "{external_link("https://github.com/bangumi-data/bangumi-data", "bangumi-data".into_any())}
                " ("{external_link("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0".into_any())}
                "), merged with our editors' own pages."
            </p>
        </footer>
    }
}
