//! The calendars: which events a show's calendar and the site's hold, and their iCalendar text.
//!
//! Every event's `UID` names what it is and whose (`premiere-<slug>@<host>`, `weekly-<slug>@…`,
//! `next-season-<slug>@…`), so that the same event has the same id in every calendar that holds
//! it and in every build: an application that subscribed updates it when a rebuild moves it.
//! Times are what the page says: a day where only the day is known (an all-day event), the
//! minute in Japan's time zone where the weekly slot gives it. No event has an end that the
//! data does not give: a weekly slot without a last episode recurs until a rebuild gives one,
//! and a premiere is an instant, not the episode's length NextSeason does not know.

use super::ics::Lines;
use super::{editors_day, has_calendar, runs_ahead, show_calendar_path, CALENDAR_PATH, JAPAN_MINUTES};
use crate::bundle::{BroadcastSlot, DataStatus, Show, Weekday};
use crate::dates::{civil_from_days, days_from_civil, start_of_day_ms, Instant, PartialDate, Precision};
use crate::links::show_path;
use std::collections::{BTreeMap, HashMap};

/// Japan's zone, in which the data gives every weekly slot: one STANDARD rule describes it
/// (`JAPAN_MINUTES`).
const TOKYO: &str = "Asia/Tokyo";

/// How long the calendars' premieres reach back from the data's date.
const SITE_MONTHS_BACK: i32 = 12;

/// One calendar to write.
pub struct Calendar {
    pub name: String,
    pub description: String,
    /// Its own address (`SOURCE`, where an application reads it again) and the page it belongs to.
    pub source: String,
    pub page: String,
    pub events: Vec<Event>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub url: String,
    pub start: Start,
    /// Recurs every week on its start's weekday, until this instant (inclusive) if known.
    pub weekly: Option<Weekly>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Start {
    /// All day, where only the day is known.
    Day(i32, u8, u8),
    /// A wall-clock time in Japan.
    InJapan { day: (i32, u8, u8), hour: u8, minute: u8 },
    /// An exact instant (the editors' premiere).
    At(Instant),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weekly {
    pub weekday: Weekday,
    /// The last occurrence, in UTC milliseconds, where the last episode is known.
    pub until_ms: Option<i64>,
}

/// What the calendars are built from: every show by slug, the site's address, and the data's
/// date (the day the facts are as of, which "ahead" and "the last twelve months" count from).
pub struct Follow<'a> {
    pub shows: HashMap<&'a str, &'a Show>,
    pub origin: &'a str,
    pub as_of: Option<PartialDate>,
}

impl<'a> Follow<'a> {
    pub fn new(shows: &'a [impl std::borrow::Borrow<Show>], origin: &'a str) -> Self {
        let as_of = shows.iter().filter_map(|s| s.borrow().data.as_ref().map(|d| d.as_of)).max_by_key(|d| d.earliest_day());
        Follow { shows: shows.iter().map(|s| (s.borrow().slug.as_str(), s.borrow())).collect(), origin, as_of }
    }

    fn host(&self) -> &str {
        self.origin.trim_start_matches("https://").trim_end_matches('/')
    }

    fn page(&self, slug: &str) -> String {
        format!("{}{}", self.origin, show_path(slug))
    }

    /// A show's own calendar, if it has one ([`has_calendar`]).
    pub fn show_calendar(&self, show: &Show) -> Option<Calendar> {
        if !has_calendar(show) {
            return None;
        }
        let mut events = Vec::new();
        events.extend(self.editors_event(show));
        if let Some(data) = show.data_outlook.as_ref().filter(|d| matches!(d.status, DataStatus::Dated | DataStatus::Airing)) {
            match data.next.as_deref().and_then(|slug| self.shows.get(slug)) {
                Some(next) => events.extend(self.weekly_event(next).or_else(|| self.premiere_event(next))),
                // The next season's own file is not in this bundle: its day, as this file gives it.
                None => events.extend(data.premiere.filter(|p| p.precision() == Precision::Day).map(|day| Event {
                    uid: format!("premiere-{}@{}", data.next.as_deref().unwrap_or(&show.slug), self.host()),
                    summary: format!("{}: next season premieres", show.title),
                    description: format!("{} (NextSeason found it in bangumi-data).", premiered_words(day, None)),
                    url: self.page(&show.slug),
                    start: match data.premiere_at {
                        Some(at) => Start::At(at),
                        None => Start::Day(day.earliest_day().0, day.earliest_day().1, day.earliest_day().2),
                    },
                    weekly: None,
                })),
            }
        }
        if runs_ahead(show) {
            events.extend(self.weekly_event(show).or_else(|| self.premiere_event(show)));
        }
        dedupe(&mut events);
        Some(Calendar {
            name: format!("{}: NextSeason", show.title),
            description: format!("What is ahead for {}: premieres and weekly slots, from the facts of its NextSeason page.", show.title),
            source: format!("{}{}", self.origin, show_calendar_path(&show.slug)),
            page: self.page(&show.slug),
            events,
        })
    }

    /// The site's calendar: every premiere of the data's last twelve months and after (every
    /// premiere a day is known for, where no show has a data's date), and the editors' dated
    /// next seasons. Not the weekly slots: a hundred series recurring every week would bury
    /// the premieres; each show's own calendar has its slot.
    pub fn site_calendar(&self) -> Calendar {
        let from = self.as_of.map(|d| {
            let (y, m, day) = d.earliest_day();
            (y - SITE_MONTHS_BACK / 12, m, day)
        });
        let recent = |date: PartialDate| from.is_none_or(|from| date.earliest_day() >= from);
        let mut slugs: Vec<&&str> = self.shows.keys().collect();
        slugs.sort();
        let mut events = Vec::new();
        for slug in slugs {
            let show = self.shows[*slug];
            if show.premiere.is_some_and(recent) {
                events.extend(self.premiere_event(show));
            }
            if editors_day(show).is_some_and(|(day, _)| recent(day)) {
                events.extend(self.editors_event(show));
            }
        }
        dedupe(&mut events);
        Calendar {
            name: "NextSeason: season premieres".into(),
            description: "Anime season premieres in Japan from NextSeason: the last twelve months of its data and everything dated ahead.".into(),
            source: format!("{}{CALENDAR_PATH}", self.origin),
            page: format!("{}/", self.origin),
            events,
        }
    }

    /// A show's premiere, on its day; at its slot's time where the slot falls on that day.
    fn premiere_event(&self, show: &Show) -> Option<Event> {
        let day = show.premiere.filter(|p| p.precision() == Precision::Day)?.earliest_day();
        let time = show.broadcast.as_ref().and_then(|slot| slot_time(slot).filter(|_| weekday_of(day) == slot.weekday));
        let start = match time {
            Some((hour, minute)) => Start::InJapan { day, hour, minute },
            None => Start::Day(day.0, day.1, day.2),
        };
        Some(Event {
            uid: format!("premiere-{}@{}", show.slug, self.host()),
            summary: format!("{} premieres", show.title),
            description: format!("{}{}", premiered_words(show.premiere?, time), from_data(show)),
            url: self.page(&show.slug),
            start,
            weekly: None,
        })
    }

    /// A show's weekly slot from its premiere, until its last episode where the data gives it.
    fn weekly_event(&self, show: &Show) -> Option<Event> {
        let slot = show.broadcast.as_ref()?;
        let (hour, minute) = slot_time(slot)?;
        let premiere = show.premiere.filter(|p| p.precision() == Precision::Day)?.earliest_day();
        let first = next_weekday(premiere, slot.weekday);
        let last = show.ends.map(|end| {
            let day = end.latest_day();
            in_japan_ms(day, hour, minute)
        });
        let until = match show.ends {
            Some(end) => format!(", to its last episode on {}", end.label()),
            None => ". The data gives no last episode yet: a rebuild of NextSeason ends the series when it does".into(),
        };
        Some(Event {
            uid: format!("weekly-{}@{}", show.slug, self.host()),
            summary: format!("{}: new episode", show.title),
            description: format!("{} in Japan, from its premiere on {}{until}.{}", slot.label(), PartialDate::Day(premiere.0, premiere.1, premiere.2).label(), from_data(show)),
            url: self.page(&show.slug),
            start: Start::InJapan { day: first, hour, minute },
            weekly: Some(Weekly { weekday: slot.weekday, until_ms: last }),
        })
    }

    /// The premiere of the next season, as the editors dated it.
    fn editors_event(&self, show: &Show) -> Option<Event> {
        let (day, at) = editors_day(show)?;
        let outlook = show.outlook.as_ref()?;
        let source = outlook.source.as_ref().map(|s| format!(" Source: {}", s.url)).unwrap_or_default();
        Some(Event {
            uid: format!("next-season-{}@{}", show.slug, self.host()),
            summary: format!("{}: next season premieres", show.title),
            description: format!("NextSeason's editors: the next season premieres on {}.{source}", day.label()),
            url: self.page(&show.slug),
            start: match at {
                Some(at) => Start::At(at),
                None => {
                    let (y, m, d) = day.earliest_day();
                    Start::Day(y, m, d)
                }
            },
            weekly: None,
        })
    }
}

/// The same event twice (a show and its next season's premiere both found): kept once.
fn dedupe(events: &mut Vec<Event>) {
    let mut seen = std::collections::HashSet::new();
    events.retain(|e| seen.insert(e.uid.clone()));
}

fn premiered_words(day: PartialDate, time: Option<(u8, u8)>) -> String {
    match time {
        Some((h, m)) => format!("Premieres in Japan on {} at {h:02}:{m:02} JST.", day.label()),
        None => format!("Premieres in Japan on {}.", day.label()),
    }
}

/// The credit of facts that come from the data (CC BY 4.0).
fn from_data(show: &Show) -> String {
    match &show.data {
        Some(data) => format!(" Data: {} {} (as of {}), {}.", data.source, data.version, data.as_of.label(), data.license),
        None => String::new(),
    }
}

/// "23:00" as (23, 0); None for anything that is not a time of day.
fn slot_time(slot: &BroadcastSlot) -> Option<(u8, u8)> {
    let (h, m) = slot.time.split_once(':')?;
    let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    (h < 24 && m < 60 && slot.zone == "JST").then_some((h, m))
}

fn weekday_of((y, m, d): (i32, u8, u8)) -> Weekday {
    let weekday = crate::dates::LocalTime::at(start_of_day_ms(y, m, d, 0), 0).weekday;
    Weekday::from_index(weekday).unwrap_or(Weekday::Monday)
}

/// The first day on or after `day` that is a `weekday`.
fn next_weekday(day: (i32, u8, u8), weekday: Weekday) -> (i32, u8, u8) {
    let mut days = days_from_civil(day.0, day.1, day.2);
    while weekday_of(civil_from_days(days)) != weekday {
        days += 1;
    }
    civil_from_days(days)
}

fn in_japan_ms((y, m, d): (i32, u8, u8), hour: u8, minute: u8) -> i64 {
    start_of_day_ms(y, m, d, JAPAN_MINUTES) + (hour as i64 * 60 + minute as i64) * 60_000
}

fn byday(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Monday => "MO",
        Weekday::Tuesday => "TU",
        Weekday::Wednesday => "WE",
        Weekday::Thursday => "TH",
        Weekday::Friday => "FR",
        Weekday::Saturday => "SA",
        Weekday::Sunday => "SU",
    }
}

fn utc_stamp(epoch_ms: i64) -> String {
    let local = crate::dates::LocalTime::at(epoch_ms, 0);
    format!("{:04}{:02}{:02}T{:02}{:02}{:02}Z", local.year, local.month, local.day, local.hour, local.minute, local.second)
}

impl Calendar {
    /// The calendar as iCalendar text. `stamp` is the DTSTAMP of every event: the data's date,
    /// so that an unchanged bundle writes the same bytes.
    pub fn to_ics(&self, stamp: PartialDate) -> String {
        let (y, m, d) = stamp.earliest_day();
        let stamp = format!("{y:04}{m:02}{d:02}T000000Z");
        let mut out = Lines::default();
        out.raw("BEGIN", "VCALENDAR");
        out.raw("VERSION", "2.0");
        out.raw("PRODID", "-//NextSeason//Follow 1.0//EN");
        out.raw("CALSCALE", "GREGORIAN");
        out.raw("METHOD", "PUBLISH");
        out.text("NAME", &self.name);
        out.text("X-WR-CALNAME", &self.name);
        out.text("DESCRIPTION", &self.description);
        out.text("X-WR-CALDESC", &self.description);
        out.raw("URL;VALUE=URI", &self.page);
        out.raw("SOURCE;VALUE=URI", &self.source);
        // Read again daily (RFC 7986; the older name for the applications that know only it).
        out.raw("REFRESH-INTERVAL;VALUE=DURATION", "P1D");
        out.raw("X-PUBLISHED-TTL", "P1D");
        if self.events.iter().any(|e| matches!(e.start, Start::InJapan { .. })) {
            for (name, value) in [
                ("BEGIN", "VTIMEZONE"),
                ("TZID", TOKYO),
                ("BEGIN", "STANDARD"),
                ("DTSTART", "19700101T000000"),
                ("TZOFFSETFROM", "+0900"),
                ("TZOFFSETTO", "+0900"),
                ("TZNAME", "JST"),
                ("END", "STANDARD"),
                ("END", "VTIMEZONE"),
            ] {
                out.raw(name, value);
            }
        }
        for event in &self.events {
            out.raw("BEGIN", "VEVENT");
            out.raw("UID", &event.uid);
            out.raw("DTSTAMP", &stamp);
            match event.start {
                Start::Day(y, m, d) => {
                    out.raw("DTSTART;VALUE=DATE", &format!("{y:04}{m:02}{d:02}"));
                    let (ny, nm, nd) = civil_from_days(days_from_civil(y, m, d) + 1);
                    out.raw("DTEND;VALUE=DATE", &format!("{ny:04}{nm:02}{nd:02}"));
                }
                Start::InJapan { day: (y, m, d), hour, minute } => {
                    out.raw(&format!("DTSTART;TZID={TOKYO}"), &format!("{y:04}{m:02}{d:02}T{hour:02}{minute:02}00"));
                }
                Start::At(at) => out.raw("DTSTART", &utc_stamp(at.epoch_ms)),
            }
            if let Some(weekly) = event.weekly {
                let until = weekly.until_ms.map(|ms| format!(";UNTIL={}", utc_stamp(ms))).unwrap_or_default();
                out.raw("RRULE", &format!("FREQ=WEEKLY;BYDAY={}{until}", byday(weekly.weekday)));
            }
            out.text("SUMMARY", &event.summary);
            out.text("DESCRIPTION", &event.description);
            out.raw("URL;VALUE=URI", &event.url);
            // A premiere does not make the reader busy.
            out.raw("TRANSP", "TRANSPARENT");
            out.raw("END", "VEVENT");
        }
        out.raw("END", "VCALENDAR");
        out.finish()
    }
}

/// Every calendar of the build by its file (`calendar.ics`, `shows/<slug>/calendar.ics`), as text.
pub fn calendar_files(follow: &Follow, shows: &[impl std::borrow::Borrow<Show>]) -> BTreeMap<String, String> {
    let stamp = follow.as_of.unwrap_or(PartialDate::Day(2000, 1, 1));
    let mut files = BTreeMap::new();
    files.insert(CALENDAR_PATH.trim_start_matches('/').to_string(), follow.site_calendar().to_ics(stamp));
    for show in shows {
        if let Some(calendar) = follow.show_calendar(show.borrow()) {
            files.insert(show_calendar_path(&show.borrow().slug).trim_start_matches('/').to_string(), calendar.to_ics(stamp));
        }
    }
    files
}
