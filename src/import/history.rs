//! The data's season chains as the odds count them ([`crate::odds`]): every TV or web season or
//! part that ended, how many came before it in its continuity, and its next one's premiere.

use super::facts::Work;
use crate::bundle::WorkKind;
use crate::dates::days_from_civil;
use crate::franchise::{Franchises, Role};
use crate::bundle::{BacktestBin, BacktestTable, GroupSize, HistoryOdds, OddsMethods, OddsStep};
use crate::dates::PartialDate;
use crate::odds::{backtest, odds_of, Day, Season, Strata, HORIZON, MIN_STRATUM};

/// The months of the outlook card's bars; the last is the odds' horizon, two years.
const STEPS: [u16; 4] = [6, 12, 18, 24];

/// A month, in days, for the odds' words.
const MONTH: f64 = 30.44;

/// The odds from history of every season still waiting on the data's date `as_of` (no next
/// season), in the bundle's form and by work; and how they were computed, for the methods page:
/// the groups and their sizes, and the backtest on the data cut four years earlier.
pub fn reckon(by_work: &[Option<Season>], as_of: PartialDate) -> (Vec<Option<HistoryOdds>>, OddsMethods) {
    let (y, m, d) = as_of.earliest_day();
    let on = days_from_civil(y, m, d);
    let seasons: Vec<Season> = by_work.iter().flatten().cloned().collect();
    let strata = Strata::new(&seasons, on);
    let percent = |chance: f64| (chance * 100.0).round().clamp(0.0, 100.0) as u8;
    let months = |days: Day| (days as f64 / MONTH).floor().clamp(0.0, f64::from(u16::MAX)) as u16;
    let odds = by_work
        .iter()
        .map(|season| {
            let season = season.as_ref().filter(|s| s.next.is_none() && s.ended <= on)?;
            let (odds, curve) = odds_of(season, on, &strata)?;
            Some(HistoryOdds {
                percent: percent(odds.chance),
                group: odds.stratum.describe(),
                population: odds.population as u32,
                waited_months: months(odds.waited),
                half_within_months: odds.typical_wait.filter(|&t| t <= odds.waited + HORIZON).map(|t| (t as f64 / MONTH).round() as u16),
                within: STEPS
                    .iter()
                    .filter_map(|&months| {
                        // A year of 365 days, so that 24 months is the odds' own horizon.
                        let chance = curve.chance_within(odds.waited, Day::from(months) * 365 / 12)?;
                        Some(OddsStep { months, percent: percent(chance) })
                    })
                    .collect(),
            })
        })
        .collect();

    let groups = strata.sizes().into_iter().map(|(s, n)| GroupSize { group: s.describe(), seasons: n as u32 }).collect();
    let cut = (y - 4, m, d.min(28));
    let table = backtest(&seasons, days_from_civil(cut.0, cut.1, cut.2), on).map(|b| BacktestTable {
        cut: PartialDate::Day(cut.0, cut.1, cut.2),
        seasons: b.seasons as u32,
        came: b.came as u32,
        brier: b.brier,
        brier_base: b.brier_base,
        base_rate: b.base_rate * 100.0,
        bins: b
            .bins
            .iter()
            .map(|bin| BacktestBin { from: bin.from * 100.0, to: bin.to * 100.0, seasons: bin.seasons as u32, predicted: bin.predicted * 100.0, observed: bin.observed * 100.0 })
            .collect(),
    });
    (odds, OddsMethods::new(as_of, MIN_STRATUM as u32, groups, table))
}

/// The seasons of `works` for the odds, by work (None: not a TV or web season that ended).
pub fn seasons(works: &[Work], franchises: &Franchises) -> Vec<Option<Season>> {
    let is_season = |w: usize| matches!(works[w].kind, WorkKind::Tv | WorkKind::Web) && matches!(franchises.roles[w], Role::Season | Role::Part);
    let mut previous: Vec<Option<usize>> = vec![None; works.len()];
    for (w, next) in franchises.next.iter().enumerate() {
        if let Some(n) = *next {
            previous[n] = Some(w);
        }
    }
    let day = |(y, m, d): (i32, u8, u8)| days_from_civil(y, m, d);
    (0..works.len())
        .map(|w| {
            if !is_season(w) {
                return None;
            }
            let work = &works[w];
            let (began, ended) = (work.premiere()?.earliest_day(), work.ends()?.earliest_day());
            let earlier = std::iter::successors(previous[w], |&p| previous[p]).take(works.len()).count();
            let next = franchises.next[w].and_then(|n| works[n].premiere()).map(|p| day(p.earliest_day()));
            Some(Season { web: work.kind == WorkKind::Web, earlier, began: day(began), ended: day(ended), next })
        })
        .collect()
}
