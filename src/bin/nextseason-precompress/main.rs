//! nextseason-precompress: writes a `.br` (brotli, quality 11) and a `.gz` (gzip, level 9) twin
//! beside every text-like file over 1 KB of a release build, for hosts that serve them as they
//! are (nginx's `brotli_static` and `gzip_static`, object stores with a Content-Encoding per
//! file). Run by Trunk's post-build hook on `trunk build --release`, after the prerender
//! (.ci/precompress.sh); by hand: `cargo run --release --bin nextseason-precompress -- dist
//! [--cache DIR]` (release-built: a debug build's brotli is three times slower).
//!
//! `NEXTSEASON_PRECOMPRESS=off` (or 0, false, no) writes none and removes those found, for a
//! host that limits the number of files (README, "Precompressed files"). Originals are only
//! read; a twin is a new file renamed into place, and one that is not wanted any more (its
//! original shrank, or the setting is off) is removed. With `--cache`, the twins are kept there
//! by the hash of their original's content, and an unchanged file's twins are linked from it.

// A native tool: brotli and flate2 are native-only dependencies, so that the wasm does not grow,
// but `cargo test --target wasm32-unknown-unknown` compiles every binary for wasm32 too.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod cache;
#[cfg(not(target_arch = "wasm32"))]
mod codec;
#[cfg(not(target_arch = "wasm32"))]
mod rules;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match native::run(std::env::args().skip(1).collect()) {
        Ok(summary) => {
            println!("{summary}");
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("nextseason-precompress: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use crate::cache::{self, Cache, Source};
    use crate::{codec, rules};
    use std::collections::HashSet;
    use std::fs;
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    const USAGE: &str = "\
Usage: nextseason-precompress DIR [--cache CACHE]

Writes FILE.br (brotli, quality 11) and FILE.gz (gzip, level 9) beside every text-like file
over 1 KB in DIR (.html .js .css .json .wasm .svg .xml .txt .ics .atom and the like), replacing older twins
and removing those no longer wanted. NEXTSEASON_PRECOMPRESS=off writes none and removes them.
  --cache CACHE   keep the twins in CACHE by the hash of their original's content, and link
                  an unchanged file's twins from there (entries this run did not use are removed)";

    /// What one worker did.
    #[derive(Default)]
    struct Tally {
        originals: usize,
        original_bytes: u64,
        br_bytes: u64,
        gz_bytes: u64,
        reused: usize,
        used: Vec<PathBuf>,
    }

    pub fn run(args: Vec<String>) -> Result<String, String> {
        let (mut dir, mut cache_dir) = (None, None);
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--cache" => cache_dir = Some(PathBuf::from(args.next().ok_or("--cache needs a folder")?)),
                "-h" | "--help" => return Ok(USAGE.to_string()),
                _ if dir.is_none() && !arg.starts_with('-') => dir = Some(PathBuf::from(arg)),
                _ => return Err(format!("unexpected argument {arg:?}\n\n{USAGE}")),
            }
        }
        let dir = dir.ok_or(USAGE)?;
        let on = rules::setting(std::env::var("NEXTSEASON_PRECOMPRESS").ok().as_deref())?;
        let started = std::time::Instant::now();

        let mut files = Vec::new();
        walk(&dir, &mut files).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut jobs: Vec<(PathBuf, u64)> = match on {
            true => files.iter().filter(|(path, size)| rules::gets_twins(path, *size)).cloned().collect(),
            false => Vec::new(),
        };
        // Twins found that this run will not write: their original shrank, changed type, or the
        // setting is off. A `.gz` or `.br` without an original beside it is not a twin (a
        // download, say) and stays.
        let names: HashSet<&Path> = files.iter().map(|(path, _)| path.as_path()).collect();
        let wanted: HashSet<PathBuf> = jobs.iter().flat_map(|(path, _)| rules::TWINS.map(|ext| rules::twin(path, ext))).collect();
        let mut removed = 0;
        for (path, _) in &files {
            let is_twin = rules::original_of(path).is_some_and(|original| names.contains(original.as_path()));
            if is_twin && !wanted.contains(path) {
                fs::remove_file(path).map_err(|e| format!("{}: {e}", path.display()))?;
                removed += 1;
            }
        }
        if !on {
            return Ok(format!("nextseason-precompress: off (NEXTSEASON_PRECOMPRESS): no twins written, {removed} removed"));
        }

        // Largest first, so that the wasm does not start last on a core of its own.
        jobs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let cache = cache_dir.as_deref().map(Cache::new);
        let tally = compress_all(&jobs, cache.as_ref())?;
        let pruned = match &cache {
            Some(cache) => cache.prune(&tally.used.iter().cloned().collect()).map_err(|e| format!("pruning the cache: {e}"))?,
            None => 0,
        };
        let mb = |bytes: u64| bytes as f64 / 1e6;
        Ok(format!(
            "nextseason-precompress: {} files ({:.1} MB) got .br ({:.1} MB) and .gz ({:.1} MB) twins, {} of {} twins from the cache ({} entries pruned), {removed} stale removed, in {} ms",
            tally.originals,
            mb(tally.original_bytes),
            mb(tally.br_bytes),
            mb(tally.gz_bytes),
            tally.reused,
            2 * tally.originals,
            pruned,
            started.elapsed().as_millis()
        ))
    }

    /// Every regular file under `dir` with its size; symbolic links are not followed.
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, u64)>) -> std::io::Result<()> {
        for item in fs::read_dir(dir)? {
            let item = item?;
            let kind = item.file_type()?;
            if kind.is_dir() {
                walk(&item.path(), out)?;
            } else if kind.is_file() {
                out.push((item.path(), item.metadata()?.len()));
            }
        }
        Ok(())
    }

    /// The twins of every job, on every core.
    fn compress_all(jobs: &[(PathBuf, u64)], cache: Option<&Cache>) -> Result<Tally, String> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, jobs.len().max(1));
        let next = AtomicUsize::new(0);
        let failed = AtomicBool::new(false);
        let worker = || -> Result<Tally, String> {
            let mut tally = Tally::default();
            while let Some((path, _)) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) {
                if failed.load(Ordering::Relaxed) {
                    break;
                }
                if let Err(e) = twins_of(path, cache, &mut tally) {
                    failed.store(true, Ordering::Relaxed);
                    return Err(format!("{}: {e}", path.display()));
                }
            }
            Ok(tally)
        };
        let results: Vec<Result<Tally, String>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads).map(|_| scope.spawn(worker)).collect();
            workers.into_iter().map(|w| w.join().expect("a worker panicked")).collect()
        });
        let mut total = Tally::default();
        for tally in results {
            let tally = tally?;
            total.originals += tally.originals;
            total.original_bytes += tally.original_bytes;
            total.br_bytes += tally.br_bytes;
            total.gz_bytes += tally.gz_bytes;
            total.reused += tally.reused;
            total.used.extend(tally.used);
        }
        Ok(total)
    }

    /// Writes the two twins of one file: linked from the cache when it has them, else encoded
    /// (and kept in the cache).
    fn twins_of(path: &Path, cache: Option<&Cache>, tally: &mut Tally) -> std::io::Result<()> {
        let data = fs::read(path)?;
        let key = cache.map(|_| cache::key(&data));
        for ext in rules::TWINS {
            let twin = rules::twin(path, ext);
            let entry = cache.zip(key.as_deref()).map(|(cache, key)| cache.entry(key, ext));
            let size = match &entry {
                // A link fails when another build pruned the entry meanwhile: encoded again. An
                // empty entry is no twin (neither encoding gives an empty file): encoded again.
                Some(entry) if fs::metadata(entry).is_ok_and(|m| m.is_file() && m.len() > 0) && cache::replace(&twin, Source::Link(entry)).is_ok() => {
                    tally.reused += 1;
                    fs::metadata(&twin)?.len()
                }
                _ => {
                    let bytes = codec::encode(ext, &data);
                    let linked = match (cache, &entry) {
                        (Some(cache), Some(entry)) => cache.store(entry, &bytes).and_then(|()| cache::replace(&twin, Source::Link(entry))).is_ok(),
                        _ => false,
                    };
                    if !linked {
                        cache::replace(&twin, Source::Bytes(&bytes))?;
                    }
                    bytes.len() as u64
                }
            };
            match ext {
                "br" => tally.br_bytes += size,
                _ => tally.gz_bytes += size,
            }
            tally.used.extend(entry);
        }
        tally.originals += 1;
        tally.original_bytes += data.len() as u64;
        Ok(())
    }
}
