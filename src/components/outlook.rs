use super::season_answer::{badge, sentence, source_line, window_row, OutlookFacts, Reading, SeasonAnswer, NO_OUTLOOK};
use super::{heading, in_languages, Card};
use crate::browser;
use crate::bundle::{DataOutlook, DataSource, HistoryOdds, NativeText, Outlook, Related, WorkKind};
use crate::dates::{LocalTime, PartialDate, Remaining};
use crate::links::LinkToShow;
use leptos::prelude::*;

/// What is known of the next season: status, the answer in one sentence (`SeasonAnswer`, which
/// the answer box under the headline shows too), the article's reasoning, the expected window
/// and, once the day is known, a countdown in the reader's time zone. Without the editor's outlook,
/// what the data lists after the work (never read as an announcement), and the work's other
/// seasons, parts and films as a timeline.
#[component]
pub fn OutlookCard(
    outlook: Option<Outlook>,
    /// Seasons aired so far, to name the next one.
    seasons: Option<u32>,
    /// What the data lists after this work: shown when the editor wrote no `outlook`.
    #[prop(optional_no_strip)]
    data_outlook: Option<DataOutlook>,
    /// The work's other seasons, parts and films: the timeline.
    #[prop(optional)]
    related: Vec<Related>,
    /// Where the data comes from, and as of when.
    #[prop(optional_no_strip)]
    data: Option<DataSource>,
    /// This work, as the timeline names it ("this page"): its title…
    #[prop(optional, into)]
    title: String,
    /// …in its own language (also the language of East Asian text in the data's sentences)…
    #[prop(optional_no_strip)]
    native_title: Option<NativeText>,
    /// …what it is, and its premiere in Japan.
    #[prop(optional_no_strip)]
    kind: Option<WorkKind>,
    #[prop(optional_no_strip)]
    premiere: Option<PartialDate>,
) -> impl IntoView {
    let card_title = outlook_title(seasons);
    let facts = OutlookFacts {
        outlook: outlook.as_ref(),
        data_outlook: data_outlook.as_ref(),
        seasons,
        related: &related,
        data: data.as_ref(),
        title: &title,
    };
    let answer = SeasonAnswer::of(facts);
    // The odds from history, only where the data's reading is the answer (an editor's outlook
    // replaces them).
    let odds = outlook.is_none().then(|| data_outlook.as_ref().and_then(|d| d.odds.clone()).filter(|o| !o.within.is_empty())).flatten();
    let summary = outlook.and_then(|o| o.summary);
    let body = match answer {
        Some(answer) => outlook_body(answer, summary, data.as_ref(), native_title.as_ref()),
        None => view! { <p class="ns-empty">{NO_OUTLOOK}</p> }.into_any(),
    };
    let here = TimelineWork { title, native_title, kind, premiere };
    let timeline = (!related.is_empty()).then(|| timeline(here, related));
    view! { <Card id="ns-outlook-h" title=card_title class="ns-outlook">{body}{odds.map(odds_table)}{timeline}</Card> }
}

/// The odds from history as a table, each share with its bar (a `<meter>`, which needs no
/// style of its own): the population it is a share of in the caption.
fn odds_table(odds: HistoryOdds) -> impl IntoView {
    let caption = format!(
        "From history: of the {} {}, the share that got another season within so many months",
        crate::text::thousands(odds.population.into()),
        super::group_that_waited(&odds)
    );
    view! {
        <table class="ns-odds">
            <caption>{caption}</caption>
            <thead><tr><th scope="col">"Within"</th><th scope="col">"Share"</th></tr></thead>
            <tbody>
                {odds.within.into_iter().map(|step| view! {
                    <tr>
                        <th scope="row">{crate::dates::months_text(step.months)}</th>
                        <td>
                            // The bar repeats the share written beside it: hidden from
                            // assistive technology, which reads the table.
                            <meter min="0" max="100" value=step.percent.to_string() aria-hidden="true"></meter>
                            <span class="ns-odds__share">{format!("{}\u{a0}%", step.percent)}</span>
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <p class="ns-outlook__source">
            "A share of seasons like this one in the data, computed by NextSeason: not a prediction about this show, and not an announcement. "
            {crate::links::site_page_link(crate::links::METHODS_PATH, "How NextSeason reckons these odds")}
        </p>
    }
}

/// The card's title, which the page's jump links repeat: "Season 2 outlook".
pub fn outlook_title(seasons: Option<u32>) -> String {
    match seasons {
        Some(n) => format!("Season {} outlook", n + 1),
        None => "Next season outlook".to_string(),
    }
}

/// The answer as the card tells it. The editor's: badge, the answer's sentence, its source, the editor's
/// reasoning, the window and a countdown. The data's: badge, sentence (the next season linked to
/// its page), a countdown to a dated one, and what the data is and how fresh.
fn outlook_body(answer: SeasonAnswer, summary: Option<String>, data: Option<&DataSource>, native_title: Option<&NativeText>) -> AnyView {
    let countdown = answer.countdown.map(|(target_ms, exact)| view! { <Countdown target_ms exact/> });
    let status = view! { <p class="ns-outlook__status">{badge(answer.reading)}</p> };
    let said = sentence(&answer.sentence, native_title);
    if let Reading::Editor(_) = answer.reading {
        return view! {
            {status}
            <p class="ns-outlook__answer">{said}</p>
            {answer.source.as_ref().map(|source| source_line(source, "ns-outlook__source"))}
            {summary.map(|summary| view! { <p>{summary}</p> })}
            {answer.window.as_ref().map(|row| view! { <dl class="ns-outlook__window">{window_row(row)}</dl> })}
            {countdown}
        }
        .into_any();
    }
    // What the data is, so that "not in the data" is never read as "not announced".
    let what = match data {
        Some(d) if d.source == "bangumi-data" => "bangumi-data, a community-maintained list of anime and where they stream".to_string(),
        Some(d) => d.source.clone(),
        None => "the data".to_string(),
    };
    let fresh = data.map(|d| format!(", as of {}", as_of_month(d.as_of))).unwrap_or_default();
    let caveat = answer.caveat.map(|c| format!(" {c}")).unwrap_or_default();
    let note = format!("From {what}{fresh}: what NextSeason found in the data, not an announcement.{caveat}");
    view! {
        {status}
        <p class="ns-outlook__data">{said}</p>
        {countdown}
        <p class="ns-outlook__source">{note}</p>
    }
    .into_any()
}

/// "May 2026": the month of the data's date, for how fresh it is.
fn as_of_month(date: PartialDate) -> String {
    match date {
        PartialDate::Day(y, m, _) => PartialDate::Month(y, m).label(),
        other => other.label(),
    }
}

/// This work in its timeline.
struct TimelineWork {
    title: String,
    native_title: Option<NativeText>,
    kind: Option<WorkKind>,
    premiere: Option<PartialDate>,
}

/// The work and its related works in the order of their premieres (undated last), each linked
/// to its page with its date, what it is to this work, and why the two are linked.
fn timeline(here: TimelineWork, related: Vec<Related>) -> AnyView {
    let TimelineWork { title, native_title, kind, premiere } = here;
    let date = |d: Option<PartialDate>| match d {
        Some(d) => view! { <time datetime=d.machine()>{d.label()}</time> }.into_any(),
        None => "Date not in the data".into_any(),
    };
    let order = |d: Option<PartialDate>| (d.is_none(), d.map(PartialDate::earliest_day));
    let lang = native_title.as_ref();
    let mut entries: Vec<((bool, Option<(i32, u8, u8)>), AnyView)> = Vec::with_capacity(related.len() + 1);
    entries.push((
        order(premiere),
        view! {
            <li class="ns-timeline__entry ns-timeline__entry--here" aria-current="page">
                <p class="ns-timeline__work">
                    <span>{if title.is_empty() { "This work".into_any() } else { in_languages(&title, lang) }}</span>
                    " "<span class="ns-timeline__here">"(this page)"</span>
                </p>
                <p class="ns-timeline__facts">{date(premiere)}{kind.map(|k| format!(" · {}", k.label()))}</p>
            </li>
        }
        .into_any(),
    ));
    for work in related {
        let Related { slug, title, kind, premiere, relation, reason } = work;
        let name = in_languages(&title, lang);
        entries.push((
            order(premiere),
            view! {
                <li class="ns-timeline__entry">
                    <p class="ns-timeline__work"><LinkToShow slug>{name}</LinkToShow></p>
                    <p class="ns-timeline__facts">
                        {date(premiere)}" · "<span class="ns-timeline__relation">{relation.label()}</span>
                        {kind.map(|k| format!(" · {}", k.label()))}
                    </p>
                    {reason.map(|why| view! { <p class="ns-timeline__why">"Why linked: "{in_languages(&why, lang)}</p> })}
                </li>
            }
            .into_any(),
        ));
    }
    // Stable: this work before a related one of the same day; the data's order otherwise.
    entries.sort_by_key(|(key, _)| *key);
    view! {
        <div class="ns-timeline-block">
            {heading(2, None, Some("ns-timeline__title"), false, "Seasons, parts and films".into_any())}
            <ol class="ns-timeline">{entries.into_iter().map(|(_, entry)| entry).collect_view()}</ol>
        </div>
    }
    .into_any()
}

/// A live countdown. Only the static sentence is read by screen readers; the ticking clock is a
/// `timer`, which assistive technology does not announce on every change.
#[component]
pub fn Countdown(target_ms: i64, exact: bool) -> impl IntoView {
    let now = browser::clock();
    let local = LocalTime::at(target_ms, browser::utc_offset_minutes(target_ms));
    let when = if exact { local.label() } else { local.label().split(" at ").next().unwrap_or_default().to_string() };
    let zone = browser::time_zone_name().map(|z| format!(" ({z})")).unwrap_or_default();
    let iso = crate::dates::Instant { epoch_ms: target_ms, offset_minutes: 0 }.to_string();
    view! {
        <div class="ns-countdown">
            <p>"Premieres "<time datetime=iso>{when}</time>", your time"{zone}"."</p>
            <p class="ns-countdown__left" role="timer" aria-live="off" aria-atomic="true">
                {move || time_left(now.get(), target_ms)}
            </p>
        </div>
    }
}

/// "12 days, 03:04:05 to go", then "It has premiered.": the countdown's ticking line, here and in
/// the answer box.
pub fn time_left(now_ms: i64, target_ms: i64) -> String {
    match Remaining::until(now_ms, target_ms) {
        Some(left) => format!("{} to go", left.label()),
        None => "It has premiered.".to_string(),
    }
}
