//! What changed in the answers, as the feed's entries: each one a fact with its own date, so
//! that a rebuild of the same facts writes the same entries (same id, same date), and a change
//! of a fact adds its entry.
//!
//! - A next season NextSeason found in the data that premiered (on its premiere's day).
//! - A next season NextSeason found dated ahead (on the data's date: when NextSeason found the
//!   day). The day is part of the id: a new day is a new entry.
//! - An editors' announcement (on the day of its news): announced, dated, airing or cancelled;
//!   the status and the day of the news are part of the id.
//!
//! Entries reach back twelve months from the data's date (the feed is for following, not the
//! archive), newest first.

use super::calendar::Follow;
use super::JAPAN_MINUTES;
use crate::bundle::{DataStatus, Show, Status};
use crate::dates::{Instant, PartialDate, Precision};
use crate::links::show_path;

/// One entry of the feed.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The part of the entry's id after the site's tag: `shows/<slug>/…`.
    pub key: String,
    /// The show whose answer changed.
    pub slug: String,
    pub title: String,
    pub summary: String,
    /// When it changed, in UTC milliseconds.
    pub at_ms: i64,
    /// Where the change shows: the show's page.
    pub page: String,
}

/// The day's first moment in Japan, where the day is a Japanese date.
fn day_ms(date: PartialDate) -> i64 {
    let (y, m, d) = date.earliest_day();
    crate::dates::start_of_day_ms(y, m, d, JAPAN_MINUTES)
}

impl Follow<'_> {
    /// Every change of the last twelve months of the data, newest first (then by id).
    pub fn changes(&self) -> Vec<Change> {
        let mut changes = Vec::new();
        let mut slugs: Vec<&&str> = self.shows.keys().collect();
        slugs.sort();
        for slug in slugs {
            changes.extend(self.changes_of(self.shows[*slug]));
        }
        if let Some(as_of) = self.as_of {
            let (y, m, d) = as_of.earliest_day();
            let from = crate::dates::start_of_day_ms(y - 1, m, d.min(28), JAPAN_MINUTES);
            changes.retain(|c| c.at_ms >= from);
        }
        changes.sort_by(|a, b| b.at_ms.cmp(&a.at_ms).then_with(|| a.key.cmp(&b.key)));
        changes
    }

    /// The feed of `changes` as Atom text: dated, with no change at all, by the data's day.
    pub fn feed(&self, changes: &[Change]) -> String {
        super::atom::feed(changes, self.origin, self.as_of.map_or(0, day_ms))
    }

    fn changes_of(&self, show: &Show) -> Vec<Change> {
        let page = format!("{}{}", self.origin, show_path(&show.slug));
        let change = |key: String, title: String, summary: String, at_ms: i64| Change { key, slug: show.slug.clone(), title, summary, at_ms, page: page.clone() };
        let mut changes = Vec::new();
        if let Some(found) = &show.data_outlook {
            let next = found.next.as_deref().and_then(|slug| self.shows.get(slug).map(|n| (slug, n.title.as_str())));
            let day = found.premiere.filter(|p| p.precision() == Precision::Day);
            if let (Some((next_slug, next_title)), Some(day), Some(data)) = (next, day, &show.data) {
                match found.status {
                    DataStatus::Aired | DataStatus::Airing => changes.push(change(
                        format!("shows/{}/next/{next_slug}/premiered", show.slug),
                        format!("{}: the next season premiered", show.title),
                        format!("NextSeason found the next season of {} in bangumi-data: {next_title} premiered in Japan on {}.", show.title, day.label()),
                        found.premiere_at.map(|at: Instant| at.epoch_ms).unwrap_or_else(|| day_ms(day)),
                    )),
                    DataStatus::Dated => changes.push(change(
                        format!("shows/{}/next/{next_slug}/dated/{}", show.slug, day.machine()),
                        format!("{}: the next season is dated", show.title),
                        format!(
                            "NextSeason found the next season of {} in bangumi-data {} (as of {}): {next_title} premieres in Japan on {}.",
                            show.title,
                            data.version,
                            data.as_of.label(),
                            day.label()
                        ),
                        day_ms(data.as_of),
                    )),
                    DataStatus::FilmsOnly | DataStatus::NothingLater => {}
                }
            }
        }
        if let Some(outlook) = &show.outlook {
            if let Some(source) = &outlook.source {
                let what = match outlook.status {
                    Status::Announced => "the next season is announced".to_string(),
                    Status::Dated => "the next season is dated".to_string(),
                    Status::Airing => "the next season is on the air".to_string(),
                    Status::Cancelled => "the next season is cancelled".to_string(),
                    // Not news: the editors found nothing announced.
                    Status::NoAnnouncement => String::new(),
                };
                if !what.is_empty() {
                    let when = match (outlook.premiere_at, &outlook.window) {
                        (Some(at), _) => format!(" It premieres {}.", crate::dates::LocalTime::at(at.epoch_ms, at.offset_minutes).label()),
                        (None, Some(window)) => format!(" Expected: {}.", window.label()),
                        (None, None) => String::new(),
                    };
                    let site = source.site().unwrap_or_else(|| source.url.clone());
                    changes.push(change(
                        format!("shows/{}/outlook/{}/{}", show.slug, outlook.status.key(), source.date.machine()),
                        format!("{}: {what}", show.title),
                        format!("NextSeason's editors read on {site} ({}) that {what}.{when}", source.date.label()),
                        day_ms(source.date),
                    ));
                }
            }
        }
        changes
    }
}
