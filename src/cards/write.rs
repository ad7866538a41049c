//! The cards written into the build, on every core, each kept in a cache by its content: a
//! rebuild whose facts did not change draws nothing (the prerender runs again and again, in
//! Trunk's hook and in the end-to-end tests, as a debug build).

use super::plan::CardFile;
use super::render::Renderer;
use super::svg::card_svg;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

/// What the renderer is: a cached card drawn by another version is drawn again. Bump it with a
/// change of how the PNG is made that the SVG does not show.
const RENDERER: &str = "resvg 0.49, png 0.18 indexed or RGB, balanced, 1";

/// What writing the cards did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
    /// Cards drawn now; the rest came from the cache.
    pub drawn: usize,
    pub bytes: u64,
    /// Each card's `og:image:alt`, by its file: what the layout put in it.
    pub alts: Vec<(String, String)>,
}

/// Writes `files` into `dist` (its `cards/` folder emptied first, so that no card of a former
/// build stays), drawing each on the machine's cores, or linking it from `cache` (a folder of
/// PNGs named by the hash of their SVG, the fonts and the renderer) where it was drawn before.
pub fn write_cards(dist: &Path, files: &[CardFile], renderer: &Renderer, cache: Option<&Path>) -> Result<Written, String> {
    let folder = dist.join("cards");
    if folder.exists() {
        std::fs::remove_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    for sub in ["shows", "shared"] {
        std::fs::create_dir_all(folder.join(sub)).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    if let Some(cache) = cache {
        std::fs::create_dir_all(cache).map_err(|e| format!("{}: {e}", cache.display()))?;
    }
    let next = AtomicUsize::new(0);
    let drawn = AtomicUsize::new(0);
    let bytes = AtomicUsize::new(0);
    let alts = Mutex::new(Vec::with_capacity(files.len()));
    let failed: Mutex<Option<String>> = Mutex::new(None);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(files.len().max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= files.len() || failed.lock().map_or(true, |f| f.is_some()) {
                    return;
                }
                match write_one(dist, &files[i], renderer, cache) {
                    Ok((size, was_drawn, alt)) => {
                        bytes.fetch_add(size, Ordering::Relaxed);
                        drawn.fetch_add(usize::from(was_drawn), Ordering::Relaxed);
                        alts.lock().expect("no thread panics holding it").push((files[i].file.clone(), alt));
                    }
                    Err(e) => {
                        failed.lock().expect("no thread panics holding it").get_or_insert(e);
                    }
                }
            });
        }
    });
    if let Some(e) = failed.into_inner().expect("the threads are done") {
        return Err(e);
    }
    let mut alts = alts.into_inner().expect("the threads are done");
    alts.sort();
    Ok(Written { files: files.len(), drawn: drawn.into_inner(), bytes: bytes.into_inner() as u64, alts })
}

/// One card: its size in bytes, whether it was drawn now, and its text alternative.
fn write_one(dist: &Path, file: &CardFile, renderer: &Renderer, cache: Option<&Path>) -> Result<(usize, bool, String), String> {
    let drawn = card_svg(&file.card, &renderer.fonts);
    let alt = file.card.alt(drawn.note);
    let target = dist.join(&file.file);
    let failed = |path: &Path, e: std::io::Error| format!("{}: {e}", path.display());
    let cached = cache.map(|dir| cached_path(dir, &drawn.svg, &renderer.fonts.version));
    if let Some(cached) = cached.as_ref().filter(|c| c.is_file()) {
        // A hard link where the cache and the build share a file system; a copy elsewhere.
        if std::fs::hard_link(cached, &target).is_err() {
            std::fs::copy(cached, &target).map_err(|e| failed(&target, e))?;
        }
        let size = std::fs::metadata(&target).map_err(|e| failed(&target, e))?.len() as usize;
        return Ok((size, false, alt));
    }
    let png = renderer.png(&drawn.svg).map_err(|e| format!("{}: {e}", file.file))?;
    std::fs::write(&target, &png).map_err(|e| failed(&target, e))?;
    if let Some(cached) = cached {
        // Written beside, then renamed: a build that stops half-way leaves no half a card.
        let partial = cached.with_extension(format!("png.{}.partial", std::process::id()));
        std::fs::write(&partial, &png).map_err(|e| failed(&partial, e))?;
        std::fs::rename(&partial, &cached).map_err(|e| failed(&cached, e))?;
    }
    Ok((png.len(), true, alt))
}

/// A card's place in the cache: the hash of everything it is drawn from.
fn cached_path(cache: &Path, svg: &str, fonts: &str) -> PathBuf {
    let key = format!("{RENDERER}\n{fonts}\n{svg}");
    cache.join(format!("{:032x}.png", twox_hash::XxHash3_128::oneshot(key.as_bytes())))
}
