//! Reading a bundle directory: index.json, index/*.json and shows/*.json, as text.

use crate::output::{io, Fatal};
use std::path::Path;

/// A bundle directory's files: index.json (if any), index/*.json and shows/*.json by name.
pub struct Bundle {
    pub index: Option<String>,
    pub parts: Vec<(String, String)>,
    pub shows: Vec<(String, String)>,
}

impl Bundle {
    /// Every file read, counting index.json when there is one.
    pub fn file_count(&self) -> usize {
        self.shows.len() + self.parts.len() + usize::from(self.index.is_some())
    }
}

pub fn read_bundle(dir: &Path) -> Result<Bundle, Fatal> {
    if !dir.is_dir() {
        return Err(Fatal(format!("{}: not a directory", dir.display())));
    }
    let index_path = dir.join("index.json");
    let index = match std::fs::read(&index_path) {
        Ok(bytes) => Some(text_of(&index_path, bytes)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(&index_path, e)),
    };
    Ok(Bundle { index, parts: json_files(&dir.join("index"))?, shows: json_files(&dir.join("shows"))? })
}

/// The *.json files of a folder (none if it does not exist) as (file name, text), by name.
pub fn json_files(folder: &Path) -> Result<Vec<(String, String)>, Fatal> {
    let mut files = Vec::new();
    if folder.is_dir() {
        for entry in std::fs::read_dir(folder).map_err(|e| io(folder, e))? {
            let path = entry.map_err(|e| io(folder, e))?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()).filter(|n| n.ends_with(".json")) else { continue };
            let bytes = std::fs::read(&path).map_err(|e| io(&path, e))?;
            files.push((name.to_string(), text_of(&path, bytes)?));
        }
    }
    files.sort();
    Ok(files)
}

/// A file's text; a file that is not UTF-8 at all is a problem `check` cannot go past.
fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, Fatal> {
    String::from_utf8(bytes).map_err(|e| Fatal(format!("{}: not UTF-8 text (byte {})", path.display(), e.utf8_error().valid_up_to())))
}
