//! Following shows with no server: calendars (iCalendar, RFC 5545) and a feed (Atom, RFC 4287)
//! written at build time from the same facts as the pages, each event and entry with an id that
//! a rebuild keeps, so that a calendar application or a feed reader that reads them again
//! updates what it has instead of adding it twice.
//!
//! - `/calendar.ics`: the site's calendar, every season premiere of the data's last twelve
//!   months and everything dated ahead ([`calendar`]).
//! - `/shows/<slug>/calendar.ics`: a show's own, where it has something ahead ([`has_calendar`]):
//!   its next season's premiere (or its weekly slot, a recurring event in Japan's time zone),
//!   the editors' dated premiere, or its own weekly slot while it airs.
//! - `/feed.atom`: what changed in the answers ([`changes`]): next seasons found and their
//!   premieres, dates set, the editors' announcements.
//!
//! What decides whether a show has a calendar is here, for every build (the answer box links to
//! it); what writes the files is native only.

use crate::bundle::{DataStatus, Show};
use crate::dates::{PartialDate, Precision};

#[cfg(not(target_arch = "wasm32"))]
pub mod atom;
#[cfg(not(target_arch = "wasm32"))]
pub mod calendar;
#[cfg(not(target_arch = "wasm32"))]
pub mod changes;
#[cfg(not(target_arch = "wasm32"))]
mod ics;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

/// Japan's offset from UTC in minutes (UTC+9 all year, no summer time since 1951): the zone of
/// the data's dates and weekly slots.
const JAPAN_MINUTES: i32 = 9 * 60;

/// The site's feed of what changed in the answers. `.atom`: the MIME type hosts give it by
/// default (nginx's `mime.types`, Go's for Caddy) is Atom's own.
pub const FEED_PATH: &str = "/feed.atom";

/// The site's calendar of season premieres.
pub const CALENDAR_PATH: &str = "/calendar.ics";

/// The feed's title, as the `<link rel="alternate">` of every page names it.
pub const FEED_TITLE: &str = "NextSeason: what changed in the answers";

/// A show's own calendar.
pub fn show_calendar_path(slug: &str) -> String {
    format!("/shows/{slug}/calendar.ics")
}

/// Whether a show has a calendar of its own: something ahead as of the data's date, read from
/// its own file alone (so that every page that links to the calendar agrees with the build that
/// writes it):
/// - the editors dated its next season to a day (or its premiere to the minute);
/// - NextSeason found its next season dated or on the air in the data;
/// - its own premiere is ahead, or it is on the air: a weekly slot, premiered, and no last
///   episode before the data's date.
pub fn has_calendar(show: &Show) -> bool {
    editors_day(show).is_some()
        || show.data_outlook.as_ref().is_some_and(|d| matches!(d.status, DataStatus::Dated | DataStatus::Airing) && d.premiere.is_some_and(is_day))
        || runs_ahead(show)
}

/// The day (and the instant, where given) the editors dated the next season to.
pub fn editors_day(show: &Show) -> Option<(PartialDate, Option<crate::dates::Instant>)> {
    let outlook = show.outlook.as_ref()?;
    if let Some(at) = outlook.premiere_at {
        let local = crate::dates::LocalTime::at(at.epoch_ms, at.offset_minutes);
        return Some((PartialDate::Day(local.year, local.month, local.day), Some(at)));
    }
    let window = outlook.window.as_ref()?;
    (window.to.is_none() && !window.or_later && is_day(window.from)).then_some((window.from, None))
}

/// Whether the show's own run is ahead as of its data's date: its premiere (a day) after that
/// date, or a weekly slot and no last episode before it.
pub fn runs_ahead(show: &Show) -> bool {
    let (Some(premiere), Some(data)) = (show.premiere, &show.data) else { return false };
    let today = data.as_of.earliest_day();
    let on_the_air = show.broadcast.is_some() && show.ends.is_none_or(|end| end.latest_day() >= today);
    is_day(premiere) && (premiere.earliest_day() > today || on_the_air)
}

fn is_day(date: PartialDate) -> bool {
    date.precision() == Precision::Day
}
