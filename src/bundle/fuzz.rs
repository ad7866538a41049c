//! The fuzz body of the bundle: one function that every fuzzer of the decoders and the validator
//! calls, so that the body is compiled and run by `cargo test` and cannot rot.
//!
//! Nothing in the app calls it: it is in the crate for the cargo-fuzz target `decode`
//! (`tests/fuzz/`) and for `tests/fuzz_bodies.rs`, and costs the wasm nothing.

use super::decode::{decode_catalogue_head, decode_catalogue_part, decode_show, MAX_SHOW_BYTES};
use super::problem::Problem;
use super::schema::CatalogueHead;
use super::search_index::{decode_search_chunk, SearchChunk};
use super::across::{check_bundle, Located};
use super::positions::{path_at, value_positions};
use super::field_rules::is_valid_slug;
use crate::mojibake;
use serde_json::Value;

/// The fuzz body of the bundle's decoders and validator, on any bytes (read as UTF-8, invalid
/// sequences replaced): `decode_show`, `decode_catalogue_head`, `decode_catalogue_part`,
/// `check_bundle` (the text as the index, as a part and as a show file), `value_positions`,
/// `decode_search_chunk`, `path_at` and `mojibake::detect`.
///
/// It never panics by design; its asserts are the fuzz oracles, each a promise of those
/// functions: every problem has a message, every located problem a line and column from 1
/// within its file, what decodes is what re-decodes once written again, a repair of
/// mis-decoded text is shorter than the text.
pub fn fuzz_one(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let value: Option<Value> = serde_json::from_str(text).ok();
    // The slug and part number the text claims, so that a valid file can decode as valid.
    let slug = value.as_ref().and_then(|v| v.get("slug")?.as_str()).filter(|s| is_valid_slug(s)).unwrap_or("fuzz");
    let part = value.as_ref().and_then(|v| v.get("part")?.as_u64()).map_or(1, |n| n.clamp(1, 1 << 20) as usize);

    match decode_show(text, slug) {
        Ok(show) => {
            assert_eq!(show.slug, slug, "a show decodes only under its own slug");
            let again = serde_json::to_string(&show).expect("a show writes as JSON");
            if again.len() <= MAX_SHOW_BYTES {
                assert_eq!(decode_show(&again, slug).as_ref(), Ok(&show), "a show written again decodes to itself");
            }
        }
        Err(problems) => check_problems(&problems),
    }
    match decode_catalogue_head(text) {
        Ok(head) => {
            assert!(head.part_size >= 1 && head.shows.len() <= head.total && head.parts == head.layout().parts(), "a valid head agrees with itself");
            let again = serde_json::to_string(&head).expect("a head writes as JSON");
            assert_eq!(decode_catalogue_head(&again).as_ref(), Ok(&head), "a head written again decodes to itself");
        }
        Err(problems) => check_problems(&problems),
    }
    match decode_catalogue_part(text, part) {
        Ok(decoded) => {
            assert_eq!(decoded.part, part, "a part decodes only as its own number");
            let again = serde_json::to_string(&decoded).expect("a part writes as JSON");
            assert_eq!(decode_catalogue_part(&again, part).as_ref(), Ok(&decoded), "a part written again decodes to itself");
        }
        Err(problems) => check_problems(&problems),
    }
    // As chunk `chunk` of a search index whose head says it holds the shows it lists.
    let chunk = value.as_ref().and_then(|v| v.get("chunk")?.as_u64()).map_or(1, |n| n.clamp(1, 64) as usize);
    let listed = value.as_ref().and_then(|v| v.get("shows")?.get("slug")?.as_array().map(Vec::len)).unwrap_or(1).max(1);
    let before = vec![1; chunk - 1];
    let head = CatalogueHead {
        schema: super::schema::SCHEMA_VERSION,
        total: chunk - 1 + listed,
        part_size: 1,
        parts: 0,
        facets: Default::default(),
        shows: Vec::new(),
        coming: Vec::new(),
        coming_total: 0,
        search_chunks: before.into_iter().chain([listed]).collect(),
    };
    match decode_search_chunk(text, chunk, &head) {
        Ok(entries) => {
            assert_eq!(entries.len(), listed, "a chunk decodes with the count its head says");
            let again = serde_json::to_string(&SearchChunk::of(chunk, chunk - 1, &entries)).expect("a chunk writes as JSON");
            assert_eq!(decode_search_chunk(&again, chunk, &head).as_ref(), Ok(&entries), "a chunk written again decodes to the same entries");
        }
        Err(problems) => check_problems(&problems),
    }

    // The editor's check: a bundle whose index, one part and one show are all this text; and
    // one without an index.
    let lines = text.split('\n').count();
    let parts = [(format!("{part}.json"), text.to_string())];
    let shows = [(format!("{slug}.json"), text.to_string())];
    for located in check_bundle(Some(text), &parts, &shows) {
        check_located(&located, lines);
    }
    let without_index = check_bundle(None, &[], &shows);
    assert!(without_index.iter().any(|l| l.file == "index.json"), "a bundle without index.json is told so");
    for located in &without_index {
        check_located(located, lines);
    }

    // Positions, and the paths at a few of them (and at some no text has).
    let positions = value_positions(text);
    for (path, &(line, column)) in &positions {
        assert!(line >= 1 && column >= 1 && line <= lines, "{path} at line {line}, column {column} of {lines} lines");
    }
    let mut probes: Vec<(usize, usize)> = positions.values().take(8).copied().collect();
    probes.extend([(0, 0), (1, 0), (1, 1), (lines, 0), (lines / 2 + 1, text.len() / 2), (lines, usize::MAX / 2), (lines + 3, 7)]);
    for (line, column) in probes {
        for about_container in [false, true] {
            assert!(!path_at(text, line, column, about_container).is_empty(), "a path at line {line}, column {column}");
        }
    }

    if let Some(repair) = mojibake::detect(text) {
        assert!(!text.is_ascii(), "ASCII is never mis-decoded");
        assert!(repair.text.chars().count() < text.chars().count(), "a repair is shorter than the text");
        assert!(!repair.code_page.is_empty());
    }
}

/// What a decoder refused: at least one problem, each with a message and, when serde located
/// it, a line and column from 1.
fn check_problems(problems: &[Problem]) {
    assert!(!problems.is_empty(), "a refused file has a problem");
    for problem in problems {
        assert!(!problem.message.is_empty(), "a problem without a message at {:?}", problem.path);
        if let Some((line, column)) = problem.position {
            assert!(line >= 1 && column >= 1, "{problem}: at line {line}, column {column}");
        }
    }
}

/// A problem of the editor's check: in a file, at a line and column from 1 within it, with a
/// message.
fn check_located(located: &Located, lines: usize) {
    assert!(!located.file.is_empty(), "{located:?}");
    assert!(located.line >= 1 && located.column >= 1 && located.line <= lines, "{located:?} in a text of {lines} lines");
    assert!(!located.problem.message.is_empty(), "{located:?}");
}
