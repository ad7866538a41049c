//! Facet values and their counts: the whole catalogue's, as the head states them ([`facets`]),
//! and the tally the catalogue page's filters count with, so that both count alike.

use super::schema::{CatalogueEntry, Facets, LabelCount, Status, StatusCount};
use crate::text::fold;

/// The key of a facet value in URLs and in counts: "Science Fiction" → "science-fiction".
/// Labels with one key are one value.
pub fn facet_key(label: &str) -> String {
    let folded = fold(label);
    let mut key = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            key.push(c);
        } else if !key.ends_with('-') && !key.is_empty() {
            key.push('-');
        }
    }
    key.trim_end_matches('-').to_string()
}

/// One value of a facet with the number of shows it would give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub key: String,
    pub label: String,
    pub count: usize,
}

/// The statuses in the order of the outlook filter, which the head's facets keep too.
pub const STATUS_ORDER: [Status; 5] = [Status::Dated, Status::Announced, Status::Airing, Status::NoAnnouncement, Status::Cancelled];

/// One facet's values counted under their keys, each with the label it was first seen with.
#[derive(Default)]
pub struct FacetTally(Vec<FacetValue>);

impl FacetTally {
    pub fn add(&mut self, key: &str, label: &str) {
        match self.0.iter_mut().find(|v| v.key == key) {
            Some(value) => value.count += 1,
            None => self.0.push(FacetValue { key: key.to_string(), label: label.to_string(), count: 1 }),
        }
    }

    /// By folded label: the order of genres and studios.
    pub fn sorted_by_label(mut self) -> Vec<FacetValue> {
        self.0.sort_by_cached_key(|v| fold(&v.label));
        self.0
    }

    /// In [`STATUS_ORDER`], for statuses counted under their keys ([`Status::key`]).
    pub fn in_status_order(mut self) -> Vec<FacetValue> {
        self.0.sort_by_key(|v| STATUS_ORDER.iter().position(|s| s.key() == v.key));
        self.0
    }
}

/// Every facet value of the whole catalogue with its count, as the head of the index states
/// them: what the unfiltered catalogue page counts.
pub fn facets(entries: &[CatalogueEntry]) -> Facets {
    let statuses = STATUS_ORDER
        .into_iter()
        .filter_map(|status| {
            let count = entries.iter().filter(|e| e.status == Some(status)).count();
            (count > 0).then_some(StatusCount { status, count })
        })
        .collect();
    Facets {
        genres: label_counts(entries.iter().flat_map(|e| &e.genres)),
        studios: label_counts(entries.iter().flat_map(|e| &e.studios)),
        statuses,
    }
}

fn label_counts<'a>(labels: impl Iterator<Item = &'a String>) -> Vec<LabelCount> {
    let mut tally = FacetTally::default();
    for label in labels {
        tally.add(&facet_key(label), label);
    }
    tally.sorted_by_label().into_iter().map(|v| LabelCount { label: v.label, count: v.count }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_keys() {
        assert_eq!(facet_key("Science Fiction"), "science-fiction");
        assert_eq!(facet_key("Slice of Life!"), "slice-of-life");
        assert_eq!(facet_key("Studio Ñ"), "studio-n");
    }
}
