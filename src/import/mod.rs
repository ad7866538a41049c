//! The importer of bangumi-data (`dist/data.json`, CC BY 4.0). Native only; it uses the
//! bundle's schema and rules (`bundle`), and `dates`, `regions`, `text`, `mojibake` beneath
//! them, and does no I/O.
//!
//! - `data`: the serde types of data.json, decoded item by item.
//! - `facts`: an item as a `facts::Work`: titles, kind, dates in Japan, slot, ids, offers.
//! - `sites`: links from the sites' templates, with every id checked.
//! - `slugs`: keys, slugs and the [`SlugRegistry`] that keeps them.
//! - `seasons`: the links between seasons, parts and films, and what follows a work.
#![allow(dead_code)]

mod data;
mod facts;
mod seasons;
mod sites;
mod slugs;

pub use facts::Dropped;
pub use slugs::SlugRegistry;
