use super::{heading, in_languages, Card, StatusBadge};
use crate::browser;
use crate::bundle::{DataOutlook, DataSource, DataStatus, NativeText, Outlook, Related, Status, WorkKind};
use crate::dates::{start_of_day_ms, Instant, LocalTime, PartialDate, Remaining};
use crate::links::LinkToShow;
use leptos::prelude::*;

/// What is known of the next season: status, the article's reasoning, the expected window and,
/// once the day is known, a countdown in the reader's time zone. Without the editor's outlook,
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
    let card_title = match seasons {
        Some(n) => format!("Season {} outlook", n + 1),
        None => "Next season outlook".to_string(),
    };
    let body = match (outlook, data_outlook) {
        (Some(outlook), _) => {
            let countdown = countdown_target(&outlook).map(|(target_ms, exact)| view! { <Countdown target_ms exact/> });
            view! {
                <p class="ns-outlook__status"><StatusBadge status=outlook.status/></p>
                <p>{outlook.summary}</p>
                {outlook.window.map(|w| view! {
                    <dl class="ns-outlook__window">
                        <div class="ns-sheet__row">
                            <dt>{if outlook.status == Status::Dated { "Premiere" } else { "Expected" }}</dt>
                            <dd>
                                <time datetime=w.from.machine()>{w.label()}</time>
                                <span class="ns-precision">{format!(" (known to the {})", w.precision().label())}</span>
                            </dd>
                        </div>
                    </dl>
                })}
                {countdown}
            }
            .into_any()
        }
        (None, Some(from_data)) => data_body(from_data, &related, data.as_ref(), &title, native_title.as_ref()),
        (None, None) => view! { <p class="ns-empty">"No outlook has been written for this show yet."</p> }.into_any(),
    };
    let here = TimelineWork { title, native_title, kind, premiere };
    let timeline = (!related.is_empty()).then(|| timeline(here, related));
    view! { <Card id="ns-outlook-h" title=card_title class="ns-outlook">{body}{timeline}</Card> }
}

/// What the data lists after the work: a badge, a sentence (the next season linked to its
/// page), a countdown to a dated one, and what the data is and how fresh.
fn data_body(outlook: DataOutlook, related: &[Related], data: Option<&DataSource>, title: &str, native_title: Option<&NativeText>) -> AnyView {
    let DataOutlook { status, next, premiere, premiere_at, summary: _ } = outlook;
    let source = data.map_or("the data", |d| d.source.as_str()).to_string();
    let as_of = data.map(|d| d.as_of);
    let date = |d: PartialDate| view! { <time datetime=d.machine()>{d.label()}</time> };
    let this = if title.is_empty() { "this work".into_any() } else { in_languages(title, native_title) };
    let next_work = next.as_deref().and_then(|slug| related.iter().find(|r| r.slug == slug));
    let subject = || match next_work {
        Some(work) => {
            let name = in_languages(&work.title, native_title);
            view! { "The next season, "<LinkToShow slug=work.slug.clone()>{name}</LinkToShow>"," }.into_any()
        }
        None => "The next season".into_any(),
    };
    let on = premiere.map(|d| view! { " on "{date(d)} });
    let sentence = match status {
        DataStatus::Airing => view! {
            {subject()}" premiered in Japan"{on}{as_of.map(|d| view! { " and was on the air there as of "{date(d)} })}"."
        }
        .into_any(),
        DataStatus::Dated => view! { {subject()}" premieres in Japan"{on}"." }.into_any(),
        DataStatus::Aired => view! { {subject()}" premiered in Japan"{on}"." }.into_any(),
        DataStatus::FilmsOnly => view! {
            "Only films, recaps or specials follow "{this}" in "{source.clone()}": no later season or part"
            {as_of.map(|d| view! { " as of "{date(d)} })}"."
        }
        .into_any(),
        DataStatus::NothingLater => view! {
            "Nothing after "{this}" is in "{source.clone()}{as_of.map(|d| view! { " as of "{date(d)} })}
            ": no later season, part or film."
        }
        .into_any(),
    };
    let countdown = (status == DataStatus::Dated)
        .then(|| countdown_to(premiere_at, premiere))
        .flatten()
        .map(|(target_ms, exact)| view! { <Countdown target_ms exact/> });
    // What the data is, so that "not in the data" is never read as "not announced".
    let what = match data {
        Some(d) if d.source == "bangumi-data" => "bangumi-data, a community-maintained list of anime and where they stream".to_string(),
        Some(d) => d.source.clone(),
        None => "the data".to_string(),
    };
    let fresh = as_of.map(|d| format!(", as of {}", as_of_month(d))).unwrap_or_default();
    let caveat = if status.has_next() { "" } else { " A season it does not list yet may already have been announced." };
    let note = format!("From {what}{fresh}: what the data lists, not an announcement.{caveat}");
    view! {
        <p class="ns-outlook__status"><span class=format!("ns-badge ns-badge--data ns-badge--data-{}", status.key())>{status.label()}</span></p>
        <p class="ns-outlook__data">{sentence}</p>
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

/// The moment to count down to, and whether its time of day is known: the exact premiere, or
/// else the start of the announced day in the reader's own time zone.
fn countdown_target(outlook: &Outlook) -> Option<(i64, bool)> {
    if matches!(outlook.status, Status::Cancelled | Status::Airing) {
        return None;
    }
    let day = outlook.window.as_ref().filter(|w| w.to.is_none() && !w.or_later).map(|w| w.from);
    countdown_to(outlook.premiere_at, day)
}

/// The exact premiere if known, else the start of its day (a day, not a month or season) in the
/// reader's time zone.
fn countdown_to(at: Option<Instant>, day: Option<PartialDate>) -> Option<(i64, bool)> {
    if let Some(at) = at {
        return Some((at.epoch_ms, true));
    }
    match day? {
        PartialDate::Day(y, m, d) => {
            let utc = start_of_day_ms(y, m, d, 0);
            Some((start_of_day_ms(y, m, d, browser::utc_offset_minutes(utc)), false))
        }
        _ => None,
    }
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
                {move || match Remaining::until(now.get(), target_ms) {
                    Some(left) => format!("{} to go", left.label()),
                    None => "It has premiered.".to_string(),
                }}
            </p>
        </div>
    }
}
