//! The odds from history (issue 23): how often, and how soon, a season like this one got a next
//! season, from the data's own season chains. Native only and pure (over `dates` alone): the import gives it each
//! TV or web season's last day and, when one came, its next season's first day; it answers for
//! a show that has waited so long, and backtests itself on the data cut at an earlier day.
//!
//! The method is Kaplan–Meier's: the time from a season's last episode to its next season's
//! premiere, where a season still waiting on the data's day is censored (it counts as at risk
//! until then, never as "no next season"). A show's chance is conditional on how long it has
//! already waited: P(next within w + 2 years | none by w) = 1 − S(w + 2 y) / S(w).
//!
//! - `curve`: the estimator (`Curve`), the conditional chance and the typical wait.
//! - `strata`: the groups a season is compared with (TV or web, first season or later, decade),
//!   the finest that holds enough seasons.
//! - `backtest`: the data cut at an earlier day, the odds it would have given, what came.

mod backtest;
mod curve;
mod strata;

pub use backtest::{backtest, Backtest, CalibrationBin};
pub use curve::Curve;
pub use strata::{Stratum, Strata, MIN_STRATUM};

/// Days are counted from 1970-01-01, as whole days (`dates::days_from_civil`).
pub type Day = i64;

/// The horizon of the odds: two years, in days.
pub const HORIZON: Day = 730;

/// A TV or web season of the data, as the odds count it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Season {
    /// Web, not TV.
    pub web: bool,
    /// How many seasons of its continuity came before it (0: a first season).
    pub earlier: usize,
    /// Its first day (the cut of a backtest keeps the seasons begun by then).
    pub began: Day,
    /// Its last episode's day.
    pub ended: Day,
    /// Its next season's first day, when the data has one.
    pub next: Option<Day>,
}

impl Season {
    /// The year of its last episode.
    pub fn end_year(&self) -> i32 {
        year_of(self.ended)
    }
}

/// The year of a day.
pub fn year_of(day: Day) -> i32 {
    crate::dates::civil_from_days(day).0
}

/// What the odds say of one waiting season on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct Odds {
    /// The chance that a next season premieres within two years from `on`.
    pub chance: f64,
    /// When one comes within them, the median wait from the last episode, in days.
    pub typical_wait: Option<Day>,
    /// The group it was compared with, and how many seasons it holds.
    pub stratum: Stratum,
    pub population: usize,
    /// How long it had waited on `on`, in days.
    pub waited: Day,
}

/// The odds of `season` (still waiting: no next season) on day `on`, from the `history` of
/// seasons as known on that day (their next seasons after `on` unknown: censored at `on`), and
/// the curve they were read from (for other horizons).
pub fn odds_of<'a>(season: &Season, on: Day, strata: &'a Strata) -> Option<(Odds, &'a Curve)> {
    let waited = (on - season.ended).max(0);
    let (stratum, curve) = strata.for_season(season)?;
    let chance = curve.chance_within(waited, HORIZON)?;
    Some((Odds { chance, typical_wait: curve.median_wait(waited, HORIZON), population: curve.size(), stratum, waited }, curve))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_of_days() {
        assert_eq!(year_of(0), 1970);
        assert_eq!(year_of(-1), 1969);
        assert_eq!(year_of(19_358), 2023); // 2023-01-01
        assert_eq!(year_of(19_357), 2022);
        assert_eq!(year_of(20_588), 2026); // 2026-05-15
    }
}
