//! `index`: the catalogue (index.json and its parts) written from the shows' files.

use crate::output::{io, replace_file, Fatal, Verdict};
use nextseason::bundle::{self, json_files, BundleFiles, CatalogueEntry, HEAD_SIZE, PART_SIZE};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Writes the catalogue (index.json and index/<n>.json) from the shows' files.
///
/// One entry per show of shows/*.json, in the catalogue's default order (recently updated
/// first, then by title), the same bytes for the same shows:
///   index.json      the head: total, part_size, parts, every facet value with its count, and the
///                   first --head-size entries (by default two pages of the catalogue)
///   index/<n>.json  the parts, n = 1, 2, …: the next --part-size entries each
///   search/<n>.json the search index: the same entries in compact chunks, the first
///                   holding 1,000 shows, the others 2,000 (the head lists their sizes)
/// Deletes index/*.json and search/*.json files left from a larger catalogue. Writes nothing and exits 1 when a
/// show's file has problems.
#[derive(clap::Args)]
#[command(verbatim_doc_comment, after_help = "Exit status: 0 written or up to date, 1 a show's file has problems, 2 usage or I/O error.")]
pub struct Args {
    /// The bundle directory (the site's is public/data)
    pub bundle_dir: PathBuf,
    #[command(flatten)]
    pub sizes: Sizes,
}

/// Entries in the head of the catalogue and in each part.
#[derive(Clone, Copy, clap::Args)]
pub struct Sizes {
    /// Entries in the head, index.json
    #[arg(long = "head-size", value_name = "N", default_value_t = HEAD_SIZE, value_parser = count_of_shows)]
    pub head: usize,
    /// Entries in each part, index/<n>.json
    #[arg(long = "part-size", value_name = "N", default_value_t = PART_SIZE, value_parser = count_of_shows)]
    pub part: usize,
}

/// A size of the catalogue's files: an empty head or part would hold nothing to page through.
fn count_of_shows(text: &str) -> Result<usize, String> {
    text.parse::<usize>().ok().filter(|n| *n >= 1).ok_or_else(|| "takes a number of shows, at least 1".to_string())
}

pub fn run(args: &Args) -> Result<Verdict, Fatal> {
    let dir = &args.bundle_dir;
    let bundle = BundleFiles::read(dir)?;
    let entries = match entries_of(dir, &bundle.shows) {
        Ok(entries) => entries,
        Err(problems) => {
            for problem in &problems {
                println!("{problem}");
            }
            println!("index.json not written: fix these first (nextseason-bundle check {} lists everything).", dir.display());
            return Ok(Verdict::Problems);
        }
    };
    let count = entries.len();
    let (changed, parts) = write_catalogue(dir, entries, args.sizes)?;
    let path = dir.join("index.json");
    let files = match parts {
        0 => path.display().to_string(),
        1 => format!("{} and index/1.json", path.display()),
        n => format!("{} and index/1.json to index/{n}.json", path.display()),
    };
    match (changed, parts) {
        (true, _) => println!("wrote {files} ({count} shows)."),
        (false, 0) => println!("{files} is up to date ({count} shows)."),
        (false, _) => println!("{files} are up to date ({count} shows)."),
    }
    Ok(Verdict::Clean)
}

/// The catalogue's entry of every show file of `dir`'s shows/ (as (file name, text)), or the
/// problems of those that break a rule, each as `path: problem`.
pub fn entries_of(dir: &Path, shows: &[(String, String)]) -> Result<Vec<CatalogueEntry>, Vec<String>> {
    entries_with(dir, shows, &HashMap::new())
}

/// `entries_of`, given the entries already known of some files, as (file name, (text, entry)):
/// a file that holds that text is not decoded again.
pub fn entries_with(dir: &Path, shows: &[(String, String)], known: &HashMap<&str, (&str, &CatalogueEntry)>) -> Result<Vec<CatalogueEntry>, Vec<String>> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (name, text) in shows {
        if let Some((_, entry)) = known.get(name.as_str()).filter(|(known, _)| *known == text) {
            entries.push((*entry).clone());
            continue;
        }
        let slug = name.trim_end_matches(".json");
        match bundle::decode_show(text, slug) {
            Ok(show) => entries.push(CatalogueEntry::of(&show)),
            Err(found) => problems.extend(found.into_iter().map(|p| format!("{}: {p}", dir.join("shows").join(name).display()))),
        }
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

/// Writes the catalogue of `entries` into `dir` (index.json and index/<n>.json, pretty-printed,
/// in the default order) and deletes the parts it no longer has. Returns whether any file
/// changed, and how many parts there are. Files already holding the right bytes are left alone.
pub fn write_catalogue(dir: &Path, entries: Vec<CatalogueEntry>, sizes: Sizes) -> Result<(bool, usize), Fatal> {
    let (head, parts) = bundle::catalogue_files(entries, sizes.head, sizes.part);
    let search = search_files(&head, &parts);
    let mut files = vec![(dir.join("index.json"), pretty(&head))];
    let parts_dir = dir.join("index");
    let search_dir = dir.join(bundle::SEARCH_DIR);
    files.extend(parts.iter().map(|part| (parts_dir.join(format!("{}.json", part.part)), pretty(part))));
    files.extend(search.into_iter().map(|(name, text)| (search_dir.join(name), text)));
    let mut changed = false;
    for (folder, count) in [(&parts_dir, parts.len()), (&search_dir, head.search_chunks.len())] {
        if count > 0 {
            std::fs::create_dir_all(folder).map_err(|e| io(folder, e))?;
        }
    }
    for (path, text) in &files {
        if std::fs::read(path).ok().as_deref() != Some(text.as_bytes()) {
            replace_file(path, text)?;
            changed = true;
        }
    }
    for folder in [&parts_dir, &search_dir] {
        for (name, _) in json_files(folder)? {
            let path = folder.join(&name);
            if !files.iter().any(|(written, _)| *written == path) {
                std::fs::remove_file(&path).map_err(|e| io(&path, e))?;
                changed = true;
            }
        }
        if folder.is_dir() && !files.iter().any(|(written, _)| written.starts_with(folder)) {
            // Only when nothing else is left in it.
            let _ = std::fs::remove_dir(folder);
        }
    }
    Ok((changed, parts.len()))
}

/// The search index of the catalogue `head` and `parts`, as (file name in search/, text):
/// compact JSON, which a search downloads whole.
pub fn search_files(head: &bundle::CatalogueHead, parts: &[bundle::CataloguePart]) -> Vec<(String, String)> {
    let entries: Vec<CatalogueEntry> = head.shows.iter().chain(parts.iter().flat_map(|p| &p.shows)).cloned().collect();
    bundle::search_chunks(&entries, &head.search_chunks)
        .iter()
        .map(|chunk| (format!("{}.json", chunk.chunk), format!("{}\n", serde_json::to_string(chunk).unwrap_or_default())))
        .collect()
}

/// A file of the catalogue as the tool writes it: pretty-printed JSON and a final newline.
pub(crate) fn pretty<T: serde::Serialize>(value: &T) -> String {
    format!("{}\n", serde_json::to_string_pretty(value).unwrap_or_default())
}
