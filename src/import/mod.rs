//! The importer of bangumi-data (`dist/data.json`, CC BY 4.0): a shard for every work of the
//! data, merged with the editors' own shards, for the bundle that the release build serves.
//! Native only; it uses the bundle's schema and rules (`bundle`), and `dates`, `regions`,
//! `text`, `mojibake` beneath them, and does no I/O: the tool reads and writes the files.
//!
//! - `data`: the serde types of data.json, decoded item by item.
//! - `facts`: an item as a [`facts::Work`]: titles, kind, dates in Japan, slot, ids, offers.
//! - `sites`: links from the sites' templates, with every id checked.
//! - `slugs`: keys, slugs and the [`SlugRegistry`] that keeps them.
//! - `seasons`: the links between seasons, parts and films, and what follows a work.
//! - `merge`: an editor's shard with the data's facts; the editor always wins.
//! - `article`: the generated text; `story`: its section on the seasons linked to the work.
//! - `fuzz`: the fuzz body of the reading of the data and of its links ([`fuzz_one`]), for the
//!   fuzzer and `cargo test`.
//!
//! Deterministic: the same data, files and registry give the same bytes, and a second run over
//! its own output changes nothing.

mod article;
mod data;
mod facts;
mod fuzz;
mod history;
mod merge;
mod names;
#[cfg(test)]
mod measure;
mod report;
mod seasons;
mod sites;
mod slugs;
mod story;
#[cfg(test)]
mod tests;

pub use facts::Dropped;
pub use fuzz::fuzz_one;
pub use merge::{editors_shard_of, Conflict, BINDING_SITES};
pub use report::{FileProblem, FranchiseCounts, ImportOutcome, LeftOut, LinkCounts, NewSlug, Origin, Placement, RenamedSlug, Report, Shard, Skipped};
pub use slugs::SlugRegistry;

use crate::bundle::{decode_show, CatalogueEntry, DataOutlook, DataSource, HistoryOdds, NativeText, Related, Relation, Show, SCHEMA_VERSION};
use crate::dates::PartialDate;
pub use crate::names::Readings;
use facts::{in_jst, Work};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The data's name, as the page credits it.
pub const SOURCE: &str = "bangumi-data";
/// The data's license.
pub const LICENSE: &str = "CC BY 4.0";

/// The release of the data being imported: its version and its date, which every fact of it is
/// "as of".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Release {
    pub version: String,
    pub as_of: PartialDate,
}

/// An editor's shard that could be read.
struct EditorShard {
    file: String,
    slug: String,
    show: Show,
    text: String,
}

/// The files given: the editors' shards, those that could not be read, and the importer's own
/// earlier output (shards with a generated article: never read as an editor's).
#[derive(Default)]
struct Given {
    editors: Vec<EditorShard>,
    unreadable: Vec<(String, String)>,
    texts: BTreeMap<String, String>,
    previous: BTreeSet<String>,
}

fn read_given(files: &[(String, String)], report: &mut Report) -> Given {
    let mut given = Given::default();
    let mut files: Vec<&(String, String)> = files.iter().collect();
    files.sort();
    for (file, text) in files {
        let Some(slug) = file.strip_suffix(".json") else { continue };
        if given.texts.insert(file.clone(), text.clone()).is_some() {
            continue;
        }
        // The importer's own output is only compared with, never read: it needs no decoding.
        if is_generated(text) {
            given.previous.insert(file.clone());
            continue;
        }
        match decode_show(text, slug) {
            Ok(show) if show.article.generated && show.outlook.is_none() => {
                given.previous.insert(file.clone());
            }
            Ok(show) => given.editors.push(EditorShard { file: file.clone(), slug: slug.to_string(), show, text: text.clone() }),
            Err(problems) => {
                let message = problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; ");
                report.editorial_problems.push(FileProblem { file: format!("shows/{file}"), message: format!("{message} (copied as written, not merged)") });
                given.unreadable.push((file.clone(), text.clone()));
            }
        }
    }
    given
}

/// Whether a shard's text is JSON with `article.generated` true and no editor's `outlook`: the
/// importer's output (read without decoding the rest). A shard with the editor's outlook is the
/// editor's, its article's body generated under the editor's headline (`merge`) when the
/// import wrote over the editors' own folder.
pub fn is_generated(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Shard {
        article: Option<Article>,
        outlook: Option<serde::de::IgnoredAny>,
    }
    #[derive(serde::Deserialize)]
    struct Article {
        generated: Option<serde_json::Value>,
    }
    serde_json::from_str::<Shard>(text).is_ok_and(|s| s.outlook.is_none() && s.article.and_then(|a| a.generated) == Some(serde_json::Value::Bool(true)))
}

/// Whether a later item with the key of an earlier work is another entry, not the same one
/// again (a translation, a copy): its own title differs and it premieres on another day.
fn another_entry(first: &Work, later: &Work) -> bool {
    let title = |w: &Work| crate::text::fold(w.native.trim());
    title(first) != title(later) && first.premiere() != later.premiere() && later.premiere().is_some()
}

/// Imports the data: a shard for every work, merged into the editor's shard where one names the
/// work (`references.bangumi`, else its MyAnimeList, AniList or AniDB id), and the editors'
/// other shards as written. `files` are the shards already at hand, as (file name, text): the
/// editors', and any earlier output of the importer (recognised by their generated article,
/// compared with, never merged). `registry` is the slug registry as committed; the outcome
/// holds it with the new works added. Fails only when data.json cannot be read at all.
pub fn import(data_json: &str, files: &[(String, String)], registry: &SlugRegistry, readings: &Readings, release: &Release) -> Result<ImportOutcome, String> {
    let data = data::parse(data_json)?;
    let mut report = Report {
        source: SOURCE.into(),
        version: release.version.clone(),
        as_of: release.as_of.to_string(),
        items: data.items.len(),
        bad_sites: data.bad_sites.iter().map(|(site, why)| FileProblem { file: format!("siteMeta.{site}"), message: why.clone() }).collect(),
        ..Report::default()
    };
    let given = read_given(files, &mut report);

    // The works, each key once.
    let mut works: Vec<Work> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // The works under each key of the data: the first, and other entries under its ids.
    let mut sharing: HashMap<String, Vec<usize>> = HashMap::new();
    let mut left_out: Vec<Vec<facts::Dropped>> = Vec::new();
    for (i, value) in data.items.iter().enumerate() {
        let title = value.get("title").and_then(|t| t.as_str()).map(str::to_string);
        let skip = |category: &str, reason: String| Skipped { item: i, title: title.clone(), category: category.into(), reason };
        let item = match data::decode_item(value) {
            Ok(item) => item,
            Err(reason) => {
                report.skipped.push(skip("malformed item", reason));
                continue;
            }
        };
        match facts::work_of(i, &item, &data.site_meta) {
            Err((category, reason)) => report.skipped.push(skip(category, reason)),
            // Another entry of the data under the ids of an earlier one, with its own title and
            // its own premiere (Fate/strange Fake's TV series after its first episode's advance
            // broadcast): no translation or copy of it, so it is known by its title and premiere,
            // and the shared id is reported.
            Ok((mut work, mut dropped)) if by_key.contains_key(&work.key) && sharing[&work.key].iter().all(|&w| another_entry(&works[w], &work)) && !by_key.contains_key(&facts::title_key(&work)) => {
                let first = works[by_key[&work.key]].item;
                sharing.entry(work.key.clone()).or_default().push(works.len());
                dropped.push(facts::Dropped {
                    field: "sites".into(),
                    reason: format!("{} is also item {first}'s, another entry (its own title and premiere): this one is known as {}", work.key, facts::title_key(&work)),
                });
                work.key = facts::title_key(&work);
                by_key.insert(work.key.clone(), works.len());
                works.push(work);
                left_out.push(dropped);
            }
            Ok((work, _)) if by_key.contains_key(&work.key) => {
                let first = works[by_key[&work.key]].item;
                report.skipped.push(skip("same key as an earlier item", format!("{} is also item {first}'s", work.key)));
            }
            Ok((work, dropped)) => {
                sharing.entry(work.key.clone()).or_default().push(works.len());
                by_key.insert(work.key.clone(), works.len());
                works.push(work);
                left_out.push(dropped);
            }
        }
    }

    // English titles pasted from the item beside them: neither titles nor slugs.
    for (w, title, other) in facts::pasted_english(&works) {
        facts::drop_english(&mut works[w], &title);
        left_out[w].push(facts::Dropped {
            field: "titleTranslate.en".into(),
            reason: format!("{title:?} is (nearly) the English title of item {other} beside it, a work whose own title has nothing in common: taken as pasted from it"),
        });
    }

    // Editors' shards, bound to the works they name.
    let mut editor_of: HashMap<usize, usize> = HashMap::new();
    for (e, shard) in given.editors.iter().enumerate() {
        let refs = &shard.show.references;
        let Some(w) = merge::BINDING_SITES.iter().find_map(|site| by_key.get(&format!("{}:{}", site.key(), refs.get(*site)?)).copied()) else { continue };
        match editor_of.get(&w) {
            Some(&other) => report.editorial_problems.push(FileProblem {
                file: format!("shows/{}", shard.file),
                message: format!("names the same work as shows/{} ({}): not merged", given.editors[other].file, works[w].key),
            }),
            None => {
                editor_of.insert(w, e);
            }
        }
    }

    let franchises = seasons::franchises(&works);
    let links = seasons::link(&works, &franchises);
    // Latin names after the franchises (a later season's comes from its first season's), and
    // before the slugs, which are made from them.
    let naming = names::name(&mut works, &franchises, readings);
    report.franchises = FranchiseCounts::of(&works, &franchises);
    let by_work = history::seasons(&works, &franchises);
    let (odds, methods) = history::reckon(&by_work, release.as_of);
    let seasons: Vec<crate::odds::Season> = by_work.into_iter().flatten().collect();

    // Slugs: the editors', the registry's (a registered id slug renamed once the work has a
    // Latin name, the old slug kept as its alias), then new ones, earliest works first.
    let mut registry = registry.clone();
    let editor_slugs: HashSet<&str> = given.editors.iter().map(|e| e.slug.as_str()).chain(given.unreadable.iter().filter_map(|(f, _)| f.strip_suffix(".json"))).collect();
    let mut taken: HashSet<String> = registry.slugs().into_iter().map(str::to_string).chain(editor_slugs.iter().map(|s| s.to_string())).collect();
    let mut slug_of: Vec<Option<String>> = vec![None; works.len()];
    let mut bound: Vec<(usize, usize)> = editor_of.iter().map(|(&w, &e)| (w, e)).collect();
    bound.sort();
    for (w, e) in bound {
        let shard = &given.editors[e];
        let key = &works[w].key;
        match registry.get(key) {
            Some(slug) if slug != shard.slug => report.conflicts.push(Conflict {
                file: format!("shows/{}", shard.file),
                field: "slug".into(),
                editor: format!("\"{}\"", shard.slug),
                data: format!("\"{slug}\" (the registry's for {key}: the editor's file is used, the registry left as it is)"),
            }),
            Some(_) => {}
            None if registry.slugs().contains(shard.slug.as_str()) => report.conflicts.push(Conflict {
                file: format!("shows/{}", shard.file),
                field: "slug".into(),
                editor: format!("\"{}\"", shard.slug),
                data: format!("the registry gives \"{}\" to another work: {key} is not registered", shard.slug),
            }),
            None => {
                registry.add(key, &shard.slug);
                report.new_slugs.push(NewSlug { key: key.clone(), slug: shard.slug.clone() });
            }
        }
        slug_of[w] = Some(shard.slug.clone());
    }
    let mut order: Vec<usize> = (0..works.len()).filter(|w| !editor_of.contains_key(w)).collect();
    order.sort_by_cached_key(|&w| (works[w].begin.map_or(i64::MAX, |b| b.epoch_ms), works[w].key.clone()));
    let mut excluded = vec![false; works.len()];
    for &w in &order {
        let work = &works[w];
        match registry.get(&work.key) {
            Some(slug) if editor_slugs.contains(slug) => {
                report.skipped.push(Skipped {
                    item: work.item,
                    title: Some(work.native.clone()),
                    category: "slug of an editor's file".into(),
                    reason: format!("the registry gives it \"{slug}\", but shows/{slug}.json is an editor's shard that names no id of it (add references.bangumi to merge them)"),
                });
                excluded[w] = true;
            }
            Some(slug) if !crate::bundle::is_id_slug(slug) => slug_of[w] = Some(slug.to_string()),
            registered => {
                let base = names::slug_base(work, &naming[w], readings);
                let year = work.premiere().map(|d| d.earliest_day().0);
                let slug = slugs::first_free(&slugs::candidates(base.as_deref(), year, &work.key), &|s| taken.contains(s));
                match registered.map(str::to_string) {
                    // Still no name, or only taken ones: the id slug stays.
                    Some(old) if crate::bundle::is_id_slug(&slug) => slug_of[w] = Some(old),
                    Some(old) => {
                        registry.rename(&work.key, &slug);
                        report.renamed_slugs.push(RenamedSlug { key: work.key.clone(), slug: slug.clone(), alias: old });
                        taken.insert(slug.clone());
                        slug_of[w] = Some(slug);
                    }
                    None => {
                        registry.add(&work.key, &slug);
                        report.new_slugs.push(NewSlug { key: work.key.clone(), slug: slug.clone() });
                        taken.insert(slug.clone());
                        slug_of[w] = Some(slug);
                    }
                }
            }
        }
    }
    report.new_slugs.sort_by(|a, b| a.key.cmp(&b.key));
    report.renamed_slugs.sort_by(|a, b| a.key.cmp(&b.key));
    // Build every shard; a work whose shard breaks a rule is left out and the rest built again
    // without links to it (the rules are checked on everything the importer writes).
    let mut built;
    loop {
        built = build(&works, &links, &franchises, &slug_of, &excluded, &editor_of, &given, &naming, &odds, release);
        let failed: Vec<(usize, String)> = built.failed.drain(..).collect();
        if failed.is_empty() {
            break;
        }
        for (w, reason) in failed {
            excluded[w] = true;
            report.skipped.push(Skipped { item: works[w].item, title: Some(works[w].native.clone()), category: "breaks a rule".into(), reason });
        }
    }
    report.conflicts.extend(built.conflicts);
    report.editorial_problems.extend(built.problems);
    report.links = built.links;
    report.outlooks = built.outlooks;
    report.names = built.names;
    report.merged = built.merged;
    for (w, dropped) in left_out.into_iter().enumerate() {
        if slug_of[w].is_some() && !excluded[w] {
            report.left_out.extend(dropped.into_iter().map(|d| LeftOut { key: works[w].key.clone(), field: d.field, reason: d.reason }));
        }
    }
    report.imported = (0..works.len()).filter(|&w| slug_of[w].is_some() && !excluded[w]).count();

    // The editors' shards the data does not name, and those that could not be read: as written.
    let mut shards = built.shards;
    for (e, shard) in given.editors.iter().enumerate() {
        if !editor_of.values().any(|&x| x == e) {
            shards.push(Shard { file: shard.file.clone(), text: shard.text.clone(), origin: Origin::AsWritten, entry: Some(CatalogueEntry::of(&shard.show)) });
        }
    }
    for (file, text) in &given.unreadable {
        shards.push(Shard { file: file.clone(), text: text.clone(), origin: Origin::AsWritten, entry: None });
    }
    shards.sort_by(|a, b| a.file.cmp(&b.file));

    for shard in &shards {
        match given.texts.get(&shard.file) {
            None => report.added.push(shard.file.clone()),
            Some(text) if *text == shard.text => report.unchanged.push(shard.file.clone()),
            Some(_) => report.updated.push(shard.file.clone()),
        }
    }
    let written: HashSet<&str> = shards.iter().map(|s| s.file.as_str()).collect();
    report.stale = given.previous.iter().filter(|f| !written.contains(f.as_str())).cloned().collect();
    report.skipped.sort_by_key(|s| s.item);
    report.conflicts.sort_by(|a, b| (&a.file, &a.field).cmp(&(&b.file, &b.field)));
    report.editorial_problems.sort_by(|a, b| a.file.cmp(&b.file));
    let slug_of_item = (0..works.len()).filter(|&w| !excluded[w]).filter_map(|w| Some((works[w].item, slug_of[w].clone()?))).collect();
    // Every former address of a show written: its redirects (README, "Hosting").
    let written_slugs: HashSet<&str> = shards.iter().filter_map(|s| s.file.strip_suffix(".json")).collect();
    let aliases = registry.aliases().into_iter().filter(|(alias, slug)| written_slugs.contains(slug) && !written_slugs.contains(alias)).map(|(a, s)| (a.to_string(), s.to_string())).collect();
    Ok(ImportOutcome { shards, registry, report, slug_of_item, aliases, seasons, methods })
}

/// The shards of the works, and what building them found.
#[derive(Default)]
struct Built {
    shards: Vec<Shard>,
    failed: Vec<(usize, String)>,
    conflicts: Vec<Conflict>,
    problems: Vec<FileProblem>,
    links: LinkCounts,
    outlooks: BTreeMap<String, usize>,
    names: BTreeMap<String, usize>,
    merged: Vec<String>,
}

fn build(
    works: &[Work],
    links: &[Vec<seasons::Link>],
    franchises: &crate::franchise::Franchises,
    slug_of: &[Option<String>],
    excluded: &[bool],
    editor_of: &HashMap<usize, usize>,
    given: &Given,
    naming: &[names::Naming],
    odds: &[Option<HistoryOdds>],
    release: &Release,
) -> Built {
    let mut built = Built::default();
    let present = |w: usize| slug_of[w].is_some() && !excluded[w];
    let editor = |w: usize| editor_of.get(&w).map(|&e| &given.editors[e]);
    let title_of = |w: usize| editor(w).map_or_else(|| works[w].title.clone(), |e| e.show.title.clone());
    let slug_to_work: HashMap<&str, usize> = (0..works.len()).filter(|&w| present(w)).filter_map(|w| Some((slug_of[w].as_deref()?, w))).collect();
    // An editor's rejection holds both ways.
    let rejects = |w: usize, other: usize| editor(w).is_some_and(|e| slug_of[other].as_ref().is_some_and(|s| e.show.related_rejected.contains(s)));
    let named = |w: usize| article::Named { title: title_of(w), premiere: works[w].premiere(), ends: works[w].ends() };
    let data_source = DataSource { source: SOURCE.into(), version: release.version.clone(), as_of: release.as_of, license: LICENSE.into() };

    for (w, work) in works.iter().enumerate() {
        let Some(slug) = slug_of[w].clone().filter(|_| present(w)) else { continue };
        let kept: Vec<&seasons::Link> = links[w].iter().filter(|l| present(l.other) && !rejects(w, l.other) && !rejects(l.other, w)).collect();
        let mut related: Vec<Related> = kept
            .iter()
            .map(|l| Related {
                slug: slug_of[l.other].clone().unwrap_or_default(),
                title: title_of(l.other),
                kind: Some(works[l.other].kind),
                premiere: works[l.other].premiere(),
                relation: l.relation,
                reason: Some(l.reason.clone()),
            })
            .collect();
        related.sort_by(|a, b| (a.premiere.map(PartialDate::earliest_day).is_none(), a.premiere.map(PartialDate::earliest_day), &a.slug).cmp(&(b.premiere.map(PartialDate::earliest_day).is_none(), b.premiere.map(PartialDate::earliest_day), &b.slug)));
        for l in &kept {
            let count = match l.relation {
                Relation::Sequel => &mut built.links.sequel,
                Relation::Part => &mut built.links.part,
                Relation::Prequel => &mut built.links.prequel,
                Relation::Film => &mut built.links.film,
                Relation::Recap => &mut built.links.recap,
                Relation::Special => &mut built.links.special,
            };
            *count += 1;
            if w < l.other {
                built.links.pairs += 1;
            }
        }
        // What follows, by the links the shard will hold: the editor's own, else the data's.
        let editors_related = editor(w).map(|e| &e.show.related).filter(|r| !r.is_empty());
        let followed: Vec<(usize, Relation)> = match editors_related {
            Some(own) => own.iter().filter_map(|r| Some((*slug_to_work.get(r.slug.as_str())?, r.relation))).collect(),
            None => kept.iter().map(|l| (l.other, l.relation)).collect(),
        };
        let after = seasons::after(works, w, &followed, &franchises.next, editors_related.is_some(), release.as_of);
        let (status, summary) = article::outlook_summary(&title_of(w), &after, &named, release);
        let next = match &after {
            seasons::After::Next { work: next, .. } => Some(*next),
            _ => None,
        };
        let data_outlook = DataOutlook {
            status,
            summary,
            next: next.and_then(|n| slug_of[n].clone()),
            premiere: next.and_then(|n| works[n].premiere()),
            premiere_at: next.and_then(|n| works[n].begin).map(in_jst),
            odds: odds[w].clone().filter(|_| !status.has_next()),
        };
        let has_prequel = related.iter().any(|r| r.relation == Relation::Prequel);
        // The story: this work and those the shard links to, in premiere order (the
        // continuity's).
        let mut in_story: Vec<usize> = kept.iter().map(|l| l.other).chain([w]).collect();
        in_story.sort_by_key(|&x| (works[x].begin.is_none(), works[x].begin.map(|b| b.epoch_ms), x));
        let told: Vec<story::Told> = in_story
            .iter()
            .map(|&x| story::Told { title: title_of(x), kind: works[x].kind, role: franchises.roles[x], premiere: works[x].premiere(), ends: works[x].ends(), this: x == w })
            .collect();
        let show = Show {
            schema: SCHEMA_VERSION,
            slug: slug.clone(),
            title: work.title.clone(),
            native_title: work.lang.as_ref().map(|lang| NativeText { text: work.native.clone(), lang: lang.clone() }),
            alt_titles: Vec::new(),
            titles: work.titles.iter().filter(|t| t.text != work.title).cloned().collect(),
            romaji: naming[w].romaji.clone(),
            spelled: naming[w].spelled.clone(),
            title_made: naming[w].made,
            kind: Some(work.kind),
            seasons: None,
            genres: Vec::new(),
            studios: Vec::new(),
            premiere: work.premiere(),
            ends: work.ends(),
            broadcast: work.slot.clone(),
            source: None,
            outlook: None,
            data_outlook: Some(data_outlook),
            article: article::article(work, has_prequel, story::section(&told, release.as_of), release),
            watch: work.offers.clone(),
            cast: Vec::new(),
            read_also: Vec::new(),
            related,
            related_rejected: Vec::new(),
            image: None,
            official_site: work.official_site.clone(),
            references: work.references.clone(),
            data: Some(data_source.clone()),
        };
        let file = format!("{slug}.json");
        match editor(w) {
            None => match written(&show) {
                Ok((text, entry)) => {
                    if let Some(d) = &show.data_outlook {
                        *built.outlooks.entry(d.status.key().to_string()).or_default() += 1;
                    }
                    *built.names.entry(naming[w].source(work).to_string()).or_default() += 1;
                    built.shards.push(Shard { file, text, origin: Origin::Generated, entry: Some(entry) });
                }
                Err(reason) => built.failed.push((w, reason)),
            },
            Some(editor) => {
                let mut data_titles: Vec<String> = vec![work.native.clone(), work.title.clone()];
                data_titles.extend(work.titles.iter().map(|t| t.text.clone()));
                let (merged, conflicts) = merge::merge(&format!("shows/{}", editor.file), editor.show.clone(), show, &data_titles);
                match written(&merged) {
                    Ok((text, entry)) => {
                        if let Some(d) = &merged.data_outlook {
                            *built.outlooks.entry(d.status.key().to_string()).or_default() += 1;
                        }
                        *built.names.entry("editor".to_string()).or_default() += 1;
                        built.conflicts.extend(conflicts);
                        built.merged.push(format!("shows/{file}"));
                        built.shards.push(Shard { file, text, origin: Origin::Merged, entry: Some(entry) });
                    }
                    Err(reason) => {
                        built.problems.push(FileProblem { file: format!("shows/{file}"), message: format!("merged with the data it {reason}: copied as written") });
                        built.shards.push(Shard { file, text: editor.text.clone(), origin: Origin::AsWritten, entry: Some(CatalogueEntry::of(&editor.show)) });
                    }
                }
            }
        }
    }
    built.merged.sort();
    built
}

/// A show's file as the importer writes it (pretty JSON in the schema's order, a final newline),
/// once the site's own decoder accepts it, with its catalogue entry; else the first problem.
fn written(show: &Show) -> Result<(String, CatalogueEntry), String> {
    let text = format!("{}\n", serde_json::to_string_pretty(show).map_err(|e| e.to_string())?);
    match decode_show(&text, &show.slug) {
        Ok(decoded) => Ok((text, CatalogueEntry::of(&decoded))),
        Err(problems) => Err(format!("breaks a rule: {}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("; "))),
    }
}
