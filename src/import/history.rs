//! The data's season chains as the odds count them ([`crate::odds`]): every TV or web season or
//! part that ended, how many came before it in its continuity, and its next one's premiere.

use super::facts::Work;
use crate::bundle::WorkKind;
use crate::dates::days_from_civil;
use crate::franchise::{Franchises, Role};
use crate::odds::{odds_of, Day, Season, Strata, HORIZON};
use crate::bundle::{HistoryOdds, OddsStep};

/// The months of the outlook card's bars; the last is the odds' horizon, two years.
const STEPS: [u16; 4] = [6, 12, 18, 24];

/// A month, in days, for the odds' words.
const MONTH: f64 = 30.44;

/// The odds from history of every season still waiting on the data's day `on` (no next season),
/// in the bundle's form, by work.
pub fn odds(seasons: &[Option<Season>], on: Day) -> Vec<Option<HistoryOdds>> {
    let known: Vec<Season> = seasons.iter().flatten().cloned().collect();
    let strata = Strata::new(&known, on);
    let months = |days: Day| (days as f64 / MONTH).floor().clamp(0.0, f64::from(u16::MAX)) as u16;
    seasons
        .iter()
        .map(|season| {
            let season = season.as_ref().filter(|s| s.next.is_none() && s.ended <= on)?;
            let odds = odds_of(season, on, &strata)?;
            let (_, curve) = strata.for_season(season)?;
            Some(HistoryOdds {
                percent: (odds.chance * 100.0).round().clamp(0.0, 100.0) as u8,
                group: odds.stratum.describe(),
                population: odds.population as u32,
                waited_months: months(odds.waited),
                half_within_months: odds.typical_wait.filter(|&t| t <= odds.waited + HORIZON).map(|t| (t as f64 / MONTH).round() as u16),
                within: STEPS
                    .iter()
                    .filter_map(|&months| {
                        // A year of 365 days, so that 24 months is the odds' own horizon.
                        let chance = curve.chance_within(odds.waited, Day::from(months) * 365 / 12)?;
                        Some(OddsStep { months, percent: (chance * 100.0).round().clamp(0.0, 100.0) as u8 })
                    })
                    .collect(),
            })
        })
        .collect()
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
