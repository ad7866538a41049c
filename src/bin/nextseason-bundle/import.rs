//! `import bangumi-data`: a shard for every work of bangumi-data in a bundle, merged with the
//! editors' shards, then the catalogue. The rules are the library's (`nextseason::import`);
//! this reads and writes the files and prints the report.

use crate::index::{entries_with, write_catalogue, Sizes};
use crate::output::{colour, io, paint, print_json, replace_file, Fatal, Format, Verdict};
use nextseason::bundle::{self, json_files, CatalogueEntry, HEAD_SIZE, PART_SIZE};
use nextseason::dates::PartialDate;
use nextseason::import::{import, is_generated, Readings, Release, SlugRegistry};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Imports a catalogue of works into a bundle.
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(subcommand)]
    pub source: Source,
}

#[derive(clap::Subcommand)]
pub enum Source {
    BangumiData(BangumiData),
}

/// Writes a shard for every work of bangumi-data into a bundle, then its catalogue.
///
/// Reads bangumi-data's dist/data.json (CC BY 4.0) and writes <bundle-dir>/shows/<slug>.json for
/// every work: the editor's own shard where one names the work (references.bangumi), with the
/// data's facts added where the editor wrote none (the editor's fields always win, and a fact
/// the data disputes is reported as a conflict), else a shard written from the data alone
/// (its article marked generated). Then writes the catalogue as `index` does.
///
/// The editors' shards are read from --editorial (by default the bundle's own shows/); shards
/// with a generated article are the importer's earlier output, never an editor's. A work keeps
/// its slug for good: the registry (--registry) maps each work to its slug, and new works are
/// added to it. The data's release and date come from the pin beside the registry
/// (package.json: the bangumi-data version it depends on, and nextseason.as_of); a data.json
/// from another release is refused.
///
/// Run from the repository's root, for example:
///
///   (cd .ci/bangumi-data && npm ci)
///   nextseason-bundle import bangumi-data .ci/bangumi-data/node_modules/bangumi-data/dist/data.json dist/data
#[derive(clap::Args)]
#[command(
    verbatim_doc_comment,
    after_help = "Exit status: 0 written, 1 written with conflicts or editors' files that could not be merged (or a show's file that keeps the catalogue from being written), 2 usage or I/O error, or a data.json that cannot be read."
)]
pub struct BangumiData {
    /// bangumi-data's dist/data.json
    pub data_json: PathBuf,
    /// The bundle directory to write into (shows/, index.json, index/)
    pub bundle_dir: PathBuf,
    /// The editors' shards [default: <BUNDLE_DIR>/shows]
    #[arg(long, value_name = "DIR")]
    pub editorial: Option<PathBuf>,
    /// The slug registry, with the pin (package.json) beside it
    #[arg(long, value_name = "FILE", default_value = ".ci/bangumi-data/slugs.json")]
    pub registry: PathBuf,
    /// The romaji of the data's Japanese titles (.ci/readings/readings.py writes it); without
    /// it, works titled only in Japanese keep their native title
    #[arg(long, value_name = "FILE", default_value = ".ci/bangumi-data/readings.json")]
    pub readings: PathBuf,
    /// How to print the report
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(args: &Args) -> Result<Verdict, Fatal> {
    match &args.source {
        Source::BangumiData(args) => bangumi_data(args),
    }
}

pub(crate) fn read(path: &Path) -> Result<String, Fatal> {
    std::fs::read_to_string(path).map_err(|e| io(path, e))
}

/// The release the pin names, checked against the data's own package when it is beside it.
pub(crate) fn release(registry: &Path, data_json: &Path) -> Result<Release, Fatal> {
    let pin_path = registry.parent().unwrap_or(Path::new(".")).join("package.json");
    let pin: serde_json::Value = serde_json::from_str(&read(&pin_path)?).map_err(|e| Fatal(format!("{}: {e}", pin_path.display())))?;
    let version = pin["dependencies"]["bangumi-data"].as_str().map(str::to_string);
    let as_of = pin["nextseason"]["as_of"].as_str().map(PartialDate::parse);
    let (Some(version), Some(Ok(as_of))) = (version, as_of) else {
        return Err(Fatal(format!("{}: needs dependencies.bangumi-data (the version) and nextseason.as_of (its date, YYYY-MM-DD)", pin_path.display())));
    };
    // npm's layout: node_modules/bangumi-data/dist/data.json beside its package.json.
    let package = data_json.parent().and_then(Path::parent).map(|p| p.join("package.json"));
    if let Some(Ok(text)) = package.as_ref().map(std::fs::read_to_string) {
        let own: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        if own["name"] == "bangumi-data" && own["version"].as_str() != Some(version.as_str()) {
            return Err(Fatal(format!(
                "{} is bangumi-data {} but {} pins {version} (as of {as_of}): update the pin and its date",
                data_json.display(),
                own["version"].as_str().unwrap_or("of no version"),
                pin_path.display()
            )));
        }
    }
    Ok(Release { version, as_of })
}

fn bangumi_data(args: &BangumiData) -> Result<Verdict, Fatal> {
    let release = release(&args.registry, &args.data_json)?;
    let data = read(&args.data_json)?;
    let registry = match std::fs::read_to_string(&args.registry) {
        Ok(text) => SlugRegistry::parse(&text).map_err(|e| Fatal(format!("{}: {e}", args.registry.display())))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => SlugRegistry::default(),
        Err(e) => return Err(io(&args.registry, e)),
    };
    let readings = match std::fs::read_to_string(&args.readings) {
        Ok(text) => Readings::parse(&text).map_err(|e| Fatal(format!("{}: {e}", args.readings.display())))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Readings::default(),
        Err(e) => return Err(io(&args.readings, e)),
    };
    let shows_dir = args.bundle_dir.join("shows");
    std::fs::create_dir_all(&shows_dir).map_err(|e| io(&shows_dir, e))?;
    // The bundle's shows as they are, read once: the importer's earlier output among them is
    // given to the import (when the editors' shards are elsewhere), and what is written is
    // compared with them.
    let in_bundle: BTreeMap<String, String> = json_files(&shows_dir)?.into_iter().collect();
    let mut files = match &args.editorial {
        Some(dir) => json_files(dir)?,
        None => in_bundle.iter().map(|(n, t)| (n.clone(), t.clone())).collect(),
    };
    if args.editorial.is_some() {
        let editorial: HashSet<String> = files.iter().map(|(n, _)| n.clone()).collect();
        for (name, text) in &in_bundle {
            if is_generated(text) && !editorial.contains(name) {
                files.push((name.clone(), text.clone()));
            }
        }
    }
    let outcome = import(&data, &files, &registry, &readings, &release).map_err(|e| Fatal(format!("{}: {e}", args.data_json.display())))?;

    // The shows of the bundle once written: those read, with the import's written over them and
    // its stale ones deleted.
    let mut shows = in_bundle;
    for shard in &outcome.shards {
        if shows.get(&shard.file) != Some(&shard.text) {
            let path = shows_dir.join(&shard.file);
            replace_file(&path, &shard.text)?;
            shows.insert(shard.file.clone(), shard.text.clone());
        }
    }
    for file in &outcome.report.stale {
        let path = shows_dir.join(file);
        if path.exists() {
            std::fs::remove_file(&path).map_err(|e| io(&path, e))?;
        }
        shows.remove(file);
    }
    // The renamed shows' former slugs, which keep their addresses working (README, "Hosting").
    let aliases_path = args.bundle_dir.join(bundle::ALIASES_FILE);
    match outcome.aliases.is_empty() {
        true if aliases_path.exists() => std::fs::remove_file(&aliases_path).map_err(|e| io(&aliases_path, e))?,
        true => {}
        false => {
            let text = bundle::Aliases::new(outcome.aliases.clone()).to_json();
            if std::fs::read_to_string(&aliases_path).ok().as_deref() != Some(text.as_str()) {
                replace_file(&aliases_path, &text)?;
            }
        }
    }
    // How the odds were computed, for the methods page.
    let odds_path = args.bundle_dir.join(bundle::ODDS_FILE);
    let odds_text = outcome.methods.to_json();
    if std::fs::read_to_string(&odds_path).ok().as_deref() != Some(odds_text.as_str()) {
        replace_file(&odds_path, &odds_text)?;
    }
    let registry_text = outcome.registry.to_json();
    if std::fs::read_to_string(&args.registry).ok().as_deref() != Some(registry_text.as_str()) {
        std::fs::write(&args.registry, &registry_text).map_err(|e| io(&args.registry, e))?;
    }

    // The catalogue, from every show file of the bundle, as `index` writes it; the entries of
    // the shards the import wrote (and so decoded) are its own.
    let known: HashMap<&str, (&str, &CatalogueEntry)> =
        outcome.shards.iter().filter_map(|s| Some((s.file.as_str(), (s.text.as_str(), s.entry.as_ref()?)))).collect();
    let shows: Vec<(String, String)> = shows.into_iter().collect();
    let catalogue = match entries_with(&args.bundle_dir, &shows, &known) {
        Ok(entries) => {
            let count = entries.len();
            let (_, parts) = write_catalogue(&args.bundle_dir, entries, Sizes { head: HEAD_SIZE, part: PART_SIZE })?;
            Ok((count, parts))
        }
        Err(problems) => Err(problems),
    };

    let report = &outcome.report;
    let troubled = !report.conflicts.is_empty() || !report.editorial_problems.is_empty() || catalogue.is_err();
    match args.format {
        Format::Json => {
            let mut json = serde_json::to_value(report).unwrap_or_default();
            json["catalogue"] = match &catalogue {
                Ok((shows, parts)) => serde_json::json!({"written": true, "shows": shows, "parts": parts}),
                Err(problems) => serde_json::json!({"written": false, "problems": problems}),
            };
            print_json(&json);
        }
        Format::Text => {
            let on = colour();
            println!("{}", report.summary());
            match &catalogue {
                Ok((shows, parts)) => println!("Catalogue: {} ({shows} shows, {parts} parts).", args.bundle_dir.join("index.json").display()),
                Err(problems) => {
                    for problem in problems {
                        println!("{problem}");
                    }
                    println!("{}", paint(on, "31", "index.json not written: fix these first."));
                }
            }
            if troubled {
                println!("{}", paint(on, "31", "Written, with conflicts or problems for an editor to look at (above)."));
            }
        }
    }
    Ok(if troubled { Verdict::Problems } else { Verdict::Clean })
}
