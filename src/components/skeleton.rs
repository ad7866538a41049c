use leptos::prelude::*;

/// Grey placeholders of the show page's cards, sized like the cards they stand for, so that
/// nothing moves when the data arrives.
#[component]
pub fn ShowSkeleton() -> impl IntoView {
    let card = |class: &'static str, lines: usize| view! {
        <div class=format!("ns-card ns-skeleton {class}") aria-hidden="true">
            <div class="ns-skeleton__title"></div>
            {(0..lines).map(|_| view! { <div class="ns-skeleton__line"></div> }).collect_view()}
        </div>
    };
    view! {
        <div class="ns-show" aria-busy="true">
            <p class="ns-visually-hidden" role="status">"Loading the show…"</p>
            {card("ns-article", 12)}
            {card("ns-outlook", 5)}
            {card("ns-sheet", 7)}
            {card("ns-watch", 5)}
            {card("ns-cast-card", 8)}
        </div>
    }
}

/// Placeholders for the catalogue's show cards.
#[component]
pub fn CatalogueSkeleton() -> impl IntoView {
    view! {
        <ul class="ns-catalogue" aria-busy="true">
            {(0..4).map(|_| view! {
                <li class="ns-show-card ns-skeleton" aria-hidden="true">
                    <div class="ns-skeleton__title"></div>
                    <div class="ns-skeleton__line"></div>
                    <div class="ns-skeleton__line"></div>
                </li>
            }).collect_view()}
        </ul>
    }
}
