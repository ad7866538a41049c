//! The fuzz body of the importer: one function that every fuzzer of the reading of bangumi-data
//! and of its links calls, so that the body is compiled and run by `cargo test` and cannot rot.
//!
//! Nothing in the tool calls it: it is in the crate for the cargo-fuzz target `import`
//! (`tests/fuzz/`) and for `tests/fuzz_bodies.rs`.

use super::data;
use super::sites::site_url;
use super::{import, Origin, Release, SlugRegistry};
use crate::bundle::{decode_show, is_safe_url, Offer};
use crate::dates::PartialDate;
use serde_json::Value;
use std::sync::OnceLock;

/// The sites of the data, whole, from the excerpt of the real data: the links of a fuzzed item
/// are built from the real templates.
const EXCERPT: &str = include_str!("../../tests/fixtures/bangumi-data-excerpt.json");
/// An editor's shard, so that an item naming its work (Bangumi subject 425595) is merged.
const EDITORS: &str = include_str!("../../public/data/shows/metallic-rouge.json");
const EDITORS_FILE: &str = "metallic-rouge.json";

/// The fuzz body of the importer's reading of data.json, item by item, and of the links it
/// builds from the sites' templates, on any bytes (read as UTF-8, invalid sequences replaced):
/// the text as a whole data.json, and, when it is JSON, as the items (a list) or the one item of
/// a data.json with the real data's `siteMeta`. Each is imported with an editor's shard at hand.
///
/// It never panics by design; its asserts are the fuzz oracles, each a promise of the importer:
/// every item is imported or skipped; every shard it writes decodes with
/// [`crate::bundle::decode_show`] (an editor's is copied as given); every link built from a
/// site's template, and every place to watch, is https on a template's own host with a plain
/// path; every reference link and official site is a safe https link.
pub fn fuzz_one(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    import_one(&text);
    if let Ok(value) = serde_json::from_str::<Value>(&text) {
        let items = match value {
            Value::Array(items) => items,
            item => vec![item],
        };
        let wrapped = serde_json::json!({ "siteMeta": site_meta(), "items": items });
        import_one(&wrapped.to_string());
    }
}

/// The excerpt's `siteMeta`, read once.
fn site_meta() -> &'static Value {
    static SITE_META: OnceLock<Value> = OnceLock::new();
    SITE_META.get_or_init(|| serde_json::from_str::<Value>(EXCERPT).expect("the excerpt is JSON")["siteMeta"].clone())
}

/// The editor's own places to watch, read once.
fn editors_offers() -> &'static [Offer] {
    static OFFERS: OnceLock<Vec<Offer>> = OnceLock::new();
    OFFERS.get_or_init(|| decode_show(EDITORS, EDITORS_FILE.trim_end_matches(".json")).expect("the shipped shard is valid").watch)
}

/// One data.json: each link built on its own, then the whole import, against the oracles.
fn import_one(data_json: &str) {
    let Ok(data) = data::parse(data_json) else {
        assert!(import(data_json, &[], &SlugRegistry::default(), &super::Readings::default(), &release()).is_err(), "what data::parse refuses, import refuses");
        return;
    };
    let templates: Vec<&str> = data.site_meta.values().map(|meta| meta.url_template.as_str()).collect();

    // Every link of every site of every item, built on its own.
    for item in data.items.iter().filter_map(|value| data::decode_item(value).ok()) {
        for site in item.sites.iter().filter_map(|value| data::decode_site(value).ok()) {
            let Some(meta) = data.site_meta.get(&site.site) else { continue };
            if let Ok(url) = site_url(&site.site, meta, site.id.as_deref(), site.url.as_deref()) {
                check_link(&url, &[meta.url_template.as_str()]);
            }
        }
    }

    // The whole import, with an editor's shard at hand.
    let files = [(EDITORS_FILE.to_string(), EDITORS.to_string())];
    let outcome = match import(data_json, &files, &SlugRegistry::default(), &super::Readings::default(), &release()) {
        Ok(outcome) => outcome,
        Err(reason) => panic!("data::parse read the data but import refused it: {reason}"),
    };
    let report = &outcome.report;
    assert_eq!(report.items, data.items.len());
    assert_eq!(report.imported + report.skipped.len(), report.items, "every item is imported or skipped");
    for shard in &outcome.shards {
        let slug = shard.file.strip_suffix(".json").unwrap_or_else(|| panic!("a shard's file {:?} is not .json", shard.file));
        match shard.origin {
            Origin::AsWritten => assert!(files.iter().any(|(file, text)| *file == shard.file && *text == shard.text), "{} is copied as given", shard.file),
            Origin::Generated | Origin::Merged => {
                let show = decode_show(&shard.text, slug).unwrap_or_else(|problems| panic!("{} does not decode: {problems:?}", shard.file));
                for offer in &show.watch {
                    // An editor's own offers are the editor's; the data's are from its templates.
                    if shard.origin == Origin::Merged && editors_offers().contains(offer) {
                        continue;
                    }
                    check_link(&offer.url, &templates);
                }
                for (site, url) in show.references.links() {
                    assert!(is_safe_url(&url), "{}: the {site:?} link {url:?}", shard.file);
                }
                if let Some(url) = &show.official_site {
                    assert!(is_safe_url(url), "{}: the official site {url:?}", shard.file);
                }
            }
        }
    }
}

/// The release every fuzzed import is of.
fn release() -> Release {
    Release { version: "0.3.208".into(), as_of: PartialDate::Day(2026, 5, 15) }
}

/// That a link is https, on the host of one of `templates`, with a plain path: no `.` or `..`
/// segment, no empty one but the last, no backslash. Written apart from `sites`, to judge it.
fn check_link(url: &str, templates: &[&str]) {
    assert!(is_safe_url(url), "{url:?} is not a safe link");
    let host = host_of(url).unwrap_or_else(|| panic!("{url:?} is not https"));
    assert!(templates.iter().filter_map(|t| host_of(t)).any(|h| h.eq_ignore_ascii_case(host)), "{url:?} is on none of the templates' hosts {templates:?}");
    assert!(!url.contains('\\'), "{url:?} holds a backslash");
    let path = url["https://".len() + host.len()..].split(['?', '#']).next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        assert!(!matches!(*segment, "." | ".."), "{url:?} has a {segment:?} segment");
        assert!(!segment.is_empty() || i + 1 == segments.len(), "{url:?} has an empty segment");
    }
}

/// The host of an https link (with its port and user, if any): up to the first `/`, `?` or `#`.
fn host_of(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://")?;
    let host = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    (!host.is_empty()).then_some(host)
}
