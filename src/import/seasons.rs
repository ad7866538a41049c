//! Season links: a work's other seasons, parts, films, recaps and specials in the data, each
//! link with its reason; and what NextSeason found after a work, as of the data's date.
//!
//! The links come from the franchises ([`crate::franchise`]): every two placed works of one
//! continuity are linked, with the evidence that joined them as the reason, and the relation
//! one is to the other (a later season, an earlier one, a film, a recap, a special). A remake
//! is its own continuity and is never linked to the series it restarts.

use super::facts::{jst_day, Work};
use crate::bundle::{Relation, WorkKind};
use crate::dates::PartialDate;
use crate::franchise::{Entry, Franchises, Role};

/// A link from a work to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// The other work's index in the works.
    pub other: usize,
    pub relation: Relation,
    pub reason: String,
}

/// What the franchise grouping reads of the works.
pub fn entries(works: &[Work]) -> Vec<Entry<'_>> {
    works
        .iter()
        .map(|w| Entry {
            native: &w.native,
            english: w.en.iter().map(String::as_str).collect(),
            chinese: w.titles.iter().filter(|t| t.lang.starts_with("zh")).map(|t| t.text.as_str()).collect(),
            kind: w.kind,
            begin_ms: begin_ms(w),
            end_ms: w.end.map(|e| e.epoch_ms),
            site: w.site_key.as_deref(),
        })
        .collect()
}

/// The franchises of the works.
pub fn franchises(works: &[Work]) -> Franchises {
    Franchises::group(&entries(works))
}

/// Each work's links: to every other placed work of its continuity.
pub fn link(works: &[Work], franchises: &Franchises) -> Vec<Vec<Link>> {
    let mut links: Vec<Vec<Link>> = vec![Vec::new(); works.len()];
    for members in &franchises.continuities {
        for &w in members {
            for &x in members {
                if x == w {
                    continue;
                }
                let Some(reason) = franchises.reason(w, x) else { continue };
                links[w].push(Link { other: x, relation: relation(works, &franchises.roles, w, x), reason });
            }
        }
    }
    links
}

/// What `x` is to `w`, both of one continuity.
fn relation(works: &[Work], roles: &[Role], w: usize, x: usize) -> Relation {
    let later = begin_ms(&works[x]) > begin_ms(&works[w]);
    let in_time = |part: bool| match (later, part) {
        (true, true) => Relation::Part,
        (true, false) => Relation::Sequel,
        (false, _) => Relation::Prequel,
    };
    match roles[x] {
        Role::Film => Relation::Film,
        Role::Recap => Relation::Recap,
        // A side series' own later works are its seasons.
        Role::SideStory if roles[w] == Role::SideStory => in_time(false),
        Role::Special | Role::SideStory => Relation::Special,
        Role::Remaster if roles[w] == Role::Remaster => in_time(false),
        Role::Remaster => Relation::Recap,
        Role::Part => in_time(true),
        Role::Season => in_time(false),
    }
}

fn begin_ms(work: &Work) -> Option<i64> {
    work.begin.map(|b| b.epoch_ms)
}

/// What NextSeason found after a work, as of the data's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum After {
    /// The next TV or web season or part, where it stands, and whether it is a later part.
    Next { work: usize, stands: Stands, part: bool },
    /// No later season, but these later films, recaps or specials.
    FilmsOnly(Vec<usize>),
    /// Nothing later.
    Nothing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stands {
    /// Begins after the data's date.
    Dated,
    /// Began on or before it and has not ended by it (or its end is unknown).
    Airing,
    /// Ended before it.
    Aired,
}

/// What follows work `w` among its links (already without the links an editor rejected).
///
/// The next season is the franchise's (`chain[w]`) while it is among the links; when an editor
/// rejected it, the chain is followed on (the next season's own next, and so on), so that the
/// pages of one franchise never disagree. An editor's own list of related shows (`own`) has no
/// chain: its earliest later season or part is the next.
pub fn after(works: &[Work], w: usize, links: &[(usize, Relation)], chain: &[Option<usize>], own: bool, as_of: PartialDate) -> After {
    let day = |i: usize| works[i].begin.map(jst_day).map(PartialDate::earliest_day);
    let mine = begin_ms(&works[w]);
    let candidates: Vec<usize> = links
        .iter()
        .filter(|(i, r)| matches!(r, Relation::Sequel | Relation::Part) && matches!(works[*i].kind, WorkKind::Tv | WorkKind::Web))
        .filter(|(i, _)| begin_ms(&works[*i]).is_some_and(|b| mine.is_none_or(|m| b > m)))
        .map(|(i, _)| *i)
        .collect();
    let next = if own {
        candidates.iter().copied().min_by_key(|&i| (begin_ms(&works[i]), i))
    } else {
        // Each next begins after the work it follows, so the walk ends.
        std::iter::successors(chain[w], |&s| chain[s]).find(|s| candidates.contains(s))
    };
    if let Some(next) = next {
        let as_of = as_of.earliest_day();
        let ended_before = works[next].end.map(jst_day).is_some_and(|end| end.earliest_day() < as_of);
        let stands = match day(next) {
            Some(begin) if begin > as_of => Stands::Dated,
            _ if ended_before => Stands::Aired,
            _ => Stands::Airing,
        };
        let part = links.iter().any(|(i, r)| *i == next && *r == Relation::Part);
        return After::Next { work: next, stands, part };
    }
    let mut later: Vec<usize> = links
        .iter()
        .filter(|(i, r)| matches!(r, Relation::Film | Relation::Recap | Relation::Special) && matches!((mine, begin_ms(&works[*i])), (Some(a), Some(b)) if b > a))
        .map(|(i, _)| *i)
        .collect();
    later.sort_by_key(|&i| (begin_ms(&works[i]), i));
    if later.is_empty() {
        After::Nothing
    } else {
        After::FilmsOnly(later)
    }
}

