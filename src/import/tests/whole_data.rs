//! The import of the whole of bangumi-data, measured against the hand-labelled fixtures of
//! franchises and season links (tests/fixtures/franchises/, tests/fixtures/season-links-labelled.json).

use super::*;

/// The whole of bangumi-data, when it is at hand: `BANGUMI_DATA_JSON`, or the pinned package,
/// which `.ci/setup.sh --test` installs (`npm ci` in .ci/bangumi-data).
#[test]
fn the_whole_data_imports() {
    let candidates = [
        std::env::var("BANGUMI_DATA_JSON").unwrap_or_default(),
        concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/bangumi-data/node_modules/bangumi-data/dist/data.json").to_string(),
    ];
    let Some(text) = candidates.iter().filter(|p| !p.is_empty()).find_map(|p| std::fs::read_to_string(p).ok()) else {
        eprintln!("the whole data is not at hand: skipped");
        return;
    };
    let committed = SlugRegistry::parse(REGISTRY).unwrap();
    let readings = Readings::parse(READINGS).unwrap();
    let outcome = import(&text, &editorial(), &committed, &readings, &release()).unwrap();
    let report = &outcome.report;
    println!("{}", report.summary().lines().take_while(|l| !l.starts_with("  ")).collect::<Vec<_>>().join("\n"));
    assert_eq!(report.imported + report.skipped.len(), report.items);
    assert!(report.imported > 8000, "{}", report.imported);
    assert_eq!(outcome.shards.len(), report.imported);
    assert_eq!(outcome.registry.len(), report.imported);
    assert!(report.new_slugs.is_empty(), "the committed registry is behind the data: import it and commit .ci/bangumi-data/slugs.json ({} new)", report.new_slugs.len());
    assert!(report.renamed_slugs.is_empty(), "the committed registry is behind the names: import it and commit .ci/bangumi-data/slugs.json ({} renamed)", report.renamed_slugs.len());
    for shard in &outcome.shards {
        decode_show(&shard.text, shard.file.trim_end_matches(".json")).unwrap_or_else(|p| panic!("{}: {p:?}", shard.file));
    }
    assert_eq!(show(&outcome, "sengoku-youko").data_outlook.unwrap().next.as_deref(), Some("sengoku-youko-the-thousandfold-chaos-arc"));
    assert_eq!(show(&outcome, "metallic-rouge").related, []);
    season_links_keep_their_hand_labels(&outcome);
    franchises_as_labelled(&text, &outcome);
    famous_franchises(&outcome);
    naming::names_as_labelled(&text, &outcome);
    odds_on_the_past(&outcome);
}

/// The odds from history tried on the data cut at 2022-05-15 (`nextseason-bundle backtest`
/// prints the table): they beat one base rate for all, as they did when first measured (Brier
/// 0.0261 against 0.0506), and each bin's share of next seasons is near its odds.
fn odds_on_the_past(outcome: &ImportOutcome) {
    let day = |y, m, d| crate::dates::days_from_civil(y, m, d);
    let result = crate::odds::backtest(&outcome.seasons, day(2022, 5, 15), day(2026, 5, 15)).unwrap();
    println!("odds backtest at 2022-05-15: {} seasons waiting, {} got a next season within two years; Brier {:.4} (base rate {:.1} %: {:.4})", result.seasons, result.came, result.brier, result.base_rate * 100.0, result.brier_base);
    for bin in &result.bins {
        println!("  odds {:.0}–{:.0} %: {} seasons, mean odds {:.1} %, got one {:.1} %", bin.from * 100.0, bin.to * 100.0, bin.seasons, bin.predicted * 100.0, bin.observed * 100.0);
    }
    assert!(result.seasons > 3000, "{result:?}");
    assert!(result.brier <= 0.0261 + 1e-4 && result.brier < result.brier_base, "{result:?}");
}

/// The franchise fixtures (tests/fixtures/franchises/README.md): each sample is the draw of its
/// seed; the figures of each fixture are printed with every wrong label, and none falls below
/// what it measured when the linking was written (README, "Later seasons"), so a change
/// that loses right answers fails here.
fn franchises_as_labelled(data_json: &str, outcome: &ImportOutcome) {
    let data: serde_json::Value = serde_json::from_str(data_json).unwrap();
    let items = data["items"].as_array().unwrap();
    let titles: Vec<String> = items.iter().map(|i| i["title"].as_str().unwrap_or_default().to_string()).collect();
    let types: Vec<String> = items.iter().map(|i| i["type"].as_str().unwrap_or_default().to_string()).collect();
    // (file, its text, floors: next precision, next recall, link precision, link recall)
    let fixtures: [(&str, &str, [f64; 4]); 5] = [
        ("sample", include_str!("../../../tests/fixtures/franchises/sample.json"), FLOORS_SAMPLE),
        ("dev-2027", include_str!("../../../tests/fixtures/franchises/dev-2027.json"), FLOORS_DEV_2027),
        ("dev-21", include_str!("../../../tests/fixtures/franchises/dev-21.json"), FLOORS_DEV_21),
        ("dev-2029", include_str!("../../../tests/fixtures/franchises/dev-2029.json"), FLOORS_DEV_2029),
        ("regression", include_str!("../../../tests/fixtures/franchises/regression.json"), FLOORS_REGRESSION),
    ];
    let mut failed = Vec::new();
    for (name, text, floors) in fixtures {
        let fixture: serde_json::Value = serde_json::from_str(text).unwrap();
        if let Some(seed) = fixture["seed"].as_u64() {
            let drawn = measure::draw(&types, seed, fixture["size"].as_u64().unwrap() as usize);
            let labelled: Vec<usize> = measure::labels(&fixture).iter().map(|l| l.0).collect();
            assert_eq!(labelled, drawn, "{name} is not the draw of its seed {seed}");
        } else {
            let groups: std::collections::BTreeSet<&str> = fixture["labels"].as_array().unwrap().iter().filter_map(|l| l["group"].as_str()).collect();
            assert!(groups.len() >= 40, "{name}: {} franchises", groups.len());
        }
        let f = measure::measure(name, &fixture, outcome, &titles);
        let got = [f.next_precision(), f.next_recall(), f.link_precision(), f.link_recall()];
        for (what, (got, floor)) in ["next-season precision", "next-season recall", "link precision", "link recall"].iter().zip(got.iter().zip(floors)) {
            if *got + 1e-9 < floor {
                failed.push(format!("{name}: {what} {:.1} % fell below {:.1} %", got * 100.0, floor * 100.0));
            }
        }
    }
    // Two labellings of the sample, made apart: how far the labels themselves can be trusted.
    let first: serde_json::Value = serde_json::from_str(include_str!("../../../tests/fixtures/franchises/sample.json")).unwrap();
    let second: serde_json::Value = serde_json::from_str(include_str!("../../../tests/fixtures/franchises/sample-second.json")).unwrap();
    let agreement = measure::agreement(&first, &second);
    println!("{}", agreement.line("sample, second labelling against the first"));
    assert_eq!(agreement.works, 200, "the second labelling covers the sample");
    assert!(failed.is_empty(), "{failed:#?}");
}

/// What each fixture measured when the linking was written: floors, not targets (the issue's
/// targets are 97 % precision and 90 % recall; the README, "Later seasons", gives where each stands).
const FLOORS_SAMPLE: [f64; 4] = [0.897, 0.771, 0.921, 0.832];
const FLOORS_DEV_2027: [f64; 4] = [0.980, 0.897, 0.940, 0.840];
const FLOORS_DEV_21: [f64; 4] = [0.894, 0.878, 0.915, 0.814];
const FLOORS_DEV_2029: [f64; 4] = [0.961, 0.908, 0.912, 0.758];
const FLOORS_REGRESSION: [f64; 4] = [0.915, 0.836, 0.934, 0.667];

/// The answers the issue was filed for, by the data's items: each work's next season, the
/// remakes kept apart, and a third season's headline.
fn famous_franchises(outcome: &ImportOutcome) {
    let slug = |item: usize| outcome.slug_of_item[&item].clone();
    let next = |item: usize| show(outcome, &slug(item)).data_outlook.and_then(|o| o.next);
    let linked = |a: usize, b: usize| show(outcome, &slug(a)).related.iter().any(|r| r.slug == slug(b));
    // Kaguya-sama: Love Is War → ？ (2020) → ウルトラロマンティック (2022).
    assert_eq!(next(5951), Some(slug(6379)));
    assert_eq!(next(6379), Some(slug(7038)));
    // Mob Psycho 100 → II → III, and III asks for another season.
    assert_eq!(next(5041), Some(slug(5966)));
    assert_eq!(next(5966), Some(slug(7184)));
    assert_eq!(show(outcome, &slug(7184)).article.headline, "Will Mob Psycho 100 III get another season?", "its name derived from the first season's");
    // Dr.STONE STONE WARS (season 2) → NEW WORLD (season 3), whose second cour is a part.
    assert_eq!(next(6599), Some(slug(7388)));
    assert_eq!(next(7388), Some(slug(7579)));
    let new_world = show(outcome, &slug(7388));
    assert_eq!(new_world.related.iter().find(|r| r.slug == slug(7579)).map(|r| r.relation), Some(Relation::Part));
    // Remakes start their own continuity: うる星やつら 1981 / 2022, らんま1/2 1989 / 2024.
    assert!(!linked(272, 7210) && !linked(272, 7667));
    assert_eq!(next(7210), Some(slug(7667)));
    assert!(!linked(595, 7923));
    assert_eq!(next(7923), Some(slug(8245)));
}

/// The hand-labelled sample of season links (tests/fixtures/season-links-labelled.json: links
/// and next seasons drawn at random from the import, each judged by a person): every link
/// labelled right is still made, with its relation, and every next season labelled right is
/// still the next; a link labelled wrong that the importer still makes is printed, so that a fix
/// of the rules shows in this test's output. The sample's precision is the closing note's.
fn season_links_keep_their_hand_labels(outcome: &ImportOutcome) {
    let labels: serde_json::Value = serde_json::from_str(include_str!("../../../tests/fixtures/season-links-labelled.json")).unwrap();
    let linked = |from: &str, to: &str| show(outcome, from).related.into_iter().find(|r| r.slug == to).map(|r| r.relation);
    // Labelled under the slugs of their day: a renamed show is found by its alias.
    let now = |slug: &str| outcome.aliases.get(slug).cloned().unwrap_or_else(|| slug.to_string());
    let (mut right, mut total) = (0, 0);
    for link in labels["links"].as_array().unwrap() {
        let (from, to) = (&now(link["from"].as_str().unwrap()), &now(link["to"].as_str().unwrap()));
        let relation = serde_json::to_value(linked(from, to)).unwrap();
        total += 1;
        if link["correct"].as_bool().unwrap() {
            right += 1;
            assert_eq!(relation, link["relation"], "{from} → {to}, labelled right, is no longer linked as it was");
        } else if !relation.is_null() {
            println!("still linked, labelled wrong: {from} → {to}: {}", link["why"]);
        }
    }
    for next in labels["next"].as_array().unwrap() {
        let (from, to) = (&now(next["show"].as_str().unwrap()), &now(next["next"].as_str().unwrap()));
        let next_now = show(outcome, from).data_outlook.and_then(|o| o.next);
        total += 1;
        if next["correct"].as_bool().unwrap() {
            right += 1;
            assert_eq!(next_now.as_deref(), Some(to.as_str()), "the next of {from}, labelled right, changed");
        } else if next_now.as_deref() == Some(to.as_str()) {
            println!("still the next, labelled wrong: {from} → {to}: {}", next["why"]);
        }
    }
    println!("hand-labelled season links: {right} of {total} right");
}
