//! A bundle directory's files as text, and the whole check of them: what the editor's `check`
//! and the prerender both run, so that a bundle one passes is a bundle the other builds.

use super::across::{check_and_read, locate, read_checked_bundle, CheckedBundle, Located};
use super::schema::{CatalogueEntry, CatalogueHead};
use super::search_index::{search_index_problems, SEARCH_DIR};
use super::aliases::{alias_problems, decode_aliases, Aliases, ALIASES_FILE};
use super::odds::{decode_odds, OddsMethods, ODDS_FILE};
use std::collections::HashSet;

/// A bundle directory's files: index.json and aliases.json (if any), index/*.json,
/// search/*.json and shows/*.json, each as (file name, text), by name.
pub struct BundleFiles {
    pub index: Option<String>,
    pub aliases: Option<String>,
    pub odds: Option<String>,
    pub parts: Vec<(String, String)>,
    /// The search index's chunks (`search/<n>.json`).
    pub search: Vec<(String, String)>,
    pub shows: Vec<(String, String)>,
}

impl BundleFiles {
    /// Reads index.json, index/*.json and shows/*.json of `dir` (native only). An error names
    /// the file: a missing directory, an I/O error, or a file that is not UTF-8 at all (a problem
    /// the check cannot go past).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn read(dir: &std::path::Path) -> Result<Self, String> {
        if !dir.is_dir() {
            return Err(format!("{}: not a directory", dir.display()));
        }
        let optional = |name: &str| {
            let path = dir.join(name);
            match std::fs::read(&path) {
                Ok(bytes) => text_of(&path, bytes).map(Some),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(format!("{}: {e}", path.display())),
            }
        };
        Ok(BundleFiles { index: optional("index.json")?, aliases: optional(ALIASES_FILE)?, odds: optional(ODDS_FILE)?, parts: json_files(&dir.join("index"))?, search: json_files(&dir.join(SEARCH_DIR))?, shows: json_files(&dir.join("shows"))? })
    }

    /// Every file read, counting index.json and aliases.json when there are.
    pub fn file_count(&self) -> usize {
        self.shows.len() + self.parts.len() + self.search.len() + [&self.index, &self.aliases, &self.odds].into_iter().filter(|f| f.is_some()).count()
    }

    /// Every problem ([`super::check_bundle`], the search index's, and those of aliases.json), by file, line and column.
    pub fn check(&self) -> Vec<Located> {
        let (mut found, catalogue, _) = check_and_read(self.index.as_deref(), &self.parts, &self.shows);
        // The search index is held to a sound catalogue: one with problems is fixed first
        // (`nextseason-bundle index` writes both).
        let sound = !found.iter().any(|l| l.file == "index.json" || l.file.starts_with("index/"));
        if let Some((head, entries)) = catalogue.as_ref().filter(|_| sound) {
            found.extend(self.search_problems(head, entries));
        }
        found.extend(self.alias_problems().err().unwrap_or_default());
        found.extend(self.odds_problems().err().unwrap_or_default());
        sort(&mut found);
        found
    }

    /// The bundle decoded if [`BundleFiles::check`] finds nothing, else what it finds (in the same
    /// order).
    pub fn checked(&self) -> Result<CheckedBundle, Vec<Located>> {
        let (aliases, odds) = (self.alias_problems(), self.odds_problems());
        match (read_checked_bundle(self.index.as_deref(), &self.parts, &self.shows), aliases, odds) {
            (Ok(bundle), Ok(aliases), Ok(odds)) => match self.search_problems(&bundle.head, &bundle.entries) {
                found if found.is_empty() => Ok(CheckedBundle { aliases, odds, ..bundle }),
                mut found => {
                    sort(&mut found);
                    Err(found)
                }
            },
            (bundle, aliases, odds) => {
                let mut found = bundle.err().unwrap_or_default();
                found.extend(aliases.err().unwrap_or_default());
                found.extend(odds.err().unwrap_or_default());
                sort(&mut found);
                Err(found)
            }
        }
    }

    /// The search index's problems, by itself and against the catalogue (`head` and its
    /// `entries` in the default order, as far as they could be read).
    fn search_problems(&self, head: &CatalogueHead, entries: &[CatalogueEntry]) -> Vec<Located> {
        let index = self.index.as_deref().unwrap_or_default();
        search_index_problems(head, Some(entries), &self.search)
            .into_iter()
            .flat_map(|(file, problem)| {
                let text = match file.strip_prefix(&format!("{SEARCH_DIR}/")) {
                    Some(name) => self.search.iter().find(|(n, _)| n == name).map_or("", |(_, t)| t.as_str()),
                    None => index,
                };
                locate(&file, text, vec![problem])
            })
            .collect()
    }

    /// odds.json decoded, or its problems.
    fn odds_problems(&self) -> Result<Option<OddsMethods>, Vec<Located>> {
        let Some(text) = &self.odds else { return Ok(None) };
        decode_odds(text).map(Some).map_err(|problems| locate(ODDS_FILE, text, problems))
    }

    /// aliases.json decoded and held to the shows' files, or its problems.
    fn alias_problems(&self) -> Result<Aliases, Vec<Located>> {
        let Some(text) = &self.aliases else { return Ok(Aliases::default()) };
        let aliases = decode_aliases(text).map_err(|problems| locate(ALIASES_FILE, text, problems))?;
        let shows: HashSet<&str> = self.shows.iter().filter_map(|(file, _)| file.strip_suffix(".json")).collect();
        match alias_problems(&aliases, &shows) {
            problems if problems.is_empty() => Ok(aliases),
            problems => Err(locate(ALIASES_FILE, text, problems)),
        }
    }
}

fn sort(found: &mut [Located]) {
    found.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
}

/// The *.json files of a folder (none if it does not exist) as (file name, text), by name
/// (native only).
#[cfg(not(target_arch = "wasm32"))]
pub fn json_files(folder: &std::path::Path) -> Result<Vec<(String, String)>, String> {
    let failed = |e: std::io::Error| format!("{}: {e}", folder.display());
    let mut files = Vec::new();
    if folder.is_dir() {
        for entry in std::fs::read_dir(folder).map_err(failed)? {
            let path = entry.map_err(failed)?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()).filter(|n| n.ends_with(".json")) else { continue };
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push((name.to_string(), text_of(&path, bytes)?));
        }
    }
    files.sort();
    Ok(files)
}

/// A file's text, or that it is not UTF-8 (and from which byte).
#[cfg(not(target_arch = "wasm32"))]
fn text_of(path: &std::path::Path, bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| format!("{}: not UTF-8 text (byte {})", path.display(), e.utf8_error().valid_up_to()))
}
