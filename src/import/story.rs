//! The story so far, for a generated article: each TV or web season NextSeason linked to the
//! work, with its dates in Japan and the time from the season before it ended to its premiere,
//! and briefly the other works linked to it (films, OVAs, specials, recaps). Facts only: what
//! comes next is the answer box's (`data_outlook`), never repeated here. The links are
//! NextSeason's own inference from the data, and the text says so.

use crate::bundle::{Section, WorkKind};
use crate::dates::{months_text, whole_months, PartialDate};
use crate::franchise::Role;

/// How many of the other works (films, OVAs, specials) are named before "and N more": the
/// section is about the seasons.
const OTHERS_NAMED: usize = 5;

/// A work of the story: the page's own, or one NextSeason linked to it.
#[derive(Clone, Debug)]
pub struct Told {
    pub title: String,
    pub kind: WorkKind,
    pub role: Role,
    pub premiere: Option<PartialDate>,
    pub ends: Option<PartialDate>,
    /// The page's own work.
    pub this: bool,
}

impl Told {
    /// A TV or web season or part of the story, by its role in its continuity (a side series'
    /// own seasons too, on its pages: its continuity holds nothing else); the rest are films,
    /// OVAs, specials, recaps, remasters.
    fn is_season(&self) -> bool {
        matches!(self.kind, WorkKind::Tv | WorkKind::Web) && matches!(self.role, Role::Season | Role::Part | Role::SideStory)
    }

    /// What it is, in the list of the other works: its kind, or what its title marks it as.
    /// A TV or web work is not called a special: the franchise takes any unnumbered work
    /// released on one day for one, and a streaming season released at once is such a work.
    fn label(&self) -> &'static str {
        match (self.role, self.kind) {
            (Role::Recap, _) => "recap",
            (Role::Remaster, _) => "remaster",
            (_, WorkKind::Movie) => "film",
            (_, WorkKind::Ova) => "OVA",
            (_, WorkKind::Tv) => "TV",
            (_, WorkKind::Web) => "web",
        }
    }
}

/// How a season's premiere stands to the season before it, both days known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// It began this many whole months (by calendar) after the day of the other's last episode;
    /// 0: less than a month, but a later day.
    After(u16),
    /// It began on the day of the other's last episode.
    OnTheLastDay,
    /// It began before the other's last episode, after its premiere.
    WhileAiring,
    /// Both began on the same day.
    SameDay,
}

/// The gap between a season (`premiere`) and the one before it (`before_premiere`,
/// `before_ends`): None unless the days are known (a month or a season is no day to count from,
/// and a missing last episode is not guessed).
pub fn gap(before_premiere: Option<PartialDate>, before_ends: Option<PartialDate>, premiere: Option<PartialDate>) -> Option<Gap> {
    let day = |d: Option<PartialDate>| match d {
        Some(PartialDate::Day(y, m, d)) => Some((y, m, d)),
        _ => None,
    };
    let begins = day(premiere)?;
    if day(before_premiere) == Some(begins) {
        return Some(Gap::SameDay);
    }
    let ended = day(before_ends)?;
    Some(match begins.cmp(&ended) {
        std::cmp::Ordering::Less => Gap::WhileAiring,
        std::cmp::Ordering::Equal => Gap::OnTheLastDay,
        std::cmp::Ordering::Greater => Gap::After(whole_months(ended, begins)?),
    })
}

/// "It premiered 1 year 9 months after Season 1 ended.": `subject` is the later season as the
/// sentence names it. None when the gap is not known. In the tense of the data's date: a season
/// still to come "is set to premiere".
pub fn gap_sentence(subject: &str, before: &Told, later: &Told, as_of: PartialDate) -> Option<String> {
    let gap = gap(before.premiere, before.ends, later.premiere)?;
    let past = |d: Option<PartialDate>| d.is_some_and(|d| d.earliest_day() <= as_of.earliest_day());
    let (began, ended) = (past(later.premiere), past(before.ends));
    let other = &before.title;
    Some(match (gap, began) {
        (Gap::After(months), true) => format!("{subject} premiered {} after {other} ended.", months_text(months)),
        (Gap::After(months), false) if ended => format!("{subject} is set to premiere {} after {other} ended.", months_text(months)),
        (Gap::After(months), false) => format!("{subject} is set to premiere {} after the last episode listed for {other}.", months_text(months)),
        (Gap::OnTheLastDay, true) => format!("{subject} premiered on the day the last episode of {other} aired."),
        (Gap::OnTheLastDay, false) => format!("{subject} is set to premiere on the day listed for the last episode of {other}."),
        (Gap::WhileAiring, true) => format!("{subject} premiered while {other} was still airing."),
        (Gap::WhileAiring, false) => format!("{subject} is set to premiere before the last episode listed for {other}."),
        (Gap::SameDay, true) => format!("{subject} premiered on the same day as {other}."),
        (Gap::SameDay, false) => format!("{subject} is set to premiere on the same day as {other}."),
    })
}

/// A season's dates in Japan, in the tense of the data's date.
fn season_sentence(season: &Told, as_of: PartialDate) -> String {
    let name = match (season.this, season.role) {
        (true, Role::Part) => format!("{} (this part)", season.title),
        (true, _) => format!("{} (this season)", season.title),
        (false, _) => season.title.clone(),
    };
    let past = |d: PartialDate| d.earliest_day() <= as_of.earliest_day();
    let Some(premiere) = season.premiere else { return format!("{name}: the data gives no premiere date.") };
    let (from, ends) = (premiere.label(), season.ends);
    match ends {
        _ if !past(premiere) => match ends {
            Some(end) => format!("{name} is set to premiere in Japan on {from}; its last episode is listed for {}.", end.label()),
            None => format!("{name} is set to premiere in Japan on {from}."),
        },
        Some(end) if end == premiere && season.kind == WorkKind::Web => format!("{name} was released in Japan on {from}."),
        Some(end) if end == premiere => format!("{name} aired in Japan on {from}."),
        Some(end) if past(end) => format!("{name} aired in Japan from {from} to {}.", end.label()),
        Some(end) => format!("{name} premiered in Japan on {from}; its last episode is listed for {}.", end.label()),
        None => format!("{name} premiered in Japan on {from}; the data gives no date for its last episode."),
    }
}

/// "A", "A and B", "A, B and C".
fn list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [head @ .., last] => format!("{} and {last}", head.join(", ")),
    }
}

/// The other works linked to the work (films, OVAs, specials, recaps), briefly: how many, and
/// the first few with their kind and premiere.
fn others_sentence(others: &[&Told], after_seasons: bool) -> String {
    let mut names: Vec<String> = others
        .iter()
        .take(OTHERS_NAMED)
        .map(|o| match o.premiere {
            Some(d) => format!("{} ({}, {})", o.title, o.label(), d.label()),
            None => format!("{} ({})", o.title, o.label()),
        })
        .collect();
    if others.len() > OTHERS_NAMED {
        names.push(format!("{} more", others.len() - OTHERS_NAMED));
    }
    let count = match others.len() {
        1 => "one other work".to_string(),
        n => format!("{n} other works"),
    };
    if after_seasons {
        format!("NextSeason also linked {count} to this one: {}.", list(&names))
    } else {
        format!("NextSeason linked {count} to this one in bangumi-data: {}.", list(&names))
    }
}

/// The section "The story so far" of a work's article, from the page's own work and those linked
/// to it, in premiere order. None for a work linked to nothing (its intro already says when it
/// aired), and no list of seasons for a season that is its story's only one.
pub fn section(told: &[Told], as_of: PartialDate) -> Option<Section> {
    if told.len() < 2 {
        return None;
    }
    let seasons: Vec<&Told> = told.iter().filter(|t| t.is_season()).collect();
    let others: Vec<&Told> = told.iter().filter(|t| !t.is_season() && !t.this).collect();
    let mut paragraphs = Vec::new();
    let only_this = matches!(seasons.as_slice(), [one] if one.this);
    if !seasons.is_empty() && !only_this {
        paragraphs.push(match seasons.len() {
            1 => "The season NextSeason linked to this work in bangumi-data:".to_string(),
            _ => "The seasons NextSeason linked to this work in bangumi-data, in order of premiere:".to_string(),
        });
        for (i, season) in seasons.iter().enumerate() {
            let mut paragraph = season_sentence(season, as_of);
            if let Some(gap) = i.checked_sub(1).and_then(|b| gap_sentence("It", seasons[b], season, as_of)) {
                paragraph.push(' ');
                paragraph.push_str(&gap);
            }
            paragraphs.push(paragraph);
        }
        // A page that is no season itself (a film, an OVA, a special): where it falls among them.
        if let Some(at) = told.iter().position(|t| t.this && !t.is_season()) {
            let before = told[..at].iter().rev().find(|t| t.is_season());
            if let Some(gap) = before.and_then(|b| gap_sentence("This work", b, &told[at], as_of)) {
                paragraphs.push(gap);
            }
        }
    }
    if !others.is_empty() {
        paragraphs.push(others_sentence(&others, !paragraphs.is_empty()));
    }
    (!paragraphs.is_empty()).then(|| Section { heading: "The story so far".into(), paragraphs, subsections: Vec::new() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const AS_OF: PartialDate = PartialDate::Day(2026, 5, 15);

    fn day(y: i32, m: u8, d: u8) -> Option<PartialDate> {
        Some(PartialDate::Day(y, m, d))
    }

    fn season(title: &str, premiere: Option<PartialDate>, ends: Option<PartialDate>) -> Told {
        Told { title: title.into(), kind: WorkKind::Tv, role: Role::Season, premiere, ends, this: false }
    }

    fn said(before: &Told, later: &Told) -> Option<String> {
        gap_sentence(&later.title, before, later, AS_OF)
    }

    #[test]
    fn the_gap_in_whole_months_and_years() {
        let one = season("Season 1", day(2019, 4, 5), day(2019, 6, 28));
        let two = season("Season 2", day(2021, 4, 2), day(2021, 6, 25));
        assert_eq!(said(&one, &two).as_deref(), Some("Season 2 premiered 1 year 9 months after Season 1 ended."));
        let a_year = season("Season 2", day(2020, 6, 28), None);
        assert_eq!(said(&one, &a_year).as_deref(), Some("Season 2 premiered 1 year after Season 1 ended."), "exactly a year");
        let a_day_short = season("Season 2", day(2020, 6, 27), None);
        assert_eq!(said(&one, &a_day_short).as_deref(), Some("Season 2 premiered 11 months after Season 1 ended."));
        let next_week = season("Part 2", day(2019, 7, 5), None);
        assert_eq!(said(&one, &next_week).as_deref(), Some("Part 2 premiered less than a month after Season 1 ended."), "under a month, across a month's end");
        let same_month = season("Part 2", day(2019, 6, 30), None);
        assert_eq!(said(&one, &same_month).as_deref(), Some("Part 2 premiered less than a month after Season 1 ended."), "the same month");
    }

    #[test]
    fn no_gap_is_guessed() {
        let two = season("Season 2", day(2021, 4, 2), None);
        let unended = season("Season 1", day(2019, 4, 5), None);
        assert_eq!(said(&unended, &two), None, "no last episode: nothing is said of the gap");
        let to_the_month = season("Season 1", day(2019, 4, 5), Some(PartialDate::Month(2019, 6)));
        assert_eq!(said(&to_the_month, &two), None, "a month is no day to count from");
        let one = season("Season 1", day(2019, 4, 5), day(2019, 6, 28));
        assert_eq!(said(&one, &season("Season 2", Some(PartialDate::Year(2021)), None)), None);
        assert_eq!(said(&one, &season("Season 2", None, None)), None);
    }

    #[test]
    fn overlapping_runs_are_said_as_they_are() {
        let one = season("Season 1", day(2019, 4, 5), day(2019, 9, 27));
        assert_eq!(said(&one, &season("Part 2", day(2019, 7, 5), None)).as_deref(), Some("Part 2 premiered while Season 1 was still airing."));
        assert_eq!(said(&one, &season("Part 2", day(2019, 9, 27), None)).as_deref(), Some("Part 2 premiered on the day the last episode of Season 1 aired."));
        assert_eq!(said(&one, &season("Side B", day(2019, 4, 5), None)).as_deref(), Some("Side B premiered on the same day as Season 1."));
        // Still to come, by the data's date.
        let airing = season("Season 3", day(2026, 4, 3), day(2026, 6, 26));
        assert_eq!(said(&airing, &season("Season 4", day(2026, 10, 2), None)).as_deref(), Some("Season 4 is set to premiere 3 months after the last episode listed for Season 3."));
        let aired = season("Season 3", day(2026, 1, 9), day(2026, 3, 27));
        assert_eq!(said(&aired, &season("Season 4", day(2027, 1, 8), None)).as_deref(), Some("Season 4 is set to premiere 9 months after Season 3 ended."));
        assert_eq!(said(&airing, &season("Part 2", day(2026, 6, 5), None)).as_deref(), Some("Part 2 is set to premiere before the last episode listed for Season 3."));
    }

    #[test]
    fn a_work_linked_to_nothing_has_no_section() {
        let alone = Told { this: true, ..season("Alone", day(2020, 1, 10), day(2020, 3, 27)) };
        assert_eq!(section(std::slice::from_ref(&alone), AS_OF), None);
    }

    #[test]
    fn the_seasons_in_order_with_their_gaps_and_the_page_marked() {
        let film = Told { kind: WorkKind::Movie, role: Role::Film, ..season("The Movie", day(2020, 8, 14), None) };
        let told = [
            season("Synthetic", day(2019, 4, 5), day(2019, 6, 28)),
            film,
            Told { this: true, ..season("Synthetic 2", day(2021, 4, 2), day(2021, 6, 25)) },
            Told { role: Role::Part, ..season("Synthetic 2 Part 2", day(2021, 7, 2), None) },
        ];
        let section = section(&told, AS_OF).unwrap();
        assert_eq!(section.heading, "The story so far");
        assert_eq!(
            section.paragraphs,
            [
                "The seasons NextSeason linked to this work in bangumi-data, in order of premiere:",
                "Synthetic aired in Japan from April 5, 2019 to June 28, 2019.",
                "Synthetic 2 (this season) aired in Japan from April 2, 2021 to June 25, 2021. It premiered 1 year 9 months after Synthetic ended.",
                "Synthetic 2 Part 2 premiered in Japan on July 2, 2021; the data gives no date for its last episode. It premiered less than a month after Synthetic 2 ended.",
                "NextSeason also linked one other work to this one: The Movie (film, August 14, 2020).",
            ]
        );
    }

    #[test]
    fn a_lone_season_with_films_names_the_films_only() {
        let films: Vec<Told> = (1..=7).map(|n| Told { kind: WorkKind::Movie, role: Role::Film, ..season(&format!("Film {n}"), day(2010 + n, 4, 1), None) }).collect();
        let mut told = vec![Told { this: true, ..season("Synthetic", day(2009, 4, 5), day(2009, 6, 28)) }];
        told.extend(films);
        told.push(Told { kind: WorkKind::Ova, role: Role::Special, ..season("Synthetic OVA", day(2020, 1, 1), None) });
        let section = section(&told, AS_OF).unwrap();
        assert_eq!(
            section.paragraphs,
            ["NextSeason linked 8 other works to this one in bangumi-data: Film 1 (film, April 1, 2011), Film 2 (film, April 1, 2012), Film 3 (film, April 1, 2013), Film 4 (film, April 1, 2014), Film 5 (film, April 1, 2015) and 3 more."]
        );
        // A film's page: the season, then the other film.
        let told = [
            season("Synthetic", day(2009, 4, 5), day(2009, 6, 28)),
            Told { kind: WorkKind::Movie, role: Role::Film, this: true, ..season("Film 1", day(2011, 4, 1), None) },
            Told { kind: WorkKind::Movie, role: Role::Film, ..season("Film 2", day(2012, 4, 1), None) },
        ];
        assert_eq!(
            super::section(&told, AS_OF).unwrap().paragraphs,
            [
                "The season NextSeason linked to this work in bangumi-data:",
                "Synthetic aired in Japan from April 5, 2009 to June 28, 2009.",
                "This work premiered 1 year 9 months after Synthetic ended.",
                "NextSeason also linked one other work to this one: Film 2 (film, April 1, 2012).",
            ]
        );
    }
}
