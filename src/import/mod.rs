//! The importer of bangumi-data (`dist/data.json`, CC BY 4.0). Native only; it uses the
//! bundle's schema and rules (`bundle`), and `dates`, `regions`, `text`, `mojibake` beneath
//! them, and does no I/O.
//!
//! - `data`: the serde types of data.json, decoded item by item.
//! - `facts`: an item as a `facts::Work`: titles, kind, dates in Japan, slot, ids, offers.
//! - `sites`: links from the sites' templates, with every id checked.
//! - `slugs`: keys, slugs and the [`SlugRegistry`] that keeps them.
//! - `seasons`: the links between seasons, parts and films, and what follows a work.
//! - `merge`: an editor's shard with the data's facts; the editor always wins.
//! - `article`: the generated text.
#![allow(dead_code)]

mod article;
mod data;
mod facts;
mod merge;
mod seasons;
mod sites;
mod slugs;

pub use facts::Dropped;
pub use merge::Conflict;
pub use slugs::SlugRegistry;

use crate::dates::PartialDate;

/// The release of the data being imported: its version and its date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Release {
    pub version: String,
    pub as_of: PartialDate,
}
