use crate::api;
use crate::components::{CatalogueSkeleton, ErrorCard, ShowCard};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/`: every show of the catalogue as a card.
#[component]
pub fn HomePage() -> impl IntoView {
    let catalogue = LocalResource::new(api::load_catalogue);
    view! {
        <Title text="Will it get a season 2?"/>
        <Meta name="description" content="Will your anime get a season 2, and when? Outlooks, expected release windows, where to watch and the cast, show by show."/>
        <div class="ns-home">
            <section class="ns-intro" aria-labelledby="ns-home-h">
                <h1 id="ns-home-h" tabindex="-1">"Will it get a season 2?"</h1>
                <p>"The outlook for the next season of every show we follow: announcements, expected release windows, where to watch and who is in the cast."</p>
            </section>
            <Suspense fallback=CatalogueSkeleton>
                {move || catalogue.get().map(|loaded| match loaded {
                    Ok(catalogue) => view! {
                        <ul class="ns-catalogue">
                            {catalogue.shows.into_iter().map(|entry| view! { <ShowCard entry/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <ErrorCard error on_retry=move |_| catalogue.refetch()/> }.into_any(),
                })}
            </Suspense>
        </div>
    }
}
