//! Which files get twins, what a twin is called, and the build setting: pure rules, unit-tested.

use std::path::{Path, PathBuf};

/// A file gets twins when it is larger than this (bytes): below it, the saving is a few hundred
/// bytes at most and a packet either way.
pub const MIN_SIZE: u64 = 1024;

/// Text-like types, which compress well. Not images, fonts or archives that are already
/// compressed (`.png`, `.woff2`, `.gz`, `.br`), and not names without an extension (`_headers`,
/// `_redirects`: a host's configuration, never served). tests/e2e/precompressed.test.mjs holds
/// the same list.
pub const COMPRESSIBLE: &[&str] = &[
    "html", "htm", "js", "mjs", "css", "json", "map", "wasm", "svg", "txt", "xml", "ico", "webmanifest", "ttf", "otf", "ics", "atom",
];

/// The twins' extensions: brotli, then gzip.
pub const TWINS: [&str; 2] = ["br", "gz"];

/// Whether a file of this name and size gets a `.br` and a `.gz` twin.
pub fn gets_twins(path: &Path, size: u64) -> bool {
    size > MIN_SIZE
        && path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| COMPRESSIBLE.iter().any(|c| c.eq_ignore_ascii_case(e)))
}

/// `a/b.html` → `a/b.html.br` (or `.gz`).
pub fn twin(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

/// `a/b.html.br` → `a/b.html`: the file a name would be the twin of, if it ends in a twin's
/// extension.
pub fn original_of(path: &Path) -> Option<PathBuf> {
    let ext = path.extension()?.to_str()?;
    TWINS.contains(&ext).then(|| path.with_extension(""))
}

/// `NEXTSEASON_PRECOMPRESS`: unset or empty, `on`, `1`, `true`, `yes` write the twins; `off`,
/// `0`, `false`, `no` write none (and remove those found). Anything else is a mistake.
pub fn setting(value: Option<&str>) -> Result<bool, String> {
    match value.map(|v| v.trim().to_ascii_lowercase()).as_deref() {
        None | Some("" | "on" | "1" | "true" | "yes") => Ok(true),
        Some("off" | "0" | "false" | "no") => Ok(false),
        Some(other) => Err(format!("NEXTSEASON_PRECOMPRESS must be on or off (or 1/0, true/false, yes/no), not {other:?}")),
    }
}

/// The smallest brotli window (log2, 10 to 24) that holds the whole file, as the `brotli`
/// command line chooses it: a larger one compresses no better and makes the reader's decoder
/// reserve more memory. 24 is the largest window of standard brotli, which browsers decode
/// (the "large window" extension is not for the web).
pub fn brotli_window(len: usize) -> i32 {
    let mut lgwin = 10;
    while lgwin < 24 && (1usize << lgwin) - 16 < len {
        lgwin += 1;
    }
    lgwin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_like_files_over_one_kilobyte_get_twins() {
        for name in ["index.html", "shows/x/index.html", "data/shows/x.json", "a_bg.wasm", "main-1.css", "embed.js", "sitemap.xml", "robots.txt", "favicon.svg", "A.HTML"] {
            assert!(gets_twins(Path::new(name), 1025), "{name}");
            assert!(!gets_twins(Path::new(name), 1024), "{name} at 1024 bytes");
            assert!(!gets_twins(Path::new(name), 0), "{name} empty");
        }
    }

    #[test]
    fn compressed_binary_and_extensionless_files_get_none() {
        for name in ["photo.png", "font.woff2", "a.jpg", "index.html.br", "index.html.gz", "_headers", "_redirects", "LICENSE", "archive.zip", ".html"] {
            assert!(!gets_twins(Path::new(name), 1 << 20), "{name}");
        }
    }

    #[test]
    fn twins_are_named_beside_their_original() {
        assert_eq!(twin(Path::new("d/shows/x/index.html"), "br"), PathBuf::from("d/shows/x/index.html.br"));
        assert_eq!(twin(Path::new("d/a.json"), "gz"), PathBuf::from("d/a.json.gz"));
        assert_eq!(original_of(Path::new("d/a.json.gz")), Some(PathBuf::from("d/a.json")));
        assert_eq!(original_of(Path::new("d/a.json.br")), Some(PathBuf::from("d/a.json")));
        assert_eq!(original_of(Path::new("d/a.json")), None);
        assert_eq!(original_of(Path::new("d/_headers")), None);
    }

    #[test]
    fn the_setting_is_on_unless_turned_off() {
        for on in [None, Some(""), Some("on"), Some("1"), Some("true"), Some("YES"), Some(" On ")] {
            assert_eq!(setting(on), Ok(true), "{on:?}");
        }
        for off in [Some("off"), Some("0"), Some("false"), Some("no"), Some("OFF")] {
            assert_eq!(setting(off), Ok(false), "{off:?}");
        }
        assert!(setting(Some("sometimes")).unwrap_err().contains("on or off"));
    }

    #[test]
    fn the_brotli_window_holds_the_file() {
        assert_eq!(brotli_window(0), 10);
        assert_eq!(brotli_window(1008), 10);
        assert_eq!(brotli_window(1009), 11);
        assert_eq!(brotli_window(30_000), 15);
        assert_eq!(brotli_window(1 << 30), 24);
        for len in [1, 1000, 5000, 70_000, 2_000_000] {
            assert!((1usize << brotli_window(len)) - 16 >= len);
        }
    }
}
