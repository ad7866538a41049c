//! The site's routes, links to them, and following them in the browser: the address as
//! signals, links to the site's own pages followed in place, Back and Forward.
//!
//! This replaces leptos_router, for size: the site has two routes and a fallback, and the
//! router's generic route tree cost 33.5 KB brotli of the first view's 130 KB budget (measured
//! by building with each). The widget has its own routing (`embed::Links`), and the pages
//! written at build time need none.

use leptos::prelude::*;
use std::sync::Arc;

/// The site's own path of a show.
pub fn show_path(slug: &str) -> String {
    format!("/shows/{slug}")
}

/// How links to shows are written where they are rendered: an embedded widget provides its
/// own (a query parameter of the host page, the blogger's pages, or its own path base).
#[derive(Clone)]
pub struct ShowLinks(pub Arc<dyn Fn(&str) -> String + Send + Sync>);

/// The href of a link to a show, for the component calling it.
pub fn show_href(slug: &str) -> String {
    match use_context::<ShowLinks>() {
        Some(ShowLinks(link)) => link(slug),
        None => show_path(slug),
    }
}

/// What an address shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/`, with the catalogue's search in the query.
    Home,
    /// `/shows/<slug>`.
    Show(String),
    NotFound,
}

/// A route without its parameters: which page component shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Home,
    Show,
    NotFound,
}

impl Route {
    pub fn kind(&self) -> PageKind {
        match self {
            Route::Home => PageKind::Home,
            Route::Show(_) => PageKind::Show,
            Route::NotFound => PageKind::NotFound,
        }
    }

    /// The route of a path; a trailing slash is allowed (static hosts add one to folders).
    pub fn of(path: &str) -> Route {
        let trimmed = path.strip_suffix('/').filter(|p| !p.is_empty()).unwrap_or(path);
        match trimmed.strip_prefix("/shows/") {
            _ if trimmed == "/" => Route::Home,
            Some(slug) if !slug.is_empty() && !slug.contains('/') => Route::Show(slug.to_string()),
            _ => Route::NotFound,
        }
    }
}

/// The address shown, in context: its path, and its query without the `?`.
#[derive(Clone, Copy)]
pub struct Address {
    pub path: RwSignal<String>,
    pub query: RwSignal<String>,
}

impl Address {
    /// The address in the browser's location bar (empty natively).
    fn current() -> (String, String) {
        let url = crate::browser::host_url();
        (url.path, url.query)
    }

    fn follow_location(self) {
        let (path, query) = Address::current();
        self.path.set(path);
        self.query.set(query);
    }
}

impl Address {
    /// Goes to `url` (a path, with a query if any) as a new step in the history. Links start
    /// the new page at the top; a search typed into the page keeps the scroll position.
    pub fn navigate(self, url: &str, scroll_to_top: bool) {
        crate::browser::push_url(url);
        if scroll_to_top {
            crate::browser::scroll_to(0.0);
        }
        self.follow_location();
    }
}

/// The address, for the page components of the site, which `App` renders under `install`
/// (call it when the component is made: an event handler has no context).
pub fn use_address() -> Address {
    expect_context::<Address>()
}

/// Starts following the address for the rest of the visit: Back and Forward, and clicks on
/// links to the site's own pages, which are followed without loading a page.
pub fn install() -> Address {
    let (path, query) = Address::current();
    let address = Address { path: RwSignal::new(path), query: RwSignal::new(query) };
    provide_context(address);
    crate::browser::on_popstate(move || address.follow_location());
    crate::browser::on_link_click(move |url| address.navigate(&url, true));
    address
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_their_routes() {
        assert_eq!(Route::of("/"), Route::Home);
        assert_eq!(Route::of("/shows/metallic-rouge"), Route::Show("metallic-rouge".into()));
        assert_eq!(Route::of("/shows/metallic-rouge/"), Route::Show("metallic-rouge".into()));
        for other in ["/shows/", "/shows", "/shows/a/b", "/about", ""] {
            assert_eq!(Route::of(other), Route::NotFound, "{other:?}");
        }
    }
}
