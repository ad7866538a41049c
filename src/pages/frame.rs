use crate::components::external_link;
use crate::links::ShowLinks;
use leptos::prelude::*;
use leptos_router::components::A;

/// How the site writes links to its shows: the router's `<A>`, in context for the cards.
pub fn site_links() -> ShowLinks {
    ShowLinks::Site(|href, children| view! { <A href=href>{children()}</A> }.into_any())
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
                <A href="/" attr:class="ns-brand" exact=true>"Next"<span>"Season"</span></A>
                <A href="/" attr:class="ns-header__link" exact=true>"All shows"</A>
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
