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
    let list = move || {
        let here = region.get();
        let mut sorted: Vec<(bool, Offer)> =
            offers.iter().map(|o| (here.as_deref().is_some_and(|c| o.available_in(c)), o.clone())).collect();
        // Stable: within each group the editor's order stays.
        sorted.sort_by_key(|(usable, _)| !usable);
        let here_name = here.as_deref().map(regions::region_name);
        sorted
            .into_iter()
            .map(|(usable, offer)| offer_item(offer, usable, here_name.clone()))
            .collect_view()
    };
    view! {
        <Card id="ns-watch-h" title="Where to watch" class="ns-watch">
            <p class="ns-watch__region">
                <label for="ns-region">"Your region "</label>
                <select id="ns-region" on:change=on_change inner_html=region_options() prop:value=chosen></select>
            </p>
            <ul class="ns-offers">{list}</ul>
        </Card>
    }
    .into_any()
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
