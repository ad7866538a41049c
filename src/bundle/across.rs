//! The rules across the files of a bundle, for the editor's tool: the catalogue against itself
//! (counts, facets, order) and against the shows' files, and links between shows. Every problem
//! is located at a line and column of its file.

use super::catalogue::{coming_next, default_cmp};
use super::decode::{decode_catalogue_head, decode_catalogue_part, read_show};
use super::problem::Problem;
use super::facets::facets;
use super::positions::{is_within, value_positions};
use super::schema::*;
use super::field_rules::is_valid_slug;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A problem in one file of a bundle (`index.json`, `shows/<slug>.json`), at a line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

/// `file:line:column: json.path: what is wrong`, as the editor's `check` prints it (without
/// colour); the file as the bundle names it (`shows/<slug>.json`).
impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}:", self.file, self.line, self.column)?;
        if !self.problem.path.is_empty() {
            write!(f, " {}:", self.problem.path)?;
        }
        write!(f, " {}", self.problem.message)
    }
}

/// Every problem of a whole bundle: each file by itself, then the rules between files.
/// `index` is index.json's text (None when missing); `parts` are the files of index/ and
/// `shows` those of shows/, each as (file name, text).
pub fn check_bundle(index: Option<&str>, parts: &[(String, String)], shows: &[(String, String)]) -> Vec<Located> {
    check_and_read(index, parts, shows).0
}

/// A bundle that [`check_bundle`] finds nothing wrong with, decoded: the catalogue's head, all its
/// entries in the default order (the head's, then each part's), and each entry's show, in the
/// same order.
pub struct CheckedBundle {
    pub head: CatalogueHead,
    pub entries: Vec<CatalogueEntry>,
    pub shows: Vec<Show>,
    /// `aliases.json` (none when the bundle has none): filled by [`super::BundleFiles::checked`].
    pub aliases: super::aliases::Aliases,
    /// `odds.json`, when the bundle has it: filled by [`super::BundleFiles::checked`].
    pub odds: Option<super::odds::OddsMethods>,
}

/// The bundle decoded, if [`check_bundle`] finds no problem in it; else every problem. Each file
/// is decoded once, by the check: what the site would decode from a clean file is what the check
/// read (a clean show file is read whole, with nothing set aside).
pub fn read_checked_bundle(index: Option<&str>, parts: &[(String, String)], shows: &[(String, String)]) -> Result<CheckedBundle, Vec<Located>> {
    let (found, catalogue, shards) = check_and_read(index, parts, shows);
    if !found.is_empty() {
        return Err(found);
    }
    // A clean bundle has its catalogue, and one show file, without problems, for each entry.
    let (head, entries) = catalogue.expect("a bundle without problems has its catalogue");
    let mut by_slug: HashMap<String, Show> = shards.read.into_iter().map(|shard| (shard.show.slug.clone(), shard.show)).collect();
    let shows = entries.iter().map(|entry| by_slug.remove(&entry.slug).expect("a bundle without problems has a file for each entry")).collect();
    Ok(CheckedBundle { head, entries, shows, aliases: Default::default(), odds: None })
}

/// [`check_bundle`]'s problems, with what it read: the head and every entry (if index.json could
/// be read), and the show files.
pub(super) fn check_and_read(index: Option<&str>, parts: &[(String, String)], shows: &[(String, String)]) -> (Vec<Located>, Option<(CatalogueHead, Vec<CatalogueEntry>)>, Shards) {
    let mut found = Vec::new();
    let shards = read_shards(shows, &mut found);
    let Some(index_text) = index else {
        found.push(Located { file: "index.json".into(), line: 1, column: 1, problem: Problem::new("", "missing: run `nextseason-bundle index` to write it from the shows") });
        return (found, None, shards);
    };
    // The problems between files, by file name: located once every file has been read.
    let mut across: Vec<(String, Problem)> = Vec::new();
    let mut catalogue = None;
    if let Some(head) = read_head(index_text, &mut found) {
        let numbered = read_parts(&head, parts, &mut found, &mut across);
        // Counts, facets and order are only judged on a complete catalogue.
        let complete = numbered.len() == head.parts;
        if complete {
            check_counts(&head, &numbered, &mut across);
        }
        // Each file of the catalogue with its entries, in the default order: the head, then the parts.
        let mut files: Vec<(String, Vec<CatalogueEntry>)> = vec![("index.json".into(), head.shows.clone())];
        files.extend(numbered.into_values());
        if complete {
            check_facets(&head, &files, &mut across);
            check_order(&files, &mut across);
        }
        check_listing(&files, &shards, &mut across);
        catalogue = Some((head, files.into_iter().flat_map(|(_, shows)| shows).collect()));
    }
    check_read_also(&shards, &mut across);
    for (file, problem) in across {
        found.extend(locate(&file, text_of(&file, index_text, parts, shows), vec![problem]));
    }
    (found, catalogue, shards)
}

/// A show file that could be read, for the rules across files: the show, and the paths those
/// rules leave alone.
struct Shard {
    file: String,
    show: Show,
    /// Set aside to read the file, or breaking a rule of their own (reported once, there).
    broken: Vec<String>,
}

impl Shard {
    /// Whether the value at `path` is broken, or holds or lies inside a broken one.
    fn is_broken(&self, path: &str) -> bool {
        self.broken.iter().any(|k| is_within(path, k) || is_within(k, path))
    }
}

/// The show files: those that could be read, and the slug of every one (from its name).
pub(super) struct Shards {
    read: Vec<Shard>,
    slugs: HashSet<String>,
}

/// Each show file by itself, its problems into `found`.
fn read_shards(shows: &[(String, String)], found: &mut Vec<Located>) -> Shards {
    let mut shards = Shards { read: Vec::new(), slugs: HashSet::new() };
    for (name, text) in shows {
        let Some(slug) = name.strip_suffix(".json") else { continue };
        let file = format!("shows/{name}");
        shards.slugs.insert(slug.to_string());
        let (problems, show) = read_show(text, slug);
        if let Some((show, set_aside)) = show {
            let broken = set_aside.into_iter().chain(problems.iter().map(|p| p.path.clone())).collect();
            shards.read.push(Shard { file: file.clone(), show, broken });
        }
        found.extend(locate(&file, text, problems));
    }
    shards
}

/// index.json by itself, its problems into `found`; its head if serde can read it, so that a
/// head breaking rules of its own still leads to its parts.
fn read_head(text: &str, found: &mut Vec<Located>) -> Option<CatalogueHead> {
    match decode_catalogue_head(text) {
        Ok(head) => Some(head),
        Err(problems) => {
            found.extend(locate("index.json", text, problems));
            serde_json::from_str::<CatalogueHead>(text).ok()
        }
    }
}

/// The parts the head names that serde can read, by number, as (file, entries); each part's
/// own problems into `found`, stale and missing files into `across`.
fn read_parts(head: &CatalogueHead, parts: &[(String, String)], found: &mut Vec<Located>, across: &mut Vec<(String, Problem)>) -> BTreeMap<usize, (String, Vec<CatalogueEntry>)> {
    let mut numbered = BTreeMap::new();
    for (name, text) in parts {
        let file = format!("index/{name}");
        let number = name.strip_suffix(".json").and_then(|n| n.parse::<usize>().ok()).filter(|n| (1..=head.parts).contains(n) && *name == format!("{n}.json"));
        let Some(n) = number else {
            let message = format!("stale: index.json has {} part files; delete it (`nextseason-bundle index` does)", head.parts);
            across.push((file, Problem::new("", message)));
            continue;
        };
        match decode_catalogue_part(text, n) {
            Ok(part) => {
                numbered.insert(n, (file, part.shows));
            }
            Err(problems) => {
                found.extend(locate(&file, text, problems));
                if let Ok(part) = serde_json::from_str::<CataloguePart>(text) {
                    numbered.insert(n, (file, part.shows));
                }
            }
        }
    }
    for n in (1..=head.parts).filter(|n| !numbered.contains_key(n)) {
        across.push(("index.json".into(), Problem::new("parts", format!("is {} but index/{n}.json is missing (run `nextseason-bundle index`)", head.parts))));
    }
    numbered
}

/// The head's total against the entries of all the files, else each part's count against the
/// head; only when the head agrees with itself (else its decoder said what is wrong).
fn check_counts(head: &CatalogueHead, numbered: &BTreeMap<usize, (String, Vec<CatalogueEntry>)>, across: &mut Vec<(String, Problem)>) {
    let consistent = head.part_size >= 1 && head.shows.len() <= head.total && head.parts == head.layout().parts();
    if !consistent {
        return;
    }
    let listed = head.shows.len() + numbered.values().map(|(_, shows)| shows.len()).sum::<usize>();
    if listed != head.total {
        across.push(("index.json".into(), Problem::new("total", format!("is {} but index.json and its parts list {listed} shows (run `nextseason-bundle index`)", head.total))));
    } else {
        for (n, (file, shows)) in numbered {
            across.extend(head.part_count_problem(*n, shows.len()).map(|p| (file.clone(), p)));
        }
    }
}

/// The facets the head states against those the entries of all the files give.
fn check_facets(head: &CatalogueHead, files: &[(String, Vec<CatalogueEntry>)], across: &mut Vec<(String, Problem)>) {
    let all: Vec<CatalogueEntry> = files.iter().flat_map(|(_, shows)| shows.iter().cloned()).collect();
    let actual = facets(&all);
    let labels = |values: &[LabelCount]| values.iter().map(|v| (erased::Json::json(&v.label), v.count)).collect::<Vec<_>>();
    let statuses = |values: &[StatusCount]| values.iter().map(|v| (erased::Json::json(&v.status), v.count)).collect::<Vec<_>>();
    let mut problems = Vec::new();
    facet_problems("genres", &labels(&head.facets.genres), &labels(&actual.genres), &mut problems);
    facet_problems("studios", &labels(&head.facets.studios), &labels(&actual.studios), &mut problems);
    facet_problems("statuses", &statuses(&head.facets.statuses), &statuses(&actual.statuses), &mut problems);
    let kinds = |values: &[KindCount]| values.iter().map(|v| (erased::Json::json(&v.kind), v.count)).collect::<Vec<_>>();
    facet_problems("kinds", &kinds(&head.facets.kinds), &kinds(&actual.kinds), &mut problems);
    facet_problems("years", &labels(&head.facets.years), &labels(&actual.years), &mut problems);
    facet_problems("seasons", &labels(&head.facets.seasons), &labels(&actual.seasons), &mut problems);
    facet_problems("platforms", &labels(&head.facets.platforms), &labels(&actual.platforms), &mut problems);
    let (coming, coming_total) = coming_next(&all);
    let slugs = |shows: &[CatalogueEntry]| shows.iter().map(|e| e.slug.clone()).collect::<Vec<_>>();
    if (&head.coming, head.coming_total) != (&coming, coming_total) {
        let message = format!("lists {:?} of {} but the shows' next seasons give {:?} of {coming_total} (run `nextseason-bundle index`)", slugs(&head.coming), head.coming_total, slugs(&coming));
        problems.push(Problem::new("coming", message));
    }
    across.extend(problems.into_iter().map(|p| ("index.json".to_string(), p)));
}

/// The entries across the files in the default order: the first out of place in each file.
fn check_order(files: &[(String, Vec<CatalogueEntry>)], across: &mut Vec<(String, Problem)>) {
    let mut previous: Option<&CatalogueEntry> = None;
    for (file, shows) in files {
        let mut reported = false;
        for (i, entry) in shows.iter().enumerate() {
            if let Some(before) = previous.filter(|b| !reported && default_cmp(b, entry).is_gt()) {
                let message = format!("\"{}\" should come before \"{}\": the index lists shows by last update, newest first, then by premiere, newest first, then by title (run `nextseason-bundle index`)", entry.slug, before.slug);
                across.push((file.clone(), Problem::new(format!("shows[{i}]"), message)));
                reported = true;
            }
            previous = Some(entry);
        }
    }
}

/// The catalogue against the show files: each show listed once, in one file, with a file of its
/// own saying what its entry says; and each show file listed. A show file whose slug is broken
/// (unreadable, not a slug, not its file's) cannot say which entry is its own: it takes no part.
fn check_listing(files: &[(String, Vec<CatalogueEntry>)], shards: &Shards, across: &mut Vec<(String, Problem)>) {
    let known: Vec<&Shard> = shards.read.iter().filter(|shard| !shard.is_broken("slug")).collect();
    let mut by_slug: HashMap<&str, &Shard> = HashMap::new();
    for &shard in &known {
        by_slug.entry(shard.show.slug.as_str()).or_insert(shard);
    }
    let mut listed_in: HashMap<&str, (&str, usize)> = HashMap::new();
    for (file, shows) in files {
        for (i, entry) in shows.iter().enumerate() {
            match listed_in.get(entry.slug.as_str()) {
                // Twice in one file is that file's own problem, reported by its decoder.
                Some((other, j)) if *other != file.as_str() => {
                    across.push((file.clone(), Problem::new(format!("shows[{i}].slug"), format!("\"{}\" is also listed in {other} (shows[{j}])", entry.slug))));
                }
                Some(_) => {}
                None => {
                    listed_in.insert(&entry.slug, (file, i));
                }
            }
            if !shards.slugs.contains(&entry.slug) && is_valid_slug(&entry.slug) {
                across.push((file.clone(), Problem::new(format!("shows[{i}].slug"), format!("\"{}\" has no file: shows/{}.json is missing", entry.slug, entry.slug))));
            }
            if let Some(shard) = by_slug.get(entry.slug.as_str()) {
                across.extend(entry_against_shard(entry, shard).into_iter().map(|(field, message)| (file.clone(), Problem::new(format!("shows[{i}].{field}"), message))));
            }
        }
    }
    for shard in known {
        if !listed_in.contains_key(shard.show.slug.as_str()) {
            across.push((shard.file.clone(), Problem::new("slug", format!("\"{}\" is not in index.json (run `nextseason-bundle index`)", shard.show.slug))));
        }
    }
}

/// Where a catalogue entry says otherwise than its show's file, as (field, message); a field
/// whose source in that file is broken is not compared.
fn entry_against_shard(entry: &CatalogueEntry, shard: &Shard) -> Vec<(&'static str, String)> {
    let broken = |field: &str| match field {
        "status" => shard.is_broken("outlook.status"),
        "updated" => shard.is_broken("article.updated") || shard.is_broken("article.published"),
        field => shard.is_broken(field),
    };
    disagreements(entry, &CatalogueEntry::of(&shard.show))
        .into_iter()
        .filter(|d| !broken(d.0))
        .map(|(field, index_says, show_says)| (field, format!("says {index_says} but {} says {show_says} (run `nextseason-bundle index`)", shard.file)))
        .collect()
}

/// Each show's links ("Read also" and related works) name a show with a file (a link that is
/// not a slug is reported as such).
fn check_read_also(shards: &Shards, across: &mut Vec<(String, Problem)>) {
    for shard in &shards.read {
        let read_also = shard.show.read_also.iter().enumerate().map(|(j, link)| (format!("read_also[{j}].slug"), &link.slug));
        let related = shard.show.related.iter().enumerate().map(|(j, link)| (format!("related[{j}].slug"), &link.slug));
        for (path, slug) in read_also.chain(related) {
            if !shards.slugs.contains(slug) && !shard.is_broken(&path) {
                across.push((shard.file.clone(), Problem::new(path, format!("names \"{slug}\", which has no file in shows/"))));
            }
        }
    }
}

/// The text of the bundle's file named `file` (as problems name it: `index.json`,
/// `index/<n>.json`, `shows/<slug>.json`).
fn text_of<'a>(file: &str, index: &'a str, parts: &'a [(String, String)], shows: &'a [(String, String)]) -> &'a str {
    if file == "index.json" {
        index
    } else if let Some(name) = file.strip_prefix("index/") {
        &parts.iter().find(|(n, _)| n == name).expect("a checked part").1
    } else {
        &shows.iter().find(|(n, _)| format!("shows/{n}") == file).expect("a checked file").1
    }
}

/// Where the facets index.json states differ from those its entries give: each value as
/// (its JSON, its count), in the file's order.
fn facet_problems(kind: &str, stated: &[(String, usize)], actual: &[(String, usize)], problems: &mut Vec<Problem>) {
    let before = problems.len();
    for (i, (value, count)) in stated.iter().enumerate() {
        match actual.iter().find(|(v, _)| v == value) {
            None => problems.push(Problem::new(format!("facets.{kind}[{i}]"), format!("{value} is in no entry (run `nextseason-bundle index`)"))),
            Some((_, real)) if real != count => {
                problems.push(Problem::new(format!("facets.{kind}[{i}].count"), format!("is {count} but {real} entries have {value} (run `nextseason-bundle index`)")))
            }
            Some(_) => {}
        }
    }
    for (value, real) in actual.iter().filter(|(v, _)| !stated.iter().any(|(s, _)| s == v)) {
        problems.push(Problem::new(format!("facets.{kind}"), format!("lacks {value}, which {real} entries have (run `nextseason-bundle index`)")));
    }
    if problems.len() == before && stated != actual {
        problems.push(Problem::new(format!("facets.{kind}"), "is out of order (run `nextseason-bundle index`)"));
    }
}

/// The fields where index.json and a show's own file disagree: (field, index says, file says).
fn disagreements(index: &CatalogueEntry, show: &CatalogueEntry) -> Vec<(&'static str, String, String)> {
    let json = |v: &dyn erased::Json| v.json();
    let mut out = Vec::new();
    let mut compare = |field: &'static str, a: &dyn erased::Json, b: &dyn erased::Json| {
        let (a, b) = (json(a), json(b));
        if a != b {
            out.push((field, a, b));
        }
    };
    compare("title", &index.title, &show.title);
    compare("native_title", &index.native_title, &show.native_title);
    compare("alt_titles", &index.alt_titles, &show.alt_titles);
    compare("titles", &index.titles, &show.titles);
    compare("romaji", &index.romaji, &show.romaji);
    compare("spelled", &index.spelled, &show.spelled);
    compare("studios", &index.studios, &show.studios);
    compare("genres", &index.genres, &show.genres);
    compare("premiere", &index.premiere, &show.premiere);
    compare("status", &index.status, &show.status);
    compare("updated", &index.updated, &show.updated);
    compare("kind", &index.kind, &show.kind);
    compare("watch", &index.watch, &show.watch);
    out
}

mod erased {
    /// Any serializable field, written as JSON for a message.
    pub trait Json {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> String {
            serde_json::to_string(self).unwrap_or_default()
        }
    }
}

/// Gives each problem its line and column: serde's when it has one, else where its path's value
/// starts (or the nearest enclosing value's).
pub fn locate(file: &str, text: &str, problems: Vec<Problem>) -> Vec<Located> {
    if problems.is_empty() {
        return Vec::new();
    }
    let positions = value_positions(text);
    problems
        .into_iter()
        .map(|problem| {
            let (line, column) = problem.position.unwrap_or_else(|| {
                let mut path = problem.path.as_str();
                loop {
                    if let Some(at) = positions.get(path) {
                        break *at;
                    }
                    match path.rfind(['.', '[']) {
                        Some(cut) => path = &path[..cut],
                        None => break positions.get("").copied().unwrap_or((1, 1)),
                    }
                }
            });
            Located { file: file.to_string(), line, column, problem }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::decode_show;
    use super::*;

    #[test]
    fn an_empty_file_is_located_at_its_first_column() {
        // Found by the fuzzer: serde_json reports column 0 here.
        let problems = decode_show("", "x").unwrap_err();
        assert_eq!(problems[0].to_string(), "line 1, column 1: not valid JSON: EOF while parsing a value");
        let located = check_bundle(Some(""), &[("1.json".to_string(), String::new())], &[("x.json".to_string(), String::new())]);
        assert!(located.iter().all(|l| l.line == 1 && l.column == 1), "{located:?}");
    }

    #[test]
    fn related_works_name_shows_of_the_bundle() {
        let mut show: serde_json::Value = serde_json::from_str(super::super::tests::SENGOKU_YOUKO).unwrap();
        show["related"] = serde_json::json!([{ "slug": "metallic-rouge", "title": "Metallic Rouge", "relation": "film" }, { "slug": "sengoku-youko-2", "title": "Part two", "relation": "sequel" }]);
        let shows = [
            ("metallic-rouge.json".to_string(), super::super::tests::METALLIC_ROUGE.to_string()),
            ("sengoku-youko.json".to_string(), serde_json::to_string_pretty(&show).unwrap()),
        ];
        let found = check_bundle(Some(super::super::tests::INDEX), &[], &shows);
        let messages: Vec<String> = found.iter().map(|l| format!("{}: {}", l.file, l.problem)).collect();
        assert_eq!(messages, ["shows/sengoku-youko.json: related[1].slug: names \"sengoku-youko-2\", which has no file in shows/"]);
    }
}
