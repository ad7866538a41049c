//! Facet values and their counts: the whole catalogue's, as the head states them ([`facets`]),
//! and the tally the catalogue page's filters count with, so that both count alike.

use super::imported::WorkKind;
use super::schema::{CatalogueEntry, Facets, KindCount, LabelCount, StatusCount};
use super::season_status::SeasonStatus;
use crate::dates::AnimeSeason;
use crate::text::fold;
use std::borrow::Cow;

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

/// A way to filter the catalogue, whose values are counted over its shows. What values an entry
/// has and in which order they are listed is defined here once, for the head's counts and for
/// the catalogue page's, so that both count alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Facet {
    Genre,
    Studio,
    Status,
    Kind,
    /// The year of the premiere.
    Year,
    /// The anime season of the premiere (January to March is winter…), over all years.
    Season,
    Platform,
}

impl Facet {
    pub const ALL: [Facet; 7] = [Facet::Genre, Facet::Studio, Facet::Status, Facet::Kind, Facet::Year, Facet::Season, Facet::Platform];

    /// The values `entry` has, each once as (key, label).
    pub fn values(self, entry: &CatalogueEntry) -> Vec<(String, Cow<'_, str>)> {
        let labels: Vec<Cow<str>> = match self {
            Facet::Genre => entry.genres.iter().map(|g| Cow::Borrowed(g.as_str())).collect(),
            Facet::Studio => entry.studios.iter().map(|s| Cow::Borrowed(s.as_str())).collect(),
            Facet::Platform => entry.watch.iter().map(|w| Cow::Borrowed(w.platform.as_str())).collect(),
            Facet::Status => {
                let status = SeasonStatus::of(entry.status, entry.data_status);
                return status.map(|s| (s.key().to_string(), Cow::Borrowed(s.label()))).into_iter().collect();
            }
            Facet::Kind => return entry.kind.map(|k| (k.key().to_string(), Cow::Borrowed(k.label()))).into_iter().collect(),
            Facet::Season => {
                let season = entry.premiere.and_then(|d| d.anime_season());
                return season.map(|s| (s.key().to_string(), Cow::Borrowed(s.label()))).into_iter().collect();
            }
            Facet::Year => return entry.premiere.map(|d| (d.year().to_string(), Cow::Owned(d.year().to_string()))).into_iter().collect(),
        };
        let mut values: Vec<(String, Cow<str>)> = Vec::with_capacity(labels.len());
        for label in labels {
            let key = facet_key(&label);
            if !values.iter().any(|(k, _)| *k == key) {
                values.push((key, label));
            }
        }
        values
    }

    /// Puts a facet's values in the order its filter lists them: genres, studios and platforms
    /// by folded label, statuses in [`SeasonStatus::ALL`], types and seasons in their own order,
    /// years newest first.
    pub fn sort(self, values: &mut [FacetValue]) {
        let position = |keys: &[&str], key: &str| keys.iter().position(|k| *k == key);
        match self {
            Facet::Genre | Facet::Studio | Facet::Platform => values.sort_by_cached_key(|v| fold(&v.label)),
            Facet::Status => values.sort_by_key(|v| position(&SeasonStatus::ALL.map(SeasonStatus::key), &v.key)),
            Facet::Kind => values.sort_by_key(|v| position(&WorkKind::ALL.map(WorkKind::key), &v.key)),
            Facet::Season => values.sort_by_key(|v| position(&AnimeSeason::ALL.map(AnimeSeason::key), &v.key)),
            Facet::Year => values.sort_by(|a, b| b.key.cmp(&a.key)),
        }
    }
}

/// Whether the catalogue page offers a facet's filter: for two values or more (one value is no
/// choice), that together hold at least one show in fifty (a filter of the few shows an editor
/// described would read as a filter of the whole catalogue). `held`: the shows' values summed.
pub fn worth_offering(values: usize, held: usize, total: usize) -> bool {
    values >= 2 && held.saturating_mul(50) >= total
}

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

    /// In the order of `facet`'s filter.
    pub fn sorted(mut self, facet: Facet) -> Vec<FacetValue> {
        facet.sort(&mut self.0);
        self.0
    }
}

/// Every facet value of the whole catalogue with its count, as the head of the index states
/// them: what the unfiltered catalogue page counts.
pub fn facets(entries: &[CatalogueEntry]) -> Facets {
    let tally = |facet: Facet| {
        let mut tally = FacetTally::default();
        for entry in entries {
            for (key, label) in facet.values(entry) {
                tally.add(&key, &label);
            }
        }
        tally.sorted(facet)
    };
    let labels = |facet: Facet| tally(facet).into_iter().map(|v| LabelCount { label: v.label, count: v.count }).collect();
    let statuses = tally(Facet::Status)
        .into_iter()
        .filter_map(|v| Some(StatusCount { status: SeasonStatus::ALL.into_iter().find(|s| s.key() == v.key)?, count: v.count }))
        .collect();
    let kinds = tally(Facet::Kind)
        .into_iter()
        .filter_map(|v| Some(KindCount { kind: WorkKind::ALL.into_iter().find(|k| k.key() == v.key)?, count: v.count }))
        .collect();
    Facets {
        genres: labels(Facet::Genre),
        studios: labels(Facet::Studio),
        statuses,
        kinds,
        years: labels(Facet::Year),
        seasons: labels(Facet::Season),
        platforms: labels(Facet::Platform),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_offered_for_a_choice_over_enough_shows() {
        assert!(!worth_offering(1, 8472, 8472), "one value is no choice");
        assert!(!worth_offering(5, 2, 8472), "the editors' two shows of 8,472");
        assert!(worth_offering(5, 2, 2));
        assert!(worth_offering(2, 170, 8472));
        assert!(!worth_offering(2, 169, 8472));
        assert!(!worth_offering(0, 0, 0));
    }

    #[test]
    fn facet_keys() {
        assert_eq!(facet_key("Science Fiction"), "science-fiction");
        assert_eq!(facet_key("Slice of Life!"), "slice-of-life");
        assert_eq!(facet_key("Studio Ñ"), "studio-n");
    }
}
