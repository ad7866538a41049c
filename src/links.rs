//! Links to shows, one way of writing them wherever cards are rendered. On the site they are
//! leptos_router's `<A>` (followed in place by the `<Router>` of `App`); in a widget or in
//! cards pasted into a blog they are plain anchors with the href the widget writes (a query
//! parameter of the host's page, the blogger's own pages, or absolute links to the site).
//!
//! The router's link is given by the site (`ShowLinks::Site`), not named here: a widget built
//! on its own then carries no router at all.

use leptos::prelude::*;
use std::sync::Arc;

/// The site's own path of a show.
pub fn show_path(slug: &str) -> String {
    format!("/shows/{slug}")
}

/// How links to shows are written where cards are rendered, in context. Without one, plain
/// anchors to the site's paths (cards rendered alone, in tests).
#[derive(Clone)]
pub enum ShowLinks {
    /// The site under its `<Router>`: its link component (`<A>`) given an href and children.
    Site(fn(String, Children) -> AnyView),
    /// Plain anchors with this href: a widget's own, or absolute links to the site.
    Written(Arc<dyn Fn(&str) -> String + Send + Sync>),
}

impl ShowLinks {
    pub fn written(href: impl Fn(&str) -> String + Send + Sync + 'static) -> Self {
        ShowLinks::Written(Arc::new(href))
    }
}

/// The href of a link to a show, for the component calling it.
pub fn show_href(slug: &str) -> String {
    match use_context::<ShowLinks>() {
        Some(ShowLinks::Written(href)) => href(slug),
        Some(ShowLinks::Site(_)) | None => show_path(slug),
    }
}

/// The site's page on how the odds from history are reckoned.
pub const METHODS_PATH: &str = "/methods";

/// A link to one of the site's own static pages (not the app's), where cards are rendered on the site;
/// none in a widget or pasted cards, whose host cannot serve the site's paths.
pub fn site_page_link(path: &'static str, text: &'static str) -> Option<AnyView> {
    match use_context::<ShowLinks>() {
        // A page written at build time with no app (the methods page): the router must leave
        // the link to the browser, a whole page load (`rel="external"`).
        Some(ShowLinks::Site(_)) => Some(view! { <a href=path rel="external">{text}</a> }.into_any()),
        Some(ShowLinks::Written(_)) => None,
        None => Some(view! { <a href=path>{text}</a> }.into_any()),
    }
}

/// The embed page (written at build time, no app): the code a blogger pastes for a show, with
/// its cards for readers without JavaScript (README, "Embed on your blog").
pub const EMBED_PATH: &str = "/embed/";

/// The embed page of one show.
pub fn embed_page_href(slug: &str) -> String {
    format!("{EMBED_PATH}?show={slug}")
}

/// "Embed this show on your blog", at the end of a show's page on the site: a whole page load
/// (`rel="external"`), since the page is not the app's. None in a widget or pasted cards.
pub fn embed_page_link(slug: &str) -> Option<AnyView> {
    match use_context::<ShowLinks>() {
        Some(ShowLinks::Site(_)) => Some(
            view! { <p class="ns-embed-link"><a href=embed_page_href(slug) rel="external">"Embed this show on your blog"</a></p> }.into_any(),
        ),
        Some(ShowLinks::Written(_)) | None => None,
    }
}

/// A link to a show, named by `children`: the router's `<A>` on the site, else a plain anchor
/// with `data-ns-show` (by which a widget follows its links). Nothing is added to `<A>` itself:
/// attributes and handlers spread onto a component are not renewed when a page is rebuilt in
/// place (the next show's cards), so callers put them on an element around the link.
#[component]
pub fn LinkToShow(#[prop(into)] slug: String, children: Children) -> impl IntoView {
    match use_context::<ShowLinks>() {
        Some(ShowLinks::Site(link)) => link(show_path(&slug), children),
        _ => view! { <a href=show_href(&slug) data-ns-show=slug>{children()}</a> }.into_any(),
    }
}
