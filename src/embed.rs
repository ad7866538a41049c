//! The widget a blogger embeds in their own post: `<div data-nextseason data-show="…">` and
//! `embed.js` (public/embed.js), which gives each such element a shadow root and calls
//! `mount_widget` (src/main.rs) with its `data-` options.
//!
//! The widget uses no router: leptos_router's `<Router>` follows every click on every link of
//! the window, and would take over the host's own links. It keeps its state in one query parameter of the host's URL
//! (default), or sends links to the blogger's pages, or owns the paths under a base; and it
//! never touches the host's title or scroll position.

use crate::api::{self, ShowError};
use crate::browser;
pub use crate::components::{show_cards, CardKind};
use crate::components::{ErrorCard, HeadingLevel, ShowCard, ShowSkeleton};
use crate::bundle::Show;
use crate::links::ShowLinks;
use leptos::prelude::*;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// What the widget's links to other shows do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Links {
    /// Default: the shown show is one query parameter of the host page (`?show=slug`).
    Query { param: String },
    /// `data-links="/anime/{slug}/"`: links leave the widget for the blogger's own pages.
    Pages { pattern: String },
    /// `data-base="/anime"`: the widget owns the paths below base (`/anime/<slug>`), for hosts
    /// that serve one page for all of them.
    Path { base: String },
}

pub use crate::browser::HostUrl;

impl Links {
    /// The show the host's URL names for this widget, if any.
    pub fn slug_in(&self, url: &HostUrl) -> Option<String> {
        let slug = match self {
            Links::Query { param } => url.query.split('&').find_map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (name == param).then(|| value.to_string())
            }),
            // Whole path segments: "/anime" owns "/anime/x", not "/animes".
            Links::Path { base } => url.path.strip_prefix(base.trim_end_matches('/')).and_then(|rest| {
                let rest = rest.strip_prefix('/')?.trim_end_matches('/');
                (!rest.is_empty() && !rest.contains('/')).then(|| rest.to_string())
            }),
            Links::Pages { .. } => None,
        };
        slug.filter(|s| crate::bundle::is_valid_slug(s))
    }

    /// The href of a link to `slug` from the host page at `url`: the host's other parameters
    /// and its hash are kept.
    pub fn href(&self, slug: &str, url: &HostUrl) -> String {
        match self {
            Links::Query { param } => {
                let mut pairs: Vec<String> = url
                    .query
                    .split('&')
                    .filter(|pair| !pair.is_empty() && pair.split('=').next() != Some(param.as_str()))
                    .map(str::to_string)
                    .collect();
                pairs.push(format!("{param}={slug}"));
                format!("{}?{}{}", url.path, pairs.join("&"), url.hash)
            }
            Links::Pages { pattern } => pattern.replace("{slug}", slug),
            Links::Path { base } => format!("{}/{slug}", base.trim_end_matches('/')),
        }
    }

    /// Whether a click on a link is followed by the widget itself (else the browser leaves).
    fn stays_in_widget(&self) -> bool {
        !matches!(self, Links::Pages { .. })
    }
}

/// A widget's options, from its element's `data-` attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WidgetConfig {
    /// `data-show`: the show to start with; the catalogue without it (or with it empty). A value
    /// that is no slug is kept: the widget says that show is not in the catalogue (the api
    /// fetches nothing for it), where the catalogue would hide the blogger's mistake.
    pub show: Option<String>,
    pub cards: Vec<CardKind>,
    /// `data-bundle`, resolved by embed.js: the bundle's root URL.
    pub bundle: String,
    pub links: Links,
}

impl WidgetConfig {
    /// `links` wins over `base`, which wins over the query parameter `param`.
    pub fn new(show: Option<String>, cards: Option<String>, bundle: String, links: Option<String>, base: Option<String>, param: String) -> Self {
        let links = match (links.filter(|l| l.contains("{slug}")), base.filter(|b| b.starts_with('/'))) {
            (Some(pattern), _) => Links::Pages { pattern },
            (None, Some(base)) => Links::Path { base },
            (None, None) => Links::Query { param },
        };
        WidgetConfig {
            show: show.filter(|s| !s.is_empty()),
            cards: CardKind::parse_list(cards.as_deref()),
            bundle,
            links,
        }
    }
}

/// What a widget's wasm can show: the widget's own (`nextseason-embed`) has the catalogue too
/// and reads shards by every rule; the show widgets' (`nextseason-embed-show`, which embed.js
/// loads for a `<div>` with `data-show`) has a show alone, read as the build checked it, which
/// spares a blog about 20 KB brotli (BENCHMARKS.md, "Size levers"). Function pointers, as
/// `pages::ShowRoute`: what an app never names is not linked into it.
#[derive(Clone, Copy)]
pub struct WidgetApp {
    load: fn(String, String) -> Pin<Box<dyn Future<Output = Result<Arc<Show>, ShowError>>>>,
    decoding: api::ShowDecoding,
    catalogue: Option<fn(String, Callback<()>) -> AnyView>,
}

impl WidgetApp {
    /// Shows and the catalogue; a missing shard is told apart from an unknown show by the
    /// catalogue.
    pub fn with_catalogue() -> Self {
        WidgetApp {
            load: |root, slug| Box::pin(async move { api::load_show_page(&root, &slug).await }),
            decoding: api::ShowDecoding::CHECKED,
            catalogue: Some(|bundle, on_shown| view! { <WidgetCatalogue bundle on_shown/> }.into_any()),
        }
    }

    /// A show alone. In a checked bundle every show of the catalogue has its shard, so a slug
    /// without one (nor an alias) is not in the catalogue.
    pub fn show_alone() -> Self {
        WidgetApp {
            load: |root, slug| {
                Box::pin(async move {
                    match api::load_show_or_alias(&root, &slug, api::ShowDecoding::BUILT).await {
                        Err(api::LoadError::Missing { .. }) => Err(ShowError::Unknown),
                        other => other.map_err(ShowError::Load),
                    }
                })
            },
            decoding: api::ShowDecoding::BUILT,
            catalogue: None,
        }
    }
}

/// Mounts one widget of `app` in `container` (inside the shadow root embed.js made for a
/// `<div data-nextseason>`), with that element's `data-` options: each widget wasm's
/// `mount_widget`.
#[cfg(target_arch = "wasm32")]
#[allow(clippy::too_many_arguments)] // the element's data- options, as embed.js passes them
pub fn mount(container: web_sys::HtmlElement, show: Option<String>, cards: Option<String>, bundle: String, links: Option<String>, base: Option<String>, param: String, app: WidgetApp) {
    browser::install_markup_policy();
    let config = WidgetConfig::new(show, cards, bundle, links, base, param);
    leptos::mount::mount_to(container, move || view! { <Widget config app/> }).forget();
}

/// The widget: one show's cards, or the catalogue, inside a blogger's post.
#[component]
pub fn Widget(config: WidgetConfig, app: WidgetApp) -> impl IntoView {
    let WidgetConfig { show, cards, bundle, links } = config;
    provide_context(HeadingLevel(2));
    provide_context(app.decoding);
    let link_maker = links.clone();
    provide_context(ShowLinks::written(move |slug: &str| link_maker.href(slug, &browser::host_url())));

    let from_url = {
        let links = links.clone();
        move || links.slug_in(&browser::host_url()).or_else(|| show.clone())
    };
    let current = RwSignal::new(from_url());
    // Set when the reader moves within the widget: the new show's heading then takes focus.
    let moved = StoredValue::new(false);
    browser::on_popstate(move || {
        let slug = from_url();
        if slug != current.get_untracked() {
            moved.set_value(true);
            current.set(slug);
        }
    });

    let root = NodeRef::<leptos::html::Div>::new();
    let on_click = {
        let links = links.clone();
        move |ev: leptos::ev::MouseEvent| {
            if ev.default_prevented() || ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
                return;
            }
            // The answer's jump links and the footnotes, within the widget.
            if let Some(id) = browser::clicked_jump_link(&ev) {
                if root.get_untracked().is_some_and(|root| browser::jump_within(&root, &id)) {
                    ev.prevent_default();
                }
                return;
            }
            if !links.stays_in_widget() {
                return;
            }
            if let Some(slug) = browser::clicked_show_link(&ev) {
                ev.prevent_default();
                browser::push_url(&links.href(&slug, &browser::host_url()));
                moved.set_value(true);
                current.set(Some(slug));
            }
        }
    };
    let on_shown = Callback::new(move |()| {
        if moved.get_value() {
            moved.set_value(false);
            if let Some(root) = root.get_untracked() {
                browser::focus_first_heading(&root);
            }
        }
    });

    view! {
        <div class="ns-widget" node_ref=root on:click=on_click>
            {move || match current.get() {
                Some(slug) => view! { <WidgetShow bundle=bundle.clone() slug cards=cards.clone() on_shown load=app.load/> }.into_any(),
                // The show widgets' wasm is loaded only for a <div> with a show, which never
                // shows the catalogue.
                None => app.catalogue.map(|catalogue| catalogue(bundle.clone(), on_shown)).into_any(),
            }}
        </div>
    }
}

#[component]
fn WidgetShow(
    bundle: String,
    slug: String,
    cards: Vec<CardKind>,
    on_shown: Callback<()>,
    load: fn(String, String) -> Pin<Box<dyn Future<Output = Result<Arc<Show>, ShowError>>>>,
) -> impl IntoView {
    let root = bundle.clone();
    let show = LocalResource::new(move || load(root.clone(), slug.clone()));
    let retry = move |_| show.refetch();
    view! {
        <Transition fallback=ShowSkeleton>
            {move || show.get().map(|loaded| match loaded {
                Ok(show) => {
                    Effect::new(move |_| on_shown.run(()));
                    show_cards(&show, &cards, &bundle).into_any()
                }
                Err(ShowError::Unknown) => view! {
                    <p class="ns-card ns-empty">"This show is not in the catalogue."</p>
                }.into_any(),
                Err(ShowError::Load(error)) => view! { <ErrorCard error on_retry=retry/> }.into_any(),
            })}
        </Transition>
    }
}

/// Shows listed a screenful at a time.
const CATALOGUE_STEP: usize = 24;

#[component]
fn WidgetCatalogue(bundle: String, on_shown: Callback<()>) -> impl IntoView {
    let shown = RwSignal::new(CATALOGUE_STEP);
    let root = bundle.clone();
    // The first entries of the default order: the head of the index, then each part as
    // "Show more" reaches it.
    let catalogue = LocalResource::new(move || {
        let (root, count) = (root.clone(), shown.get());
        async move { api::catalogue_entries(&root, 0..count).await }
    });
    let on_intent = Callback::new(move |slug: String| api::prefetch_show(&bundle, &slug, api::ShowDecoding::CHECKED));
    view! {
        <Transition fallback=crate::components::CatalogueSkeleton>
            {move || catalogue.get().map(|loaded| match loaded {
                Ok((head, entries)) => {
                    Effect::new(move |_| on_shown.run(()));
                    let (count, total) = (entries.len(), head.total);
                    view! {
                        <ul class="ns-catalogue">
                            {entries.into_iter().map(|entry| view! { <ShowCard entry on_intent/> }).collect_view()}
                        </ul>
                        {(count < total).then(|| view! {
                            <p class="ns-more">
                                <button type="button" class="ns-button" on:click=move |_| shown.update(|n| *n = count + CATALOGUE_STEP)>
                                    {format!("Show more ({count} of {total})")}
                                </button>
                            </p>
                        })}
                    }.into_any()
                }
                Err(error) => view! { <ErrorCard error on_retry=move |_| catalogue.refetch()/> }.into_any(),
            })}
        </Transition>
    }
}

/// The cards a blogger pastes inside their `<div data-nextseason>`, for readers without
/// JavaScript (embed.js puts the live widget in their place): every card, headings from `<h2>`
/// (the post has its `<h1>`), links to the site's pages at `origin`. Rendered natively by
/// `prerender::embed_snippet`, and in the browser by the embed page (`/embed/?show=…`, through
/// [`snippet_in_browser`]): the same components, the same markup.
pub fn pasted_cards(show: &crate::bundle::Show, origin: &str) -> impl IntoView {
    let origin = origin.to_string();
    provide_context(HeadingLevel(2));
    provide_context(ShowLinks::written(move |slug: &str| format!("{origin}{}", crate::links::show_path(slug))));
    show_cards(show, &CardKind::ALL, api::SITE_DATA)
}

/// The whole snippet to paste: the widget's element around the cards' HTML (`cards`).
pub fn pasted_snippet(slug: &str, cards: &str) -> String {
    format!("<div data-nextseason data-show=\"{}\">\n{cards}\n</div>\n", crate::text::escape_html(slug))
}

/// The show to paste, for the embed page: its shard, or the shard of the show a former slug
/// now names. `None` for a slug no show has (its shard missing): the page says so, without
/// fetching the whole catalogue as a widget does to tell a missing file from an unknown show.
pub async fn show_to_paste(bundle: &str, slug: &str) -> Result<Option<std::sync::Arc<crate::bundle::Show>>, api::LoadError> {
    match api::load_show_or_alias(bundle, slug, api::ShowDecoding::CHECKED).await {
        Ok(show) => Ok(Some(show)),
        Err(api::LoadError::Missing { .. }) => Ok(None),
        Err(error) => Err(error),
    }
}

/// The snippet of the show `slug` (from the bundle at `bundle`, linking to the site at
/// `origin`), rendered in the browser as the build renders it ([`browser::markup_as_written`]):
/// `None` for an unknown show, a sentence for a file that could not be loaded.
#[cfg(target_arch = "wasm32")]
pub async fn snippet_in_browser(bundle: &str, slug: &str, origin: &str) -> Result<Option<String>, String> {
    let show = show_to_paste(bundle, slug).await.map_err(|e| format!("{} could not be loaded: {}", e.url(), e.reason()))?;
    Ok(show.map(|show| {
        let (origin, slug) = (origin.to_string(), show.slug.clone());
        let cards = browser::markup_as_written(move || pasted_cards(&show, &origin));
        pasted_snippet(&slug, &cards)
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(path: &str, query: &str, hash: &str) -> HostUrl {
        HostUrl { path: path.into(), query: query.into(), hash: hash.into() }
    }

    #[test]
    fn query_links_keep_the_hosts_parameters_and_hash() {
        let links = Links::Query { param: "show".into() };
        let here = url("/blog/post.html", "utm=x&show=metallic-rouge&page=2", "#comments");
        assert_eq!(links.slug_in(&here).as_deref(), Some("metallic-rouge"));
        assert_eq!(links.href("sengoku-youko", &here), "/blog/post.html?utm=x&page=2&show=sengoku-youko#comments");
        assert_eq!(links.href("sengoku-youko", &url("/p", "", "")), "/p?show=sengoku-youko");
        assert_eq!(links.slug_in(&url("/p", "showing=1", "")), None);
        assert_eq!(links.slug_in(&url("/p", "show=<script>", "")), None, "only slugs are read");
    }

    #[test]
    fn two_widgets_keep_two_parameters() {
        let first = Links::Query { param: "show".into() };
        let second = Links::Query { param: "show2".into() };
        let here = url("/p", "show=a&show2=b", "");
        assert_eq!((first.slug_in(&here).as_deref(), second.slug_in(&here).as_deref()), (Some("a"), Some("b")));
        assert_eq!(second.href("c", &here), "/p?show=a&show2=c");
    }

    #[test]
    fn page_links_and_path_routing() {
        let pages = Links::Pages { pattern: "/anime/{slug}/".into() };
        assert_eq!(pages.href("sengoku-youko", &HostUrl::default()), "/anime/sengoku-youko/");
        assert_eq!(pages.slug_in(&url("/anime/sengoku-youko/", "", "")), None);
        let path = Links::Path { base: "/anime/".into() };
        assert_eq!(path.href("sengoku-youko", &HostUrl::default()), "/anime/sengoku-youko");
        assert_eq!(path.slug_in(&url("/anime/sengoku-youko", "", "")).as_deref(), Some("sengoku-youko"));
        assert_eq!(path.slug_in(&url("/anime", "", "")), None);
        assert_eq!(path.slug_in(&url("/animefan/x", "", "")), None);
        assert_eq!(path.slug_in(&url("/animes", "", "")), None, "a base is matched by whole segments");
        assert_eq!(path.slug_in(&url("/anime/sengoku-youko/", "", "")).as_deref(), Some("sengoku-youko"));
        let bare = Links::Path { base: "/anime".into() };
        assert_eq!(bare.slug_in(&url("/animes", "", "")), None);
        assert_eq!(bare.slug_in(&url("/anime/s", "", "")).as_deref(), Some("s"));
    }

    #[test]
    fn config_from_data_attributes() {
        let config = WidgetConfig::new(Some("metallic-rouge".into()), Some("outlook, watch,cast,bogus,watch".into()), "/data".into(), None, None, "show".into());
        assert_eq!(config.cards, [CardKind::Outlook, CardKind::Watch, CardKind::Cast]);
        assert_eq!(config.links, Links::Query { param: "show".into() });
        let config = WidgetConfig::new(None, None, "/data".into(), Some("/anime/{slug}/".into()), Some("/x".into()), "show".into());
        assert_eq!(config.cards, CardKind::ALL);
        assert_eq!(config.links, Links::Pages { pattern: "/anime/{slug}/".into() });
        let config = WidgetConfig::new(Some("Not A Slug".into()), None, "/data".into(), Some("no placeholder".into()), Some("/anime".into()), "show".into());
        assert_eq!((config.show.as_deref(), config.links), (Some("Not A Slug"), Links::Path { base: "/anime".into() }), "shown as not in the catalogue");
        assert_eq!(WidgetConfig::new(Some(String::new()), None, "/data".into(), None, None, "show".into()).show, None, "empty: the catalogue");
    }
}
