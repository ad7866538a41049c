//! The groups a season is compared with: TV or web, first season or a later one, and the
//! decade its last episode aired in; the finest group that holds enough seasons, else a coarser.

use super::curve::Curve;
use super::{Day, Season};
use std::collections::BTreeMap;

/// The fewest seasons a group must hold for its own curve: below it, a coarser group answers.
pub const MIN_STRATUM: usize = 150;

/// A group of seasons. Coarser groups leave fields out (None: any).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stratum {
    pub web: bool,
    /// A first season (true) or a later one (false); None: either.
    pub first: Option<bool>,
    /// The decade of the last episode (2010: 2010–2019); None: any.
    pub decade: Option<i32>,
}

impl Stratum {
    /// The groups of a season, finest first.
    fn of(season: &Season) -> [Stratum; 3] {
        let first = season.earlier == 0;
        let decade = season.end_year().div_euclid(10) * 10;
        [
            Stratum { web: season.web, first: Some(first), decade: Some(decade) },
            Stratum { web: season.web, first: Some(first), decade: None },
            Stratum { web: season.web, first: None, decade: None },
        ]
    }

    /// The group in words: "TV first seasons that ended 2010–2019".
    pub fn describe(&self) -> String {
        let kind = if self.web { "web" } else { "TV" };
        let which = match self.first {
            Some(true) => format!("{kind} first seasons"),
            Some(false) => format!("later {kind} seasons"),
            None => format!("{kind} seasons"),
        };
        match self.decade {
            Some(d) => format!("{which} that ended {d}–{}", d + 9),
            None => which,
        }
    }
}

/// The curves of every group that holds enough seasons, made from the seasons known on a day.
#[derive(Clone, Debug)]
pub struct Strata {
    curves: BTreeMap<Stratum, Curve>,
}

impl Strata {
    /// The groups of `history` as known on day `on`: a season ended by then counts (one still
    /// airing does not); its next season counts only if it had premiered by then, else the
    /// season is censored at `on`.
    pub fn new(history: &[Season], on: Day) -> Strata {
        let mut observed: BTreeMap<Stratum, Vec<(Day, bool)>> = BTreeMap::new();
        for season in history.iter().filter(|s| s.ended <= on) {
            let seen = match season.next {
                Some(next) if next <= on => (next - season.ended, true),
                _ => (on - season.ended, false),
            };
            for stratum in Stratum::of(season) {
                observed.entry(stratum).or_default().push(seen);
            }
        }
        let curves = observed.into_iter().filter(|(_, seen)| seen.len() >= MIN_STRATUM).map(|(s, seen)| (s, Curve::new(seen))).collect();
        Strata { curves }
    }

    /// The finest group of `season` with a curve, and the curve.
    pub fn for_season(&self, season: &Season) -> Option<(Stratum, &Curve)> {
        Stratum::of(season).into_iter().find_map(|s| self.curves.get(&s).map(|c| (s, c)))
    }

    /// Every group with its own curve and its size, for the methods page.
    pub fn sizes(&self) -> Vec<(Stratum, usize)> {
        self.curves.iter().map(|(s, c)| (s.clone(), c.size())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn season(web: bool, earlier: usize, ended: Day, next: Option<Day>) -> Season {
        Season { web, earlier, began: ended - 90, ended, next }
    }

    #[test]
    fn the_finest_group_with_enough_seasons_answers() {
        // 2015: 200 TV first seasons, 10 later ones; 2005: 20 TV first seasons.
        let day = |year: i64| (year - 1970) * 365;
        let mut history: Vec<Season> = (0..200).map(|i| season(false, 0, day(2015), (i % 4 == 0).then_some(day(2016)))).collect();
        history.extend((0..10).map(|_| season(false, 1, day(2015), None)));
        history.extend((0..20).map(|_| season(false, 0, day(2005), Some(day(2006)))));
        let strata = Strata::new(&history, day(2026));
        let (group, curve) = strata.for_season(&season(false, 0, day(2015) + 30, None)).unwrap();
        assert_eq!(group.describe(), "TV first seasons that ended 2010–2019");
        assert_eq!(curve.size(), 200);
        // Too few later seasons, and too few of 2005: the coarser groups answer.
        let (group, curve) = strata.for_season(&season(false, 1, day(2015), None)).unwrap();
        assert_eq!((group.describe(), curve.size()), ("TV seasons".to_string(), 230));
        let (group, curve) = strata.for_season(&season(false, 0, day(2005), None)).unwrap();
        assert_eq!((group.describe(), curve.size()), ("TV first seasons".to_string(), 220));
        assert!(strata.for_season(&season(true, 0, day(2015), None)).is_none(), "no web seasons at all");
    }

    #[test]
    fn a_cut_day_forgets_what_came_after_it() {
        let day = |year: i64| (year - 1970) * 365;
        let history: Vec<Season> = (0..MIN_STRATUM).map(|_| season(false, 0, day(2015), Some(day(2020)))).collect();
        // On 2018, every season is waiting (censored at three years): no next season yet.
        let then = Strata::new(&history, day(2018));
        let (_, curve) = then.for_season(&history[0]).unwrap();
        assert_eq!(curve.survival(day(2018) - day(2015)), 1.0);
        // On 2026, they all came after five years.
        let now = Strata::new(&history, day(2026));
        assert_eq!(now.for_season(&history[0]).unwrap().1.survival(day(2020) - day(2015)), 0.0);
        // A season not ended by the day is not counted.
        assert!(Strata::new(&history, day(2014)).for_season(&history[0]).is_none());
    }
}
