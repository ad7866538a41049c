use super::{text_in, Card};
use crate::browser;
use crate::bundle::{is_safe_url, Offer};
use crate::regions;
use leptos::prelude::*;

/// Where to watch: one entry per platform, those usable in the reader's region first and marked.
/// The region comes from the reader's earlier choice or their browser, and can be changed here.
#[component]
pub fn WatchCard(
    offers: Vec<Offer>,
    /// The reader's region, shared with the answer box; the browser's when not given.
    #[prop(optional)]
    region: Option<RwSignal<Option<String>>>,
) -> impl IntoView {
    if offers.is_empty() {
        return view! {
            <Card id="ns-watch-h" title="Where to watch" class="ns-watch">
                <p class="ns-empty">"No platform is listed for this show yet."</p>
            </Card>
        }
        .into_any();
    }
    let region = region.unwrap_or_else(|| RwSignal::new(browser::reader_region()));
    // Two hundred options made one by one cost milliseconds at every route change; as one piece
    // of markup (the country table's own names, never bundle text) the browser parses them at
    // once. The reader changes the region here and nowhere else, so it is set, not followed.
    let chosen = region.get_untracked().unwrap_or_default();
    let on_change = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        browser::remember_region(&code);
        region.set(Some(code).filter(|c| !c.is_empty()));
    };
    let offers = std::sync::Arc::new(offers);
    // One reading of the fold per region: the open list, the sentence, the summary and the
    // folded list all follow it.
    let fold = {
        let offers = offers.clone();
        Memo::new(move |_| Fold::of(&offers, region.get().as_deref()))
    };
    let items = {
        let offers = offers.clone();
        move |fold: &Fold, indexes: &[usize], usable: bool| {
            let here_name = fold.region.as_deref().map(regions::region_name);
            indexes.iter().map(|&i| offer_item(offers[i].clone(), usable, here_name.clone())).collect_view()
        }
    };
    // What the reader can use, open; or, in a region nothing serves, a sentence that says so.
    let open_part = {
        let items = items.clone();
        move || -> AnyView {
            fold.with(|f| match (f.open.is_empty(), f.region.as_deref()) {
                (false, _) => view! { <ul class="ns-offers">{items(f, &f.open, f.region.is_some())}</ul> }.into_any(),
                (true, Some(here)) => view! { <p class="ns-watch__none">{nothing_usable(f.folded.len(), &regions::region_name(here))}</p> }.into_any(),
                (true, None) => ().into_any(),
            })
        }
    };
    // The disclosure stays the same element while there is something folded, whichever region:
    // a reader who opened it and then changes the region finds it still open.
    let any_folded = Memo::new(move |_| fold.with(|f| !f.folded.is_empty()));
    let more = move || {
        let (offers, items) = (offers.clone(), items.clone());
        any_folded.get().then(move || {
            let summary = move || fold.with(|f| folded_summary(&f.folded.iter().map(|&i| &offers[i]).collect::<Vec<_>>(), !f.open.is_empty(), f.region.is_some()));
            let folded_list = move || fold.with(|f| items(f, &f.folded, false));
            view! {
                <details class="ns-offers-more">
                    <summary class="ns-offers-more__summary">{summary}</summary>
                    <ul class="ns-offers">{folded_list}</ul>
                </details>
            }
        })
    };
    view! {
        <Card id="ns-watch-h" title="Where to watch" class="ns-watch">
            <p class="ns-watch__region">
                <label for="ns-region">"Your region "</label>
                <select id="ns-region" on:change=on_change inner_html=region_options() prop:value=chosen></select>
            </p>
            {open_part}
            {more}
        </Card>
    }
    .into_any()
}

/// Which offers the card lists open and which it folds under one disclosure, as indexes into the
/// offers, each group in the editor's order, for a region (whose name the offers' marks give,
/// so another region with the same fold still renders again).
/// - Region known: open, those usable there; folded, every other ("14 more, in other regions").
/// - Region not known (the page written at build time, a reader without JavaScript, "Not set"):
///   open, those not limited to listed countries (everywhere, or everywhere but some); folded,
///   those limited to listed countries. Every region can use what is open then, so when the
///   reader's region arrives (the app taking the written page over) the open list only gains
///   that region's own offers: nothing open is taken away. Folded, nothing is lost either: a
///   plain `<details>` opens without script.
#[derive(Clone, Debug, PartialEq)]
struct Fold {
    open: Vec<usize>,
    folded: Vec<usize>,
    region: Option<String>,
}

impl Fold {
    fn of(offers: &[Offer], region: Option<&str>) -> Fold {
        let (open, folded) = (0..offers.len()).partition(|&i| match region {
            Some(code) => offers[i].available_in(code),
            None => offers[i].only.is_empty(),
        });
        Fold { open, folded, region: region.map(String::from) }
    }
}

/// Said above the disclosure when no offer serves the reader's region.
fn nothing_usable(platforms: usize, region: &str) -> String {
    match platforms {
        1 => format!("The one platform NextSeason lists does not serve your region ({region})."),
        n => format!("None of the {n} platforms NextSeason lists serves your region ({region})."),
    }
}

/// The disclosure's summary: how many offers it holds, and why they are folded.
fn folded_summary(folded: &[&Offer], any_open: bool, region_known: bool) -> String {
    let n = folded.len();
    let count = match (any_open, n) {
        (true, n) => format!("{n} more"),
        (false, 1) => "1 platform".to_string(),
        (false, n) => format!("{n} platforms"),
    };
    let one_country = |offer: &Offer| offer.only.len() == 1 && offer.except.is_empty();
    let why = match (region_known, n) {
        (true, 1) if one_country(folded[0]) => "in another region",
        (true, _) => "in other regions",
        (false, 1) if one_country(folded[0]) => "limited to one region",
        (false, 1) => "limited to certain regions",
        (false, _) => "each limited to certain regions",
    };
    format!("{count}, {why}")
}

/// Past this many countries, an offer's line gives their number and the list folds away: the
/// data's regional platforms list up to forty, which would fill a phone's screen per platform.
const LISTED_COUNTRIES: usize = 6;

fn offer_item(offer: Offer, usable: bool, here: Option<String>) -> impl IntoView {
    let many = offer.only.len() > LISTED_COUNTRIES && offer.except.is_empty();
    let where_ = match many {
        true => format!("in {} countries and territories", offer.only.len()),
        false => offer.availability_label(),
    };
    let countries = many.then(|| {
        view! {
            <details class="ns-offer__countries">
                <summary>"Which countries"</summary>
                <p>{offer.availability_label()}</p>
            </details>
        }
    });
    let mark = match (&here, usable) {
        (Some(_), true) => Some(view! { <span class="ns-offer__mark ns-offer__mark--yes">"Available in your region"</span> }.into_any()),
        (Some(name), false) => Some(view! { <span class="ns-offer__mark">{format!("Not available in {name}")}</span> }.into_any()),
        // The line is there before the region is known too (the page written at build time
        // knows none): the reader's own region then changes its words, not the layout.
        (None, _) => Some(view! { <span class="ns-offer__mark">"Region not set"</span> }.into_any()),
    };
    let platform = text_in(&offer.platform, None, Some(platform_language(&offer.only)));
    // Validation already refuses unsafe links; an unsafe one that got through is shown as text.
    let name = if is_safe_url(&offer.url) {
        view! {
            <a class="ns-offer__link" href=offer.url target="_blank" rel="noopener noreferrer">
                {platform}<span class="ns-visually-hidden">" (opens in a new tab)"</span>
            </a>
        }
        .into_any()
    } else {
        view! { <span>{platform}</span> }.into_any()
    };
    view! {
        <li class=if usable { "ns-offer ns-offer--here" } else { "ns-offer" }>
            <p class="ns-offer__name">{name}</p>
            <p class="ns-offer__facts">
                <span class="ns-offer__kind">{offer.kind.label()}</span>" · "<span>{where_}</span>
                {offer.since.map(|d| view! { " · "<span>"since "<time datetime=d.machine()>{d.label()}</time></span> })}
            </p>
            {countries}
            {offer.note.map(|n| view! { <p class="ns-offer__note">{n}</p> })}
            {mark}
        </li>
    }
}

/// The language of a platform's name written in Han characters alone (kana marks Japanese by
/// itself): Japanese for a platform of Japan only, else Chinese (the names of the data's
/// platforms of Taiwan, Hong Kong and mainland China).
pub(super) fn platform_language(only: &[String]) -> &'static str {
    if !only.is_empty() && only.iter().all(|c| c == "JP") {
        "ja"
    } else {
        "zh"
    }
}

/// `<option>`s for every country by name, after "Not set".
fn region_options() -> String {
    format!("<option value=\"\">Not set</option>{}", country_options())
}

/// `<option>`s for every country by name (value: its code): built once per visit.
pub fn country_options() -> std::sync::Arc<str> {
    thread_local! {
        static OPTIONS: std::sync::Arc<str> = {
            let mut html = String::new();
            for country in regions::countries_by_name().iter() {
                html.push_str(&format!("<option value=\"{}\">{}</option>", country.code, crate::text::escape_html(country.name)));
            }
            html.into()
        };
    }
    OPTIONS.with(std::sync::Arc::clone)
}
