use super::{Card, StatusBadge};
use crate::bundle::{Outlook, Status};
use crate::browser;
use crate::dates::{start_of_day_ms, LocalTime, PartialDate, Remaining};
use leptos::prelude::*;

/// What is known of the next season: status, the article's reasoning, the expected window and,
/// once the day is known, a countdown in the reader's time zone.
#[component]
pub fn OutlookCard(
    outlook: Option<Outlook>,
    /// Seasons aired so far, to name the next one.
    seasons: Option<u32>,
) -> impl IntoView {
    let title = match seasons {
        Some(n) => format!("Season {} outlook", n + 1),
        None => "Next season outlook".to_string(),
    };
    let body = match outlook {
        None => view! { <p class="ns-empty">"No outlook has been written for this show yet."</p> }.into_any(),
        Some(outlook) => {
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
    };
    view! { <Card id="ns-outlook-h" title=title class="ns-outlook">{body}</Card> }
}

/// The moment to count down to, and whether its time of day is known: the exact premiere, or
/// else the start of the announced day in the reader's own time zone.
fn countdown_target(outlook: &Outlook) -> Option<(i64, bool)> {
    if matches!(outlook.status, Status::Cancelled | Status::Airing) {
        return None;
    }
    if let Some(at) = outlook.premiere_at {
        return Some((at.epoch_ms, true));
    }
    match outlook.window.as_ref()? {
        w if w.to.is_none() && !w.or_later => match w.from {
            PartialDate::Day(y, m, d) => {
                let utc = start_of_day_ms(y, m, d, 0);
                Some((start_of_day_ms(y, m, d, browser::utc_offset_minutes(utc)), false))
            }
            _ => None,
        },
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
