//! The 404 page's suggestions: shows whose slug or title is close to the address asked for.

use super::*;

/// The shows whose slug or title is closest to a path that names none: "/shows/metalic-rouge"
/// suggests Metallic Rouge. At most `limit`, best first, only those reasonably close.
pub fn suggestions<'a>(catalogue: &'a Catalogue, path: &str, limit: usize) -> Vec<&'a CatalogueEntry> {
    let wanted = facet_key(path.trim_end_matches('/').rsplit('/').next().unwrap_or_default());
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut scored: Vec<(f64, &CatalogueEntry)> = catalogue
        .shows
        .iter()
        .map(|e| (similarity(&wanted, &e.slug).max(similarity(&wanted, &facet_key(&e.title))), e))
        .filter(|(score, _)| *score >= CLOSE_ENOUGH)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(limit).map(|(_, e)| e).collect()
}

/// The least [`similarity`] of a suggestion: a slip or two in a slug, not another word.
pub const CLOSE_ENOUGH: f64 = 0.6;

/// 1 for equal strings, falling with their edit distance relative to the longer one.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    // Levenshtein distance, one row at a time.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    1.0 - row[b.len()] as f64 / longest as f64
}
