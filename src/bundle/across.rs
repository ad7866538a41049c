//! The rules across the files of a bundle, for the editor's tool: the catalogue against itself
//! (counts, facets, order) and against the shows' files, and links between shows. Every problem
//! is located at a line and column of its file.

use super::catalogue::default_cmp;
use super::decode::{decode_catalogue_head, decode_catalogue_part, decode_show, part_problems, without_broken_parts, Problem};
use super::facets::facets;
use super::positions::value_positions;
use super::schema::*;
use super::show_rules::{is_valid_slug, show_problems};

/// A problem in one file of a bundle (`index.json`, `shows/<slug>.json`), at a line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub problem: Problem,
}

/// Every problem of a whole bundle: each file by itself, then the rules between files.
/// `index` is index.json's text (None when missing); `parts` are the files of index/ and
/// `shows` those of shows/, each as (file name, text).
pub fn check_bundle(index: Option<&str>, parts: &[(String, String)], shows: &[(String, String)]) -> Vec<Located> {
    let mut found = Vec::new();
    // Each decoded show with the fields set aside because they were broken.
    let mut decoded: Vec<(String, Show, Vec<String>)> = Vec::new();
    let mut shard_slugs = std::collections::HashSet::new();
    for (name, text) in shows {
        let file = format!("shows/{name}");
        let Some(slug) = name.strip_suffix(".json") else { continue };
        shard_slugs.insert(slug.to_string());
        let problems = match decode_show(text, slug) {
            Ok(show) => {
                decoded.push((file.clone(), show, Vec::new()));
                continue;
            }
            // serde stops at the first wrong type: look at every part on its own for the rest,
            // then check what remains without the broken parts.
            Err(problems) if problems.iter().all(|p| p.position.is_some() && !p.path.is_empty()) => {
                let mut parts = part_problems(text);
                if parts.is_empty() {
                    parts = problems;
                }
                if let Some((show, set_aside)) = without_broken_parts(text, &parts) {
                    let outside = |p: &Problem| !set_aside.iter().any(|k| p.path == *k || p.path.starts_with(&format!("{k}.")) || p.path.starts_with(&format!("{k}[")));
                    parts.extend(show_problems(&show, slug).into_iter().filter(outside));
                    decoded.push((file.clone(), show, set_aside));
                }
                parts
            }
            Err(problems) => problems,
        };
        found.extend(locate(&file, text, problems));
    }
    let Some(index_text) = index else {
        found.push(Located { file: "index.json".into(), line: 1, column: 1, problem: Problem::new("", "missing: run `nextseason-bundle index` to write it from the shows") });
        return found;
    };
    let head = match decode_catalogue_head(index_text) {
        Ok(head) => Some(head),
        Err(problems) => {
            found.extend(locate("index.json", index_text, problems));
            serde_json::from_str::<CatalogueHead>(index_text).ok()
        }
    };
    let mut between: Vec<(String, Problem)> = Vec::new();
    if let Some(head) = &head {
        // Each file of the catalogue with its entries, in the default order: the head, then the parts.
        let mut files: Vec<(String, Vec<CatalogueEntry>)> = vec![("index.json".into(), head.shows.clone())];
        let mut numbered = std::collections::BTreeMap::new();
        for (name, text) in parts {
            let file = format!("index/{name}");
            let number = name.strip_suffix(".json").and_then(|n| n.parse::<usize>().ok()).filter(|n| (1..=head.parts).contains(n) && *name == format!("{n}.json"));
            let Some(n) = number else {
                let message = format!("stale: index.json has {} part files; delete it (`nextseason-bundle index` does)", head.parts);
                between.push((file, Problem::new("", message)));
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
            between.push(("index.json".into(), Problem::new("parts", format!("is {} but index/{n}.json is missing (run `nextseason-bundle index`)", head.parts))));
        }
        // Counts, facets and order are only judged on a complete catalogue; the total against
        // the files only when the head agrees with itself (else its decoder said what is wrong).
        if numbered.len() == head.parts {
            let listed = head.shows.len() + numbered.values().map(|(_, shows)| shows.len()).sum::<usize>();
            let consistent = head.part_size >= 1 && head.shows.len() <= head.total && head.parts == head.layout().parts();
            if consistent && listed != head.total {
                between.push(("index.json".into(), Problem::new("total", format!("is {} but index.json and its parts list {listed} shows (run `nextseason-bundle index`)", head.total))));
            } else if consistent {
                for (n, (file, shows)) in &numbered {
                    between.extend(head.part_count_problem(*n, shows.len()).map(|p| (file.clone(), p)));
                }
            }
            files.extend(numbered.into_values());
            let all: Vec<CatalogueEntry> = files.iter().flat_map(|(_, shows)| shows.iter().cloned()).collect();
            let actual = facets(&all);
            let labels = |values: &[LabelCount]| values.iter().map(|v| (erased::Json::json(&v.label), v.count)).collect::<Vec<_>>();
            let statuses = |values: &[StatusCount]| values.iter().map(|v| (erased::Json::json(&v.status), v.count)).collect::<Vec<_>>();
            let mut problems = Vec::new();
            facet_problems("genres", &labels(&head.facets.genres), &labels(&actual.genres), &mut problems);
            facet_problems("studios", &labels(&head.facets.studios), &labels(&actual.studios), &mut problems);
            facet_problems("statuses", &statuses(&head.facets.statuses), &statuses(&actual.statuses), &mut problems);
            between.extend(problems.into_iter().map(|p| ("index.json".to_string(), p)));
            let mut previous: Option<&CatalogueEntry> = None;
            for (file, shows) in &files {
                let mut reported = false;
                for (i, entry) in shows.iter().enumerate() {
                    if let Some(before) = previous.filter(|b| !reported && default_cmp(b, entry).is_gt()) {
                        let message = format!("\"{}\" should come before \"{}\": the index lists shows by last update, newest first, then by title (run `nextseason-bundle index`)", entry.slug, before.slug);
                        between.push((file.clone(), Problem::new(format!("shows[{i}]"), message)));
                        reported = true;
                    }
                    previous = Some(entry);
                }
            }
        } else {
            files.extend(numbered.into_values());
        }
        let mut listed_in: std::collections::HashMap<&str, (&str, usize)> = std::collections::HashMap::new();
        for (file, shows) in &files {
            for (i, entry) in shows.iter().enumerate() {
                match listed_in.get(entry.slug.as_str()) {
                    // Twice in one file is that file's own problem, reported by its decoder.
                    Some((other, j)) if *other != file.as_str() => {
                        between.push((file.clone(), Problem::new(format!("shows[{i}].slug"), format!("\"{}\" is also listed in {other} (shows[{j}])", entry.slug))));
                    }
                    Some(_) => {}
                    None => {
                        listed_in.insert(&entry.slug, (file, i));
                    }
                }
                if !shard_slugs.contains(&entry.slug) && is_valid_slug(&entry.slug) {
                    between.push((file.clone(), Problem::new(format!("shows[{i}].slug"), format!("\"{}\" has no file: shows/{}.json is missing", entry.slug, entry.slug))));
                }
                if let Some((shard, show, set_aside)) = decoded.iter().find(|(_, show, _)| show.slug == entry.slug) {
                    let broken = |field: &str| set_aside.iter().any(|k| k == field || (field == "status" && k == "outlook") || (field == "updated" && k.starts_with("article")));
                    for (field, index_says, show_says) in disagreements(entry, &CatalogueEntry::of(show)).into_iter().filter(|d| !broken(d.0)) {
                        between.push((file.clone(), Problem::new(format!("shows[{i}].{field}"), format!("says {index_says} but {shard} says {show_says} (run `nextseason-bundle index`)"))));
                    }
                }
            }
        }
        for (file, show, _) in &decoded {
            if !listed_in.contains_key(show.slug.as_str()) {
                between.push((file.clone(), Problem::new("slug", format!("\"{}\" is not in index.json (run `nextseason-bundle index`)", show.slug))));
            }
        }
    }
    for (file, show, _) in &decoded {
        for (j, link) in show.read_also.iter().enumerate() {
            if !shard_slugs.contains(&link.slug) {
                between.push((file.clone(), Problem::new(format!("read_also[{j}].slug"), format!("names \"{}\", which has no file in shows/", link.slug))));
            }
        }
    }
    for (file, problem) in between {
        let text = if file == "index.json" {
            index_text
        } else if let Some(name) = file.strip_prefix("index/") {
            &parts.iter().find(|(n, _)| n == name).expect("a checked part").1
        } else {
            &shows.iter().find(|(n, _)| format!("shows/{n}") == file).expect("a checked file").1
        };
        found.extend(locate(&file, text, vec![problem]));
    }
    found
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
    compare("studios", &index.studios, &show.studios);
    compare("genres", &index.genres, &show.genres);
    compare("premiere", &index.premiere, &show.premiere);
    compare("status", &index.status, &show.status);
    compare("updated", &index.updated, &show.updated);
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
fn locate(file: &str, text: &str, problems: Vec<Problem>) -> Vec<Located> {
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
    use super::*;

    #[test]
    fn an_empty_file_is_located_at_its_first_column() {
        // Found by the fuzzer: serde_json reports column 0 here.
        let problems = decode_show("", "x").unwrap_err();
        assert_eq!(problems[0].to_string(), "line 1, column 1: not valid JSON: EOF while parsing a value");
        let located = check_bundle(Some(""), &[("1.json".to_string(), String::new())], &[("x.json".to_string(), String::new())]);
        assert!(located.iter().all(|l| l.line == 1 && l.column == 1), "{located:?}");
    }
}
