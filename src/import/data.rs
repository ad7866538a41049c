//! The serde types of bangumi-data's `dist/data.json` (its `data.d.ts`): `siteMeta` and
//! `items`. Each site and each item is decoded on its own from a `serde_json::Value`, so a
//! malformed one is reported and skipped, never a panic, and never takes the rest with it.
//!
//! Nothing here depends on the order of keys in an object (serde_json's maps are sorted in one
//! build and in insertion order in another): objects are read into structs and `BTreeMap`s.

use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// A site of `siteMeta`: where its links go, for which regions, and what kind of site it is.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct SiteMeta {
    pub title: String,
    /// "https://bangumi.tv/subject/{{id}}".
    #[serde(rename = "urlTemplate")]
    pub url_template: String,
    /// ISO 3166 codes where the site serves; none: everywhere.
    #[serde(default)]
    pub regions: Option<Vec<String>>,
    #[serde(rename = "type")]
    pub kind: SiteKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SiteKind {
    /// Reference sites: bangumi, mal, aniList, anidb, tmdb.
    Info,
    /// Where the show is streamed.
    Onair,
    /// Download sites. Never offered as a place to watch.
    Resource,
}

/// One work of `items`. Empty strings and missing fields are the same: unknown.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Item {
    /// In the work's own language.
    pub title: String,
    /// Translations by language ("en", "zh-Hans", "zh-Hant", "ja").
    #[serde(rename = "titleTranslate", default)]
    pub title_translate: BTreeMap<String, Vec<String>>,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub lang: Option<String>,
    #[serde(rename = "officialSite", default)]
    pub official_site: Option<String>,
    /// An instant: "2024-01-10T16:25:00.000Z".
    #[serde(default)]
    pub begin: Option<String>,
    /// An ISO 8601 repeating interval: "R/2024-01-10T16:25:00.000Z/P7D".
    #[serde(default)]
    pub broadcast: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub comment: Option<String>,
    /// Each decoded on its own ([`decode_site`]).
    #[serde(default)]
    pub sites: Vec<Value>,
}

/// One entry of an item's `sites`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Site {
    pub site: String,
    #[serde(default)]
    pub id: Option<String>,
    /// Used instead of the template when the site's link does not follow it.
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub begin: Option<String>,
    #[serde(default)]
    pub broadcast: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    /// Overrides the site's own regions for this work.
    #[serde(default)]
    pub regions: Option<Vec<String>>,
}

/// data.json read as far as it can be: the sites of `siteMeta` that could be decoded, every
/// item as JSON (each decoded later, on its own), and what could not be read.
#[derive(Debug)]
pub struct Data {
    pub site_meta: BTreeMap<String, SiteMeta>,
    pub items: Vec<Value>,
    /// Sites of `siteMeta` that could not be decoded: (name, why). Their links are left out.
    pub bad_sites: Vec<(String, String)>,
}

/// Reads data.json. Only a text that is not JSON, or has no `items` list, is refused whole.
pub fn parse(text: &str) -> Result<Data, String> {
    let mut value: Value = serde_json::from_str(text).map_err(|e| format!("data.json is not JSON: {e}"))?;
    composed(&mut value);
    let Value::Object(mut top) = value else { return Err("data.json is not a JSON object".into()) };
    let Some(Value::Array(items)) = top.remove("items") else { return Err("data.json has no list of items (`items`)".into()) };
    let mut site_meta = BTreeMap::new();
    let mut bad_sites = Vec::new();
    match top.get("siteMeta") {
        Some(Value::Object(sites)) => {
            for (name, meta) in sites {
                match SiteMeta::deserialize(meta) {
                    Ok(meta) => {
                        site_meta.insert(name.clone(), meta);
                    }
                    Err(e) => bad_sites.push((name.clone(), e.to_string())),
                }
            }
        }
        _ => bad_sites.push(("siteMeta".into(), "missing or not an object: no site's link can be built".into())),
    }
    bad_sites.sort();
    Ok(Data { site_meta, items, bad_sites })
}

/// Every string of `value` in Unicode's composed form (NFC): the data writes a few titles with
/// combining marks (`ク` + U+3099 for `グ`), which look the same but do not match the composed
/// letter a reader types, and which HTML should not carry.
fn composed(value: &mut Value) {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    match value {
        Value::String(text) if is_nfc_quick(text.chars()) != IsNormalized::Yes => *text = text.nfc().collect(),
        Value::Array(values) => values.iter_mut().for_each(composed),
        Value::Object(fields) => fields.values_mut().for_each(composed),
        _ => {}
    }
}

/// One item, or why it cannot be read.
pub fn decode_item(value: &Value) -> Result<Item, String> {
    if !value.is_object() {
        return Err(format!("not an object but {}", kind_of(value)));
    }
    Item::deserialize(value).map_err(|e| e.to_string())
}

/// One entry of an item's `sites`, or why it cannot be read.
pub fn decode_site(value: &Value) -> Result<Site, String> {
    if !value.is_object() {
        return Err(format!("not an object but {}", kind_of(value)));
    }
    Site::deserialize(value).map_err(|e| e.to_string())
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// A field's text, with "" and whitespace alone as unknown.
pub fn known(field: &Option<String>) -> Option<&str> {
    field.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_and_sites_decode_one_by_one() {
        let data = parse(
            r#"{"siteMeta":{"bangumi":{"title":"番组计划","urlTemplate":"https://bangumi.tv/subject/{{id}}","type":"info"},"odd":{"title":1}},
               "items":[{"title":"A","type":"tv","sites":[{"site":"bangumi","id":"1"},{"site":"bangumi","id":2},7]},{"title":5},"x"]}"#,
        )
        .unwrap();
        assert_eq!(data.site_meta.len(), 1);
        assert_eq!(data.bad_sites.len(), 1);
        assert!(data.bad_sites[0].1.starts_with("invalid type: integer `1`, expected a string"), "{:?}", data.bad_sites);
        let item = decode_item(&data.items[0]).unwrap();
        assert_eq!(item.title, "A");
        assert_eq!(decode_site(&item.sites[0]).unwrap().id.as_deref(), Some("1"));
        assert_eq!(decode_site(&item.sites[1]).unwrap_err(), "invalid type: integer `2`, expected a string");
        assert_eq!(decode_site(&item.sites[2]).unwrap_err(), "not an object but a number");
        assert_eq!(decode_item(&data.items[1]).unwrap_err(), "invalid type: integer `5`, expected a string");
        assert_eq!(decode_item(&data.items[2]).unwrap_err(), "not an object but a string");
    }

    #[test]
    fn text_with_combining_marks_is_composed() {
        // 劇場版 CLANNAD -クラナド- as bangumi-data 0.3.208 writes it: ト + U+3099 (combining voiced
        // mark); and ハ + U+309A (semi-voiced) in a nested list, which becomes パ.
        let json = r#"{"items":[{"title":"CLANNAD -クラナト\u3099-","type":"movie","titleTranslate":{"zh-Hans":["ハ\u309Aン"]}}]}"#;
        let item = decode_item(&parse(json).unwrap().items[0]).unwrap();
        assert_eq!(item.title, "CLANNAD -クラナド-");
        assert_eq!(item.title_translate["zh-Hans"], ["パン"]);
    }

    #[test]
    fn only_a_file_without_items_is_refused_whole() {
        assert!(parse("[]").unwrap_err().contains("not a JSON object"));
        assert!(parse("{\"siteMeta\":{}}").unwrap_err().contains("no list of items"));
        assert!(parse("{").unwrap_err().starts_with("data.json is not JSON"));
        let data = parse("{\"items\":[]}").unwrap();
        assert_eq!(data.bad_sites, [("siteMeta".to_string(), "missing or not an object: no site's link can be built".to_string())]);
    }

    #[test]
    fn empty_and_null_fields_are_unknown() {
        let item = decode_item(&serde_json::json!({"title": "A", "type": "tv", "begin": "", "end": null, "officialSite": " "})).unwrap();
        assert_eq!((known(&item.begin), known(&item.end), known(&item.official_site), known(&item.broadcast)), (None, None, None, None));
    }
}
