//! Finding shows in the catalogue: the query as it lives in the URL, an index built once per
//! catalogue, filtering with facet counts, sorting and paging, and the 404 page's suggestions.
//! Pure logic: the home page only renders what [`Index::search`] returns.

mod index;
mod query;
mod suggestions;
#[cfg(test)]
mod tests;

use crate::bundle::{by_date_then_title, default_cmp_folded, odds_cmp_folded, soonest_cmp_folded, worth_offering, Catalogue, CatalogueEntry, Facets, LabelCount, Watchable};
use crate::regions;
use crate::text::{fold, fold_for_search, sound_key};
use std::cmp::Ordering;
use std::collections::HashMap;

// The bundle's head is sized by the page and counts facets under these keys, so they are
// defined in `bundle`, the lower layer, and re-exported here for the pages.
pub use crate::bundle::{facet_key, Facet, FacetValue, PAGE_SIZE};
pub use index::*;
pub use query::*;
pub use suggestions::*;
