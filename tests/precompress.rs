//! The release build's precompressed twins (`nextseason-precompress`), run as the build runs it
//! on a small folder: which files get twins, that they decode to their original, that a second
//! run takes them from the cache, that a hard-linked original is never written, that twins no
//! longer wanted go, and `NEXTSEASON_PRECOMPRESS=off`. tests/e2e/precompressed.test.mjs checks
//! the real build.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const TOOL: &str = env!("CARGO_BIN_EXE_nextseason-precompress");

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nextseason-precompress-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("dist/shows/a")).unwrap();
    dir
}

fn run(dist: &Path, cache: &Path, setting: Option<&str>) -> String {
    let mut command = Command::new(TOOL);
    command.arg(dist).arg("--cache").arg(cache).env_remove("NEXTSEASON_PRECOMPRESS");
    if let Some(value) = setting {
        command.env("NEXTSEASON_PRECOMPRESS", value);
    }
    let output = command.output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    String::from_utf8(output.stdout).unwrap()
}

fn page(n: usize) -> String {
    format!("<!DOCTYPE html><title>Show {n}</title>{}", "<p>Will it get a season 2?</p>\n".repeat(n))
}

fn decoded(twin: &Path) -> Vec<u8> {
    let bytes = fs::read(twin).unwrap();
    let mut out = Vec::new();
    match twin.extension().unwrap().to_str().unwrap() {
        "br" => brotli::Decompressor::new(&bytes[..], 4096).read_to_end(&mut out).unwrap(),
        _ => flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut out).unwrap(),
    };
    out
}

/// Every file under `dir`, relative, sorted.
fn listing(dir: &Path) -> Vec<String> {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        for item in fs::read_dir(dir).unwrap() {
            let path = item.unwrap().path();
            if path.is_dir() {
                walk(&path, root, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn twins_for_text_over_one_kilobyte_decoding_to_their_original() {
    let dir = scratch("rules");
    let dist = dir.join("dist");
    fs::write(dist.join("index.html"), page(100)).unwrap();
    fs::write(dist.join("shows/a/index.html"), page(60)).unwrap();
    fs::write(dist.join("app.js"), "let x = 1;\n".repeat(200)).unwrap();
    fs::write(dist.join("small.css"), "a{}".repeat(100)).unwrap(); // 300 bytes
    fs::write(dist.join("exactly.txt"), "x".repeat(1024)).unwrap();
    fs::write(dist.join("photo.png"), vec![7u8; 5000]).unwrap();
    fs::write(dist.join("_headers"), "/*\n  X-Frame-Options: DENY\n".repeat(100)).unwrap();
    let summary = run(&dist, &dir.join("cache"), None);
    assert!(summary.contains("3 files"), "{summary}");
    assert_eq!(
        listing(&dist),
        [
            "_headers", "app.js", "app.js.br", "app.js.gz", "exactly.txt", "index.html", "index.html.br", "index.html.gz", "photo.png",
            "shows/a/index.html", "shows/a/index.html.br", "shows/a/index.html.gz", "small.css",
        ]
    );
    for original in ["index.html", "shows/a/index.html", "app.js"] {
        for ext in ["br", "gz"] {
            let twin = dist.join(format!("{original}.{ext}"));
            assert_eq!(decoded(&twin), fs::read(dist.join(original)).unwrap(), "{}", twin.display());
        }
    }
    // Run again: the same twins, taken from the cache, and no twin of a twin.
    let before = fs::read(dist.join("index.html.br")).unwrap();
    let summary = run(&dist, &dir.join("cache"), None);
    assert!(summary.contains("6 of 6 twins from the cache"), "{summary}");
    assert_eq!(fs::read(dist.join("index.html.br")).unwrap(), before);
    assert_eq!(listing(&dist).len(), 13);

    // Entries emptied (a crash, a full disk): not reused, encoded again.
    for entry in listing(&dir.join("cache")) {
        fs::write(dir.join("cache").join(entry), "").unwrap();
    }
    let summary = run(&dist, &dir.join("cache"), None);
    assert!(summary.contains("0 of 6 twins from the cache"), "{summary}");
    assert_eq!(decoded(&dist.join("app.js.gz")), fs::read(dist.join("app.js")).unwrap());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn hard_linked_originals_are_never_written_and_the_cache_keeps_one_build() {
    let dir = scratch("links");
    let dist = dir.join("dist");
    // A shard linked from elsewhere, as the build links the import's output.
    fs::create_dir_all(dir.join("import")).unwrap();
    fs::write(dir.join("import/a.json"), format!("{{\"text\": \"{}\"}}", "season two ".repeat(200))).unwrap();
    fs::hard_link(dir.join("import/a.json"), dist.join("a.json")).unwrap();
    let shard = fs::read(dir.join("import/a.json")).unwrap();
    fs::write(dist.join("index.html"), page(100)).unwrap();
    run(&dist, &dir.join("cache"), None);
    assert_eq!(fs::read(dir.join("import/a.json")).unwrap(), shard);
    assert_eq!(fs::metadata(dist.join("a.json")).unwrap().ino(), fs::metadata(dir.join("import/a.json")).unwrap().ino());
    assert_eq!(listing(&dir.join("import")), ["a.json"], "no twin beside the link's other name");
    assert_eq!(listing(&dir.join("cache")).len(), 4);

    // A changed page: its new twins are encoded, the old ones leave the cache; the build's
    // earlier twins, hard links to the cache, are replaced, not written into.
    let old_twin = dir.join("old-twin.br");
    fs::hard_link(dist.join("index.html.br"), &old_twin).unwrap();
    let old_bytes = fs::read(&old_twin).unwrap();
    fs::write(dist.join("index.html"), page(101)).unwrap();
    let summary = run(&dist, &dir.join("cache"), None);
    assert!(summary.contains("2 of 4 twins from the cache (2 entries pruned)"), "{summary}");
    assert_eq!(fs::read(&old_twin).unwrap(), old_bytes);
    assert_eq!(decoded(&dist.join("index.html.br")), page(101).into_bytes());
    assert_eq!(listing(&dir.join("cache")).len(), 4);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn twins_no_longer_wanted_are_removed_and_off_writes_none() {
    let dir = scratch("off");
    let dist = dir.join("dist");
    fs::write(dist.join("index.html"), page(100)).unwrap();
    fs::write(dist.join("shows/a/index.html"), page(60)).unwrap();
    fs::write(dist.join("download.tar.gz"), [31u8, 139, 8, 0]).unwrap();
    run(&dist, &dir.join("cache"), Some("on"));
    assert_eq!(listing(&dist).len(), 7);

    // A page that shrank under 1 KB loses its twins; a .gz without an original stays.
    fs::write(dist.join("shows/a/index.html"), "<!DOCTYPE html><title>Short</title>").unwrap();
    let summary = run(&dist, &dir.join("cache"), None);
    assert!(summary.contains("2 stale removed"), "{summary}");
    assert_eq!(listing(&dist), ["download.tar.gz", "index.html", "index.html.br", "index.html.gz", "shows/a/index.html"]);

    let summary = run(&dist, &dir.join("cache"), Some("off"));
    assert!(summary.contains("off") && summary.contains("2 removed"), "{summary}");
    assert_eq!(listing(&dist), ["download.tar.gz", "index.html", "shows/a/index.html"]);

    let refused = Command::new(TOOL).arg(&dist).env("NEXTSEASON_PRECOMPRESS", "maybe").output().unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("on or off"));
    fs::remove_dir_all(&dir).unwrap();
}
