//! The bundle tool (`nextseason-bundle`), run as editors run it: one fixture per rule, each a
//! copy of the shipped bundle with one mistake, asserting the exact message and location; the
//! seed's own mis-decoded text repaired; `index` round-trips; exit codes and formats; help,
//! completions and usage errors.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

const TOOL: &str = env!("CARGO_BIN_EXE_nextseason-bundle");
const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data");

/// A private copy of the shipped bundle, removed when dropped.
struct Bundle(PathBuf);

impl Bundle {
    fn shipped() -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!("nextseason-tool-{}-{}", std::process::id(), COUNT.fetch_add(1, Ordering::SeqCst)));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("shows")).unwrap();
        std::fs::create_dir_all(dir.join("search")).unwrap();
        for file in ["index.json", "search/1.json", "shows/metallic-rouge.json", "shows/sengoku-youko.json"] {
            std::fs::copy(Path::new(SHIPPED).join(file), dir.join(file)).unwrap();
        }
        Bundle(dir)
    }

    fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }

    fn json(&self, file: &str) -> Value {
        serde_json::from_str(&std::fs::read_to_string(self.path(file)).unwrap()).unwrap()
    }

    /// Changes a file as an editor would, written back pretty-printed.
    fn edit(&self, file: &str, change: impl FnOnce(&mut Value)) -> &Self {
        let mut value = self.json(file);
        change(&mut value);
        self.write(file, &serde_json::to_string_pretty(&value).unwrap());
        self
    }

    fn write(&self, file: &str, text: &str) -> &Self {
        std::fs::write(self.path(file), text).unwrap();
        self
    }

    /// Runs the tool; returns its exit code and its output lines, with this bundle's directory
    /// shown as `B`.
    fn run(&self, args: &[&str]) -> (i32, Vec<String>) {
        let out = Command::new(TOOL).args(args).arg(&self.0).env("NO_COLOR", "1").output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap().replace(&self.0.display().to_string(), "B");
        (out.status.code().unwrap(), text.lines().map(str::to_string).collect())
    }

    fn check(&self) -> (i32, Vec<String>) {
        self.run(&["check"])
    }
}

impl Drop for Bundle {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The problems `check` reports (its last line is the summary), and that it exited 1.
fn problems(bundle: &Bundle) -> Vec<String> {
    let (code, mut lines) = bundle.check();
    assert_eq!(code, 1, "{lines:?}");
    let summary = lines.pop().unwrap();
    assert!(summary.contains(" problem"), "{summary}");
    lines
}

#[test]
fn the_shipped_bundle_is_clean() {
    let (code, lines) = Bundle::shipped().check();
    assert_eq!((code, lines), (0, vec!["No problems in 4 files.".to_string()]));
}

#[test]
fn facts_left_out_that_are_optional() {
    // An outlook without its reasoning, characters announced before their voice actors (voices
    // left out, or an empty list): the site renders all of them.
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["outlook"].as_object_mut().unwrap().remove("summary");
        v["cast"][0].as_object_mut().unwrap().remove("voices");
        v["cast"][1]["voices"] = json!([]);
    });
    assert_eq!(bundle.check(), (0, vec!["No problems in 4 files.".to_string()]));
}

#[test]
fn a_voice_needs_its_language_and_an_offer_its_kind() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["cast"][0]["voices"][0].as_object_mut().unwrap().remove("language");
        v["watch"][0].as_object_mut().unwrap().remove("kind");
    });
    assert_eq!(
        problems(&bundle),
        [
            "B/shows/metallic-rouge.json:74:5: watch[0]: missing field `kind`",
            "B/shows/metallic-rouge.json:97:9: cast[0].voices[0]: missing field `language`",
        ]
    );
}

#[test]
fn malformed_json() {
    let bundle = Bundle::shipped();
    bundle.write("shows/sengoku-youko.json", "{\n  \"schema\": 1,\n  \"slug\": \"sengoku-youko\",\n  \"title\": \"Sengoku Youko\"\n  \"article\": {}\n}\n");
    assert_eq!(problems(&bundle), ["B/shows/sengoku-youko.json:5:3: not valid JSON: expected `,` or `}`"]);
}

#[test]
fn wrong_types_every_one_of_them() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/sengoku-youko.json", |v| {
        v["title"] = json!(42);
        v["genres"] = json!(["Action", null]);
        v["article"]["intro"] = json!([true]);
    });
    assert_eq!(
        problems(&bundle),
        [
            "B/shows/sengoku-youko.json:4:12: title: invalid type: integer `42`, expected a string",
            "B/shows/sengoku-youko.json:11:5: genres[1]: invalid type: null, expected a string",
            "B/shows/sengoku-youko.json:24:7: article.intro[0]: invalid type: boolean `true`, expected a string",
        ]
    );
}

#[test]
fn missing_required_fields() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/sengoku-youko.json", |v| {
        v["article"].as_object_mut().unwrap().remove("headline");
    });
    assert_eq!(problems(&bundle), ["B/shows/sengoku-youko.json:21:14: article: missing field `headline`"]);
}

#[test]
fn unsupported_schema_version() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/sengoku-youko.json", |v| v["schema"] = json!(2));
    assert_eq!(problems(&bundle), ["B/shows/sengoku-youko.json:2:13: schema: unsupported schema version 2: this site reads version 1"]);
}

#[test]
fn duplicate_slugs() {
    let bundle = Bundle::shipped();
    bundle.edit("index.json", |v| {
        let first = v["shows"][0].clone();
        v["shows"].as_array_mut().unwrap().push(first);
        // The counts follow, so that only the duplicate (and where it stands) is wrong.
        v["total"] = json!(3);
        for (facet, i) in [("genres", 0), ("genres", 2), ("studios", 0), ("statuses", 0), ("years", 0), ("seasons", 0), ("platforms", 0), ("platforms", 1)] {
            v["facets"][facet][i]["count"] = json!(v["facets"][facet][i]["count"].as_u64().unwrap() + 1);
        }
    });
    assert_eq!(
        problems(&bundle),
        [
            "B/index.json:108:5: shows[2]: \"metallic-rouge\" should come before \"sengoku-youko\": the index lists shows by last update, newest first, then by premiere, newest first, then by title (run `nextseason-bundle index`)",
            "B/index.json:109:15: shows[2].slug: \"metallic-rouge\" is listed twice",
        ]
    );
}

#[test]
fn slug_and_file_name_disagree() {
    let bundle = Bundle::shipped();
    let text = std::fs::read_to_string(bundle.path("shows/sengoku-youko.json")).unwrap();
    bundle.write("shows/sengoku-yoko.json", &text);
    assert_eq!(
        problems(&bundle),
        ["B/shows/sengoku-yoko.json:3:11: slug: is \"sengoku-youko\" but the file is for \"sengoku-yoko\""]
    );
}

#[test]
fn read_also_names_a_show_that_does_not_exist() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| v["read_also"][0]["slug"] = json!("sengoku-yoko"));
    assert_eq!(
        problems(&bundle),
        ["B/shows/metallic-rouge.json:198:15: read_also[0].slug: names \"sengoku-yoko\", which has no file in shows/"]
    );
}

#[test]
fn a_show_breaking_rules_of_its_own_is_still_checked_against_the_other_files() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["article"]["headline"] = json!("Will Metallic Rouge have season 2? Natalia Hern√°ndez answers");
        v["read_also"][0]["slug"] = json!("sengoku-yoko");
    });
    bundle.edit("index.json", |v| v["shows"][0]["premiere"] = json!("2024-02"));
    assert_eq!(
        problems(&bundle),
        [
            "B/index.json:75:19: shows[0].premiere: says \"2024-02\" but shows/metallic-rouge.json says \"2024-01-11\" (run `nextseason-bundle index`)",
            "B/shows/metallic-rouge.json:30:17: article.headline: looks mis-decoded (UTF-8 read as Mac Roman): did you mean \"Will Metallic Rouge have season 2? Natalia Hernández answers\"?",
            "B/shows/metallic-rouge.json:198:15: read_also[0].slug: names \"sengoku-yoko\", which has no file in shows/",
        ]
    );
}

#[test]
fn a_show_whose_slug_is_unreadable_still_has_its_links_checked() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/sengoku-youko.json", |v| {
        v["slug"] = json!(42);
        v["read_also"][0]["slug"] = json!("metallic-rogue");
    });
    // Which entry of the index is its own, it cannot say: no "not in index.json" for it.
    assert_eq!(
        problems(&bundle),
        [
            "B/shows/sengoku-youko.json:3:11: slug: invalid type: integer `42`, expected a string",
            "B/shows/sengoku-youko.json:26:15: read_also[0].slug: names \"metallic-rogue\", which has no file in shows/",
        ]
    );
}

#[test]
fn index_entry_without_a_file_and_a_file_missing_from_the_index() {
    let bundle = Bundle::shipped();
    std::fs::remove_file(bundle.path("shows/sengoku-youko.json")).unwrap();
    bundle.edit("shows/metallic-rouge.json", |v| v["read_also"] = json!([]));
    let text = std::fs::read_to_string(bundle.path("shows/metallic-rouge.json")).unwrap();
    bundle.write("shows/rouge-copy.json", &text.replace("\"slug\": \"metallic-rouge\"", "\"slug\": \"rouge-copy\""));
    assert_eq!(
        problems(&bundle),
        [
            "B/index.json:93:15: shows[1].slug: \"sengoku-youko\" has no file: shows/sengoku-youko.json is missing",
            "B/shows/rouge-copy.json:3:11: slug: \"rouge-copy\" is not in index.json (run `nextseason-bundle index`)",
        ]
    );
}

#[test]
fn index_fields_disagreeing_with_the_show() {
    let bundle = Bundle::shipped();
    bundle.edit("index.json", |v| {
        v["shows"][0]["title"] = json!("Metallic Rogue");
        v["shows"][1]["premiere"] = json!("2024-01-05");
    });
    assert_eq!(
        problems(&bundle),
        [
            "B/index.json:63:16: shows[0].title: says \"Metallic Rogue\" but shows/metallic-rouge.json says \"Metallic Rouge\" (run `nextseason-bundle index`)",
            "B/index.json:106:19: shows[1].premiere: says \"2024-01-05\" but shows/sengoku-youko.json says \"2024-01\" (run `nextseason-bundle index`)",
        ]
    );
}

#[test]
fn invalid_dates_and_impossible_precision() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["premiere"] = json!("2024-02-30");
        v["outlook"]["status"] = json!("dated");
    });
    assert_eq!(
        problems(&bundle),
        [
            // The index still says the old status: that is a problem too.
            "B/index.json:76:17: shows[0].status: says \"no_announcement\" but shows/metallic-rouge.json says \"dated\" (run `nextseason-bundle index`)",
            "B/shows/metallic-rouge.json:17:15: premiere: \"2024-02-30\" is not a date: February 2024 has days 01 to 29",
            "B/shows/metallic-rouge.json:24:15: outlook.window: status \"dated\" needs the day: a window of one YYYY-MM-DD date (no to, no or_later), or premiere_at",
        ]
    );
}

/// The shipped index with metallic-rouge's outlook status (its entry's and the facet's) changed
/// as its file's, so that a fixture shows the one rule it breaks.
fn with_status(bundle: &Bundle, status: &str) {
    bundle.edit("index.json", |v| {
        v["shows"][0]["status"] = json!(status);
        v["facets"]["statuses"] = json!([{ "status": status, "count": 1 }]);
        // A next season coming puts the show in the head's "Coming next" too.
        if ["dated", "announced", "airing"].contains(&status) {
            v["coming"] = json!([v["shows"][0].clone()]);
            v["coming_total"] = json!(1);
        }
    });
    // And in the search index, whose first show it is too.
    bundle.edit("search/1.json", |v| v["shows"]["status"][0] = json!(status));
}

#[test]
fn outlook_window_ending_before_it_begins() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| v["outlook"]["window"] = json!({ "from": "2026", "to": "2025-fall" }));
    assert_eq!(problems(&bundle), ["B/shows/metallic-rouge.json:26:13: outlook.window.to: 2025-fall is before from (2026)"]);
}

#[test]
fn outlook_window_with_an_end_and_or_later() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| v["outlook"]["window"] = json!({ "from": "2025", "to": "2026", "or_later": true }));
    assert_eq!(problems(&bundle), ["B/shows/metallic-rouge.json:27:19: outlook.window.or_later: cannot be true when the window has an end (to)"]);
}

#[test]
fn a_cancelled_season_with_a_premiere() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["outlook"]["status"] = json!("cancelled");
        v["outlook"]["premiere_at"] = json!("2027-01-10T23:00:00+09:00");
    });
    with_status(&bundle, "cancelled");
    assert_eq!(problems(&bundle), ["B/shows/metallic-rouge.json:28:20: outlook.premiere_at: a cancelled season has no premiere"]);
}

#[test]
fn premiere_at_on_another_day_than_the_window() {
    let bundle = Bundle::shipped();
    // 01:00 in Japan on the 11th is still the 10th in UTC: the day is the one where it was
    // announced, the offset's.
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["outlook"]["status"] = json!("dated");
        v["outlook"]["window"] = json!({ "from": "2027-01-10" });
        v["outlook"]["premiere_at"] = json!("2027-01-11T01:00:00+09:00");
    });
    with_status(&bundle, "dated");
    assert_eq!(problems(&bundle), ["B/shows/metallic-rouge.json:27:20: outlook.premiere_at: is on 2027-01-11 but the window says 2027-01-10"]);
}

#[test]
fn a_dated_season_whose_window_is_open_ended() {
    let bundle = Bundle::shipped();
    // A day "or later" is no premiere date: the answer could say neither the day nor count down.
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["outlook"]["status"] = json!("dated");
        v["outlook"]["window"] = json!({ "from": "2027-01-10", "or_later": true });
    });
    with_status(&bundle, "dated");
    assert_eq!(
        problems(&bundle),
        ["B/shows/metallic-rouge.json:24:15: outlook.window: status \"dated\" needs the day: a window of one YYYY-MM-DD date (no to, no or_later), or premiere_at"]
    );
}

/// A second footnote in metallic-rouge's article, whose first is `1`, referred to in
/// `article.sections[1].paragraphs[0]`.
fn with_footnote(bundle: &Bundle, id: &str) {
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["article"]["footnotes"].as_array_mut().unwrap().push(json!({ "id": id, "text": "Synthetic: a second note." }));
    });
}

#[test]
fn footnote_id_that_no_paragraph_can_write() {
    let bundle = Bundle::shipped();
    with_footnote(&bundle, "note 2");
    // Not also "no paragraph refers to it": `[^note 2]` is not a reference.
    assert_eq!(problems(&bundle), ["B/shows/metallic-rouge.json:71:15: article.footnotes[1].id: must be letters or digits, such as \"1\""]);
}

#[test]
fn footnote_id_used_twice() {
    let bundle = Bundle::shipped();
    with_footnote(&bundle, "1");
    assert_eq!(problems(&bundle), ["B/shows/metallic-rouge.json:71:15: article.footnotes[1].id: \"1\" is used twice"]);
}

#[test]
fn footnote_no_paragraph_refers_to() {
    let bundle = Bundle::shipped();
    with_footnote(&bundle, "2");
    assert_eq!(problems(&bundle), ["B/shows/metallic-rouge.json:70:7: article.footnotes[1]: no paragraph refers to it with [^2]"]);
}

#[test]
fn reference_to_a_footnote_that_is_not_there() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["article"]["intro"][0] = json!("Are you a fan of Metallic Rouge?[^2] You’ve come to the right place.");
    });
    assert_eq!(
        problems(&bundle),
        ["B/shows/metallic-rouge.json:32:7: article.intro[0]: refers to footnote [^2], which article.footnotes does not have"]
    );
}

#[test]
fn read_also_links_the_show_to_itself() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| v["read_also"][0] = json!({ "slug": "metallic-rouge", "title": "Will Metallic Rouge have season 2?【Release Date】" }));
    assert_eq!(problems(&bundle), ["B/shows/metallic-rouge.json:198:15: read_also[0].slug: links the show to itself"]);
}

#[test]
fn zero_seasons() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| v["seasons"] = json!(0));
    assert_eq!(problems(&bundle), ["B/shows/metallic-rouge.json:9:14: seasons: must be at least 1 (leave it out when unknown)"]);
}

#[test]
fn unknown_region_codes() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["watch"][0]["except"] = json!(["Asia"]);
        v["watch"][1]["only"] = json!(["JPN"]);
    });
    assert_eq!(
        problems(&bundle),
        [
            "B/shows/metallic-rouge.json:79:9: watch[0].except[0]: unknown region \"Asia\": use an ISO 3166 country code (\"JP\") or africa, americas, asia, europe, oceania",
            "B/shows/metallic-rouge.json:87:9: watch[1].only[0]: unknown region \"JPN\": use an ISO 3166 country code (\"JP\") or africa, americas, asia, europe, oceania",
        ]
    );
}

#[test]
fn links_that_are_not_https() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        let offer = v["watch"][0].clone();
        let list = v["watch"].as_array_mut().unwrap();
        list.clear();
        for url in ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "http://www.crunchyroll.com/"] {
            let mut o = offer.clone();
            o["url"] = json!(url);
            list.push(o);
        }
    });
    let found = problems(&bundle);
    assert_eq!(
        found,
        [
            "B/shows/metallic-rouge.json:76:14: watch[0].url: \"javascript:alert(1)\" is not an https link to a host (https://…)",
            "B/shows/metallic-rouge.json:84:14: watch[1].url: \"data:text/html,<script>alert(1)</script>\" is not an https link to a host (https://…)",
            "B/shows/metallic-rouge.json:92:14: watch[2].url: \"http://www.crunchyroll.com/\" is not an https link to a host (https://…)",
        ]
    );
}

#[test]
fn empty_required_text() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["title"] = json!("   ");
        v["cast"][5]["character"]["name"] = json!("");
    });
    bundle.edit("index.json", |v| v["shows"][0]["title"] = json!("   "));
    assert_eq!(
        problems(&bundle),
        [
            "B/index.json:63:16: shows[0].title: must not be empty",
            "B/shows/metallic-rouge.json:4:12: title: must not be empty",
            "B/shows/metallic-rouge.json:180:17: cast[5].character.name: must not be empty",
        ]
    );
}

#[test]
fn mis_decoded_text_with_its_likely_repair() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["article"]["headline"] = json!("Will Metallic Rouge have season 2?„ÄźRelease Date„ÄĎ");
        v["article"]["author"] = json!("Natalia Hern√°ndez");
    });
    assert_eq!(
        problems(&bundle),
        [
            "B/shows/metallic-rouge.json:30:17: article.headline: looks mis-decoded (UTF-8 read as Mac Central European): did you mean \"Will Metallic Rouge have season 2?【Release Date】\"?",
            "B/shows/metallic-rouge.json:71:15: article.author: looks mis-decoded (UTF-8 read as Mac Roman): did you mean \"Natalia Hernández\"?",
        ]
    );
}

#[test]
fn fix_encoding_repairs_the_seeds_own_text_and_nothing_else() {
    // A show file written from the seed as it came, mis-decoded.
    let seed = include_str!("fixtures/seed.txt");
    let lines: Vec<&str> = seed.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let bundle = Bundle::shipped();
    bundle.edit("shows/metallic-rouge.json", |v| {
        v["article"]["headline"] = json!(lines[0]);
        v["article"]["intro"] = json!(lines[1..3]);
        v["article"]["sections"][1]["paragraphs"] = json!([lines.iter().find(|l| l.contains("source material")).unwrap()]);
        v["article"]["author"] = json!(lines.iter().find(|l| l.starts_with("Natalia")).unwrap());
    });
    let before = std::fs::read_to_string(bundle.path("shows/metallic-rouge.json")).unwrap();
    let (code, lines_out) = bundle.run(&["fix-encoding"]);
    assert_eq!(code, 0);
    assert_eq!(
        lines_out,
        [
            "B/shows/metallic-rouge.json:30:17: article.headline: \"Will Metallic Rouge to have season 2?„ÄźRelease Date„ÄĎ\" → \"Will Metallic Rouge to have season 2?【Release Date】\" (was read as Mac Central European)",
            "B/shows/metallic-rouge.json:33:7: article.intro[1]: \"Read also: Will Sengoku Youko have season 2?„ÄźRelease Date„ÄĎ\" → \"Read also: Will Sengoku Youko have season 2?【Release Date】\" (was read as Mac Central European)",
            "B/shows/metallic-rouge.json:45:11: article.sections[1].paragraphs[0]: \"At the moment, there is no official announcement about a second season of Metallic Rouge. Since the anime is not based on a manga or novel, it is difficult to determine where the first season ends in terms of source material¬Ļ. However, given its popularity and the open-ended nature of the storyline, there is the possibility of a continuation of the series.\" → \"At the moment, there is no official announcement about a second season of Metallic Rouge. Since the anime is not based on a manga or novel, it is difficult to determine where the first season ends in terms of source material¹. However, given its popularity and the open-ended nature of the storyline, there is the possibility of a continuation of the series.\" (was read as Mac Central European)",
            "B/shows/metallic-rouge.json:72:15: article.author: \"Natalia Hern√°ndez\" → \"Natalia Hernández\" (was read as Mac Roman)",
            "Repaired 4 texts.",
        ]
    );
    let after = std::fs::read_to_string(bundle.path("shows/metallic-rouge.json")).unwrap();
    // Only those strings changed; the apostrophe of "You’ve" was right and stays.
    assert_eq!(after.lines().count(), before.lines().count());
    let changed: Vec<usize> = before.lines().zip(after.lines()).enumerate().filter(|(_, (a, b))| a != b).map(|(i, _)| i + 1).collect();
    assert_eq!(changed, [30, 33, 45, 72]);
    assert!(after.contains("Are you a fan of Metallic Rouge? You’ve come to the right place."));
    // A second run finds nothing.
    assert_eq!(bundle.run(&["fix-encoding"]), (0, vec!["No mis-decoded text found.".to_string()]));
}

#[test]
fn index_round_trips_and_is_stable() {
    let bundle = Bundle::shipped();
    let shipped = std::fs::read(bundle.path("index.json")).unwrap();
    assert_eq!(bundle.run(&["index"]), (0, vec!["B/index.json is up to date (2 shows).".to_string()]));
    std::fs::remove_file(bundle.path("index.json")).unwrap();
    assert_eq!(bundle.run(&["index"]), (0, vec!["wrote B/index.json (2 shows).".to_string()]));
    assert_eq!(std::fs::read(bundle.path("index.json")).unwrap(), shipped, "same shows, same bytes");
    // After an edit, the index follows, and check agrees with it.
    bundle.edit("shows/sengoku-youko.json", |v| v["studios"] = json!(["White Fox", "Synthetic Co-producer"]));
    assert_eq!(bundle.run(&["index"]).0, 0);
    assert_eq!(bundle.json("index.json")["shows"][1]["studios"], json!(["White Fox", "Synthetic Co-producer"]));
    assert_eq!(bundle.check().0, 0);
}

#[test]
fn index_refuses_to_write_from_broken_shows() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/sengoku-youko.json", |v| v["premiere"] = json!("2024-13"));
    let before = std::fs::read(bundle.path("index.json")).unwrap();
    let (code, lines) = bundle.run(&["index"]);
    assert_eq!(code, 1);
    assert!(lines[0].starts_with("B/shows/sengoku-youko.json: premiere: \"2024-13\" is not a date"), "{lines:?}");
    assert_eq!(std::fs::read(bundle.path("index.json")).unwrap(), before);
}

#[test]
fn json_format_and_exit_codes() {
    let bundle = Bundle::shipped();
    bundle.edit("shows/sengoku-youko.json", |v| v["title"] = json!(""));
    let (code, lines) = bundle.run(&["check", "--format", "json"]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&lines.join("\n")).unwrap();
    assert_eq!(report["files"], json!(4));
    assert_eq!(
        report["problems"],
        json!([{"file": "B/shows/sengoku-youko.json", "line": 4, "column": 12, "path": "title", "message": "must not be empty"}])
    );
    let usage = Command::new(TOOL).args(["check"]).output().unwrap();
    assert_eq!(usage.status.code(), Some(2));
    let usage = String::from_utf8_lossy(&usage.stderr);
    assert!(usage.contains("required arguments were not provided") && usage.contains("<BUNDLE_DIR>"), "{usage}");
    let missing = Command::new(TOOL).args(["check", "/no/such/bundle"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    let help = Command::new(TOOL).args(["fix-encoding", "--help"]).output().unwrap();
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("Usage: nextseason-bundle fix-encoding"));
}

/// Runs the tool with no bundle of its own: exit code, stdout, stderr.
fn tool(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(TOOL).args(args).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

const COMMANDS: [&str; 7] = ["announce", "check", "fix-encoding", "index", "import", "synthetic", "completions"];

#[test]
fn help_for_the_tool_and_each_command() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let (code, out, _) = tool(args);
        assert_eq!(code, 0, "{args:?}");
        for command in COMMANDS {
            assert!(out.contains(&format!("\n  {command} ")), "{args:?} does not name {command}:\n{out}");
        }
        assert!(out.contains("Exit status: 0 clean, 1 problems found, 2 usage or I/O error."), "{out}");
    }
    let options: [(&str, &[&str]); 6] = [
        ("announce", &["<SLUG>", "--status <STATUS>", "announced", "dated", "cancelled", "--window <WINDOW>", "2027+", "--premiere-at <INSTANT>", "--source <URL>", "--date <DAY>", "--note <TEXT>", "--bundle <DIR>", "--from <DIR>", "[default: target/nextseason-bundle/data]"]),
        ("check", &["<BUNDLE_DIR>", "--format <FORMAT>", "json", "file:line:column: json.path", "Exit status: 0 clean, 1 problems found"]),
        ("fix-encoding", &["<BUNDLE_DIR>", "--format <FORMAT>", "Mac Roman", "Exit status: 0 (whether or not anything changed)"]),
        ("index", &["<BUNDLE_DIR>", "--head-size <N>", "--part-size <N>", "index/<n>.json", "[default: 48]", "[default: 2000]"]),
        ("synthetic", &["--shows <N>", "--out <DIR>", "--merge", "--head-size <N>", "--part-size <N>"]),
        ("completions", &["<SHELL>", "bash", "zsh", "fish"]),
    ];
    for (command, names) in options {
        for args in [vec![command, "--help"], vec!["help", command]] {
            let (code, out, _) = tool(&args);
            assert_eq!(code, 0, "{args:?}");
            assert!(out.contains(&format!("Usage: nextseason-bundle {command} ")), "{args:?}:\n{out}");
            for name in names {
                assert!(out.contains(name), "{args:?} does not mention {name}:\n{out}");
            }
        }
    }
}

#[test]
fn completions_for_each_shell() {
    let (code, script, _) = tool(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(script.contains("complete ") && script.contains("nextseason-bundle"), "{script}");
    for word in COMMANDS.iter().chain(&["--format", "--head-size", "--part-size", "--shows", "--out", "--merge"]) {
        assert!(script.contains(word), "the bash script does not complete {word}");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let (code, script, _) = tool(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        assert!(script.contains("fix-encoding"), "{shell}: {script}");
    }
    let (code, _, err) = tool(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(err.contains("tcsh"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    let bundle = Bundle::shipped();
    let dir = bundle.0.to_str().unwrap();
    for (args, says) in [
        (&["check", "--no-such-flag", dir][..], "unexpected argument '--no-such-flag'"),
        (&["check", dir, "--format", "xml"], "invalid value 'xml'"),
        (&["check", dir, dir], "unexpected argument"),
        (&["index", dir, "--head-size", "0"], "takes a number of shows, at least 1"),
        (&["synthetic", "--shows", "3"], "--out <DIR>"),
        (&["chek", dir], "a similar subcommand exists: 'check'"),
        (&[], "Usage: nextseason-bundle <COMMAND>"),
    ] {
        let (code, out, err) = tool(args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
    // Nothing was written by any of them.
    assert_eq!(bundle.check(), (0, vec!["No problems in 4 files.".to_string()]));
}

/// The shipped bundle with 7 synthetic shows, its catalogue in parts of 2 after a head of 2:
/// index.json and index/1.json to index/4.json.
fn in_parts() -> Bundle {
    let bundle = Bundle::shipped();
    let out = Command::new(TOOL)
        .args(["synthetic", "--shows", "7", "--merge", "--head-size", "2", "--part-size", "2", "--out"])
        .arg(&bundle.0)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    bundle
}

#[test]
fn index_in_parts_round_trips() {
    let bundle = in_parts();
    let head = bundle.json("index.json");
    assert_eq!((head["total"].clone(), head["part_size"].clone(), head["parts"].clone()), (json!(9), json!(2), json!(4)));
    assert_eq!(bundle.check(), (0, vec!["No problems in 15 files.".to_string()]));
    let files = ["index.json", "index/1.json", "index/2.json", "index/3.json", "index/4.json"];
    let written: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(bundle.path(f)).unwrap()).collect();
    let sizes = ["--head-size", "2", "--part-size", "2"];
    assert_eq!(bundle.run(&[&["index"], &sizes[..]].concat()), (0, vec!["B/index.json and index/1.json to index/4.json are up to date (9 shows).".to_string()]));
    std::fs::remove_dir_all(bundle.path("index")).unwrap();
    std::fs::remove_file(bundle.path("index.json")).unwrap();
    assert_eq!(bundle.run(&[&["index"], &sizes[..]].concat()).0, 0);
    let again: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(bundle.path(f)).unwrap()).collect();
    assert_eq!(again, written, "the synthetic writer and index write the same bytes");
    // Entries follow the default order across the files: page slices of head + parts.
    let mut slugs = Vec::new();
    for file in files {
        slugs.extend(bundle.json(file)["shows"].as_array().unwrap().iter().map(|e| e["slug"].as_str().unwrap().to_string()));
    }
    assert_eq!(slugs.len(), 9);
    assert_eq!(slugs[7..], ["metallic-rouge", "sengoku-youko"], "undated shows last");
    // With the default sizes, the same shows fit in the head, and the parts are deleted.
    assert_eq!(bundle.run(&["index"]), (0, vec!["wrote B/index.json (9 shows).".to_string()]));
    assert!(!bundle.path("index").exists());
    assert_eq!(bundle.check().0, 0);
}

#[test]
fn check_finds_a_wrong_total() {
    let bundle = in_parts();
    bundle.edit("index.json", |v| v["total"] = json!(10));
    assert_eq!(problems(&bundle), ["B/index.json:3:12: total: is 10 but index.json and its parts list 9 shows (run `nextseason-bundle index`)"]);
}

#[test]
fn check_finds_a_wrong_facet_count() {
    let bundle = in_parts();
    let count = bundle.json("index.json")["facets"]["studios"][0]["count"].as_u64().unwrap();
    bundle.edit("index.json", |v| v["facets"]["studios"][0]["count"] = json!(count + 1));
    let label = bundle.json("index.json")["facets"]["studios"][0]["label"].clone();
    let found = problems(&bundle);
    assert_eq!(found.len(), 1, "{found:?}");
    let expected = format!("facets.studios[0].count: is {} but {count} entries have {label} (run `nextseason-bundle index`)", count + 1);
    assert!(found[0].starts_with("B/index.json:") && found[0].ends_with(&expected), "{found:?}");
}

#[test]
fn check_finds_an_entry_out_of_order() {
    let bundle = in_parts();
    let slugs: Vec<String> = bundle.json("index/2.json")["shows"].as_array().unwrap().iter().map(|e| e["slug"].as_str().unwrap().to_string()).collect();
    bundle.edit("index/2.json", |v| v["shows"].as_array_mut().unwrap().swap(0, 1));
    // The second entry's "{", the line before its slug's.
    let text = std::fs::read_to_string(bundle.path("index/2.json")).unwrap();
    let line = text.lines().position(|l| l.contains(&format!("\"slug\": \"{}\"", slugs[0]))).unwrap();
    assert_eq!(
        problems(&bundle),
        [format!("B/index/2.json:{line}:5: shows[1]: \"{}\" should come before \"{}\": the index lists shows by last update, newest first, then by premiere, newest first, then by title (run `nextseason-bundle index`)", slugs[0], slugs[1])]
    );
}

#[test]
fn check_finds_a_missing_part_and_a_stale_one() {
    let bundle = in_parts();
    let part: Vec<String> = bundle.json("index/3.json")["shows"].as_array().unwrap().iter().map(|e| e["slug"].as_str().unwrap().to_string()).collect();
    assert_eq!(part, ["synthetic-00002", "metallic-rouge"]);
    std::fs::rename(bundle.path("index/3.json"), bundle.path("index/7.json")).unwrap();
    assert_eq!(
        problems(&bundle),
        [
            "B/index.json:5:12: parts: is 4 but index/3.json is missing (run `nextseason-bundle index`)",
            "B/index/7.json:1:1: stale: index.json has 4 part files; delete it (`nextseason-bundle index` does)",
            // Its shows are in no file of the catalogue any more.
            "B/shows/metallic-rouge.json:3:11: slug: \"metallic-rouge\" is not in index.json (run `nextseason-bundle index`)",
            "B/shows/synthetic-00002.json:1:20: slug: \"synthetic-00002\" is not in index.json (run `nextseason-bundle index`)",
        ]
    );
    // index puts the part back and deletes the stale one.
    assert_eq!(bundle.run(&["index", "--head-size", "2", "--part-size", "2"]).0, 0);
    assert!(bundle.path("index/3.json").exists() && !bundle.path("index/7.json").exists());
    assert_eq!(bundle.check().0, 0);
}

const EXCERPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/bangumi-data-excerpt.json");

/// A registry's folder with the pin beside it, as .ci/bangumi-data holds them.
fn pinned(bundle: &Bundle, version: &str) -> String {
    let dir = bundle.path("pin");
    std::fs::create_dir_all(&dir).unwrap();
    let pin = json!({"dependencies": {"bangumi-data": version}, "nextseason": {"as_of": "2026-05-15"}});
    std::fs::write(dir.join("package.json"), pin.to_string()).unwrap();
    dir.join("slugs.json").display().to_string()
}

/// Runs `import bangumi-data <data> <bundle>` with more arguments.
fn import(bundle: &Bundle, data: &str, more: &[&str]) -> (i32, Vec<String>) {
    let out = Command::new(TOOL).args(["import", "bangumi-data", data]).arg(&bundle.0).args(more).env("NO_COLOR", "1").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap(), text.replace(&bundle.0.display().to_string(), "B").lines().map(str::to_string).collect())
}

#[test]
fn import_writes_every_work_and_the_catalogue_then_changes_nothing() {
    let bundle = Bundle::shipped();
    let registry = pinned(&bundle, "0.3.208");
    let (code, lines) = import(&bundle, EXCERPT, &["--registry", &registry]);
    assert_eq!(code, 0, "{lines:#?}");
    assert_eq!(lines[0], "bangumi-data 0.3.208 (as of 2026-05-15): 24 items, 23 imported, 1 skipped.");
    assert_eq!(lines[1], "Shards: 21 added, 2 updated, 0 unchanged, 0 stale; 2 merged into editors' files; 23 new slugs.");
    assert!(lines.contains(&"Catalogue: B/index.json (23 shows, 0 parts).".to_string()), "{lines:#?}");
    // What it wrote is a bundle the site reads: every file, every link between them (the 23
    // shows, index.json and odds.json, how the odds were reckoned).
    assert_eq!(bundle.check(), (0, vec!["No problems in 26 files.".to_string()]));
    assert!(bundle.path("odds.json").exists());
    let sengoku = bundle.json("shows/sengoku-youko.json");
    assert_eq!(sengoku["data_outlook"]["next"], "sengoku-youko-the-thousandfold-chaos-arc");
    assert_eq!(sengoku["article"]["headline"], "Will Sengoku Youko have season 2?【Release Date】");
    let slugs: Value = serde_json::from_str(&std::fs::read_to_string(&registry).unwrap()).unwrap();
    assert_eq!((slugs["bangumi:425595"].as_str(), slugs.as_object().unwrap().len()), (Some("metallic-rouge"), 23));
    // A second run reads its own output: nothing changes.
    let before = std::fs::read_to_string(bundle.path("shows/sengoku-youko.json")).unwrap();
    let (code, lines) = import(&bundle, EXCERPT, &["--registry", &registry]);
    assert_eq!(code, 0);
    assert_eq!(lines[1], "Shards: 0 added, 0 updated, 23 unchanged, 0 stale; 2 merged into editors' files; 0 new slugs.");
    assert_eq!(std::fs::read_to_string(bundle.path("shows/sengoku-youko.json")).unwrap(), before);
    // The report for machines.
    let (code, lines) = import(&bundle, EXCERPT, &["--registry", &registry, "--format", "json", "--editorial", SHIPPED_SHOWS]);
    assert_eq!(code, 0);
    let report: Value = serde_json::from_str(&lines.join("\n")).unwrap();
    assert_eq!((report["items"].as_u64(), report["imported"].as_u64(), report["skipped"][0]["category"].as_str()), (Some(24), Some(23), Some("same key as an earlier item")));
    assert_eq!(report["catalogue"], json!({"written": true, "shows": 23, "parts": 0}));
}

#[test]
fn import_renames_an_id_slug_and_writes_its_alias_which_check_holds_to_the_shows() {
    let bundle = Bundle::shipped();
    let registry = pinned(&bundle, "0.3.208");
    // Published before the work had a name (the committed readings give it one).
    std::fs::write(&registry, "{\"bangumi:504455\": \"bgm-504455\"}\n").unwrap();
    let (code, lines) = import(&bundle, EXCERPT, &["--registry", &registry]);
    assert_eq!(code, 0, "{lines:#?}");
    assert!(lines[1].ends_with("22 new slugs, 1 renamed (each former slug kept as an alias)."), "{lines:#?}");
    let slugs: Value = serde_json::from_str(&std::fs::read_to_string(&registry).unwrap()).unwrap();
    let now = slugs["bangumi:504455"][0].as_str().unwrap().to_string();
    assert_eq!(slugs["bangumi:504455"], json!([now, "bgm-504455"]));
    assert!(now.starts_with("burakku-jakku"), "{now}");
    assert_eq!(bundle.json("aliases.json"), json!({"schema": 1, "aliases": {"bgm-504455": now}}));
    assert!(bundle.path(&format!("shows/{now}.json")).exists() && !bundle.path("shows/bgm-504455.json").exists());
    assert_eq!(bundle.check(), (0, vec!["No problems in 27 files.".to_string()]));
    // An alias that leads nowhere, or takes a show's own address, is a problem of aliases.json.
    std::fs::write(bundle.path("aliases.json"), "{\"schema\":1,\"aliases\":{\n\"bgm-504455\":\"no-such-show\",\n\"metallic-rouge\":\"sengoku-youko\"\n}}\n").unwrap();
    let (code, lines) = bundle.check();
    assert_eq!(code, 1, "{lines:#?}");
    assert!(lines.iter().any(|l| l.contains("aliases.json:2:") && l.contains("aliases.bgm-504455") && l.contains("no show of the bundle")), "{lines:#?}");
    assert!(lines.iter().any(|l| l.contains("aliases.json:3:") && l.contains("is the slug of a show")), "{lines:#?}");
    // The next import writes it again from the registry, and changes nothing else.
    let (code, lines) = import(&bundle, EXCERPT, &["--registry", &registry]);
    assert_eq!(code, 0, "{lines:#?}");
    assert!(lines[1].ends_with("0 new slugs."), "{lines:#?}");
    assert_eq!(bundle.json("aliases.json")["aliases"], json!({"bgm-504455": now}));
}

const SHIPPED_SHOWS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/shows");

#[test]
fn import_reports_conflicts_with_exit_1_and_keeps_the_editors_word() {
    let bundle = Bundle::shipped();
    let registry = pinned(&bundle, "0.3.208");
    bundle.edit("shows/metallic-rouge.json", |v| v["premiere"] = json!("2024-01-10"));
    let (code, lines) = import(&bundle, EXCERPT, &["--registry", &registry]);
    assert_eq!(code, 1, "{lines:#?}");
    assert!(lines.contains(&"Conflicts: 1.".to_string()), "{lines:#?}");
    assert!(lines.contains(&"  shows/metallic-rouge.json: premiere: the editor's \"2024-01-10\" stays; the data says \"2024-01-11\"".to_string()), "{lines:#?}");
    assert_eq!(bundle.json("shows/metallic-rouge.json")["premiere"], "2024-01-10");
}

#[test]
fn import_refuses_data_of_another_release_than_the_pin() {
    let bundle = Bundle::shipped();
    let registry = pinned(&bundle, "0.3.208");
    let package = bundle.path("node_modules/bangumi-data");
    std::fs::create_dir_all(package.join("dist")).unwrap();
    std::fs::copy(EXCERPT, package.join("dist/data.json")).unwrap();
    std::fs::write(package.join("package.json"), r#"{"name": "bangumi-data", "version": "0.3.209"}"#).unwrap();
    let data = package.join("dist/data.json").display().to_string();
    let (code, lines) = import(&bundle, &data, &["--registry", &registry]);
    assert_eq!(code, 2);
    assert_eq!(lines, ["nextseason-bundle: B/node_modules/bangumi-data/dist/data.json is bangumi-data 0.3.209 but B/pin/package.json pins 0.3.208 (as of 2026-05-15): update the pin and its date"]);
    let (code, lines) = import(&bundle, "/no/such/data.json", &["--registry", &registry]);
    assert_eq!(code, 2);
    assert!(lines[0].starts_with("nextseason-bundle: /no/such/data.json: "), "{lines:?}");
    // The default registry is relative to where the tool runs: from a folder without one (never
    // from the repository's, whose registry a test must not touch), there is no pin.
    let out = Command::new(TOOL).args(["import", "bangumi-data", EXCERPT, "data"]).current_dir(&bundle.0).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".ci/bangumi-data/package.json: No such file"), "{out:?}");
    assert!(!bundle.path("data").exists(), "nothing written");
    let help = tool(&["import", "bangumi-data", "--help"]).1;
    for name in ["<DATA_JSON>", "<BUNDLE_DIR>", "--editorial <DIR>", "--registry <FILE>", "[default: .ci/bangumi-data/slugs.json]", "--format <FORMAT>"] {
        assert!(help.contains(name), "{name}: {help}");
    }
}

#[test]
fn backtest_refuses_a_cut_it_cannot_judge() {
    let bundle = Bundle::shipped();
    let registry = pinned(&bundle, "0.3.208");
    let run = |cut: &str| {
        let out = Command::new(TOOL).args(["backtest", EXCERPT, "--cut", cut, "--registry", &registry]).env("NO_COLOR", "1").output().unwrap();
        (out.status.code().unwrap(), String::from_utf8(out.stderr).unwrap())
    };
    let (code, err) = run("2025-01-01");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("two years or more before the data's date (2026-05-15)"), "{err}");
    let (code, err) = run("2022-13-01");
    assert_eq!((code, err.contains("is not a day")), (2, true), "{err}");
}

/// The shipped bundle with, in `imported/`, the excerpt imported over its editors' shards, as
/// a build writes `target/nextseason-bundle/data` (its registry in `pin/`).
fn with_imported() -> Bundle {
    let bundle = Bundle::shipped();
    let registry = pinned(&bundle, "0.3.208");
    let out = Command::new(TOOL)
        .args(["import", "bangumi-data", EXCERPT])
        .arg(bundle.path("imported"))
        .arg("--editorial")
        .arg(bundle.path("shows"))
        .args(["--registry", &registry])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    bundle
}

/// Runs `announce` on the bundle's editors' shards (`--bundle B`), the imported ones in
/// `B/imported`: exit code, stdout and stderr lines, with the bundle's directory shown as `B`.
fn announce(bundle: &Bundle, args: &[&str]) -> (i32, Vec<String>, Vec<String>) {
    let out = Command::new(TOOL)
        .arg("announce")
        .args(args)
        .arg("--bundle")
        .arg(&bundle.0)
        .arg("--from")
        .arg(bundle.path("imported"))
        .arg("--registry")
        .arg(bundle.path("pin/slugs.json"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let lines = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap().replace(&bundle.0.display().to_string(), "B").lines().map(str::to_string).collect();
    (out.status.code().unwrap(), lines(out.stdout), lines(out.stderr))
}

/// The editors' files, every byte: what a refused announcement must leave as it was.
fn editors_files(bundle: &Bundle) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![("index.json".to_string(), std::fs::read(bundle.path("index.json")).unwrap())];
    for entry in std::fs::read_dir(bundle.path("shows")).unwrap() {
        let path = entry.unwrap().path();
        files.push((path.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read(&path).unwrap()));
    }
    files.sort();
    files
}

const THOUSANDFOLD: &str = "sengoku-youko-the-thousandfold-chaos-arc";

#[test]
fn announce_writes_the_least_shard_of_an_imported_show_which_the_next_import_keeps() {
    let bundle = with_imported();
    let (code, out, err) = announce(
        &bundle,
        &[THOUSANDFOLD, "--status", "announced", "--window", "2027+", "--source", "https://www.example.org/news/1", "--date", "2026-05-01", "--note", "Synthetic: announced at an event."],
    );
    assert_eq!((code, err), (0, vec![]), "{out:?}");
    assert_eq!(out, [format!("wrote B/shows/{THOUSANDFOLD}.json (Announced) and the catalogue, B/index.json.")]);
    // Only what the import needs to find the work, the headline, and the outlook, in the
    // editors' own style.
    assert_eq!(
        std::fs::read_to_string(bundle.path(&format!("shows/{THOUSANDFOLD}.json"))).unwrap(),
        format!(
            r#"{{
  "schema": 1,
  "slug": "{THOUSANDFOLD}",
  "title": "Sengoku Youko: The Thousandfold Chaos Arc",
  "outlook": {{
    "status": "announced",
    "summary": "Synthetic: announced at an event.",
    "window": {{ "from": "2027", "or_later": true }},
    "source": {{ "url": "https://www.example.org/news/1", "date": "2026-05-01" }}
  }},
  "article": {{
    "headline": "Will Sengoku Youko: The Thousandfold Chaos Arc get another season?"
  }},
  "references": {{ "bangumi": "488197" }}
}}
"#
        )
    );
    assert_eq!(bundle.check(), (0, vec!["No problems in 5 files.".to_string()]));
    let entry = bundle.json("index.json")["shows"].as_array().unwrap().iter().find(|e| e["slug"] == THOUSANDFOLD).cloned().unwrap();
    assert_eq!(entry["status"], "announced");

    // The next import merges it with its work: the editor's outlook, the data's facts.
    let out = Command::new(TOOL)
        .args(["import", "bangumi-data", EXCERPT])
        .arg(bundle.path("imported"))
        .arg("--editorial")
        .arg(bundle.path("shows"))
        .arg("--registry")
        .arg(bundle.path("pin/slugs.json"))
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert!(report.contains("3 merged into editors' files; 0 new slugs."), "{report}");
    let merged = bundle.json(&format!("imported/shows/{THOUSANDFOLD}.json"));
    assert_eq!(merged["outlook"], bundle.json(&format!("shows/{THOUSANDFOLD}.json"))["outlook"]);
    assert_eq!((merged.get("data_outlook"), &merged["premiere"], &merged["kind"]), (None, &json!("2024-07-18"), &json!("tv")));
    assert!(merged["watch"].as_array().is_some_and(|w| !w.is_empty()) && merged["related"].as_array().is_some_and(|r| !r.is_empty()), "{merged:#}");
}

#[test]
fn announce_replaces_only_the_outlook_of_an_editors_shard() {
    let bundle = with_imported();
    let before = std::fs::read_to_string(bundle.path("shows/metallic-rouge.json")).unwrap();
    let (code, out, _) = announce(
        &bundle,
        &["metallic-rouge", "--status", "dated", "--premiere-at", "2027-01-10T23:30:00+09:00", "--source", "https://metallicrouge.jp/news/1", "--date", "2026-05-01"],
    );
    assert_eq!((code, out), (0, vec!["wrote B/shows/metallic-rouge.json (Date announced) and the catalogue, B/index.json.".to_string()]));
    let old = before.split("  \"outlook\": ").nth(1).unwrap().split("\n  },\n").next().unwrap().to_string() + "\n  }";
    let new = "{\n    \"status\": \"dated\",\n    \"premiere_at\": \"2027-01-10T23:30:00+09:00\",\n    \"source\": { \"url\": \"https://metallicrouge.jp/news/1\", \"date\": \"2026-05-01\" }\n  }";
    assert_eq!(std::fs::read_to_string(bundle.path("shows/metallic-rouge.json")).unwrap(), before.replacen(&old, new, 1));
    assert_eq!(bundle.check(), (0, vec!["No problems in 4 files.".to_string()]));
    assert_eq!(bundle.json("index.json")["shows"][0]["status"], "dated");
    // Without an outlook, one is added where the schema has it, before the article.
    let sengoku = std::fs::read_to_string(SHIPPED.to_string() + "/shows/sengoku-youko.json").unwrap();
    bundle.write("shows/sengoku-youko.json", &sengoku);
    let (code, _, _) = announce(&bundle, &["sengoku-youko", "--status", "cancelled", "--source", "https://example.org/news/2", "--date", "2026-05-02"]);
    assert_eq!(code, 0);
    let added = "  \"outlook\": {\n    \"status\": \"cancelled\",\n    \"source\": { \"url\": \"https://example.org/news/2\", \"date\": \"2026-05-02\" }\n  },\n  \"article\"";
    assert_eq!(std::fs::read_to_string(bundle.path("shows/sengoku-youko.json")).unwrap(), sengoku.replacen("  \"article\"", added, 1));
    assert_eq!(bundle.check().0, 0);
}

#[test]
fn announce_refuses_bad_input_and_writes_nothing() {
    let bundle = with_imported();
    let before = editors_files(&bundle);
    // By the rules of the bundle: each problem where `check` would show it in the file written.
    let (code, out, _) = announce(&bundle, &["metallic-rouge", "--status", "announced", "--source", "http://example.org/news/1", "--date", "2026-05"]);
    assert_eq!(code, 1, "{out:?}");
    assert_eq!(
        out,
        [
            "B/shows/metallic-rouge.json:13:24: outlook.source.url: \"http://example.org/news/1\" is not an https link to a host (https://…)",
            "B/shows/metallic-rouge.json:13:61: outlook.source.date: 2026-05 is not a day: write the day the news was announced (or read), YYYY-MM-DD",
            "2 problems in 1 of 4 files.",
            "Nothing written: these are the problems of the file as it would be written.",
        ]
    );
    let (code, out, _) = announce(&bundle, &[THOUSANDFOLD, "--status", "dated", "--window", "2027-spring", "--source", "https://example.org/news/1", "--date", "2026-05-01"]);
    assert_eq!(code, 1, "{out:?}");
    assert_eq!(
        out,
        [
            format!("B/shows/{THOUSANDFOLD}.json:7:15: outlook.window: status \"dated\" needs the day: a window of one YYYY-MM-DD date (no to, no or_later), or premiere_at"),
            "1 problem in 1 of 5 files.".to_string(),
            "Nothing written: these are the problems of the file as it would be written.".to_string(),
        ]
    );
    // A slug of no show, a former slug: usage errors, the closest slugs or the slug now named.
    let (code, _, err) = announce(&bundle, &["sengoku-yoko", "--status", "announced", "--source", "https://example.org/news/1"]);
    assert_eq!((code, err), (2, vec!["nextseason-bundle: sengoku-yoko is no show of B or of B/imported (did you mean sengoku-youko?)".to_string()]));
    std::fs::write(bundle.path("imported/aliases.json"), format!("{{\"schema\":1,\"aliases\":{{\n\"bgm-488197\":\"{THOUSANDFOLD}\"\n}}}}\n")).unwrap();
    let (code, _, err) = announce(&bundle, &["bgm-488197", "--status", "announced", "--source", "https://example.org/news/1"]);
    assert_eq!((code, err), (2, vec![format!("nextseason-bundle: bgm-488197 is a former slug of {THOUSANDFOLD}: announce {THOUSANDFOLD}")]));
    // Arguments the tool cannot read.
    for (args, says) in [
        (&["../x", "--status", "announced", "--source", "https://example.org/"][..], "\"../x\" is not a slug"),
        (&["metallic-rouge", "--status", "airing", "--source", "https://example.org/"], "invalid value 'airing'"),
        (&["metallic-rouge", "--status", "announced"], "--source <URL>"),
        (&["metallic-rouge", "--status", "dated", "--window", "2027-01-10", "--premiere-at", "2027-01-10T23:30:00+09:00", "--source", "https://example.org/"], "cannot be used with"),
        (&["metallic-rouge", "--status", "announced", "--window", "Fall 2027", "--source", "https://example.org/"], "\"Fall 2027\" is not a date"),
        (&["metallic-rouge", "--status", "dated", "--premiere-at", "2027-01-10 23:30", "--source", "https://example.org/"], "is not a date and time"),
    ] {
        let (code, _, err) = announce(&bundle, args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.join("\n").contains(says), "{args:?}: {err:?}");
    }
    assert_eq!(editors_files(&bundle), before, "nothing written");
}
