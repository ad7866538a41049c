use crate::api;
use crate::bundle::CatalogueEntry;
use crate::head::{use_page_head, PageHead};
use crate::navigation;
use crate::links::LinkToShow;
use crate::search;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

/// Any path the site does not have, including a show that is not in the catalogue.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let path = use_location().pathname;
    view! { <NotFound path/> }
}

/// The 404 page for `path`, apart from the router: suggests the shows whose slug or title is
/// closest to what was asked for. An empty path is the page written at build time, served for
/// every unknown address, which it cannot know.
#[component]
pub fn NotFound(#[prop(into)] path: Signal<String>) -> impl IntoView {
    // A show is a page load from here: its page runs the show pages' own wasm.
    provide_context(crate::pages::catalogue_links());
    // A signal filled by a task, not a resource: the suggestions need the whole catalogue, and
    // the page's text must not wait for them inside a Transition. Started by an effect, so only
    // in the browser.
    let suggestions = RwSignal::new(None::<Vec<CatalogueEntry>>);
    Effect::new(move |_| {
        let asked = path.get_untracked();
        leptos::task::spawn_local(async move {
            if let Ok(catalogue) = api::catalogue(api::SITE_DATA).await {
                suggestions.try_set(Some(search::suggestions(&catalogue, &asked, 3).into_iter().cloned().collect()));
            }
        });
    });
    use_page_head(PageHead::not_found);
    Effect::new(move |_| navigation::page_ready(&path.get_untracked()));
    view! {
        <section class="ns-card ns-not-found" aria-labelledby="ns-not-found-h">
            <h1 id="ns-not-found-h" tabindex="-1">"Page not found"</h1>
            <p>{move || {
                // The router's address changes before the page that leaves is disposed (the next
                // page is built first): this runs once more then, with `path` possibly gone.
                let path = path.try_get().unwrap_or_default();
                match path.is_empty() {
                    true => view! { "There is no page at this address." }.into_any(),
                    false => view! { "There is no page at "<code>{path}</code>"." }.into_any(),
                }
            }}</p>
            {move || suggestions.get().filter(|list| !list.is_empty()).map(|list| view! {
                <div class="ns-suggestions">
                    <h2>"Did you mean?"</h2>
                    <ul>
                        {list.into_iter().map(|entry| view! {
                            <li><LinkToShow slug=entry.slug>{crate::components::in_languages(&entry.title, entry.native_title.as_ref())}</LinkToShow></li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <p><A href="/" attr:class="ns-button">"See all shows"</A></p>
        </section>
    }
}
