//! The odds tried on the past: the data cut at an earlier day (the seasons begun by then, their
//! next seasons only if premiered by then), the odds the site would have given each season then
//! waiting, and what came in the two years after, by the data's own day.

use super::curve::Curve;
use super::strata::Strata;
use super::{odds_of, Day, Season, HORIZON};

/// Predicted against observed, for the seasons whose odds fell in one range.
#[derive(Clone, Debug, PartialEq)]
pub struct CalibrationBin {
    /// The range of the odds, from (included) to (excluded, but 1.0 included).
    pub from: f64,
    pub to: f64,
    pub seasons: usize,
    /// The mean of the odds given.
    pub predicted: f64,
    /// The share that got a next season within the two years.
    pub observed: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Backtest {
    pub cut: Day,
    /// How many seasons were waiting on the cut day and were given odds.
    pub seasons: usize,
    /// How many of them got a next season within two years of the cut.
    pub came: usize,
    /// The Brier score of the odds (mean squared error of the chance against 0 or 1).
    pub brier: f64,
    /// The plain base rate known on the cut day (the chance that a season gets a next one within
    /// two years of its end, over every season, no wait or group considered), and its Brier
    /// score given to every season alike.
    pub base_rate: f64,
    pub brier_base: f64,
    pub bins: Vec<CalibrationBin>,
}

/// The ranges of the calibration table.
const BINS: [(f64, f64); 6] = [(0.0, 0.05), (0.05, 0.10), (0.10, 0.20), (0.20, 0.40), (0.40, 0.70), (0.70, 1.0)];

/// The backtest at `cut`, judged by `data_day` (the data's own date), which must be two years
/// after the cut or later: None otherwise, or when no season was waiting.
pub fn backtest(history: &[Season], cut: Day, data_day: Day) -> Option<Backtest> {
    if cut + HORIZON > data_day {
        return None;
    }
    let known: Vec<Season> = history.iter().filter(|s| s.began <= cut).cloned().collect();
    let strata = Strata::new(&known, cut);
    let all = Curve::new(known.iter().filter(|s| s.ended <= cut).map(|s| match s.next {
        Some(next) if next <= cut => (next - s.ended, true),
        _ => (cut - s.ended, false),
    }));
    let base_rate = all.chance_within(0, HORIZON)?;
    let mut given: Vec<(f64, bool)> = Vec::new();
    for season in known.iter().filter(|s| s.ended <= cut && s.next.is_none_or(|n| n > cut)) {
        let Some((odds, _)) = odds_of(season, cut, &strata) else { continue };
        let came = season.next.is_some_and(|n| n > cut && n <= cut + HORIZON);
        given.push((odds.chance, came));
    }
    if given.is_empty() {
        return None;
    }
    let brier_of = |p: &dyn Fn(f64) -> f64| given.iter().map(|&(chance, came)| (p(chance) - f64::from(u8::from(came))).powi(2)).sum::<f64>() / given.len() as f64;
    let bins = BINS
        .iter()
        .filter_map(|&(from, to)| {
            let inside: Vec<&(f64, bool)> = given.iter().filter(|(p, _)| *p >= from && (*p < to || (to >= 1.0 && *p <= 1.0))).collect();
            (!inside.is_empty()).then(|| CalibrationBin {
                from,
                to,
                seasons: inside.len(),
                predicted: inside.iter().map(|(p, _)| p).sum::<f64>() / inside.len() as f64,
                observed: inside.iter().filter(|(_, came)| *came).count() as f64 / inside.len() as f64,
            })
        })
        .collect();
    Some(Backtest {
        cut,
        seasons: given.len(),
        came: given.iter().filter(|(_, came)| *came).count(),
        brier: brier_of(&|p| p),
        base_rate,
        brier_base: brier_of(&|_| base_rate),
        bins,
    })
}

#[cfg(test)]
mod tests {
    use super::super::MIN_STRATUM;
    use super::*;

    /// Synthetic history: first seasons, half of which get a next season a year after ending
    /// (those that will, ended in even days), the rest never; the odds learn it from the past.
    fn history(n: usize) -> Vec<Season> {
        (0..n as i64)
            .map(|i| {
                let ended = 10_000 + i * 7;
                Season { web: false, earlier: 0, began: ended - 90, ended, next: (i % 2 == 0).then_some(ended + 365) }
            })
            .collect()
    }

    #[test]
    fn the_backtest_compares_the_odds_with_what_came() {
        let seasons = history(4 * MIN_STRATUM);
        let last = seasons.last().unwrap().ended;
        let cut = last - 400;
        let result = backtest(&seasons, cut, cut + HORIZON).unwrap();
        // Waiting on the cut: those ended within the last year (their next not yet come), and
        // the odd ones from before (never). Each came or not within two years, as planned.
        assert!(result.seasons > 0 && result.came > 0 && result.came < result.seasons, "{result:?}");
        // Odds that know the wait beat one rate for all: a season waiting over a year is done.
        assert!(result.brier < result.brier_base, "{result:?}");
        let total: usize = result.bins.iter().map(|b| b.seasons).sum();
        assert_eq!(total, result.seasons);
        for bin in &result.bins {
            assert!(bin.predicted >= bin.from && bin.predicted <= bin.to, "{bin:?}");
        }
        // Judged too soon: no backtest.
        assert!(backtest(&seasons, cut, cut + HORIZON - 1).is_none());
    }
}
