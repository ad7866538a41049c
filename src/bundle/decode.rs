//! Decoding a file of the bundle into its typed value, or into every problem found, each with
//! its JSON path: the one way in for the app, the tool and the tests.

use super::catalogue::check_entries;
use super::problem::Problem;
use super::positions::{is_within, path_at};
use super::imported::*;
use super::schema::*;
use super::field_rules::check_text;
use super::show_rules::show_problems;
use crate::dates::PartialDate;
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The largest show file the site reads: a page must not make a reader download megabytes.
pub const MAX_SHOW_BYTES: usize = 1 << 20;

/// Decodes and validates a show shard. `expected_slug` is the slug its URL names: a shard
/// served under another show's name is refused.
pub fn decode_show(text: &str, expected_slug: &str) -> Result<Show, Vec<Problem>> {
    if let Some(too_large) = size_problem(text) {
        return Err(vec![too_large]);
    }
    let show: Show = decode(text)?;
    let problems = show_problems(&show, expected_slug);
    if problems.is_empty() {
        Ok(show)
    } else {
        Err(problems)
    }
}

/// Decodes a show shard that the build has checked whole, by every rule (the prerender refuses
/// a bundle with problems, and writes the show pages that read these shards): its types, its
/// schema, its size and its slug, without the rules again, which would be kilobytes of code in
/// every show page's wasm (BENCHMARKS.md, "Size levers"). Rendering does not lean on the rules
/// for safety: text is rendered as text, and `components::external_link` links only https.
pub fn decode_built_show(text: &str, expected_slug: &str) -> Result<Show, Vec<Problem>> {
    if let Some(too_large) = size_problem(text) {
        return Err(vec![too_large]);
    }
    let show: Show = decode(text)?;
    match show.slug == expected_slug {
        true => Ok(show),
        false => Err(vec![Problem::new("slug", format!("is \"{}\" but the file is for \"{expected_slug}\"", show.slug))]),
    }
}

/// A show file larger than the site reads.
fn size_problem(text: &str) -> Option<Problem> {
    (text.len() > MAX_SHOW_BYTES).then(|| {
        Problem::new(
            "",
            // Tenths of a megabyte with integers: formatting a float would add kilobytes of wasm.
            format!("the file is {}.{} MB; a show's file may be at most {} MB", text.len() / 1_000_000, text.len() / 100_000 % 10, MAX_SHOW_BYTES >> 20),
        )
    })
}

/// Decodes and validates the head of the catalogue, `index.json`: its entries, its facets,
/// and its counts, which must agree with one another (the app finds entries by them).
pub fn decode_catalogue_head(text: &str) -> Result<CatalogueHead, Vec<Problem>> {
    let head: CatalogueHead = decode(text)?;
    let mut problems = Vec::new();
    check_entries(&head.shows, &mut problems);
    check_entries(&head.coming, &mut problems);
    if head.coming.len() > head.coming_total {
        problems.push(Problem::new("coming_total", format!("is {} but \"coming\" lists {} shows", head.coming_total, head.coming.len())));
    }
    for (kind, values) in [("genres", &head.facets.genres), ("studios", &head.facets.studios), ("platforms", &head.facets.platforms)] {
        for (i, value) in values.iter().enumerate() {
            check_text(&format!("facets.{kind}[{i}].label"), &value.label, &mut problems);
        }
    }
    if head.part_size == 0 {
        problems.push(Problem::new("part_size", "must be at least 1"));
    } else if head.shows.len() > head.total {
        problems.push(Problem::new("total", format!("is {} but this file alone lists {} shows", head.total, head.shows.len())));
    } else if head.parts != head.layout().parts() {
        problems.push(Problem::new(
            "parts",
            format!("is {} but total {} with {} shows here and {} per part needs {}", head.parts, head.total, head.shows.len(), head.part_size, head.layout().parts()),
        ));
    }
    // (Their sum against the total is the search index's check, on a sound catalogue.)
    if let Some(i) = head.search_chunks.iter().position(|n| *n == 0) {
        problems.push(Problem::new(format!("search_chunks[{i}]"), "must be at least 1"));
    }
    if problems.is_empty() {
        Ok(head)
    } else {
        Err(problems)
    }
}

/// Decodes and validates part `n` of the catalogue, `index/<n>.json`. (How many entries it
/// must hold is the head's to say: [`CatalogueHead::part_count_problem`].)
pub fn decode_catalogue_part(text: &str, n: usize) -> Result<CataloguePart, Vec<Problem>> {
    let part: CataloguePart = decode(text)?;
    let mut problems = Vec::new();
    if part.part != n {
        problems.push(Problem::new("part", format!("is {} but the file is part {n}", part.part)));
    }
    check_entries(&part.shows, &mut problems);
    if problems.is_empty() {
        Ok(part)
    } else {
        Err(problems)
    }
}

/// JSON → typed value, with the schema version checked first so that a future bundle gets
/// "unsupported schema version" rather than whatever field it renamed.
///
/// The typed structs are read straight from the text; when serde refuses it, the JSON path is
/// found from the line and column it reports ([`path_at`]). This costs a few dozen lines
/// instead of a path-tracking deserializer monomorphized over every type (about 64 KB of wasm
/// before optimisation, measured with twiggy).
pub(super) fn decode<T: DeserializeOwned>(text: &str) -> Result<T, Vec<Problem>> {
    #[derive(Deserialize)]
    struct Header {
        schema: Option<u64>,
    }
    let problem = |e: serde_json::Error| {
        let reason = e.to_string();
        // serde_json ends its messages with " at line L column C", which the path replaces.
        let reason = reason.split(" at line ").next().unwrap_or_default();
        // Editors count lines and columns from 1; serde_json says column 0 for an empty file.
        let position = Some((e.line().max(1), e.column().max(1)));
        if e.is_syntax() || e.is_eof() {
            Problem { path: String::new(), message: format!("not valid JSON: {reason}"), position }
        } else {
            Problem { path: path_at(text, e.line(), e.column(), reason.starts_with("missing field")), message: reason.to_string(), position }
        }
    };
    // serde would also read a struct from an array of its fields; the bundle has only objects.
    if text.trim_start().starts_with('[') {
        return Err(vec![Problem::new("(top level)", "must be a JSON object ({ … })")]);
    }
    let header: Header = serde_json::from_str(text).map_err(|e| vec![problem(e)])?;
    match header.schema {
        None => return Err(vec![Problem::new("schema", format!("missing: this site reads schema version {SCHEMA_VERSION}"))]),
        Some(SCHEMA_VERSION) => {}
        Some(v) => {
            return Err(vec![Problem::new(
                "schema",
                format!("unsupported schema version {v}: this site reads version {SCHEMA_VERSION}"),
            )])
        }
    }
    serde_json::from_str(text).map_err(|e| vec![problem(e)])
}

/// Every problem of a show file, and its show as far as it can be read with the fields set aside
/// to read it: for the editor's check, which goes on where the site stops. A show that breaks
/// rules is still read whole. serde stops at the first wrong type, so every part is then decoded
/// on its own for the rest, and the rules are checked on what remains without the broken parts.
/// Only a file that is too large, not JSON or of another schema gives no show.
pub(super) fn read_show(text: &str, expected_slug: &str) -> (Vec<Problem>, Option<(Show, Vec<String>)>) {
    if let Some(too_large) = size_problem(text) {
        return (vec![too_large], None);
    }
    match decode::<Show>(text) {
        Ok(show) => (show_problems(&show, expected_slug), Some((show, Vec::new()))),
        Err(problems) if problems.iter().all(|p| p.position.is_some() && !p.path.is_empty()) => {
            let mut parts = part_problems(text);
            if parts.is_empty() {
                parts = problems;
            }
            let show = without_broken_parts(text, &parts);
            if let Some((show, set_aside)) = &show {
                let outside = |p: &Problem| !set_aside.iter().any(|k| is_within(&p.path, k));
                parts.extend(show_problems(show, expected_slug).into_iter().filter(outside));
            }
            (parts, show)
        }
        Err(problems) => (problems, None),
    }
}

/// The show with its broken parts set aside (an optional field or list removed, a required
/// text replaced), so that the rules on the rest can still be checked; and the paths set aside.
fn without_broken_parts(text: &str, parts: &[Problem]) -> Option<(Show, Vec<String>)> {
    let mut value: serde_json::Value = serde_json::from_str(text).ok()?;
    let mut set_aside: Vec<String> = Vec::new();
    for problem in parts {
        let mut keys = problem.path.split(['.', '[']);
        let top = keys.next().unwrap_or_default().to_string();
        let (container, key) = if top == "article" {
            match keys.next() {
                Some(inner) => (Some("article"), inner.to_string()),
                None => (None, top),
            }
        } else {
            (None, top)
        };
        let object = match container {
            Some(c) => value.get_mut(c)?.as_object_mut()?,
            None => value.as_object_mut()?,
        };
        match key.as_str() {
            "slug" | "title" | "headline" => {
                object.insert(key.clone(), serde_json::Value::String("(set aside)".into()));
            }
            _ => {
                object.remove(&key);
            }
        }
        set_aside.push(match container {
            Some(c) => format!("{c}.{key}"),
            None => key,
        });
    }
    let show = serde_json::from_value::<Show>(value).ok()?;
    Some((show, set_aside))
}

/// The first problem of each part of a show file decoded on its own (each field, each element
/// of each list), with its full path: so that a file with several wrong types reports them all.
fn part_problems(text: &str) -> Vec<Problem> {
    use serde_json::Value;
    let Ok(Value::Object(top)) = serde_json::from_str::<Value>(text) else { return Vec::new() };
    fn part<T: DeserializeOwned>(value: &Value, path: &str, out: &mut Vec<Problem>) {
        let text = value.to_string();
        if let Err(e) = serde_json::from_str::<T>(&text) {
            let reason = e.to_string();
            let reason = reason.split(" at line ").next().unwrap_or_default().to_string();
            let inner = path_at(&text, e.line(), e.column(), reason.starts_with("missing field"));
            let full = match inner.as_str() {
                "(top level)" => path.to_string(),
                inner if inner.starts_with('[') => format!("{path}{inner}"),
                inner => format!("{path}.{inner}"),
            };
            out.push(Problem::new(full, reason));
        }
    }
    fn each<T: DeserializeOwned>(value: Option<&Value>, path: &str, out: &mut Vec<Problem>) {
        match value {
            Some(Value::Array(items)) => items.iter().enumerate().for_each(|(i, item)| part::<T>(item, &format!("{path}[{i}]"), out)),
            Some(other) => part::<Vec<T>>(other, path, out),
            None => {}
        }
    }
    let mut out = Vec::new();
    for required in ["slug", "title", "article"] {
        if !top.contains_key(required) {
            out.push(Problem::new("(top level)", format!("missing field `{required}`")));
        }
    }
    let get = |key: &str| top.get(key);
    if let Some(v) = get("slug") { part::<String>(v, "slug", &mut out) }
    if let Some(v) = get("title") { part::<String>(v, "title", &mut out) }
    if let Some(v) = get("native_title") { part::<Option<NativeText>>(v, "native_title", &mut out) }
    if let Some(v) = get("seasons") { part::<Option<u32>>(v, "seasons", &mut out) }
    if let Some(v) = get("premiere") { part::<Option<PartialDate>>(v, "premiere", &mut out) }
    if let Some(v) = get("source") { part::<Option<Source>>(v, "source", &mut out) }
    if let Some(v) = get("outlook") { part::<Option<Outlook>>(v, "outlook", &mut out) }
    if let Some(v) = get("kind") { part::<Option<WorkKind>>(v, "kind", &mut out) }
    if let Some(v) = get("ends") { part::<Option<PartialDate>>(v, "ends", &mut out) }
    if let Some(v) = get("broadcast") { part::<Option<BroadcastSlot>>(v, "broadcast", &mut out) }
    if let Some(v) = get("data_outlook") { part::<Option<DataOutlook>>(v, "data_outlook", &mut out) }
    if let Some(v) = get("image") { part::<Option<String>>(v, "image", &mut out) }
    if let Some(v) = get("official_site") { part::<Option<String>>(v, "official_site", &mut out) }
    if let Some(v) = get("romaji") { part::<Option<String>>(v, "romaji", &mut out) }
    if let Some(v) = get("spelled") { part::<Option<String>>(v, "spelled", &mut out) }
    if let Some(v) = get("title_made") { part::<Option<TitleMade>>(v, "title_made", &mut out) }
    if let Some(v) = get("references") { part::<References>(v, "references", &mut out) }
    if let Some(v) = get("data") { part::<Option<DataSource>>(v, "data", &mut out) }
    each::<NativeText>(get("titles"), "titles", &mut out);
    each::<Related>(get("related"), "related", &mut out);
    each::<String>(get("related_rejected"), "related_rejected", &mut out);
    each::<String>(get("alt_titles"), "alt_titles", &mut out);
    each::<String>(get("genres"), "genres", &mut out);
    each::<String>(get("studios"), "studios", &mut out);
    each::<Offer>(get("watch"), "watch", &mut out);
    each::<Role>(get("cast"), "cast", &mut out);
    each::<ShowLink>(get("read_also"), "read_also", &mut out);
    match get("article") {
        Some(Value::Object(article)) => {
            let get = |key: &str| article.get(key);
            match get("headline") {
                Some(v) => part::<String>(v, "article.headline", &mut out),
                None => out.push(Problem::new("article", "missing field `headline`")),
            }
            each::<String>(get("intro"), "article.intro", &mut out);
            each::<Section>(get("sections"), "article.sections", &mut out);
            each::<Footnote>(get("footnotes"), "article.footnotes", &mut out);
            if let Some(v) = get("author") { part::<Option<String>>(v, "article.author", &mut out) }
            if let Some(v) = get("published") { part::<Option<PartialDate>>(v, "article.published", &mut out) }
            if let Some(v) = get("updated") { part::<Option<PartialDate>>(v, "article.updated", &mut out) }
            if let Some(v) = get("generated") { part::<bool>(v, "article.generated", &mut out) }
        }
        Some(other) => part::<Article>(other, "article", &mut out),
        None => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::tests::{problems_of, shipped, METALLIC_ROUGE};

    #[test]
    fn unknown_fields_are_ignored() {
        let mut json = shipped();
        json["a_field_from_the_future"] = serde_json::json!({"x": 1});
        json["article"]["mood"] = serde_json::json!("hopeful");
        assert_eq!(problems_of(json), Vec::<String>::new());
    }

    #[test]
    fn unsupported_schema_version_is_named() {
        let mut json = shipped();
        json["schema"] = serde_json::json!(2);
        assert_eq!(problems_of(json), ["schema: unsupported schema version 2: this site reads version 1"]);
        let mut json = shipped();
        json.as_object_mut().unwrap().remove("schema");
        assert_eq!(problems_of(json), ["schema: missing: this site reads schema version 1"]);
    }

    #[test]
    fn broken_json_gives_line_and_column() {
        let problems = decode_show("{\n  \"schema\": 1,\n  \"slug\": }", "x").unwrap_err();
        assert_eq!((problems[0].path.as_str(), problems[0].position), ("", Some((3, 11))));
        assert!(problems[0].to_string().starts_with("line 3, column 11: not valid JSON: expected value"));
        assert!(problems[0].message.starts_with("not valid JSON: expected value"), "{}", problems[0].message);
    }

    #[test]
    fn wrong_types_and_missing_fields_name_the_path() {
        let mut json = shipped();
        json["cast"][2]["voices"][0]["actor"]["name"] = serde_json::json!(42);
        assert_eq!(problems_of(json), ["cast[2].voices[0].actor.name: invalid type: integer `42`, expected a string"]);
        let mut json = shipped();
        json["article"].as_object_mut().unwrap().remove("headline");
        assert_eq!(problems_of(json), ["article: missing field `headline`"]);
        let mut json = shipped();
        json["outlook"]["status"] = serde_json::json!("rumoured");
        let problems = problems_of(json);
        assert!(problems[0].starts_with("outlook.status: unknown variant `rumoured`"), "{problems:?}");
    }

    #[test]
    fn paths_are_found_in_pretty_and_compact_json() {
        // The shipped file is pretty-printed; problems_of() feeds compact JSON: both must agree.
        let text = METALLIC_ROUGE.replace("\"name\": \"Yuu Shimamura\"", "\"name\": [1, 2]");
        let problems = decode_show(&text, "metallic-rouge").unwrap_err();
        assert_eq!(problems[0].to_string(), "cast[3].voices[0].actor.name: invalid type: sequence, expected a string");
        let text = METALLIC_ROUGE.replace("\"kind\": \"broadcast\"", "\"kind\": \"streaming\"");
        let problems = decode_show(&text, "metallic-rouge").unwrap_err();
        assert!(problems[0].to_string().starts_with("watch[1].kind: unknown variant `streaming`"), "{problems:?}");
        let part = |json: &str| decode_catalogue_part(json, 1).unwrap_err();
        let text = r#"{"schema":1,"part":1,"shows":[{"slug":"a","title":"A"},{"slug":"b","title":"B \"x\"","premiere":"2024-13"}]}"#;
        let problems = part(text);
        assert!(problems[0].to_string().starts_with("shows[1].premiere: \"2024-13\" is not a date"), "{problems:?}");
        let problems = part(r#"{"schema":1,"part":1,"shows":{}}"#);
        assert_eq!(problems[0].to_string(), "shows: invalid type: map, expected a sequence");
        let problems = part(r#"{"schema":"1","part":1,"shows":[]}"#);
        assert_eq!(problems[0].to_string(), "schema: invalid type: string \"1\", expected u64");
        let problems = part(r#"{"schema":1,"part":1,"shows":[{"slug":"a"}]}"#);
        assert_eq!(problems[0].to_string(), "shows[0]: missing field `title`");
        let problems = part(r#"{"schema":1,"part":1,"shows":[{"slug":"a","title":"A","studios":["x",5]}]}"#);
        assert_eq!(problems[0].to_string(), "shows[0].studios[1]: invalid type: integer `5`, expected a string");
        let problems = part("[]");
        assert_eq!(problems[0].to_string(), "(top level): must be a JSON object ({ … })");
        let problems = decode_catalogue_head("\"text\"").unwrap_err();
        assert_eq!(problems[0].to_string(), "(top level): invalid type: string \"text\", expected struct Header");
    }

    #[test]
    fn invalid_dates_are_refused_at_their_path() {
        let mut json = shipped();
        json["premiere"] = serde_json::json!("2024-02-30");
        assert_eq!(problems_of(json), ["premiere: \"2024-02-30\" is not a date: February 2024 has days 01 to 29"]);
    }

    #[test]
    fn a_huge_shard_is_refused_before_it_is_parsed() {
        let huge = format!("{{\"schema\":1,\"padding\":\"{}\"}}", "x".repeat(MAX_SHOW_BYTES));
        assert_eq!(decode_show(&huge, "x").unwrap_err()[0].to_string(), "the file is 1.0 MB; a show's file may be at most 1 MB");
    }

    #[test]
    fn a_shard_for_another_show_is_refused() {
        let problems = decode_show(METALLIC_ROUGE, "sengoku-youko").unwrap_err();
        assert_eq!(problems[0].to_string(), "slug: is \"metallic-rouge\" but the file is for \"sengoku-youko\"");
    }

    #[test]
    fn a_built_show_is_read_by_its_types_and_slug_without_the_rules_again() {
        assert_eq!(decode_built_show(METALLIC_ROUGE, "metallic-rouge").unwrap(), decode_show(METALLIC_ROUGE, "metallic-rouge").unwrap());
        // A rule broken (a title that is mis-decoded text): the checked decoder refuses it, the
        // built one, for shards the build has checked, reads it.
        let mut json = shipped();
        json["title"] = serde_json::json!("Hern\u{221a}\u{b0}ndez");
        let text = json.to_string();
        assert!(decode_show(&text, "metallic-rouge").is_err());
        assert!(decode_built_show(&text, "metallic-rouge").is_ok());
        // Types, schema, size and slug are still its own to refuse, with the same problems.
        let mut json = shipped();
        json["cast"][0]["voices"] = serde_json::json!(42);
        let text = json.to_string();
        assert_eq!(decode_built_show(&text, "metallic-rouge").unwrap_err(), decode_show(&text, "metallic-rouge").unwrap_err());
        assert_eq!(
            decode_built_show(METALLIC_ROUGE, "sengoku-youko").unwrap_err()[0].to_string(),
            "slug: is \"metallic-rouge\" but the file is for \"sengoku-youko\""
        );
        let huge = format!("{{\"schema\":1,\"padding\":\"{}\"}}", "x".repeat(MAX_SHOW_BYTES));
        assert!(decode_built_show(&huge, "x").unwrap_err()[0].to_string().starts_with("the file is 1.0 MB"));
    }
}
