//! Twins kept between builds by the hash of their original's content (under cargo's target
//! folder), and every file written by a new name renamed over the old: a file already there is
//! replaced, never written into, so a hard link to it keeps its content (the import's shards are
//! linked into the build, and the build's twins are linked to this cache).

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

/// The encoders' settings: a change of level or encoder gets a folder of its own (the others are
/// pruned), so no twin made another way is reused.
const SETTINGS: &str = "br11-gz9-1";

/// A temporary file older than this was left by a run that stopped half-way.
const ABANDONED: Duration = Duration::from_secs(3600);

pub struct Cache {
    /// The folder given; entries are in `<dir>/<SETTINGS>/<2 hex>/<30 hex>.<br|gz>`.
    dir: PathBuf,
}

/// The key of a file's content: XXH3's 128 bits (a stable, published hash; std's `DefaultHasher`
/// may change between Rust releases) and the length, in hexadecimal.
pub fn key(data: &[u8]) -> String {
    format!("{:032x}{:x}", twox_hash::XxHash3_128::oneshot(data), data.len())
}

impl Cache {
    pub fn new(dir: &Path) -> Cache {
        Cache { dir: dir.to_path_buf() }
    }

    /// Where the twin of that content, of that extension, is kept.
    pub fn entry(&self, key: &str, ext: &str) -> PathBuf {
        self.dir.join(SETTINGS).join(&key[..2]).join(format!("{}.{ext}", &key[2..]))
    }

    /// Keeps `bytes` as an entry.
    pub fn store(&self, entry: &Path, bytes: &[u8]) -> io::Result<()> {
        fs::create_dir_all(entry.parent().expect("an entry is in a folder"))?;
        replace(entry, Source::Bytes(bytes))
    }

    /// Removes every entry that is not in `used` (those of this run), and the folders of other
    /// settings, so that the cache holds one build's twins and does not grow with every build.
    /// Returns how many files were removed.
    pub fn prune(&self, used: &HashSet<PathBuf>) -> io::Result<usize> {
        let mut removed = 0;
        let Ok(top) = fs::read_dir(&self.dir) else { return Ok(0) };
        for item in top {
            let item = item?;
            if item.file_name() != SETTINGS {
                let path = item.path();
                if item.file_type()?.is_dir() { fs::remove_dir_all(&path)? } else { fs::remove_file(&path)? }
                removed += 1;
            }
        }
        let Ok(shards) = fs::read_dir(self.dir.join(SETTINGS)) else { return Ok(removed) };
        for shard in shards {
            let shard = shard?.path();
            for item in fs::read_dir(&shard)? {
                let item = item?;
                let path = item.path();
                // Another build's files being written (it gets them again from its own bytes)
                // are left alone, unless they were abandoned.
                let temporary = item.file_name().to_string_lossy().starts_with('.');
                let abandoned = || item.metadata().and_then(|m| m.modified()).is_ok_and(|t| t + ABANDONED < SystemTime::now());
                if (!temporary && !used.contains(&path)) || (temporary && abandoned()) {
                    fs::remove_file(&path)?;
                    removed += 1;
                }
            }
            let _ = fs::remove_dir(&shard); // when empty
        }
        Ok(removed)
    }
}

/// Where a new file's bytes come from: another file (hard-linked, else copied), or memory.
pub enum Source<'a> {
    Link(&'a Path),
    Bytes(&'a [u8]),
}

/// Writes `path` as a new file: under a temporary name beside it, then renamed over whatever
/// was there (rename replaces the name, not the content of the file that had it).
pub fn replace(path: &Path, source: Source) -> io::Result<()> {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    if let Source::Link(from) = source {
        if same_file(from, path) {
            return Ok(());
        }
    }
    let name = path.file_name().expect("a file name").to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.{}-{}.tmp", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)));
    let written = match source {
        Source::Link(from) => fs::hard_link(from, &temporary).or_else(|_| fs::copy(from, &temporary).map(drop)),
        Source::Bytes(bytes) => fs::write(&temporary, bytes),
    };
    let result = written.and_then(|()| fs::rename(&temporary, path));
    // Gone after a rename, except where it failed, or where both names were already links to
    // one file: then rename does nothing and leaves both.
    let _ = fs::remove_file(&temporary);
    result
}

/// Whether two names are links to one file.
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("nextseason-precompress-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn keys_follow_the_content_only() {
        assert_eq!(key(b"abc"), key(b"abc"));
        assert_ne!(key(b"abc"), key(b"abd"));
        assert_ne!(key(b""), key(b"\0"));
        // Stable across builds, crate and Rust releases: XXH3-128 of "abc", then its length (3).
        assert_eq!(key(b"abc"), "06b05ab6733a618578af5f94892f39503");
    }

    #[test]
    fn replacing_a_hard_linked_file_leaves_the_other_name_alone() {
        let dir = scratch("replace");
        let original = dir.join("shard.json");
        fs::write(&original, "original").unwrap();
        let linked = dir.join("linked.json");
        fs::hard_link(&original, &linked).unwrap();
        replace(&linked, Source::Bytes(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&original).unwrap(), "original");
        assert_eq!(fs::read_to_string(&linked).unwrap(), "new");
        // A link to another file: the same content, one inode; and again, when both names are
        // already links to one file (where rename would leave the temporary name behind).
        replace(&linked, Source::Link(&original)).unwrap();
        assert_eq!(fs::metadata(&linked).unwrap().ino(), fs::metadata(&original).unwrap().ino());
        replace(&linked, Source::Link(&original)).unwrap();
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 2, "no temporary file left");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn pruning_keeps_only_what_this_run_used() {
        let dir = scratch("prune");
        let cache = Cache::new(&dir);
        let (a, b) = (cache.entry(&key(b"a"), "br"), cache.entry(&key(b"b"), "gz"));
        cache.store(&a, b"twin of a").unwrap();
        cache.store(&b, b"twin of b").unwrap();
        fs::create_dir_all(dir.join("br10-gz9-0/ab")).unwrap();
        fs::write(dir.join("br10-gz9-0/ab/cd.br"), "older settings").unwrap();
        let fresh_temporary = a.with_file_name(".x.br.1-1.tmp");
        fs::write(&fresh_temporary, "another build writing").unwrap();
        let removed = cache.prune(&HashSet::from([a.clone()])).unwrap();
        assert_eq!(removed, 2);
        assert!(a.is_file() && !b.exists() && fresh_temporary.exists());
        assert!(!dir.join("br10-gz9-0").exists());
        fs::remove_dir_all(&dir).unwrap();
    }
}
