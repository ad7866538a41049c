//! The search index: the catalogue in the form the home page's search reads, `search/<n>.json`
//! beside `index.json`. The same entries as the catalogue's files, in the same default order,
//! written compactly: by columns (one array per field, one value per show, no key per entry), a
//! column no show of the file has left out, each platform, place to watch (platform and
//! regions), studio, genre and language written once in the file's tables and referred to by
//! number, a slug that is its title's key and a native title that is the title left empty.
//!
//! The index is split into chunks in the default order (newest first), the first smaller, so
//! that a search can show what the first chunks hold while the rest arrive; the head says how
//! many shows each holds (`CatalogueHead::search_chunks`).

use super::catalogue::check_entries;
use super::decode::decode;
use super::facets::facet_key;
use super::imported::{DataStatus, WorkKind};
use super::problem::Problem;
use super::schema::{CatalogueEntry, CatalogueHead, NativeText, Watchable, SCHEMA_VERSION};
use super::season_status::Status;
use crate::dates::PartialDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The folder of the chunks, beside `index.json`.
pub const SEARCH_DIR: &str = "search";

/// One chunk, `search/<chunk>.json`: the shows at positions `first..` of the default order.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct SearchChunk {
    pub schema: u64,
    /// From 1.
    pub chunk: usize,
    /// The position of its first show in the default order.
    pub first: usize,
    pub tables: Tables,
    pub shows: Columns,
}

/// The values the shows of one file share, each once; the columns refer to them by number
/// (from 0).
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Tables {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub langs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub studios: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub genres: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub platforms: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
}

/// A place to watch: `[platform, only, except]`, the platform by its number in `platforms`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub struct Place(pub u32, pub Vec<String>, pub Vec<String>);

/// The shows of a chunk, a column per field of [`CatalogueEntry`], under its name. `slug` has
/// one value per show; every other column has one too, or is left out when no show has it.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
pub struct Columns {
    /// Empty where the slug is the title's key (`facet_key`): most are.
    pub slug: Vec<String>,
    pub title: Vec<String>,
    /// `[text, lang]`, the text empty where it is the title.
    #[serde(default, skip_serializing_if = "no_value")]
    pub native_title: Vec<Option<(String, u32)>>,
    #[serde(default, skip_serializing_if = "no_list")]
    pub titles: Vec<Vec<(String, u32)>>,
    #[serde(default, skip_serializing_if = "no_list")]
    pub alt_titles: Vec<Vec<String>>,
    #[serde(default, skip_serializing_if = "no_value")]
    pub romaji: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "no_value")]
    pub spelled: Vec<Option<String>>,
    #[serde(default, skip_serializing_if = "no_list")]
    pub studios: Vec<Vec<u32>>,
    #[serde(default, skip_serializing_if = "no_list")]
    pub genres: Vec<Vec<u32>>,
    #[serde(default, skip_serializing_if = "no_value")]
    pub premiere: Vec<Option<PartialDate>>,
    #[serde(default, skip_serializing_if = "no_value")]
    pub status: Vec<Option<Status>>,
    #[serde(default, skip_serializing_if = "no_value")]
    pub data_status: Vec<Option<DataStatus>>,
    #[serde(default, skip_serializing_if = "no_value")]
    pub odds: Vec<Option<u8>>,
    #[serde(default, skip_serializing_if = "no_value")]
    pub next: Vec<Option<PartialDate>>,
    #[serde(default, skip_serializing_if = "no_value")]
    pub updated: Vec<Option<PartialDate>>,
    #[serde(default, skip_serializing_if = "no_value")]
    pub kind: Vec<Option<WorkKind>>,
    /// Numbers in `places`.
    #[serde(default, skip_serializing_if = "no_list")]
    pub watch: Vec<Vec<u32>>,
}

fn no_value<T>(column: &[Option<T>]) -> bool {
    column.iter().all(Option::is_none)
}

fn no_list<T>(column: &[Vec<T>]) -> bool {
    column.iter().all(Vec::is_empty)
}

/// Values numbered in the order first met.
struct Interner<T> {
    values: Vec<T>,
    numbers: HashMap<T, u32>,
}

impl<T: Clone + Eq + std::hash::Hash> Interner<T> {
    fn new() -> Self {
        Interner { values: Vec::new(), numbers: HashMap::new() }
    }

    fn number(&mut self, value: &T) -> u32 {
        if let Some(&n) = self.numbers.get(value) {
            return n;
        }
        let n = self.values.len() as u32;
        self.values.push(value.clone());
        self.numbers.insert(value.clone(), n);
        n
    }
}

impl SearchChunk {
    /// Chunk `chunk` holding `entries`, the shows at `first..` of the default order.
    pub fn of(chunk: usize, first: usize, entries: &[CatalogueEntry]) -> Self {
        let (mut langs, mut studios, mut genres, mut platforms, mut places) = (Interner::new(), Interner::new(), Interner::new(), Interner::new(), Interner::new());
        let mut c = Columns::default();
        for e in entries {
            c.slug.push(if facet_key(&e.title) == e.slug { String::new() } else { e.slug.clone() });
            c.title.push(e.title.clone());
            c.native_title.push(e.native_title.as_ref().map(|n| {
                let text = if n.text == e.title { String::new() } else { n.text.clone() };
                (text, langs.number(&n.lang))
            }));
            c.titles.push(e.titles.iter().map(|t| (t.text.clone(), langs.number(&t.lang))).collect());
            c.alt_titles.push(e.alt_titles.clone());
            c.romaji.push(e.romaji.clone());
            c.spelled.push(e.spelled.clone());
            c.studios.push(e.studios.iter().map(|s| studios.number(s)).collect());
            c.genres.push(e.genres.iter().map(|g| genres.number(g)).collect());
            c.premiere.push(e.premiere);
            c.status.push(e.status);
            c.data_status.push(e.data_status);
            c.odds.push(e.odds);
            c.next.push(e.next);
            c.updated.push(e.updated);
            c.kind.push(e.kind);
            c.watch.push(e.watch.iter().map(|w| places.number(&Place(platforms.number(&w.platform), w.only.clone(), w.except.clone()))).collect());
        }
        let tables = Tables { langs: langs.values, studios: studios.values, genres: genres.values, platforms: platforms.values, places: places.values };
        SearchChunk { schema: SCHEMA_VERSION, chunk, first, tables, shows: c }
    }

    /// How many shows the file lists (its `slug` column).
    pub fn len(&self) -> usize {
        self.shows.slug.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shows.slug.is_empty()
    }

    /// The catalogue's entries the file holds, or every problem: a column of another length
    /// than `slug`, a number outside its table, and the rules of a catalogue entry, each at its
    /// path in this file (`shows.title[3]`, `tables.places[2][0]`).
    pub fn entries(&self) -> Result<Vec<CatalogueEntry>, Vec<Problem>> {
        let problems = self.shape_problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        self.entries_of(0..self.len())
    }

    /// The problems of the file's shape, which [`SearchChunk::entries_of`] needs none of: a
    /// column of another length than `slug`, a place whose platform is outside its table.
    pub fn shape_problems(&self) -> Vec<Problem> {
        let count = self.len();
        let c = &self.shows;
        let t = &self.tables;
        let mut problems = Vec::new();
        let mut lengths = |name: &str, len: usize, optional: bool| {
            if len != count && !(optional && len == 0) {
                problems.push(Problem::new(format!("shows.{name}"), format!("has {len} values but the file lists {count} shows (shows.slug)")));
            }
        };
        lengths("title", c.title.len(), false);
        for (name, len) in [
            ("native_title", c.native_title.len()),
            ("titles", c.titles.len()),
            ("alt_titles", c.alt_titles.len()),
            ("romaji", c.romaji.len()),
            ("spelled", c.spelled.len()),
            ("studios", c.studios.len()),
            ("genres", c.genres.len()),
            ("premiere", c.premiere.len()),
            ("status", c.status.len()),
            ("data_status", c.data_status.len()),
            ("odds", c.odds.len()),
            ("next", c.next.len()),
            ("updated", c.updated.len()),
            ("kind", c.kind.len()),
            ("watch", c.watch.len()),
        ] {
            lengths(name, len, true);
        }
        for (p, place) in t.places.iter().enumerate() {
            refer(&format!("tables.places[{p}][0]"), place.0, "platforms", &t.platforms, &mut problems);
        }
        problems
    }

    /// The entries of the shows at `rows` of a file without [`SearchChunk::shape_problems`], or
    /// their problems (a number outside its table, the rules of an entry), at their paths in
    /// the file; a slice at a time, so that a large file is read without one long task.
    pub fn entries_of(&self, rows: std::ops::Range<usize>) -> Result<Vec<CatalogueEntry>, Vec<Problem>> {
        let c = &self.shows;
        let t = &self.tables;
        let mut problems = Vec::new();
        let offset = rows.start;
        let at = |column: &str, i: usize| format!("shows.{column}[{i}]");
        let mut entries = Vec::with_capacity(rows.len());
        for i in rows.start..rows.end.min(self.len()) {
            let title = c.title.get(i).cloned().unwrap_or_default();
            let lang = |n: u32, path: String, problems: &mut Vec<Problem>| refer(&path, n, "langs", &t.langs, problems).cloned().unwrap_or_default();
            let native_title = cell(&c.native_title, i).map(|(text, n)| NativeText {
                text: if text.is_empty() { title.clone() } else { text.clone() },
                lang: lang(*n, format!("{}[1]", at("native_title", i)), &mut problems),
            });
            let titles = cell_list(&c.titles, i)
                .iter()
                .enumerate()
                .map(|(j, (text, n))| NativeText { text: text.clone(), lang: lang(*n, format!("{}[{j}][1]", at("titles", i)), &mut problems) })
                .collect();
            let names = |column: &str, list: &[Vec<u32>], table: &str, values: &[String], problems: &mut Vec<Problem>| -> Vec<String> {
                cell_list(list, i).iter().enumerate().filter_map(|(j, &n)| refer(&format!("{}[{j}]", at(column, i)), n, table, values, problems).cloned()).collect()
            };
            let studios = names("studios", &c.studios, "studios", &t.studios, &mut problems);
            let genres = names("genres", &c.genres, "genres", &t.genres, &mut problems);
            let watch = cell_list(&c.watch, i)
                .iter()
                .enumerate()
                .filter_map(|(j, &n)| {
                    let place = t.places.get(n as usize);
                    if place.is_none() {
                        problems.push(Problem::new(format!("{}[{j}]", at("watch", i)), format!("is {n} but tables.places has {} values", t.places.len())));
                    }
                    let Place(platform, only, except) = place?;
                    Some(Watchable { platform: t.platforms.get(*platform as usize)?.clone(), only: only.clone(), except: except.clone() })
                })
                .collect();
            let slug = match c.slug[i].as_str() {
                "" => facet_key(&title),
                slug => slug.to_string(),
            };
            entries.push(CatalogueEntry {
                slug,
                title,
                native_title,
                alt_titles: cell_list(&c.alt_titles, i).to_vec(),
                titles,
                romaji: cell(&c.romaji, i).cloned(),
                spelled: cell(&c.spelled, i).cloned(),
                studios,
                genres,
                premiere: cell(&c.premiere, i).copied(),
                status: cell(&c.status, i).copied(),
                data_status: cell(&c.data_status, i).copied(),
                odds: cell(&c.odds, i).copied(),
                next: cell(&c.next, i).copied(),
                updated: cell(&c.updated, i).copied(),
                kind: cell(&c.kind, i).copied(),
                watch,
            });
        }
        if !problems.is_empty() {
            // Entries made with numbers outside their tables: their rules would only repeat it.
            return Err(problems);
        }
        // The rules of an entry, at their place in this file: `shows[3].title` is `shows.title[3]`.
        let mut rules = Vec::new();
        check_entries(&entries, &mut rules);
        problems.extend(rules.into_iter().map(|p| Problem { path: column_path(&p.path, offset), ..p }));
        if problems.is_empty() {
            Ok(entries)
        } else {
            Err(problems)
        }
    }
}

/// Value `i` of an optional column (None when the column is left out).
fn cell<T>(column: &[Option<T>], i: usize) -> Option<&T> {
    column.get(i).and_then(Option::as_ref)
}

/// List `i` of a column of lists (empty when the column is left out).
fn cell_list<T>(column: &[Vec<T>], i: usize) -> &[T] {
    column.get(i).map_or(&[], Vec::as_slice)
}

/// Value `n` of a table, or the problem of a number outside it.
fn refer<'a>(path: &str, n: u32, table: &str, values: &'a [String], problems: &mut Vec<Problem>) -> Option<&'a String> {
    let found = values.get(n as usize);
    if found.is_none() {
        problems.push(Problem::new(path, format!("is {n} but tables.{table} has {} values", values.len())));
    }
    found
}

/// The path of entry `i`'s field (`shows[3].watch[1].platform`) as the path in the file of row
/// `offset + i` (`shows.watch[3][1].platform` at offset 0).
fn column_path(path: &str, offset: usize) -> String {
    let Some(rest) = path.strip_prefix("shows[") else { return path.to_string() };
    let Some((i, rest)) = rest.split_once("].") else { return path.to_string() };
    let Ok(i) = i.parse::<usize>() else { return path.to_string() };
    let end = rest.find(['.', '[']).unwrap_or(rest.len());
    format!("shows.{}[{}]{}", &rest[..end], offset + i, &rest[end..])
}

/// Where chunk `n` must begin and how many shows it holds, as the head says; None for a chunk
/// the head does not list.
pub fn chunk_range(head: &CatalogueHead, n: usize) -> Option<std::ops::Range<usize>> {
    let size = *head.search_chunks.get(n.checked_sub(1)?)?;
    let first: usize = head.search_chunks[..n - 1].iter().sum();
    Some(first..first + size)
}

/// Decodes and validates chunk `n` of the search index that `head` describes: the catalogue's
/// entries it holds, or every problem with its path in the file.
pub fn decode_search_chunk(text: &str, n: usize, head: &CatalogueHead) -> Result<Vec<CatalogueEntry>, Vec<Problem>> {
    let chunk = read_search_chunk(text, n, head)?;
    chunk.entries()
}

/// Chunk `n` of the search index that `head` describes, read as far as its shape (its number,
/// place, count, columns and tables), or those problems; its entries are then read with
/// [`SearchChunk::entries_of`] (the app, a slice at a time) or [`SearchChunk::entries`].
pub fn read_search_chunk(text: &str, n: usize, head: &CatalogueHead) -> Result<SearchChunk, Vec<Problem>> {
    let chunk: SearchChunk = decode(text)?;
    let mut problems = Vec::new();
    if chunk.chunk != n {
        problems.push(Problem::new("chunk", format!("is {} but the file is chunk {n}", chunk.chunk)));
    }
    match chunk_range(head, n) {
        None => problems.push(Problem::new("chunk", format!("is {n} but index.json lists {} chunks", head.search_chunks.len()))),
        Some(range) => {
            if chunk.first != range.start {
                problems.push(Problem::new("first", format!("is {} but index.json has chunk {n} begin at {}", chunk.first, range.start)));
            }
            if chunk.len() != range.len() {
                problems.push(Problem::new("shows.slug", format!("has {} shows; index.json says chunk {n} holds {}", chunk.len(), range.len())));
            }
        }
    }
    problems.extend(chunk.shape_problems());
    match problems.is_empty() {
        true => Ok(chunk),
        false => Err(problems),
    }
}

/// The chunks of the search index of a catalogue whose entries, in the default order, are
/// `entries`, as the head lists them (`search_chunks`).
pub fn search_chunks(entries: &[CatalogueEntry], sizes: &[usize]) -> Vec<SearchChunk> {
    let mut first = 0;
    sizes
        .iter()
        .enumerate()
        .map(|(i, &size)| {
            let end = (first + size).min(entries.len());
            let chunk = SearchChunk::of(i + 1, first, &entries[first.min(end)..end]);
            first = end;
            chunk
        })
        .collect()
}

/// The problems of a bundle's search index (`files`: the files of search/ as (name, text)),
/// each with the file it is in: each chunk by itself, against the head, and (with the
/// catalogue's entries in the default order, when all could be read) against the catalogue.
pub fn search_index_problems(head: &CatalogueHead, entries: Option<&[CatalogueEntry]>, files: &[(String, String)]) -> Vec<(String, Problem)> {
    let mut found = Vec::new();
    let chunks = head.search_chunks.len();
    let sum: usize = head.search_chunks.iter().sum();
    if chunks > 0 && sum != head.total {
        found.push(("index.json".to_string(), Problem::new("search_chunks", format!("add up to {sum} shows but total is {} (run `nextseason-bundle index`)", head.total))));
    }
    let mut seen = vec![false; chunks + 1];
    for (name, text) in files {
        let file = format!("{SEARCH_DIR}/{name}");
        let number = name.strip_suffix(".json").and_then(|n| n.parse::<usize>().ok()).filter(|n| (1..=chunks).contains(n) && *name == format!("{n}.json"));
        let Some(n) = number else {
            found.push((file, Problem::new("", format!("stale: index.json lists {chunks} search chunks; delete it (`nextseason-bundle index` does)"))));
            continue;
        };
        seen[n] = true;
        match decode_search_chunk(text, n, head) {
            Err(problems) => found.extend(problems.into_iter().map(|p| (file.clone(), p))),
            Ok(listed) => {
                let range = chunk_range(head, n).unwrap_or_default();
                let Some(catalogue) = entries.filter(|e| e.len() == head.total).map(|e| &e[range]) else { continue };
                for (i, (listed, entry)) in listed.iter().zip(catalogue).enumerate() {
                    if let Some(field) = differing_field(listed, entry) {
                        let message = format!("differs from the catalogue's entry \"{}\", show {} of the default order (run `nextseason-bundle index`)", entry.slug, chunk_range(head, n).unwrap_or_default().start + i + 1);
                        found.push((file.clone(), Problem::new(format!("shows.{field}[{i}]"), message)));
                    }
                }
            }
        }
    }
    for n in (1..=chunks).filter(|&n| !seen[n]) {
        found.push(("index.json".to_string(), Problem::new("search_chunks", format!("lists {chunks} chunks but {SEARCH_DIR}/{n}.json is missing (run `nextseason-bundle index`)"))));
    }
    found
}

/// The first field where two entries differ, by its column's name.
fn differing_field(a: &CatalogueEntry, b: &CatalogueEntry) -> Option<&'static str> {
    let fields: [(&str, bool); 17] = [
        // The title first: a slug left empty is its title's key.
        ("title", a.title == b.title),
        ("slug", a.slug == b.slug),
        ("native_title", a.native_title == b.native_title),
        ("titles", a.titles == b.titles),
        ("alt_titles", a.alt_titles == b.alt_titles),
        ("romaji", a.romaji == b.romaji),
        ("spelled", a.spelled == b.spelled),
        ("studios", a.studios == b.studios),
        ("genres", a.genres == b.genres),
        ("premiere", a.premiere == b.premiere),
        ("status", a.status == b.status),
        ("data_status", a.data_status == b.data_status),
        ("odds", a.odds == b.odds),
        ("next", a.next == b.next),
        ("updated", a.updated == b.updated),
        ("kind", a.kind == b.kind),
        ("watch", a.watch == b.watch),
    ];
    fields.into_iter().find(|(_, same)| !same).map(|(name, _)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::catalogue::{catalogue_files, search_chunk_sizes, FIRST_CHUNK};

    fn entries() -> Vec<CatalogueEntry> {
        serde_json::from_str(
            r#"[
              {"slug":"metallic-rouge","title":"Metallic Rouge","native_title":{"text":"メタリックルージュ","lang":"ja"},"titles":[{"text":"金属口红","lang":"zh-Hans"},{"text":"金屬口紅","lang":"zh-Hant"}],
               "studios":["Bones"],"genres":["Action","Science Fiction"],"premiere":"2024-01-11","status":"no_announcement","updated":"2024-03-01","kind":"tv",
               "watch":[{"platform":"Crunchyroll","except":["asia"]},{"platform":"U-NEXT","only":["JP"]}]},
              {"slug":"bgm-12","title":"葬送のフリーレン","native_title":{"text":"葬送のフリーレン","lang":"ja"},"romaji":"Sousou no Furiiren","spelled":"Frieren",
               "studios":["Madhouse"],"genres":["Action"],"premiere":"2023-fall","data_status":"dated","odds":64,"next":"2026-01","kind":"tv",
               "watch":[{"platform":"U-NEXT","only":["JP"]},{"platform":"Crunchyroll","except":["asia"]},{"platform":"Crunchyroll","only":["GB"]}]},
              {"slug":"another-one","title":"Another One","alt_titles":["A-1"],"studios":[],"genres":[]}
            ]"#,
        )
        .unwrap()
    }

    #[test]
    fn a_chunk_reads_back_as_the_entries_written() {
        let entries = entries();
        let chunk = SearchChunk::of(1, 0, &entries);
        let text = serde_json::to_string(&chunk).unwrap();
        let read: SearchChunk = serde_json::from_str(&text).unwrap();
        assert_eq!(read, chunk);
        assert_eq!(read.entries().unwrap(), entries);
    }

    #[test]
    fn shared_values_are_written_once_and_referred_to_by_number() {
        let chunk = SearchChunk::of(1, 0, &entries());
        assert_eq!(chunk.tables.langs, ["ja", "zh-Hans", "zh-Hant"]);
        assert_eq!(chunk.tables.studios, ["Bones", "Madhouse"]);
        assert_eq!(chunk.tables.genres, ["Action", "Science Fiction"]);
        assert_eq!(chunk.tables.platforms, ["Crunchyroll", "U-NEXT"]);
        // Crunchyroll outside Asia is one place for both shows; in Britain another.
        assert_eq!(chunk.tables.places, [Place(0, vec![], vec!["asia".into()]), Place(1, vec!["JP".into()], vec![]), Place(0, vec!["GB".into()], vec![])]);
        assert_eq!(chunk.shows.watch, [vec![0, 1], vec![1, 0, 2], vec![]]);
        assert_eq!(chunk.shows.genres, [vec![0, 1], vec![0], vec![]]);
        // A slug that is its title's key, and a native title that is the title, are left empty.
        assert_eq!(chunk.shows.slug, ["", "bgm-12", ""]);
        assert_eq!(chunk.shows.native_title, [Some(("メタリックルージュ".to_string(), 0)), Some((String::new(), 0)), None]);
        // No key per show, and a column no show has is left out.
        let text = serde_json::to_string(&chunk).unwrap();
        assert_eq!(text.matches("\"title\"").count(), 1);
        let only_plain = serde_json::to_value(SearchChunk::of(1, 0, &entries()[2..])).unwrap();
        let columns: Vec<&String> = only_plain["shows"].as_object().unwrap().keys().collect();
        assert_eq!(columns, ["slug", "title", "alt_titles"]);
    }

    #[test]
    fn a_catalogue_is_chunked_in_its_default_order() {
        assert_eq!(search_chunk_sizes(0), Vec::<usize>::new());
        assert_eq!(search_chunk_sizes(999), [999]);
        assert_eq!(search_chunk_sizes(FIRST_CHUNK + 1), [FIRST_CHUNK, 1]);
        assert_eq!(search_chunk_sizes(8472), [1000, 2000, 2000, 2000, 1472]);
        let (head, parts) = catalogue_files(entries(), 1, 1);
        assert_eq!(head.search_chunks, [3]);
        let ordered: Vec<CatalogueEntry> = head.shows.iter().chain(parts.iter().flat_map(|p| &p.shows)).cloned().collect();
        let sizes = [1, 2];
        let chunks = search_chunks(&ordered, &sizes);
        assert_eq!(chunks.iter().map(|c| (c.chunk, c.first, c.len())).collect::<Vec<_>>(), [(1, 0, 1), (2, 1, 2)]);
        let head = CatalogueHead { search_chunks: sizes.to_vec(), ..head };
        let mut read = Vec::new();
        for chunk in &chunks {
            read.extend(decode_search_chunk(&serde_json::to_string(chunk).unwrap(), chunk.chunk, &head).unwrap());
        }
        assert_eq!(read, ordered);
        assert!(search_index_problems(&head, Some(&ordered), &chunks.iter().map(|c| (format!("{}.json", c.chunk), serde_json::to_string(c).unwrap())).collect::<Vec<_>>()).is_empty());
    }

    #[test]
    fn problems_name_the_field_and_what_is_wrong() {
        let entries = entries();
        let (head, _) = catalogue_files(entries.clone(), 3, 3);
        let problems = |change: &dyn Fn(&mut serde_json::Value), n: usize| {
            let mut json = serde_json::to_value(SearchChunk::of(1, 0, &head.shows)).unwrap();
            change(&mut json);
            match decode_search_chunk(&json.to_string(), n, &head) {
                Ok(_) => vec![],
                Err(problems) => problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
            }
        };
        assert_eq!(problems(&|_| {}, 1), Vec::<String>::new());
        assert_eq!(problems(&|j| j["shows"]["watch"][1][0] = 9.into(), 1), ["shows.watch[1][0]: is 9 but tables.places has 3 values"]);
        assert_eq!(problems(&|j| j["shows"]["titles"][0][1][1] = 7.into(), 1), ["shows.titles[0][1][1]: is 7 but tables.langs has 3 values"]);
        assert_eq!(problems(&|j| j["shows"]["odds"] = serde_json::json!([1]), 1), ["shows.odds: has 1 values but the file lists 3 shows (shows.slug)"]);
        // Frieren's native title is its title: both are empty then.
        assert_eq!(problems(&|j| j["shows"]["title"][1] = " ".into(), 1), ["shows.title[1]: must not be empty", "shows.native_title[1].text: must not be empty"]);
        assert_eq!(problems(&|j| j["shows"]["slug"][0] = "Not A Slug".into(), 1)[0], "shows.slug[0]: \"Not A Slug\" is not a slug: use lowercase letters, digits and single hyphens");
        assert_eq!(problems(&|j| j["first"] = 2.into(), 1), ["first: is 2 but index.json has chunk 1 begin at 0"]);
        assert_eq!(problems(&|_| {}, 2), ["chunk: is 1 but the file is chunk 2", "chunk: is 2 but index.json lists 1 chunks"]);
        assert_eq!(problems(&|j| j["shows"]["kind"][0] = "tvx".into(), 1), ["shows.kind[0]: unknown variant `tvx`, expected one of `tv`, `movie`, `ova`, `web`"]);
    }

    #[test]
    fn check_holds_the_chunks_to_the_catalogue() {
        let (head, _) = catalogue_files(entries(), 3, 3);
        let file = |entries: &[CatalogueEntry]| vec![("1.json".to_string(), serde_json::to_string(&SearchChunk::of(1, 0, entries)).unwrap())];
        let mut changed = head.shows.clone();
        changed[1].odds = Some(12);
        let found: Vec<String> = search_index_problems(&head, Some(&head.shows), &file(&changed)).iter().map(|(f, p)| format!("{f}: {p}")).collect();
        assert_eq!(found, [format!("search/1.json: shows.odds[1]: differs from the catalogue's entry \"{}\", show 2 of the default order (run `nextseason-bundle index`)", head.shows[1].slug)]);
        let found: Vec<String> = search_index_problems(&head, Some(&head.shows), &[]).iter().map(|(f, p)| format!("{f}: {p}")).collect();
        assert_eq!(found, ["index.json: search_chunks: lists 1 chunks but search/1.json is missing (run `nextseason-bundle index`)"]);
        let mut stale = file(&head.shows);
        stale.push(("2.json".into(), "{}".into()));
        let found: Vec<String> = search_index_problems(&head, Some(&head.shows), &stale).iter().map(|(f, p)| format!("{f}: {p}")).collect();
        assert_eq!(found, ["search/2.json: stale: index.json lists 1 search chunks; delete it (`nextseason-bundle index` does)"]);
    }
}
