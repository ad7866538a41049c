//! Names as fans type them (README, "Names"): the romaji each hand-labelled title is known by,
//! typed into the catalogue's search over the whole import of bangumi-data, finds its show on
//! the first page of results. Each title it does not find is printed. Needs the pinned data
//! (`bash .ci/setup.sh`); skipped without it.
#![cfg(not(target_arch = "wasm32"))]

use nextseason::bundle::Catalogue;
use nextseason::dates::PartialDate;
use nextseason::import::{import, Readings, Release, SlugRegistry};
use nextseason::search::{Index, Query};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn a_fans_typed_romaji_finds_the_show() {
    let Ok(data) = std::fs::read_to_string(format!("{ROOT}/.ci/bangumi-data/node_modules/bangumi-data/dist/data.json")) else {
        eprintln!("bangumi-data is not installed: skipped");
        return;
    };
    let read = |path: &str| std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap();
    let registry = SlugRegistry::parse(&read(".ci/bangumi-data/slugs.json")).unwrap();
    let readings = Readings::parse(&read(".ci/bangumi-data/readings.json")).unwrap();
    let editorial: Vec<(String, String)> = ["metallic-rouge.json", "sengoku-youko.json"].iter().map(|f| (f.to_string(), read(&format!("public/data/shows/{f}")))).collect();
    let release = Release { version: "0.3.208".into(), as_of: PartialDate::Day(2026, 5, 15) };
    let outcome = import(&data, &editorial, &registry, &readings, &release).unwrap();
    let catalogue = Catalogue { shows: outcome.shards.iter().filter_map(|s| s.entry.clone()).collect() };
    let index = Index::new(&catalogue);

    // dev-2030 is what search was tuned on; sample-2031, labelled after, is the measure.
    for (name, floor) in [("dev-2030", DEV_FLOOR), ("sample-2031", SAMPLE_2031_FLOOR), ("sample-2032", SAMPLE_2032_FLOOR)] {
        let fixture: serde_json::Value = serde_json::from_str(&read(&format!("tests/fixtures/names/{name}.json"))).unwrap();
        let (mut typed, mut found) = (0, 0);
        for label in fixture["labels"].as_array().unwrap() {
            let Some(romaji) = label["romaji"][0].as_str() else { continue };
            let Some(slug) = outcome.slug_of_item.get(&(label["item"].as_u64().unwrap() as usize)) else { continue };
            typed += 1;
            let results = index.search(&Query { text: romaji.into(), ..Query::default() });
            if results.shown.iter().any(|&i| index.entries[i].slug == *slug) {
                found += 1;
            } else {
                println!("names {name}: typing {romaji:?} does not find {} ({slug}): {} matches", label["title"], results.total);
            }
        }
        let share = found as f64 / typed as f64;
        println!("names {name}: a fan's typed romaji finds the show on the first page for {found} of {typed} titles ({:.1} %)", share * 100.0);
        assert!(typed >= 150);
        assert!(share >= floor - 1e-9, "{name}: {:.1} % fell below {:.1} %", share * 100.0, floor * 100.0);
    }
}

/// What each measured (issue 22 asks for 95 %): dev-2030 and sample-2031 were tuned on (174 of
/// 184, 172 of 182); sample-2032, labelled apart and measured once after, 174 of 182.
const DEV_FLOOR: f64 = 0.945;
const SAMPLE_2031_FLOOR: f64 = 0.945;
const SAMPLE_2032_FLOOR: f64 = 0.956;
