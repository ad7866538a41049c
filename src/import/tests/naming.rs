//! Names on the whole import, against hand labels (tests/fixtures/names/): the romaji readings
//! and the derived names.

use super::*;

/// The committed readings (.ci/readings/readings.py) against the hand-labelled romaji
/// (tests/fixtures/names/): precision (right among the readings given) and recall (right among
/// the labelled titles), each wrong one printed; and every Japanese title of the data is in the
/// file, read or left out, so that a new bangumi-data cannot go unread.
pub(super) fn names_as_labelled(data_json: &str, outcome: &ImportOutcome) {
    let data: serde_json::Value = serde_json::from_str(data_json).unwrap();
    let committed: serde_json::Value = serde_json::from_str(READINGS).unwrap();
    let listed = committed["readings"].as_object().unwrap();
    let unread: Vec<&str> = data["items"].as_array().unwrap().iter().filter(|i| i["lang"] == "ja").filter_map(|i| i["title"].as_str()).filter(|t| !listed.contains_key(*t)).collect();
    assert!(unread.is_empty(), "{} Japanese titles are not in .ci/bangumi-data/readings.json (run .ci/readings/readings.py, README \"Names\"): {:?}", unread.len(), &unread[..unread.len().min(5)]);
    let readings = Readings::parse(READINGS).unwrap();
    let japanese: Vec<bool> = data["items"].as_array().unwrap().iter().map(|i| i["lang"] == "ja").collect();
    // dev-2030 chose the reader and its unsure readings; sample-2031 was labelled after, and
    // is the measure. Each floor is what it measured.
    readings_as_labelled("dev-2030", include_str!("../../../tests/fixtures/names/dev-2030.json"), &japanese, &readings, (0.816, 0.701));
    readings_as_labelled("sample-2031", include_str!("../../../tests/fixtures/names/sample-2031.json"), &japanese, &readings, SAMPLE_2031_FLOORS);
    readings_as_labelled("sample-2032", include_str!("../../../tests/fixtures/names/sample-2032.json"), &japanese, &readings, SAMPLE_2032_FLOORS);
    // Names where readers look: a later season of an English-titled work, and a romaji title.
    let frieren = outcome.shards.iter().filter_map(|s| decode_show(&s.text, s.file.trim_end_matches(".json")).ok()).find(|s| s.native_title.as_ref().is_some_and(|n| n.text == "葬送のフリーレン(第2期)")).unwrap();
    assert_eq!(frieren.title, "Frieren: Beyond the Journey's End Season 2");
    assert_eq!(frieren.title_made, Some(crate::bundle::TitleMade::Derived));
    assert!(frieren.article.headline.starts_with("Will Frieren: Beyond the Journey's End Season 2 get"), "{}", frieren.article.headline);
    derived_names_as_labelled(outcome);
    let counts = &outcome.report.names;
    println!("names by source: {counts:?}");
    assert!(counts["romaji"] > 4000 && counts["derived"] > 100, "{counts:?}");
}

/// What sample-2031 measured, exact readings: precision and recall.
const SAMPLE_2031_FLOORS: (f64, f64) = (0.833, 0.741);
/// What sample-2032 measured.
const SAMPLE_2032_FLOORS: (f64, f64) = (0.846, 0.758);

/// One names fixture: its items are its seed's draw of the data's Japanese titles, and the
/// readings given are right (precision) for so many of the labelled titles (recall); each wrong
/// reading printed.
fn readings_as_labelled(name: &str, text: &str, japanese: &[bool], readings: &Readings, floors: (f64, f64)) {
    let fixture: serde_json::Value = serde_json::from_str(text).unwrap();
    let labels = fixture["labels"].as_array().unwrap();
    let items: Vec<usize> = labels.iter().map(|l| l["item"].as_u64().unwrap() as usize).collect();
    let seed = fixture["seed"].as_u64().unwrap();
    assert_eq!(items, crate::import::measure::draw_where(japanese, seed, labels.len()), "{name}: not the draw of seed {seed}");
    let fold = |s: &str| s.chars().flat_map(char::to_lowercase).filter(char::is_ascii_alphanumeric).collect::<String>();
    let (mut labelled, mut given, mut right) = (0, 0, 0);
    for label in labels {
        let title = label["title"].as_str().unwrap();
        let accepted: Vec<String> = label["romaji"].as_array().unwrap().iter().filter_map(|v| v.as_str()).map(fold).collect();
        if accepted.is_empty() {
            continue;
        }
        labelled += 1;
        let Some(reading) = readings.of(title) else { continue };
        given += 1;
        if accepted.contains(&fold(reading)) {
            right += 1;
        } else {
            println!("names {name}: wrong romaji of {title}: NextSeason read {reading:?}, labelled {:?}", label["romaji"][0]);
        }
    }
    let (precision, recall) = (right as f64 / given as f64, right as f64 / labelled as f64);
    println!("names {name}: {labelled} labelled, {given} read; exact: precision {:.1} % ({right} of {given}), recall {:.1} % ({right} of {labelled})", precision * 100.0, recall * 100.0);
    assert!(labelled >= 150, "{name}: {labelled} labelled titles");
    assert!(precision >= floors.0 - 1e-9 && recall >= floors.1 - 1e-9, "{name}: the readings fell below what they measured ({:.1} %, {:.1} %)", floors.0 * 100.0, floors.1 * 100.0);
}

/// The derived names against blind labels (tests/fixtures/names/derived.json): the English title
/// must be one the franchise is known by, and the number the season (or the part of a first
/// season) the labeller gave. Every disagreement is printed.
fn derived_names_as_labelled(outcome: &ImportOutcome) {
    let fixture: serde_json::Value = serde_json::from_str(include_str!("../../../tests/fixtures/names/derived.json")).unwrap();
    let fold = |s: &str| s.chars().flat_map(char::to_lowercase).filter(char::is_ascii_alphanumeric).collect::<String>();
    let derived: std::collections::HashMap<String, String> = outcome
        .shards
        .iter()
        .filter_map(|s| decode_show(&s.text, s.file.trim_end_matches(".json")).ok())
        .filter(|s| s.title_made == Some(crate::bundle::TitleMade::Derived))
        .filter_map(|s| Some((s.native_title?.text, s.title)))
        .collect();
    let (mut agree, mut given) = (0, 0);
    for label in fixture["labels"].as_array().unwrap() {
        let Some(name) = derived.get(label["native"].as_str().unwrap()) else { continue };
        given += 1;
        let english: Vec<String> = label["english"].as_array().unwrap().iter().filter_map(|e| e.as_str()).map(fold).collect();
        let (season, part) = (label["season"].as_u64(), label["part"].as_u64());
        // The name's own number: "… Season 3", "… III", "… Part 2".
        let romans = ["ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
        let words: Vec<&str> = name.split(' ').collect();
        let mut base = words.len();
        let (mut n_season, mut n_part) = (None, None);
        if words.len() >= 2 && words[words.len() - 2] == "Part" {
            n_part = words[words.len() - 1].parse::<u64>().ok();
            base -= 2;
        }
        if base >= 2 && words[base - 2] == "Season" {
            n_season = words[base - 1].parse::<u64>().ok();
            base -= 2;
        } else if base >= 1 && romans.contains(&words[base - 1].to_lowercase().as_str()) {
            n_season = romans.iter().position(|r| *r == words[base - 1].to_lowercase()).map(|i| i as u64 + 2);
            base -= 1;
        }
        let stem = fold(&words[..base].join(" "));
        let base_ok = english.iter().any(|e| !e.is_empty() && (e.contains(&stem) || stem.contains(e.as_str())));
        let number_ok = (n_season == season && n_part == part) || (n_season.is_none() && n_part.is_some() && n_part == part && season.is_none_or(|s| s == 1));
        if base_ok && number_ok {
            agree += 1;
        } else {
            println!("names: derived {name:?} for {}: labelled {:?}, season {season:?}, part {part:?}", label["native"], label["english"]);
        }
    }
    println!("names derived: {agree} of {given} agree with the blind labels");
    assert!(given >= 100 && agree * 1000 >= given * 900, "derived names: {agree} of {given} agree (floor 90 %)");
}
