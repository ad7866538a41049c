use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_location;

/// Any path the site does not have, including a show that is not in the catalogue.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <Title text="Page not found"/>
        <Meta name="robots" content="noindex"/>
        <section class="ns-card ns-not-found" aria-labelledby="ns-not-found-h">
            <h1 id="ns-not-found-h" tabindex="-1">"Page not found"</h1>
            <p>"There is no page at "<code>{move || path.get()}</code>"."</p>
            <p><a class="ns-button" href="/">"See all shows"</a></p>
        </section>
    }
}
