use super::{native, Card};
use crate::bundle::Show;
use leptos::prelude::*;

/// The show's facts as a description list; unknown facts are left out, never guessed.
#[component]
pub fn TechSheet(show: Show) -> impl IntoView {
    let row = |term: &'static str, value: AnyView| view! { <div class="ns-sheet__row"><dt>{term}</dt><dd>{value}</dd></div> };
    let studios_term = if show.studios.len() > 1 { "Studios" } else { "Studio" };
    view! {
        <Card id="ns-sheet-h" title="Technical sheet" class="ns-sheet">
            <dl class="ns-sheet__list">
                {row("Title", show.title.clone().into_any())}
                {show.native_title.as_ref().map(|n| row("Native title", native(Some(n)).into_any()))}
                {show.seasons.map(|n| row("Seasons", n.to_string().into_any()))}
                {(!show.genres.is_empty()).then(|| row("Genres", show.genres.join(", ").into_any()))}
                {(!show.studios.is_empty()).then(|| row(studios_term, show.studios.join(", ").into_any()))}
                {show.premiere.map(|d| row("Premiere", view! { <time datetime=d.machine()>{d.label()}</time> }.into_any()))}
                {show.source.as_ref().map(|s| row("Source material", s.label().into_any()))}
            </dl>
        </Card>
    }
}
