use super::{external_link, in_languages, native, Card};
use crate::bundle::{Show, TitleMade, WorkKind};
use crate::dates::PartialDate;
use crate::regions::language_name;
use leptos::prelude::*;

/// The show's facts as a description list; unknown facts are left out, never guessed.
#[component]
pub fn TechSheet(show: Show) -> impl IntoView {
    let row = |term: &'static str, value: AnyView| view! { <div class="ns-sheet__row"><dt>{term}</dt><dd>{value}</dd></div> };
    let studios_term = if show.studios.len() > 1 { "Studios" } else { "Studio" };
    let native_title = show.native_title.as_ref();
    // A title the data gives only in its own language is that title: one row, with its `lang`.
    let native_is_title = native_title.is_some_and(|n| n.text == show.title);
    // The data's dates are those of Japan's first broadcast (Japan time).
    let in_japan = show.data.is_some();
    let date = move |d: PartialDate| {
        view! { <time datetime=d.machine()>{d.label()}</time>{in_japan.then_some(" in Japan")} }.into_any()
    };
    let ends_term = match show.kind {
        Some(WorkKind::Ova) => "Last volume",
        _ => "Last episode",
    };
    let references = show.references.links();
    // A name NextSeason made says so: it is the site's finding, not the data's.
    let made = show.title_made.map(|m| match m {
        TitleMade::Derived => " (named by NextSeason after its first season's English title)",
        TitleMade::Romaji => " (the native title's romaji, as NextSeason read it)",
    });
    let note = |text: &'static str| view! { <span class="ns-sheet__lang">{text}</span> };
    let romaji = show.romaji.clone().filter(|r| *r != show.title);
    let rows = view! {
        {row("Title", view! {
            {if native_is_title { native(native_title).into_any() } else { in_languages(&show.title, native_title) }}
            {made.map(note)}
        }.into_any())}
        {native_title.filter(|_| !native_is_title).map(|n| row("Native title", native(Some(n)).into_any()))}
        {romaji.map(|r| row("Romaji", view! { {r}{note(" (as NextSeason read it)")} }.into_any()))}
        {(!show.titles.is_empty()).then(|| row("Other titles", view! {
            <ul class="ns-sheet__titles">
                {show.titles.iter().map(|t| {
                    let language = language_name(t.lang.split('-').next().unwrap_or_default()).to_string();
                    view! { <li><span lang=t.lang.clone()>{t.text.clone()}</span>" "<span class="ns-sheet__lang">{format!("({language})")}</span></li> }
                }).collect_view()}
            </ul>
        }.into_any()))}
        {show.kind.map(|k| row("Type", k.label().into_any()))}
        {show.seasons.map(|n| row("Seasons", n.to_string().into_any()))}
        {(!show.genres.is_empty()).then(|| row("Genres", show.genres.join(", ").into_any()))}
        {(!show.studios.is_empty()).then(|| row(studios_term, show.studios.join(", ").into_any()))}
        {show.premiere.map(|d| row("Premiere", date(d)))}
        {show.ends.map(|d| row(ends_term, date(d)))}
        {show.broadcast.as_ref().map(|slot| row("Broadcast", slot.label().into_any()))}
        {show.source.as_ref().map(|s| row("Source material", s.label().into_any()))}
        {show.official_site.as_deref().map(|url| row("Official site", external_link(url, site_name(url).into_any())))}
        {(!references.is_empty()).then(|| row("On other sites", view! {
            <ul class="ns-sheet__links">
                {references.into_iter().map(|(site, url)| view! { <li>{external_link(&url, site.name().into_any())}</li> }).collect_view()}
            </ul>
        }.into_any()))}
    }
    .into_any();
    view! {
        <Card id="ns-sheet-h" title="Technical sheet" class="ns-sheet">
            <dl class="ns-sheet__list">{rows}</dl>
        </Card>
    }
}

/// A site's address as readers write it: "metallicrouge.jp", "example.com/anime/x".
fn site_name(url: &str) -> String {
    let bare = url.strip_prefix("https://").unwrap_or(url);
    let bare = bare.strip_prefix("www.").unwrap_or(bare);
    bare.trim_end_matches('/').to_string()
}
