//! `/methods`: how NextSeason reckons the odds from history, with the groups of the data and
//! how the method did on past data (the bundle's `odds.json`). A page written at build time
//! only, with no app (native only): it changes with the bundle alone, and its tables and their
//! decoding would weigh on every show page's wasm (about 12 KB brotli, BENCHMARKS.md §11).

use crate::bundle::OddsMethods;
use crate::components::Card;
use leptos::prelude::*;
use std::sync::Arc;

/// The page's text, with the numbers of the bundle's data.
#[component]
pub fn MethodsView(methods: Arc<OddsMethods>) -> impl IntoView {
    // No-break spaces: a share never wraps from its sign, at any width.
    let percent = |x: f64| format!("{x:.1}\u{a0}%");
    let count = |n: u32| crate::text::thousands(n.into());
    let groups = methods.groups.clone();
    let backtest = methods.backtest.clone();
    let as_of = methods.as_of.label();
    view! {
        <article class="ns-methods">
            <h1 tabindex="-1">"How NextSeason reckons the odds of another season"</h1>
            <p class="ns-methods__lead">
                "Where NextSeason found no later season of a TV or web show in bangumi-data, its page says how often, and how soon, seasons like it got one. "
                "It is a share of past seasons, never a prediction about one show, and never an announcement: a studio's announcement, which an editor writes on the page, always replaces it."
            </p>
            <Card id="ns-methods-counted-h" title="What is counted".to_string() class="ns-methods__card">
                <p>"Every TV or web season of bangumi-data that has ended (as of " {as_of.clone()} "), with the time from its last episode to the premiere of the next season or part that NextSeason found after it. A season still waiting on the data's date counts as waiting that long: it is not counted as one that never got a next season, since it may yet."</p>
                <p>"Films, specials and recaps are not next seasons. A season that began before the one before it had ended counts as coming at once."</p>
            </Card>
            <Card id="ns-methods-method-h" title="The method".to_string() class="ns-methods__card">
                <p>"The Kaplan–Meier estimator of the time to a next season, the seasons still waiting counted as censored. A show's odds are conditional on how long it has already waited: of the seasons of its group that had waited as long, the share that got a next season within the next two years. When one came within them, the page also says by when half of them had it, counted from the last episode."</p>
            </Card>
            <Card id="ns-methods-groups-h" title="The groups".to_string() class="ns-methods__card">
                <p>{format!("Seasons are compared with their own kind: TV or web, a first season or a later one, and the decade their last episode aired in. A group needs at least {} seasons for its own odds; a show whose group is smaller is compared with the next wider one.", methods.min_group)}</p>
                <table class="ns-methods__table">
                    <caption>"The groups with their own odds, and how many seasons each holds"</caption>
                    <thead><tr><th scope="col">"Group"</th><th scope="col">"Seasons"</th></tr></thead>
                    <tbody>
                        {groups.into_iter().map(|g| view! { <tr><th scope="row">{g.group}</th><td>{count(g.seasons)}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </Card>
            <Card id="ns-methods-backtest-h" title="How it did on past data".to_string() class="ns-methods__card">
                {match backtest {
                    Some(b) => view! {
                        <p>{format!(
                            "The data cut at {}: only the seasons begun by then, and their next seasons only if they had premiered by then. Each of the {} seasons then waiting was given the odds this site would have given that day, then compared with what came within two years: {} of them got a next season.",
                            b.cut.label(), count(b.seasons), count(b.came)
                        )}</p>
                        <table class="ns-methods__table">
                            <caption>"The odds given on the cut day, against what came within two years"</caption>
                            <thead><tr><th scope="col">"Odds given"</th><th scope="col">"Seasons"</th><th scope="col">"Mean of the odds"</th><th scope="col">"Got a next season"</th></tr></thead>
                            <tbody>
                                {b.bins.into_iter().map(|bin| view! {
                                    <tr>
                                        <th scope="row">{format!("{:.0}–{:.0}\u{a0}%", bin.from, bin.to)}</th>
                                        <td>{count(bin.seasons)}</td>
                                        <td>{percent(bin.predicted)}</td>
                                        <td>{percent(bin.observed)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        <p>{format!(
                            "Brier score (the mean squared error of the odds against what came; lower is better): {:.4} for these odds, against {:.4} for one base rate given to every season ({}, the chance that a season gets a next one within two years of its end, known on the cut day).",
                            b.brier, b.brier_base, percent(b.base_rate)
                        )}</p>
                    }.into_any(),
                    None => view! { <p>"The data is too short for a backtest: it needs two years after the cut day."</p> }.into_any(),
                }}
            </Card>
            <Card id="ns-methods-limits-h" title="The data's limits".to_string() class="ns-methods__card">
                <ul>
                    <li>"bangumi-data lists a season once it is scheduled; a season announced but not yet scheduled is not in it, so a show may have better news than its odds."</li>
                    <li>"Which works are seasons of one show is NextSeason's own finding, from titles and dates. On a random sample of 200 works, labelled by hand, the next seasons it found were right 91.5 % of the time and it found 76.8 % of them; a missed next season makes a show look as if it were still waiting."</li>
                    <li>"The groups are broad: a show's own popularity, sales or source material are not in the data."</li>
                </ul>
                <p class="ns-outlook__source">"Facts: bangumi-data (CC BY 4.0)."</p>
            </Card>
        </article>
    }
}
