//! Links to shows, one way of writing them wherever cards are rendered. On the site they are
//! leptos_router's `<A>` (followed in place by the `<Router>` of `App`); in a widget or in
//! cards pasted into a blog they are plain anchors with the href the widget writes (a query
//! parameter of the host's page, the blogger's own pages, or absolute links to the site).

use leptos::prelude::*;
use leptos_router::components::A;
use std::sync::Arc;

/// The site's own path of a show.
pub fn show_path(slug: &str) -> String {
    format!("/shows/{slug}")
}

/// How links to shows are written where cards are rendered, in context. Without one, plain
/// anchors to the site's paths (cards rendered alone, in tests).
#[derive(Clone)]
pub enum ShowLinks {
    /// The site under its `<Router>`: `<A href="/shows/<slug>">`.
    Site,
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
        Some(ShowLinks::Site) | None => show_path(slug),
    }
}

/// A link to a show, named by `children`. It carries `data-ns-show` (a widget follows links by
/// it) and, when given, an `id`; pointing at it (hover or keyboard focus) tells `on_intent`, so
/// that the page can fetch the show before the click.
#[component]
pub fn LinkToShow(
    #[prop(into)] slug: String,
    #[prop(optional, into)] id: Option<String>,
    #[prop(default = None)] on_intent: Option<Callback<String>>,
    children: Children,
) -> impl IntoView {
    let intent = {
        let slug = slug.clone();
        move || {
            if let Some(on_intent) = on_intent {
                on_intent.run(slug.clone())
            }
        }
    };
    let intent_too = intent.clone();
    match use_context::<ShowLinks>() {
        Some(ShowLinks::Site) => view! {
            <A href=show_path(&slug) attr:id=id attr:data-ns-show=slug.clone() on:pointerenter=move |_| intent() on:focus=move |_| intent_too()>
                {children()}
            </A>
        }
        .into_any(),
        _ => view! {
            <a href=show_href(&slug) id=id data-ns-show=slug.clone() on:pointerenter=move |_| intent() on:focus=move |_| intent_too()>
                {children()}
            </a>
        }
        .into_any(),
    }
}
