use crate::api::{self, ShowError};
use crate::bundle::Show;
use crate::components::{show_cards, CardKind, ErrorCard, ShowSkeleton};
use crate::head::{use_page_head, PageHead};
use crate::navigation;
use crate::pages::NotFoundPage;
use crate::links;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_params_map};
use leptos_router::NavigateOptions;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// How a show page loads its show, and what it shows for an unknown one, given by the app it
/// runs in (in context). The site's app (`App`: the catalogue, `trunk serve`) asks the whole
/// catalogue whether a missing shard is an unknown show (its 404 page) or a missing file; the
/// show pages' own wasm (`ShowsApp`) carries no catalogue, so it reports the missing file, and
/// the catalogue's code stays out of it. Plain function pointers: the one not given is never
/// linked in (without a context, the page is the show pages' own).
#[derive(Clone, Copy)]
pub struct ShowRoute {
    pub load: fn(String) -> Pin<Box<dyn Future<Output = Result<Arc<Show>, ShowError>>>>,
    pub unknown: fn() -> AnyView,
}

impl ShowRoute {
    /// The site's app, which has the catalogue and the 404 page.
    pub fn with_catalogue() -> Self {
        ShowRoute {
            load: |slug| Box::pin(async move { api::load_show_page(api::SITE_DATA, &slug).await }),
            unknown: || view! { <NotFoundPage/> }.into_any(),
        }
    }

    /// The show pages' own app: a show, an alias, or the missing file's error card.
    pub fn alone() -> Self {
        ShowRoute {
            load: |slug| Box::pin(async move { api::load_show_or_alias(api::SITE_DATA, &slug, api::ShowDecoding::BUILT).await.map_err(ShowError::Load) }),
            // Never called: `load` gives every failure as a load error, a missing file included.
            unknown: || ().into_any(),
        }
    }
}

/// `/shows/:slug`: loads the show's own shard and renders its cards. Moving to another show
/// keeps the current one on screen, under the progress bar, until the next one is ready.
#[component]
pub fn ShowPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let navigate = use_navigate();
    let location = use_location();
    let route = use_context::<ShowRoute>().unwrap_or_else(ShowRoute::alone);
    let show = LocalResource::new(move || (route.load)(slug.get()));
    view! {
        <Transition fallback=ShowSkeleton set_pending=navigation::route_pending()>
            {move || show.get().map(|loaded| match loaded {
                Ok(show) => {
                    // A renamed show's former address (an alias): the reader is taken on to its
                    // address now, in place of the old one in the history.
                    if show.slug != slug.get_untracked() {
                        let (navigate, now) = (navigate.clone(), links::show_path(&show.slug));
                        Effect::new(move |_| {
                            // The router's search has no "?"; its hash keeps its "#".
                            let search = location.search.get_untracked();
                            let query = if search.is_empty() { String::new() } else { format!("?{search}") };
                            let target = format!("{now}{query}{}", location.hash.get_untracked());
                            navigate(&target, NavigateOptions { replace: true, ..Default::default() });
                        });
                    }
                    crate::browser::release_focus_in_main();
                    view! { <ShowView show/> }.into_any()
                }
                Err(ShowError::Unknown) => (route.unknown)(),
                Err(ShowError::Load(error)) => {
                    use_page_head(PageHead::show_error);
                    Effect::new(|_| crate::browser::take_over());
                    view! {
                    <div class="ns-show ns-show--error">
                        <ErrorCard error on_retry=move |_| show.refetch()/>
                    </div>
                    }.into_any()
                }
            })}
        </Transition>
    }
}

/// The cards of one show, in reading order, and the data's credit when facts come from it.
#[component]
pub fn ShowView(show: Arc<Show>) -> impl IntoView {
    let head = PageHead::show(&show);
    use_page_head(move || head.clone());
    let path = links::show_path(&show.slug);
    Effect::new(move |_| navigation::page_ready(&path));
    show_cards(&show, &CardKind::ALL, api::SITE_DATA)
}
