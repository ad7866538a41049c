//! What an import gives back: the shards to write, the registry, and the report (counts,
//! conflicts, skipped items, problems) with its summary for a person.

use super::*;

/// What an import gives: the shards to write (shows/<file>), the registry with the new works'
/// slugs, and the report.
#[derive(Clone, Debug)]
pub struct ImportOutcome {
    /// In the order of their file names.
    pub shards: Vec<Shard>,
    pub registry: SlugRegistry,
    pub report: Report,
    /// The slug of each item's shard, by the item's position in data.json's items.
    pub slug_of_item: BTreeMap<usize, String>,
    /// The bundle's `aliases.json`: each former slug of a written show → its slug now.
    pub aliases: BTreeMap<String, String>,
    /// Every TV or web season that ended, for the odds from history (`crate::odds`).
    pub seasons: Vec<crate::odds::Season>,
    /// The bundle's `odds.json`: how the odds were computed.
    pub methods: crate::bundle::OddsMethods,
}

/// A show's file to write into the bundle's shows/.
#[derive(Clone, Debug, PartialEq)]
pub struct Shard {
    /// "metallic-rouge.json".
    pub file: String,
    pub text: String,
    pub origin: Origin,
    /// The catalogue's entry of `text`, which passed `bundle::decode_show` in the import; None
    /// for an editor's file that could not be read.
    pub entry: Option<CatalogueEntry>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Written from the data alone.
    Generated,
    /// An editor's shard with the data's facts added.
    Merged,
    /// An editor's shard as written: not in the data, or it could not be merged.
    AsWritten,
}

/// What an import did, for the editor and for machines (`--format json`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub source: String,
    pub version: String,
    pub as_of: String,
    /// Items in data.json.
    pub items: usize,
    /// Items that gave a shard (generated or merged into an editor's); with `skipped`, every item.
    pub imported: usize,
    /// Editors' files the data was merged into.
    pub merged: Vec<String>,
    /// Files written that were not among the files given, that differ from them, that are the same.
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub unchanged: Vec<String>,
    /// Files of an earlier import that this one no longer writes (to delete).
    pub stale: Vec<String>,
    /// Entries added to the slug registry.
    pub new_slugs: Vec<NewSlug>,
    /// Registered works whose id slug gave way to a name, the old slug kept as an alias.
    pub renamed_slugs: Vec<RenamedSlug>,
    pub conflicts: Vec<Conflict>,
    pub skipped: Vec<Skipped>,
    /// Fields of imported items left out, by work.
    pub left_out: Vec<LeftOut>,
    /// Links between works (each pair counted once) and directed links by relation.
    pub links: LinkCounts,
    /// The franchises found, and the works left out of their order.
    pub franchises: FranchiseCounts,
    /// The data's outlooks written, by status.
    pub outlooks: BTreeMap<String, usize>,
    /// Shows by where their Latin name came from: "editor", "english" (the data's), "derived",
    /// "romaji", and "native" (none: the title stays in its own script).
    pub names: BTreeMap<String, usize>,
    /// Editors' files that could not be read, or merged, and were copied as written.
    pub editorial_problems: Vec<FileProblem>,
    /// Sites of siteMeta that could not be read: their links are left out.
    pub bad_sites: Vec<FileProblem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NewSlug {
    pub key: String,
    pub slug: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RenamedSlug {
    pub key: String,
    pub slug: String,
    /// The slug it had, which now redirects to `slug`.
    pub alias: String,
}

/// An item that gave no shard.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Its position in data.json's items.
    pub item: usize,
    pub title: Option<String>,
    /// A short category, to count by: "malformed item", "unusable title", "unknown type",
    /// "same key as an earlier item", "slug of an editor's file", "breaks a rule".
    pub category: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// The work's key.
    pub key: String,
    pub field: String,
    pub reason: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct LinkCounts {
    pub pairs: usize,
    pub sequel: usize,
    pub part: usize,
    pub prequel: usize,
    pub film: usize,
    pub recap: usize,
    pub special: usize,
}

/// What the franchise grouping found ([`crate::franchise`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FranchiseCounts {
    /// Franchises of two works or more.
    pub franchises: usize,
    /// Works in them.
    pub works: usize,
    /// Continuities of two placed works or more (a remake starts one).
    pub continuities: usize,
    /// Works that start the story over within their franchise (remakes), with why.
    pub restarts: Vec<Placement>,
    /// Works of a franchise left out of its order (no premiere date, a season number out of
    /// order), with why.
    pub unplaced: Vec<Placement>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Placement {
    pub item: usize,
    pub title: String,
    pub reason: String,
}

impl FranchiseCounts {
    pub fn of(works: &[Work], f: &crate::franchise::Franchises) -> FranchiseCounts {
        let big: Vec<&Vec<usize>> = f.franchises.iter().filter(|m| m.len() > 1).collect();
        let placement = |(w, reason): &(usize, String)| Placement { item: works[*w].item, title: works[*w].native.clone(), reason: reason.clone() };
        FranchiseCounts {
            franchises: big.len(),
            works: big.iter().map(|m| m.len()).sum(),
            continuities: f.continuities.iter().filter(|m| m.len() > 1).count(),
            restarts: f.restarts.iter().map(placement).collect(),
            unplaced: f.unplaced.iter().map(placement).collect(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FileProblem {
    pub file: String,
    pub message: String,
}

impl Report {
    /// The report for a person: counts, then each conflict, skipped item and problem.
    pub fn summary(&self) -> String {
        let mut out = Vec::new();
        out.push(format!("{} {} (as of {}): {} items, {} imported, {} skipped.", self.source, self.version, self.as_of, self.items, self.imported, self.skipped.len()));
        out.push(format!(
            "Shards: {} added, {} updated, {} unchanged, {} stale; {} merged into editors' files; {} new slugs{}.",
            self.added.len(),
            self.updated.len(),
            self.unchanged.len(),
            self.stale.len(),
            self.merged.len(),
            self.new_slugs.len(),
            match self.renamed_slugs.len() {
                0 => String::new(),
                n => format!(", {n} renamed (each former slug kept as an alias)"),
            }
        ));
        let l = &self.links;
        out.push(format!("Links: {} pairs of works ({} sequel, {} part, {} film, {} recap, {} special links).", l.pairs, l.sequel, l.part, l.film, l.recap, l.special));
        let f = &self.franchises;
        out.push(format!(
            "Franchises: {} of two works or more ({} works), {} continuities; {} remakes start their own; {} works left out of their franchise's order.",
            f.franchises,
            f.works,
            f.continuities,
            f.restarts.len(),
            f.unplaced.len()
        ));
        if !self.names.is_empty() {
            out.push(format!("Names: {}.", self.names.iter().map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", ")));
        }
        if !self.outlooks.is_empty() {
            out.push(format!("Outlooks from the data: {}.", self.outlooks.iter().map(|(k, n)| format!("{n} {k}")).collect::<Vec<_>>().join(", ")));
        }
        let mut by_category: BTreeMap<&str, usize> = BTreeMap::new();
        for s in &self.skipped {
            *by_category.entry(s.category.as_str()).or_default() += 1;
        }
        if !by_category.is_empty() {
            out.push(format!("Skipped: {}.", by_category.iter().map(|(c, n)| format!("{n} {c}")).collect::<Vec<_>>().join(", ")));
        }
        let mut by_field: BTreeMap<String, usize> = BTreeMap::new();
        for d in &self.left_out {
            let field = d.field.split(['[', '.']).next().unwrap_or_default().to_string();
            *by_field.entry(field).or_default() += 1;
        }
        if !by_field.is_empty() {
            out.push(format!("Fields left out: {}.", by_field.iter().map(|(f, n)| format!("{n} {f}")).collect::<Vec<_>>().join(", ")));
        }
        out.push(format!("Conflicts: {}.", self.conflicts.len()));
        for c in &self.conflicts {
            out.push(format!("  {}: {}: the editor's {} stays; the data says {}", c.file, c.field, c.editor, c.data));
        }
        for p in self.editorial_problems.iter().chain(&self.bad_sites) {
            out.push(format!("  {}: {}", p.file, p.message));
        }
        for p in &self.franchises.restarts {
            out.push(format!("  new continuity: item {} ({}): {}", p.item, p.title, p.reason));
        }
        for p in &self.franchises.unplaced {
            out.push(format!("  out of order: item {} ({}): {}", p.item, p.title, p.reason));
        }
        for s in &self.skipped {
            out.push(format!("  skipped item {} ({}): {}: {}", s.item, s.title.as_deref().unwrap_or("no title"), s.category, s.reason));
        }
        out.join("\n")
    }
}
