use super::season_answer::{badge, Reading};
use super::{heading, in_languages, native};
use crate::bundle::CatalogueEntry;
use crate::links::LinkToShow;
use leptos::prelude::*;

/// Whose reading of the next season the card shows: the editor's, else the data's.
pub fn reading(entry: &CatalogueEntry) -> Option<Reading> {
    entry.status.map(Reading::Editor).or(entry.data_status.map(Reading::Data))
}

/// The odds from history in a few words, as a share of like seasons, never as this show's
/// chance.
fn odds_line(entry: &CatalogueEntry) -> Option<String> {
    entry.odds.map(|percent| format!("{percent}\u{a0}% of like seasons got another within 2 years"))
}

/// A show in the catalogue: title, studio, premiere and outlook, linking to its page. Pointing
/// at the card (hover or keyboard focus) tells `on_intent`, to fetch the show before the click.
#[component]
pub fn ShowCard(entry: CatalogueEntry, #[prop(optional)] on_intent: Option<Callback<String>>) -> impl IntoView {
    let heading_id = format!("ns-show-{}", entry.slug);
    let labelled_by = heading_id.clone();
    let slug = entry.slug.clone();
    let intent = move || if let Some(on_intent) = on_intent { let _ = on_intent.try_run(slug.clone()); };
    let intent_too = intent.clone();
    // A work known by its native title alone (much of the data) is not named twice, and its
    // title carries the language.
    let native_line = entry.native_title.as_ref().filter(|n| n.text != entry.title).map(|n| view! { <p class="ns-show-card__native">{native(Some(n))}</p> });
    let title = in_languages(&entry.title, entry.native_title.as_ref());
    view! {
        <li class="ns-show-card" on:pointerenter=move |_| intent() on:focusin=move |_| intent_too()>
            <section aria-labelledby=labelled_by>
                {heading(1, None, Some("ns-show-card__title"), false, view! {
                    <LinkToShow slug=entry.slug.clone()><span id=heading_id>{title}</span></LinkToShow>
                }.into_any())}
                {native_line}
                <dl class="ns-show-card__facts">
                    {(!entry.studios.is_empty()).then(|| view! { <div><dt>"Studio"</dt><dd>{entry.studios.join(", ")}</dd></div> })}
                    {entry.premiere.map(|d| view! { <div><dt>"Premiere"</dt><dd><time datetime=d.machine()>{d.label()}</time></dd></div> })}
                </dl>
                {reading(&entry).map(|reading| view! {
                    <p class="ns-show-card__status">
                        {badge(reading)}
                        {odds_line(&entry).map(|odds| view! { <span class="ns-show-card__odds">{odds}</span> })}
                    </p>
                })}
            </section>
        </li>
    }
}
