use super::season_answer::badge;
use super::{in_languages, reading};
use crate::bundle::{CatalogueEntry, SeasonStatus};
use crate::links::LinkToShow;
use crate::text::thousands;
use leptos::prelude::*;

/// "Coming next": the shows whose next season is airing, dated or announced, soonest first, a
/// line each (title, badge, when), so that the search form still shows on a phone's first
/// screen; `total` of them in all, the rest a link away (`all_href`, the catalogue by "next
/// season soonest").
#[component]
pub fn ComingNext(entries: Vec<CatalogueEntry>, total: usize, #[prop(into)] all_href: String) -> impl IntoView {
    let more = (total > entries.len()).then(|| {
        view! { <p class="ns-coming__all"><a href=all_href>{format!("All {} shows with a next season coming", thousands(total as u64))}</a></p> }
    });
    view! {
        <section class="ns-card ns-coming" aria-labelledby="ns-coming-h">
            <h2 id="ns-coming-h" class="ns-card__title">"Coming next"</h2>
            <p class="ns-coming__note">"As the editors last wrote, or NextSeason last read bangumi-data."</p>
            <ol class="ns-coming__list">
                {entries.into_iter().map(|entry| {
                    let (badge_view, when_view) = (reading(&entry).map(badge), when(&entry));
                    view! {
                    <li class="ns-coming__show">
                        <span class="ns-coming__title">
                            <LinkToShow slug=entry.slug.clone()>{in_languages(&entry.title, entry.native_title.as_ref())}</LinkToShow>
                        </span>
                        <span class="ns-coming__status">{badge_view}{when_view}</span>
                    </li>
                }}).collect_view()}
            </ol>
            {more}
        </section>
    }
}

/// When the next season begins, after its badge ("Next season airing since April 12, 2026");
/// nothing when it is not known.
fn when(entry: &CatalogueEntry) -> Option<impl IntoView> {
    let date = entry.next?;
    let term = match SeasonStatus::of(entry.status, entry.data_status)? {
        SeasonStatus::Airing => "since",
        SeasonStatus::Dated => "for",
        _ => "from",
    };
    Some(view! { <span class="ns-coming__when">{term}" "<time datetime=date.machine()>{date.label()}</time></span> })
}
