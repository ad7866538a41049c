//! The fuzz bodies (`bundle::fuzz_one`, `import::fuzz_one`) run by `cargo test`: on the shipped
//! bundle, on every fixture, on the hostile shards of the end-to-end test, and on a few thousand
//! deterministic mutations of them; and the cargo-fuzz targets (`tests/fuzz/`), which nothing
//! else builds, held to calling these bodies only, so that a stale target cannot hide.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::Instant;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Mutations per body: with the seeds, a few seconds in a debug build on two cores.
const BUNDLE_MUTATIONS: usize = 1500;
const IMPORT_MUTATIONS: usize = 1000;
/// The largest seed mutated: larger ones (the whole excerpt of bangumi-data, a tenth of a second
/// to import in a debug build) are run once, unmutated; and no mutation grows past it.
const MAX_MUTATED: usize = 8 * 1024;

/// Every file under `dir`, in order of path.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// (name, bytes) of the shipped bundle's files and of every fixture.
fn shipped_and_fixtures() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(ROOT);
    let mut seeds: Vec<(String, Vec<u8>)> = Vec::new();
    for dir in ["public/data", "tests/fixtures"] {
        for path in files_under(&root.join(dir)) {
            let name = path.strip_prefix(root).unwrap().display().to_string();
            seeds.push((name, std::fs::read(&path).unwrap()));
        }
    }
    assert!(seeds.iter().any(|(name, _)| name.ends_with("index.json")) && seeds.len() >= 6, "{:?}", seeds.iter().map(|s| &s.0).collect::<Vec<_>>());
    seeds
}

/// The hostile shards that `tests/e2e/hostile.test.mjs` serves, made the same way from the shipped
/// `metallic-rouge.json` (the 10 MB one only just over the limit, which is what it tests).
fn hostile_shards() -> Vec<(String, Vec<u8>)> {
    let good: Value = serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/public/data/shows/metallic-rouge.json")).unwrap()).unwrap();
    let xss = r#"<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">"#;
    let variant = |slug: &str, change: &dyn Fn(&mut Value)| {
        let mut show = good.clone();
        show["slug"] = json!(slug);
        show["read_also"] = json!([{ "slug": "metallic-rouge", "title": "Back to Metallic Rouge" }]);
        change(&mut show);
        (format!("hostile {slug}"), serde_json::to_vec(&show).unwrap())
    };
    vec![
        ("hostile malformed".to_string(), br#"{"schema": 1, "slug": "malformed", "#.to_vec()),
        variant("wrong-types", &|s| s["cast"][0]["voices"] = json!("Yume Miyamoto")),
        variant("huge", &|s| s["article"]["intro"] = json!(vec!["x".repeat(100_000); 11])),
        variant("long-title", &|s| s["title"] = json!("T".repeat(100_000))),
        variant("html", &|s| {
            s["article"]["headline"] = json!(format!("Will {xss} have season 2?"));
            s["article"]["intro"] = json!([format!("<b>bold?</b> {xss}")]);
            s["cast"][0]["character"]["name"] = json!(r#"<a href="javascript:window.__pwned=3">Rouge</a>"#);
            s["outlook"]["summary"] = json!(r#"<iframe src="javascript:window.__pwned=4"></iframe>"#);
        }),
        variant("js-link", &|s| s["watch"][0]["url"] = json!("javascript:window.__pwned=5")),
        variant("rtl", &|s| s["article"]["headline"] = json!("Will \u{202E}gnissim\u{202C} have season 2?")),
        variant("zero-width", &|s| s["cast"][1]["character"]["name"] = json!("Naomi\u{200B}Orthmann")),
        variant("future", &|s| s["schema"] = json!(2)),
    ]
}

/// Each item of the bangumi-data fixtures on its own: small seeds that reach every field.
fn fixture_items() -> Vec<(String, Vec<u8>)> {
    let mut items = Vec::new();
    for fixture in ["bangumi-data-excerpt.json", "bangumi-data-synthetic.json"] {
        let data: Value = serde_json::from_str(&std::fs::read_to_string(format!("{ROOT}/tests/fixtures/{fixture}")).unwrap()).unwrap();
        for (i, item) in data["items"].as_array().unwrap().iter().enumerate() {
            items.push((format!("{fixture} items[{i}]"), serde_json::to_vec(item).unwrap()));
        }
    }
    items
}

/// A tiny xorshift generator: the same mutations on every run and every machine.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in 0..n (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Bytes a mutation inserts: JSON's own, and characters the rules single out.
const TOKENS: [&[u8]; 16] = [
    b"{", b"}", b"[", b"]", b"\"", b",", b":", b"\\", b"0", b"-1", b"null", b"\"\"", "é".as_bytes(), "\u{202E}".as_bytes(), "Ã©".as_bytes(), b"\n",
];

/// One seed, changed one to four times: a byte flipped, bytes inserted or deleted, the tail of
/// another seed spliced in, truncated, or a slice of it duplicated.
fn mutate(rng: &mut XorShift, seeds: &[&[u8]]) -> Vec<u8> {
    let mut data = seeds[rng.below(seeds.len())].to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        let at = rng.below(len + 1);
        match rng.below(6) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let insert: Vec<u8> = if rng.below(2) == 0 { TOKENS[rng.below(TOKENS.len())].to_vec() } else { vec![rng.next() as u8] };
                data.splice(at..at, insert);
            }
            2 => {
                let end = (at + 1 + rng.below(16)).min(len);
                data.drain(at.min(end)..end);
            }
            3 => {
                let other = seeds[rng.below(seeds.len())];
                data.truncate(at);
                data.extend_from_slice(&other[rng.below(other.len() + 1)..]);
            }
            4 => data.truncate(at),
            _ => {
                let start = rng.below(len + 1);
                let end = (start + 1 + rng.below(256)).min(len);
                let slice = data[start.min(end)..end].to_vec();
                let to = rng.below(len + 1);
                data.splice(to..to, slice);
            }
        }
    }
    data.truncate(MAX_MUTATED);
    data
}

/// Runs `body` on an input, naming the input when an oracle fails.
fn run(body: fn(&[u8]), name: &str, input: &[u8]) {
    if catch_unwind(AssertUnwindSafe(|| body(input))).is_err() {
        let shown: String = String::from_utf8_lossy(input).chars().take(2000).collect();
        panic!("the fuzz body failed on {name} ({} bytes):\n{shown}", input.len());
    }
}

/// Every seed, then `mutations` mutations of those of `pool` not larger than [`MAX_MUTATED`].
fn fuzz(label: &str, body: fn(&[u8]), seeds: &[(String, Vec<u8>)], pool: &[(String, Vec<u8>)], mutations: usize, seed: u64) {
    let started = Instant::now();
    for (name, input) in seeds {
        run(body, name, input);
    }
    let small: Vec<&[u8]> = pool.iter().map(|(_, input)| input.as_slice()).filter(|input| input.len() <= MAX_MUTATED).collect();
    let mut rng = XorShift(seed);
    for n in 0..mutations {
        let input = mutate(&mut rng, &small);
        run(body, &format!("mutation {n} of {label} (seed {seed:#x})"), &input);
    }
    println!("{label}: {} inputs ({} seeds, {mutations} mutations of {} of them) in {:.2?}", seeds.len() + mutations, seeds.len(), small.len(), started.elapsed());
}

#[test]
fn the_bundles_fuzz_body_on_the_bundle_the_fixtures_and_their_mutations() {
    // The hostile shards are the shipped show with one change each: run, not mutated further.
    let pool = shipped_and_fixtures();
    let seeds: Vec<(String, Vec<u8>)> = pool.iter().cloned().chain(hostile_shards()).collect();
    fuzz("bundle::fuzz_one", nextseason::bundle::fuzz_one, &seeds, &pool, BUNDLE_MUTATIONS, 0x9E37_79B9_7F4A_7C15);
}

#[test]
fn the_importers_fuzz_body_on_the_fixtures_their_items_and_their_mutations() {
    let seeds: Vec<(String, Vec<u8>)> = shipped_and_fixtures().into_iter().chain(fixture_items()).collect();
    fuzz("import::fuzz_one", nextseason::import::fuzz_one, &seeds, &seeds, IMPORT_MUTATIONS, 0xD1B5_4A32_D192_ED03);
}

/// The cargo-fuzz targets are built by nothing here (nightly, their own workspace): each is held
/// to one call of a fuzz body, which the tests above build and run, so none can go stale. Every
/// target is a `[[bin]]` of tests/fuzz/Cargo.toml, and every body has a target.
#[test]
fn the_fuzz_targets_only_call_the_fuzz_bodies() {
    let fuzz_dir = Path::new(ROOT).join("tests/fuzz");
    let manifest = std::fs::read_to_string(fuzz_dir.join("Cargo.toml")).unwrap();
    let mut listed: Vec<String> = manifest
        .lines()
        .filter_map(|line| line.trim().strip_prefix("path = \"")?.strip_suffix('"').map(str::to_string))
        .filter(|path| path.starts_with("fuzz_targets/"))
        .collect();
    listed.sort();
    let targets: Vec<PathBuf> = files_under(&fuzz_dir.join("fuzz_targets"));
    let found: Vec<String> = targets.iter().map(|p| p.strip_prefix(&fuzz_dir).unwrap().display().to_string()).collect();
    assert_eq!(listed, found, "the [[bin]]s of tests/fuzz/Cargo.toml and the files of tests/fuzz/fuzz_targets/");

    let mut bodies = Vec::new();
    for (path, name) in targets.iter().zip(&found) {
        let source = std::fs::read_to_string(path).unwrap();
        let code: Vec<&str> = source.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("//")).collect();
        let code_text = code.join("\n");
        let calls: Vec<&str> = code_text.match_indices("nextseason::").map(|(at, _)| code_text[at..].split('(').next().unwrap()).collect();
        assert!(matches!(calls.as_slice(), ["nextseason::bundle::fuzz_one" | "nextseason::import::fuzz_one"]), "{name} must call one fuzz body and nothing else of the crate: {calls:?}");
        assert_eq!(
            code,
            ["#![no_main]".to_string(), format!("libfuzzer_sys::fuzz_target!(|data: &[u8]| {}(data));", calls[0])],
            "{name}: a target is its fuzz body's call, no more (the body lives in the crate, where cargo test builds it)"
        );
        bodies.push(calls[0].to_string());
    }
    bodies.sort();
    assert_eq!(bodies, ["nextseason::bundle::fuzz_one", "nextseason::import::fuzz_one"], "each fuzz body has its target");
}
