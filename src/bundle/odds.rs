//! `odds.json`: how the odds from history were computed on the bundle's data, for the methods
//! page: the groups and their sizes, and the backtest on the data cut at an earlier day. The
//! import writes it (`crate::odds` computes it); the methods page reads it.

use super::decode::decode;
use super::problem::Problem;
use super::schema::SCHEMA_VERSION;
use crate::dates::PartialDate;
use serde::{Deserialize, Serialize};

/// The file's name in the bundle's folder.
pub const ODDS_FILE: &str = "odds.json";

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct OddsMethods {
    pub schema: u64,
    /// The data's date: the day the odds are computed on.
    pub as_of: PartialDate,
    /// The fewest seasons a group holds to have its own curve.
    pub min_group: u32,
    /// Every group with its own curve, and its size.
    pub groups: Vec<GroupSize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backtest: Option<BacktestTable>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
pub struct GroupSize {
    /// "TV first seasons that ended 2010–2019".
    pub group: String,
    pub seasons: u32,
}

/// The backtest: the odds the site would have given on the cut day, against what came.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct BacktestTable {
    pub cut: PartialDate,
    /// Seasons waiting on the cut day, given odds; those that got a next season within two years.
    pub seasons: u32,
    pub came: u32,
    /// Brier scores: the odds', and one base rate's given to every season.
    pub brier: f64,
    pub brier_base: f64,
    /// The base rate, in percent.
    pub base_rate: f64,
    pub bins: Vec<BacktestBin>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct BacktestBin {
    /// The range of odds, in percent.
    pub from: f64,
    pub to: f64,
    pub seasons: u32,
    /// The mean of the odds given, and the share that got a next season, in percent.
    pub predicted: f64,
    pub observed: f64,
}

/// Decodes `odds.json`: shares are percentages, scores between 0 and 1.
pub fn decode_odds(text: &str) -> Result<OddsMethods, Vec<Problem>> {
    let methods: OddsMethods = decode(text)?;
    let mut problems = Vec::new();
    if let Some(b) = &methods.backtest {
        if !(0.0..=1.0).contains(&b.brier) || !(0.0..=1.0).contains(&b.brier_base) {
            problems.push(Problem::new("backtest.brier", "Brier scores lie between 0 and 1"));
        }
        for (i, bin) in b.bins.iter().enumerate() {
            let percent = |x: f64| (0.0..=100.0).contains(&x);
            if ![bin.from, bin.to, bin.predicted, bin.observed].into_iter().all(percent) || bin.from > bin.to {
                problems.push(Problem::new(format!("backtest.bins[{i}]"), "its range and shares must be percentages, from below to"));
            }
        }
    }
    match problems.is_empty() {
        true => Ok(methods),
        false => Err(problems),
    }
}

impl OddsMethods {
    pub fn new(as_of: PartialDate, min_group: u32, groups: Vec<GroupSize>, backtest: Option<BacktestTable>) -> Self {
        OddsMethods { schema: SCHEMA_VERSION, as_of, min_group, groups, backtest }
    }

    pub fn to_json(&self) -> String {
        format!("{}\n", serde_json::to_string_pretty(self).unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_methods_round_trip_and_refuse_what_is_no_share() {
        let bin = BacktestBin { from: 0.0, to: 5.0, seasons: 3030, predicted: 0.6, observed: 1.5 };
        let table = BacktestTable { cut: PartialDate::Day(2022, 5, 15), seasons: 3351, came: 97, brier: 0.0261, brier_base: 0.0506, base_rate: 17.9, bins: vec![bin] };
        let methods = OddsMethods::new(PartialDate::Day(2026, 5, 15), 150, vec![GroupSize { group: "TV seasons".into(), seasons: 4035 }], Some(table));
        assert_eq!(decode_odds(&methods.to_json()).unwrap(), methods);
        let bad = methods.to_json().replace("\"observed\": 1.5", "\"observed\": 150.0");
        assert_eq!(decode_odds(&bad).unwrap_err()[0].path, "backtest.bins[0]");
        assert!(decode_odds(&methods.to_json().replace("0.0506", "3.0")).is_err());
    }
}
