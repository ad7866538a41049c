//! The bundle tool, native, for editors and for the tests. It shares the site's schema and
//! validation (`nextseason::bundle`), so a bundle it passes is a bundle the site renders.
//!
//! - `check <bundle-dir>`: every problem of every file, as `file:line:column: path: message`.
//! - `fix-encoding <bundle-dir>`: repairs mis-decoded text in place, and says what it changed.
//! - `index <bundle-dir>`: writes the catalogue (index.json and its parts) from the shows' files.
//! - `synthetic --shows N --out DIR [--merge]`: a generated, labelled-synthetic catalogue.

use nextseason::bundle::{
    self, Article, CatalogueEntry, Located, Name, Offer, OfferKind, Outlook, Role, Section, Show, ShowLink, Source,
    SourceKind, Status, Voice, Window, HEAD_SIZE, PART_SIZE, SCHEMA_VERSION,
};
use nextseason::dates::{Instant, PartialDate};
use nextseason::mojibake;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "nextseason-bundle: check, repair and assemble a NextSeason bundle

usage:
  nextseason-bundle check <bundle-dir> [--format text|json]
  nextseason-bundle fix-encoding <bundle-dir> [--format text|json]
  nextseason-bundle index <bundle-dir> [--head-size N] [--part-size N]
  nextseason-bundle synthetic --shows N --out DIR [--merge] [--head-size N] [--part-size N]
  nextseason-bundle <command> --help

A bundle directory holds the catalogue, index.json (its head) and index/<n>.json (its parts),
and one file per show, shows/<slug>.json (the site's is public/data).
Exit status: 0 when all is well, 1 when problems were found, 2 for a usage or I/O error.";

const CHECK_USAGE: &str = "usage: nextseason-bundle check <bundle-dir> [--format text|json]

Validates index.json, index/*.json and every shows/*.json with the site's own rules, and the
rules between files (the head's total, parts and facet counts against its parts, the default
order, slugs and file names, index entries and their shows, \"Read also\" links), and reports
every problem as

  file:line:column: json.path: what is wrong (and what would be right)

--format json prints {\"files\": N, \"problems\": [{file, line, column, path, message}]}.
Exit status: 0 clean, 1 problems found, 2 usage or I/O error.";

const FIX_USAGE: &str = "usage: nextseason-bundle fix-encoding <bundle-dir> [--format text|json]

Repairs mis-decoded text (UTF-8 once read as Windows-1252, Mac Roman, Mac Central European,
Windows-1250 or Latin-1: \"Hern√°ndez\", \"„ÄźRelease Date„ÄĎ\", \"donâ€™t\") in every string
of every file, in place, only where re-decoding gives valid text, and reports each change.
Everything else in the files is left byte for byte.
Exit status: 0 (whether or not anything changed), 2 usage or I/O error.";

const INDEX_USAGE: &str = "usage: nextseason-bundle index <bundle-dir> [--head-size N] [--part-size N]

Writes the catalogue from shows/*.json, one entry per show in the catalogue's default order
(recently updated first, then by title), the same bytes for the same shows:
  index.json      the head: total, part_size, parts, every facet value with its count, and the
                  first --head-size entries (default 48, two pages of the catalogue)
  index/<n>.json  the parts, n = 1, 2, …: the next --part-size entries each (default 2000)
and deletes index/*.json files left from a larger catalogue. Writes nothing and exits 1 when a
show's file has problems.";

const SYNTHETIC_USAGE: &str = "usage: nextseason-bundle synthetic --shows N --out DIR [--merge] [--head-size N] [--part-size N]

Writes a generated, labelled-synthetic catalogue of N shows into DIR (shows/synthetic-NNNNN.json,
and the catalogue as `index` writes it: index.json and index/<n>.json), for tests and benchmarks.
--merge keeps the shows already listed in DIR's catalogue. For example, 100,000 shows beside the
site's own in a copy of the release build:
  cp -r dist /tmp/site && nextseason-bundle synthetic --shows 100000 --out /tmp/site/data --merge";

/// A failure to run at all: a usage error or an I/O error (exit 2).
struct Fatal(String);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => ExitCode::from(code),
        Err(Fatal(message)) => {
            eprintln!("nextseason-bundle: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<u8, Fatal> {
    let Some((command, rest)) = args.split_first() else { return Err(Fatal(USAGE.into())) };
    let usage = match command.as_str() {
        "check" => CHECK_USAGE,
        "fix-encoding" => FIX_USAGE,
        "index" => INDEX_USAGE,
        "synthetic" => SYNTHETIC_USAGE,
        "--help" | "-h" | "help" => {
            println!("{USAGE}");
            return Ok(0);
        }
        other => return Err(Fatal(format!("unknown command {other:?}\n\n{USAGE}"))),
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        println!("{usage}");
        return Ok(0);
    }
    let bad = |what: String| Fatal(format!("{what}\n\n{usage}"));
    let mut sizes = Sizes { head: HEAD_SIZE, part: PART_SIZE };
    let size = |value: Option<&String>, name: &str| match value.and_then(|n| n.parse::<usize>().ok()).filter(|n| *n >= 1) {
        Some(n) => Ok(n),
        None => Err(bad(format!("{name} takes a number of shows, at least 1"))),
    };
    let takes_sizes = matches!(command.as_str(), "index" | "synthetic");
    if command == "synthetic" {
        let mut shows = None;
        let mut out = None;
        let mut merge = false;
        let mut rest = rest.iter();
        while let Some(arg) = rest.next() {
            match arg.as_str() {
                "--shows" => shows = rest.next().and_then(|n| n.parse::<usize>().ok()),
                "--out" => out = rest.next().map(PathBuf::from),
                "--merge" => merge = true,
                "--head-size" => sizes.head = size(rest.next(), arg)?,
                "--part-size" => sizes.part = size(rest.next(), arg)?,
                other => return Err(bad(format!("unknown option {other:?}"))),
            }
        }
        let (Some(count), Some(out)) = (shows, out) else { return Err(bad("--shows N and --out DIR are needed".into())) };
        println!("{}", write_synthetic(count, &out, merge, sizes)?);
        return Ok(0);
    }
    let mut dir = None;
    let mut json = false;
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--head-size" if takes_sizes => sizes.head = size(rest.next(), arg)?,
            "--part-size" if takes_sizes => sizes.part = size(rest.next(), arg)?,
            "--format" => match rest.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text") => json = false,
                other => return Err(bad(format!("--format takes text or json, not {other:?}"))),
            },
            flag if flag.starts_with('-') => return Err(bad(format!("unknown option {flag:?}"))),
            path if dir.is_none() => dir = Some(PathBuf::from(path)),
            extra => return Err(bad(format!("one bundle directory only, not also {extra:?}"))),
        }
    }
    let Some(dir) = dir else { return Err(bad("which bundle directory?".into())) };
    let bundle = read_bundle(&dir)?;
    match command.as_str() {
        "check" => Ok(check(&dir, &bundle, json)),
        "fix-encoding" => fix_encoding(&dir, &bundle, json),
        _ => index(&dir, &bundle, sizes),
    }
}

/// Entries in the head of the catalogue and in each part.
#[derive(Clone, Copy)]
struct Sizes {
    head: usize,
    part: usize,
}

/// A bundle directory's files: index.json (if any), index/*.json and shows/*.json by name.
struct Bundle {
    index: Option<String>,
    parts: Vec<(String, String)>,
    shows: Vec<(String, String)>,
}

fn io(path: &Path, e: std::io::Error) -> Fatal {
    Fatal(format!("{}: {e}", path.display()))
}

fn read_bundle(dir: &Path) -> Result<Bundle, Fatal> {
    if !dir.is_dir() {
        return Err(Fatal(format!("{}: not a directory", dir.display())));
    }
    let index_path = dir.join("index.json");
    let index = match std::fs::read(&index_path) {
        Ok(bytes) => Some(text_of(&index_path, bytes)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(io(&index_path, e)),
    };
    Ok(Bundle { index, parts: json_files(&dir.join("index"))?, shows: json_files(&dir.join("shows"))? })
}

/// The *.json files of a folder (none if it does not exist) as (file name, text), by name.
fn json_files(folder: &Path) -> Result<Vec<(String, String)>, Fatal> {
    let mut files = Vec::new();
    if folder.is_dir() {
        for entry in std::fs::read_dir(folder).map_err(|e| io(folder, e))? {
            let path = entry.map_err(|e| io(folder, e))?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()).filter(|n| n.ends_with(".json")) else { continue };
            let bytes = std::fs::read(&path).map_err(|e| io(&path, e))?;
            files.push((name.to_string(), text_of(&path, bytes)?));
        }
    }
    files.sort();
    Ok(files)
}

/// A file's text; a file that is not UTF-8 at all is a problem `check` cannot go past.
fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, Fatal> {
    String::from_utf8(bytes).map_err(|e| Fatal(format!("{}: not UTF-8 text (byte {})", path.display(), e.utf8_error().valid_up_to())))
}

/// Colour only for a person at a terminal, and never when NO_COLOR is set.
fn colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn paint(on: bool, code: &str, text: &str) -> String {
    if on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
}

fn check(dir: &Path, bundle: &Bundle, json: bool) -> u8 {
    let mut found = bundle::check_bundle(bundle.index.as_deref(), &bundle.parts, &bundle.shows);
    found.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let files = bundle.shows.len() + bundle.parts.len() + usize::from(bundle.index.is_some());
    let shown = |l: &Located| dir.join(&l.file).display().to_string();
    if json {
        let problems: Vec<serde_json::Value> = found
            .iter()
            .map(|l| serde_json::json!({"file": shown(l), "line": l.line, "column": l.column, "path": l.problem.path, "message": l.problem.message}))
            .collect();
        println!("{}", serde_json::to_string_pretty(&serde_json::json!({"files": files, "problems": problems})).unwrap_or_default());
    } else {
        let on = colour();
        for l in &found {
            let at = paint(on, "1", &format!("{}:{}:{}:", shown(l), l.line, l.column));
            let path = if l.problem.path.is_empty() { String::new() } else { format!(" {}:", paint(on, "36", &l.problem.path)) };
            println!("{at}{path} {}", l.problem.message);
        }
        let with = found.iter().map(|l| &l.file).collect::<std::collections::BTreeSet<_>>().len();
        match found.len() {
            0 => println!("{}", paint(on, "32", &format!("No problems in {files} files."))),
            n => println!("{}", paint(on, "31", &format!("{n} problem{} in {with} of {files} files.", if n == 1 { "" } else { "s" }))),
        }
    }
    u8::from(!found.is_empty())
}

/// One repaired string: where, what it was, what it is, by which code page.
struct Change {
    file: String,
    line: usize,
    column: usize,
    path: String,
    before: String,
    after: String,
    code_page: &'static str,
}

fn fix_encoding(dir: &Path, bundle: &Bundle, json: bool) -> Result<u8, Fatal> {
    let files = bundle
        .index
        .iter()
        .map(|t| ("index.json".to_string(), t))
        .chain(bundle.parts.iter().map(|(n, t)| (format!("index/{n}"), t)))
        .chain(bundle.shows.iter().map(|(n, t)| (format!("shows/{n}"), t)));
    let mut changes = Vec::new();
    for (file, text) in files {
        let (fixed, mut found) = repair_strings(text);
        if !found.is_empty() {
            let path = dir.join(&file);
            std::fs::write(&path, fixed).map_err(|e| io(&path, e))?;
            found.iter_mut().for_each(|c| c.file = path.display().to_string());
            changes.extend(found);
        }
    }
    if json {
        let list: Vec<serde_json::Value> = changes
            .iter()
            .map(|c| serde_json::json!({"file": c.file, "line": c.line, "column": c.column, "path": c.path, "before": c.before, "after": c.after, "code_page": c.code_page}))
            .collect();
        println!("{}", serde_json::to_string_pretty(&serde_json::json!({"changes": list})).unwrap_or_default());
    } else {
        let on = colour();
        for c in &changes {
            let at = paint(on, "1", &format!("{}:{}:{}:", c.file, c.line, c.column));
            println!("{at} {}: {:?} → {:?} (was read as {})", paint(on, "36", &c.path), c.before, c.after, c.code_page);
        }
        match changes.len() {
            0 => println!("No mis-decoded text found."),
            n => println!("Repaired {n} text{}.", if n == 1 { "" } else { "s" }),
        }
    }
    Ok(0)
}

/// The text with every mis-decoded JSON string value repaired, and the changes. Keys and all
/// other bytes (spacing, order, escapes of untouched strings) stay as they were.
fn repair_strings(text: &str) -> (String, Vec<Change>) {
    let paths: std::collections::HashMap<(usize, usize), String> =
        bundle::value_positions(text).into_iter().map(|(path, at)| (at, path)).collect();
    let mut out = String::with_capacity(text.len());
    let mut changes = Vec::new();
    let (mut line, mut column) = (1, 0);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c == '\n' {
            line += 1;
            column = 0;
            out.push(c);
            continue;
        }
        column += 1;
        if c != '"' {
            out.push(c);
            continue;
        }
        let at = (line, column);
        let mut end = start + 1;
        while let Some((i, d)) = chars.next() {
            column += 1;
            end = i + d.len_utf8();
            match d {
                '"' => break,
                '\\' => {
                    if let Some((i, e)) = chars.next() {
                        column += 1;
                        end = i + e.len_utf8();
                    }
                }
                _ => {}
            }
        }
        let literal = &text[start..end];
        let repaired = paths.get(&at).and_then(|path| {
            let value: String = serde_json::from_str(literal).ok()?;
            let repair = mojibake::detect(&value)?;
            Some((path.clone(), value, repair))
        });
        match repaired {
            Some((path, before, repair)) => {
                out.push_str(&serde_json::to_string(&repair.text).unwrap_or_else(|_| literal.to_string()));
                changes.push(Change { file: String::new(), line: at.0, column: at.1, path, before, after: repair.text, code_page: repair.code_page });
            }
            None => out.push_str(literal),
        }
    }
    (out, changes)
}

fn index(dir: &Path, bundle: &Bundle, sizes: Sizes) -> Result<u8, Fatal> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (name, text) in &bundle.shows {
        let slug = name.trim_end_matches(".json");
        match bundle::decode_show(text, slug) {
            Ok(show) => entries.push(CatalogueEntry::of(&show)),
            Err(found) => problems.extend(found.into_iter().map(|p| format!("{}: {p}", dir.join("shows").join(name).display()))),
        }
    }
    if !problems.is_empty() {
        for problem in &problems {
            println!("{problem}");
        }
        println!("index.json not written: fix these first (nextseason-bundle check {} lists everything).", dir.display());
        return Ok(1);
    }
    let count = entries.len();
    let (changed, parts) = write_catalogue(dir, entries, sizes)?;
    let path = dir.join("index.json");
    let files = match parts {
        0 => path.display().to_string(),
        1 => format!("{} and index/1.json", path.display()),
        n => format!("{} and index/1.json to index/{n}.json", path.display()),
    };
    match (changed, parts) {
        (true, _) => println!("wrote {files} ({count} shows)."),
        (false, 0) => println!("{files} is up to date ({count} shows)."),
        (false, _) => println!("{files} are up to date ({count} shows)."),
    }
    Ok(0)
}

/// Writes the catalogue of `entries` into `dir` (index.json and index/<n>.json, pretty-printed,
/// in the default order) and deletes the parts it no longer has. Returns whether any file
/// changed, and how many parts there are. Files already holding the right bytes are left alone.
fn write_catalogue(dir: &Path, entries: Vec<CatalogueEntry>, sizes: Sizes) -> Result<(bool, usize), Fatal> {
    let (head, parts) = bundle::catalogue_files(entries, sizes.head, sizes.part);
    let mut files = vec![(dir.join("index.json"), pretty(&head))];
    let parts_dir = dir.join("index");
    files.extend(parts.iter().map(|part| (parts_dir.join(format!("{}.json", part.part)), pretty(part))));
    let mut changed = false;
    if !parts.is_empty() {
        std::fs::create_dir_all(&parts_dir).map_err(|e| io(&parts_dir, e))?;
    }
    for (path, text) in &files {
        if std::fs::read(path).ok().as_deref() != Some(text.as_bytes()) {
            std::fs::write(path, text).map_err(|e| io(path, e))?;
            changed = true;
        }
    }
    for (name, _) in json_files(&parts_dir)? {
        let path = parts_dir.join(&name);
        if !files.iter().any(|(written, _)| *written == path) {
            std::fs::remove_file(&path).map_err(|e| io(&path, e))?;
            changed = true;
        }
    }
    if parts.is_empty() && parts_dir.is_dir() {
        // Only when nothing else is left in it.
        let _ = std::fs::remove_dir(&parts_dir);
    }
    Ok((changed, parts.len()))
}

/// A file of the catalogue as the tool writes it: pretty-printed JSON and a final newline.
fn pretty<T: serde::Serialize>(value: &T) -> String {
    format!("{}\n", serde_json::to_string_pretty(value).unwrap_or_default())
}

/// Every entry of the catalogue in `dir`: its head and parts.
fn read_catalogue(dir: &Path) -> Result<Vec<CatalogueEntry>, Fatal> {
    let path = dir.join("index.json");
    let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
    let head = bundle::decode_catalogue_head(&text).map_err(|p| Fatal(format!("{}: {}", path.display(), p[0])))?;
    let mut entries = head.shows.clone();
    for n in 1..=head.parts {
        let path = dir.join("index").join(format!("{n}.json"));
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let part = bundle::decode_catalogue_part(&text, n).map_err(|p| Fatal(format!("{}: {}", path.display(), p[0])))?;
        entries.extend(part.shows);
    }
    Ok(entries)
}

fn write_synthetic(count: usize, out: &Path, merge: bool, sizes: Sizes) -> Result<String, Fatal> {
    let shows_dir = out.join("shows");
    std::fs::create_dir_all(&shows_dir).map_err(|e| io(&shows_dir, e))?;
    let mut entries = if merge && out.join("index.json").exists() { read_catalogue(out)? } else { Vec::new() };
    for i in 0..count {
        let show = synthetic_show(i, count);
        let text = serde_json::to_string(&show).map_err(|e| Fatal(e.to_string()))?;
        // The generator is only as good as what the site accepts.
        if let Err(problems) = bundle::decode_show(&text, &show.slug) {
            return Err(Fatal(format!("generated {} is invalid: {}", show.slug, problems[0])));
        }
        let path = shows_dir.join(format!("{}.json", show.slug));
        std::fs::write(&path, text).map_err(|e| io(&path, e))?;
        entries.push(CatalogueEntry::of(&show));
    }
    let (_, parts) = write_catalogue(out, entries, sizes)?;
    Ok(format!("wrote {count} synthetic shows into {} (index.json and {parts} parts)", out.display()))
}

/// A small deterministic generator (xorshift), so that show N is the same in every run.
struct Rng(u64);

impl Rng {
    fn new(seed: usize) -> Self {
        Rng((seed as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
}

const ADJECTIVES: [&str; 16] = [
    "Crimson", "Silent", "Iron", "Hidden", "Golden", "Broken", "Endless", "Lunar", "Velvet", "Frozen", "Wild", "Paper",
    "Neon", "Quiet", "Burning", "Glass",
];
const NOUNS: [&str; 16] = [
    "Harbor", "Garden", "Circuit", "Lantern", "Kingdom", "Orbit", "Academy", "Voyage", "Signal", "Forest", "Tower",
    "Archive", "Festival", "Frontier", "Melody", "Shrine",
];
const GENRES: [&str; 14] = [
    "Action", "Adventure", "Comedy", "Drama", "Fantasy", "Horror", "Mecha", "Mystery", "Romance", "Science Fiction",
    "Slice of Life", "Sports", "Supernatural", "Thriller",
];
const STUDIOS: [&str; 12] = [
    "Synthetic Studio Alpha", "Synthetic Studio Beta", "Synthetic Studio Gamma", "Synthetic Studio Delta",
    "Synthetic Studio Epsilon", "Synthetic Studio Zeta", "Synthetic Studio Eta", "Synthetic Studio Theta",
    "Synthetic Studio Iota", "Synthetic Studio Kappa", "Synthetic Studio Lambda", "Synthetic Studio Mu",
];
const SENTENCES: [&str; 6] = [
    "This paragraph is synthetic test text, generated to give the page the length of a real article.",
    "Nothing in it is a fact about any real show, studio or person.",
    "It exists so that scrolling, navigation and rendering can be measured on realistic sizes.",
    "The generator writes the same text for the same show number every time it runs.",
    "A real article would discuss the source material, the sales and the studio's plans here.",
    "Readers of the live site never see these synthetic catalogues.",
];

fn slug_of(i: usize) -> String {
    format!("synthetic-{i:05}")
}

fn title_of(i: usize) -> String {
    let mut rng = Rng::new(i);
    format!("Synthetic {} {} {i}", rng.pick(&ADJECTIVES), rng.pick(&NOUNS))
}

fn headline_of(i: usize) -> String {
    format!("Will {} get another season? (synthetic)", title_of(i))
}

fn synthetic_show(i: usize, count: usize) -> Show {
    let mut rng = Rng::new(i);
    let _ = (rng.next(), rng.next()); // the title's two picks
    let title = title_of(i);
    let paragraph = |rng: &mut Rng| (0..3).map(|_| rng.pick(&SENTENCES)).collect::<Vec<_>>().join(" ");
    let mut genres: Vec<String> = (0..1 + rng.below(3)).map(|_| rng.pick(&GENRES).to_string()).collect();
    genres.sort();
    genres.dedup();
    let year = 2000 + rng.below(26) as i32;
    let month = 1 + rng.below(12) as u8;
    let premiere = PartialDate::Day(year, month, 1 + rng.below(28) as u8);
    let status = [Status::NoAnnouncement, Status::Announced, Status::Dated, Status::Airing, Status::Cancelled][rng.below(5)];
    let (window, premiere_at) = match status {
        Status::Dated => {
            let day = PartialDate::Day(2027 + rng.below(3) as i32, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8);
            let PartialDate::Day(y, m, d) = day else { unreachable!() };
            let at = Instant::parse(&format!("{y:04}-{m:02}-{d:02}T23:00:00+09:00")).ok();
            (Some(Window { from: day, to: None, or_later: false }), at)
        }
        Status::Announced => (Some(Window { from: PartialDate::parse(&format!("{}-fall", 2027 + rng.below(2))).unwrap(), to: None, or_later: false }), None),
        Status::NoAnnouncement => (Some(Window { from: PartialDate::Year(2027 + rng.below(3) as i32), to: None, or_later: true }), None),
        _ => (None, None),
    };
    let published = PartialDate::Day(2024 + rng.below(2) as i32, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8);
    let updated = PartialDate::Day(2026, 1 + rng.below(10) as u8, 1 + rng.below(28) as u8);
    let sections = ["What is it about?", "Will there be another season?", "Release date", "Where to watch"]
        .iter()
        .map(|heading| Section { heading: heading.to_string(), paragraphs: (0..3).map(|_| paragraph(&mut rng)).collect(), subsections: vec![] })
        .collect();
    let person = |rng: &mut Rng, role: &str| Name { name: format!("Synthetic {role} {}", rng.below(1000)), native: None };
    Show {
        schema: SCHEMA_VERSION,
        slug: slug_of(i),
        title: title.clone(),
        native_title: None,
        alt_titles: vec![format!("SYN-{i:05}")],
        seasons: Some(1 + rng.below(4) as u32),
        genres,
        studios: vec![rng.pick(&STUDIOS).to_string()],
        premiere: Some(premiere),
        source: Some(Source { kind: [SourceKind::Original, SourceKind::Manga, SourceKind::LightNovel][rng.below(3)], author: None }),
        outlook: Some(Outlook { status, summary: format!("Synthetic outlook for {title}: generated test text."), window, premiere_at }),
        article: Article {
            headline: headline_of(i),
            intro: (0..2).map(|_| paragraph(&mut rng)).collect(),
            sections,
            footnotes: vec![],
            author: Some("Synthetic Author".to_string()),
            published: Some(published),
            updated: Some(updated),
            generated: false,
        },
        watch: vec![
            Offer {
                platform: "Synthetic Stream".into(),
                url: format!("https://example.org/synthetic/{}", slug_of(i)),
                kind: OfferKind::Subscription,
                only: vec![],
                except: vec!["asia".into()],
                note: None,
                since: None,
            },
            Offer {
                platform: "Synthetic TV".into(),
                url: "https://example.org/synthetic-tv".into(),
                kind: OfferKind::Broadcast,
                only: vec!["JP".into()],
                except: vec![],
                note: None,
                since: None,
            },
        ],
        cast: (0..6)
            .map(|_| Role {
                character: person(&mut rng, "Character"),
                voices: vec![Voice { actor: person(&mut rng, "Actor"), language: "ja".into() }],
            })
            .collect(),
        read_also: (1..=3)
            .filter(|k| *k < count)
            .map(|k| (i + k) % count)
            .map(|j| ShowLink { slug: slug_of(j), title: headline_of(j) })
            .collect(),
        image: None,
        titles: vec![],
        kind: None,
        ends: None,
        broadcast: None,
        data_outlook: None,
        related: vec![],
        related_rejected: vec![],
        official_site: None,
        references: Default::default(),
        data: None,
    }
}
