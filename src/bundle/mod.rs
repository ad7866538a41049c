//! The bundle: its schema (serde types) and its validation, in one place.
//!
//! The app, the native tests and the editor's tools all decode through [`decode_show`],
//! [`decode_catalogue_head`] and [`decode_catalogue_part`], so a file that the tests accept is a
//! file the site renders, and every problem is reported the same way: the JSON path of the field
//! and what is wrong with it.
//!
//! - `schema`: the types of the files; `imported`: those of the facts that reference data gives.
//! - `problem`: `Problem`, what is wrong and where, which every rule and decoder reports in.
//! - `decode`: text → typed value, or every problem with its path.
//! - `positions`: paths ↔ lines and columns of a JSON text.
//! - `field_rules`: the rules of one field (text, names, languages, slugs, links, regions);
//!   `show_rules`: the rules of one show's file; `imported_rules`: those of its imported facts.
//! - `catalogue`: the head and its parts, which file holds which entry, the default order.
//! - `facets`: facet values and their counts; `season_status`: where a show's next season
//!   stands, the editor's word or the data's, for the catalogue.
//! - `across`: the rules between files (the editor's `check`, and the prerender's).
//! - `aliases`: `aliases.json`, the former slugs of renamed shows ([`Aliases`]).
//! - `odds`: `odds.json`, how the odds from history were computed ([`OddsMethods`]).
//! - `search_index`: `search/<n>.json`, the catalogue in the compact chunks a search reads
//!   ([`SearchChunk`]): their schema, writing, decoding and their check against the catalogue.
//! - `files`: a bundle directory's files as text, checked whole ([`BundleFiles`]).
//! - `fuzz`: the fuzz body of all of the above ([`fuzz_one`]), for the fuzzer and `cargo test`.

mod across;
mod aliases;
mod catalogue;
mod decode;
mod facets;
mod files;
mod field_rules;
mod fuzz;
mod imported;
mod imported_rules;
mod odds;
mod positions;
mod problem;
mod schema;
mod search_index;
mod season_status;
mod show_rules;
#[cfg(test)]
mod tests;

pub use aliases::{alias_problems, decode_aliases, Aliases, ALIASES_FILE};
pub use odds::{decode_odds, BacktestBin, BacktestTable, GroupSize, OddsMethods, ODDS_FILE};
pub use across::{check_bundle, locate, read_checked_bundle, CheckedBundle, Located};
pub use catalogue::{by_date_then_title, next_premiere, catalogue_files, coming_next, odds_cmp_folded, soonest_cmp_folded, COMING_SIZE, default_cmp, default_cmp_folded, default_order, search_chunk_sizes, Layout, CHUNK, FIRST_CHUNK, HEAD_SIZE, PAGE_SIZE, PART_SIZE};
pub use decode::{decode_built_show, decode_catalogue_head, decode_catalogue_part, decode_show, MAX_SHOW_BYTES};
pub use problem::Problem;
pub use search_index::{chunk_range, decode_search_chunk, read_search_chunk, search_chunks, search_index_problems, Columns, Place, SearchChunk, Tables, SEARCH_DIR};
pub use facets::{facet_key, facets, worth_offering, Facet, FacetTally, FacetValue};
#[cfg(not(target_arch = "wasm32"))]
pub use files::json_files;
pub use files::BundleFiles;
pub use fuzz::fuzz_one;
pub use positions::{path_at, value_positions};
pub use imported::*;
pub use schema::*;

pub use field_rules::{inline, is_id_slug, is_language_tag, is_safe_url, is_valid_slug, text_problem, Inline};
