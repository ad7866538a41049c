//! `nextseason-bundle backtest`: the odds from history (`nextseason::odds`) tried on the past.

use crate::import::{read, release};
use crate::output::{Fatal, Verdict};
use nextseason::dates::{days_from_civil, PartialDate};
use nextseason::import::{import, Readings, SlugRegistry};
use nextseason::odds::{backtest, Strata};
use std::path::PathBuf;

/// Tries the odds from history on the past.
///
/// Cuts bangumi-data at an earlier day (the seasons begun by then, their next seasons only if
/// they had premiered by then), gives every TV or web season then waiting the odds the site
/// would have given that day, and compares them with what came within the two years after, by
/// the data's own date. Prints the groups the odds were computed in and their sizes, the
/// calibration table (odds given against what came) and the Brier scores of the odds and of
/// one base rate for all, as Markdown. For example:
///
///   nextseason-bundle backtest --cut 2022-05-15
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// bangumi-data's dist/data.json
    #[arg(default_value = ".ci/bangumi-data/node_modules/bangumi-data/dist/data.json")]
    pub data_json: PathBuf,
    /// The day the data is cut at (YYYY-MM-DD), two years or more before the data's own date
    #[arg(long, default_value = "2022-05-15")]
    pub cut: String,
    /// The slug registry, with the pin (package.json, the data's release and date) beside it
    #[arg(long, value_name = "FILE", default_value = ".ci/bangumi-data/slugs.json")]
    pub registry: PathBuf,
}

pub fn run(args: &Args) -> Result<Verdict, Fatal> {
    let release = release(&args.registry, &args.data_json)?;
    let Ok(PartialDate::Day(y, m, d)) = PartialDate::parse(&args.cut) else {
        return Err(Fatal(format!("--cut {:?} is not a day (YYYY-MM-DD)", args.cut)));
    };
    let cut = days_from_civil(y, m, d);
    let (ay, am, ad) = release.as_of.earliest_day();
    let data_day = days_from_civil(ay, am, ad);
    let data = read(&args.data_json)?;
    let outcome = import(&data, &[], &SlugRegistry::default(), &Readings::default(), &release).map_err(|e| Fatal(format!("{}: {e}", args.data_json.display())))?;
    let Some(result) = backtest(&outcome.seasons, cut, data_day) else {
        return Err(Fatal(format!("no backtest at {}: the cut must be two years or more before the data's date ({}), with seasons waiting on it", args.cut, release.as_of)));
    };
    let known: Vec<_> = outcome.seasons.iter().filter(|s| s.began <= cut).cloned().collect();
    let groups = Strata::new(&known, cut).sizes();
    let percent = |p: f64| format!("{:.1} %", p * 100.0);
    println!("Backtest of the odds from history: bangumi-data {} (as of {}), cut at {}.\n", release.version, release.as_of, args.cut);
    println!("Groups with their own curve on the cut day (at least {} seasons each):\n", nextseason::odds::MIN_STRATUM);
    for (group, size) in groups {
        println!("- {}: {size}", group.describe());
    }
    println!("\n{} seasons were waiting on the cut day and were given odds; {} of them ({}) got a next season within two years.\n", result.seasons, result.came, percent(result.came as f64 / result.seasons as f64));
    println!("| odds given | seasons | mean of the odds | share that got a next season |");
    println!("| --- | ---: | ---: | ---: |");
    for bin in &result.bins {
        println!("| {:.0}–{:.0} % | {} | {} | {} |", bin.from * 100.0, bin.to * 100.0, bin.seasons, percent(bin.predicted), percent(bin.observed));
    }
    println!("\nBrier score (lower is better): the odds {:.4}; one base rate for all ({}, every season's chance of a next one within two years of its end, known on the cut day) {:.4}.", result.brier, percent(result.base_rate), result.brier_base);
    Ok(Verdict::Clean)
}
