//! `announce`: an editor's outlook for a show in one line, written into the editors' shard of
//! it (made for an imported show that has none), checked by `check`'s rules before anything is
//! written. The rules are the library's (`nextseason::bundle`, and `nextseason::import` for what
//! an editor's shard needs to be merged with its work); this reads, writes and prints.

use crate::check::print_text_report;
use crate::index::{entries_of, write_catalogue, Sizes};
use crate::output::{io, replace_file, Fatal, Verdict};
use nextseason::bundle::{self, decode_show, locate, BundleFiles, Outlook, OutlookSource, Status, Window, HEAD_SIZE, PART_SIZE};
use nextseason::dates::{civil_from_days, Instant, PartialDate};
use nextseason::import::{editors_shard_of, SlugRegistry};
use std::path::{Path, PathBuf};

/// Writes an editor's outlook for a show: its next season announced, dated or cancelled.
///
/// Replaces the outlook of <BUNDLE>/shows/<SLUG>.json, and nothing else of the file. A show
/// without a file of the editors' gets one, made from its imported shard (--from): what the
/// import needs to merge it with its work (one id: Bangumi, else MyAnimeList, AniList or AniDB),
/// its slug, title and headline, and the outlook; every other fact stays the data's, which each
/// import fills in again. Then writes the editors' catalogue as `index` does.
///
/// The outlook: --status; when it is expected (--window) or its exact premiere (--premiere-at);
/// where the news was read (--source, an https link, and --date, the day of the news); and
/// --note, the editor's reasoning. --window takes
///
///   2027, 2027-fall, 2027-04, 2027-04-05   that period (or that day)
///   2027-spring..2027-fall                  from one to the other
///   2027+                                   from it, or later
///
/// A "dated" season needs its day: a window of one day, or --premiere-at. Everything written is
/// first checked by `check`'s rules (the shard, and the editors' bundle with it); on any problem
/// each is printed, as `check` prints it, and nothing is written. For example:
///
///   nextseason-bundle announce sengoku-youko --status announced --window 2027+ --source https://example.org/news/1
#[derive(clap::Args)]
#[command(verbatim_doc_comment, after_help = "Exit status: 0 written; 1 problems found, nothing written; 2 usage or I/O error, or a show it cannot write for (a slug of no show, a former slug, a show without an id the import finds it by), nothing written but by an I/O error while writing.")]
pub struct Args {
    /// The show's slug, as in its address (/shows/<SLUG>)
    #[arg(value_parser = slug)]
    pub slug: String,
    /// What is known of the next season
    #[arg(long, value_enum)]
    pub status: Announcement,
    /// When the next season is expected: FROM, FROM..TO or FROM+ (above)
    #[arg(long, value_name = "WINDOW", value_parser = window, conflicts_with = "premiere_at")]
    pub window: Option<Window>,
    /// Its exact premiere, such as 2027-01-10T23:30:00+09:00
    #[arg(long, value_name = "INSTANT", value_parser = Instant::parse)]
    pub premiere_at: Option<Instant>,
    /// The page that announced it: an https link
    #[arg(long, value_name = "URL")]
    pub source: String,
    /// The day of the news (else of reading it), YYYY-MM-DD [default: today, in UTC]
    #[arg(long, value_name = "DAY", value_parser = PartialDate::parse)]
    pub date: Option<PartialDate>,
    /// The editor's reasoning, shown under the answer (the outlook's summary)
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    /// The editors' bundle: shows/ and its catalogue
    #[arg(long, value_name = "DIR", default_value = "public/data")]
    pub bundle: PathBuf,
    /// The imported bundle, where a show without an editors' file is found
    #[arg(long, value_name = "DIR", default_value = "target/nextseason-bundle/data")]
    pub from: PathBuf,
    /// The slug registry, which must not give the show's id to another show (left unread when
    /// missing)
    #[arg(long, value_name = "FILE", default_value = ".ci/bangumi-data/slugs.json")]
    pub registry: PathBuf,
}

/// The statuses an announcement gives (no_announcement and airing are written by hand).
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Announcement {
    /// A next season is announced
    Announced,
    /// Its premiere is announced, to the day
    Dated,
    /// The next season is cancelled
    Cancelled,
}

impl From<Announcement> for Status {
    fn from(status: Announcement) -> Self {
        match status {
            Announcement::Announced => Status::Announced,
            Announcement::Dated => Status::Dated,
            Announcement::Cancelled => Status::Cancelled,
        }
    }
}

/// A slug, checked before it names a file: nothing but a slug may reach a path.
fn slug(text: &str) -> Result<String, String> {
    if bundle::is_valid_slug(text) {
        Ok(text.to_string())
    } else {
        Err(format!("\"{text}\" is not a slug: lowercase letters, digits and single hyphens"))
    }
}

/// FROM, FROM..TO or FROM+, each a date as the bundle writes it.
fn window(text: &str) -> Result<Window, String> {
    let date = |d: &str| PartialDate::parse(d.trim());
    if let Some(from) = text.strip_suffix('+') {
        return Ok(Window { from: date(from)?, to: None, or_later: true });
    }
    match text.split_once("..") {
        Some((from, to)) => Ok(Window { from: date(from)?, to: Some(date(to)?), or_later: false }),
        None => Ok(Window { from: date(text)?, to: None, or_later: false }),
    }
}

/// Today in UTC, as a day.
fn today() -> PartialDate {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    PartialDate::Day(year, month, day)
}

pub fn run(args: &Args) -> Result<Verdict, Fatal> {
    let outlook = Outlook {
        status: args.status.into(),
        summary: args.note.clone(),
        window: args.window.clone(),
        premiere_at: args.premiere_at,
        source: Some(OutlookSource { url: args.source.clone(), date: args.date.unwrap_or_else(today) }),
    };
    let file = format!("{}.json", args.slug);
    let shown = args.bundle.join("shows").join(&file);
    let mut editors = BundleFiles::read(&args.bundle)?;
    let text = match editors.shows.iter().find(|(name, _)| *name == file) {
        Some((_, written)) => {
            // Only the outlook is the announcement's to change: a file with problems of its own
            // is the editor's to fix first.
            if let Err(problems) = decode_show(written, &args.slug) {
                return Ok(refuse(&args.bundle, &editors, locate(&format!("shows/{file}"), written, problems), &format!("Nothing written: fix {} first.", shown.display())));
            }
            editor_style::with_outlook(written, &outlook)
                .ok_or_else(|| Fatal(format!("{}: not one JSON object of members, the form this tool can change", shown.display())))?
        }
        None => {
            let imported = imported_show(args)?;
            let registry = match std::fs::read_to_string(&args.registry) {
                Ok(text) => SlugRegistry::parse(&text).map_err(|e| Fatal(format!("{}: {e}", args.registry.display())))?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => SlugRegistry::default(),
                Err(e) => return Err(io(&args.registry, e)),
            };
            let mut show = editors_shard_of(&imported, &registry).map_err(Fatal)?;
            show.outlook = Some(outlook);
            editor_style::shard(&show)
        }
    };
    // The editors' bundle as it would be: the shard in it (then its catalogue written again).
    match editors.shows.iter_mut().find(|(name, _)| *name == file) {
        Some((_, old)) => *old = text.clone(),
        None => {
            editors.shows.push((file.clone(), text.clone()));
            editors.shows.sort();
        }
    }
    if let Err(problems) = decode_show(&text, &args.slug) {
        return Ok(refuse(&args.bundle, &editors, locate(&format!("shows/{file}"), &text, problems), "Nothing written: these are the problems of the file as it would be written."));
    }

    let sizes = Sizes { head: HEAD_SIZE, part: PART_SIZE };
    let entries = match entries_of(&args.bundle, &editors.shows) {
        Ok(entries) => entries,
        Err(problems) => {
            for problem in problems {
                println!("{problem}");
            }
            println!("Nothing written: fix these first (nextseason-bundle check {} lists everything).", args.bundle.display());
            return Ok(Verdict::Problems);
        }
    };
    let (head, parts) = bundle::catalogue_files(entries.clone(), sizes.head, sizes.part);
    let after = BundleFiles {
        index: Some(crate::index::pretty(&head)),
        parts: parts.iter().map(|p| (format!("{}.json", p.part), crate::index::pretty(p))).collect(),
        search: crate::index::search_files(&head, &parts),
        ..editors
    };
    let found = after.check();
    if !found.is_empty() {
        return Ok(refuse(&args.bundle, &after, found, "Nothing written: the editors' bundle would have these problems."));
    }

    replace_file(&shown, &text)?;
    write_catalogue(&args.bundle, entries, sizes)?;
    println!("wrote {} ({}) and the catalogue, {}.", shown.display(), Status::from(args.status).label(), args.bundle.join("index.json").display());
    Ok(Verdict::Clean)
}

/// Prints the problems as `check` does, then why nothing was written.
fn refuse(dir: &Path, bundle: &BundleFiles, found: Vec<bundle::Located>, why: &str) -> Verdict {
    print_text_report(dir, bundle, &found);
    println!("{why}");
    Verdict::Problems
}

/// The show's shard in the imported bundle; a former slug, or one of no show, is refused with
/// the slug to use or the closest ones.
fn imported_show(args: &Args) -> Result<bundle::Show, Fatal> {
    let shows = args.from.join("shows");
    if !shows.is_dir() {
        return Err(Fatal(format!(
            "{} has no file of {}, and {} is no bundle: give the imported bundle with --from (a build writes it; or nextseason-bundle import bangumi-data)",
            args.bundle.join("shows").display(),
            args.slug,
            args.from.display()
        )));
    }
    let path = shows.join(format!("{}.json", args.slug));
    match std::fs::read_to_string(&path) {
        Ok(text) => decode_show(&text, &args.slug).map_err(|problems| {
            let problems: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            Fatal(format!("{}: {} (import again, then announce)", path.display(), problems.join("; ")))
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let aliases_path = args.from.join(bundle::ALIASES_FILE);
            if let Ok(text) = std::fs::read_to_string(&aliases_path) {
                let aliases = bundle::decode_aliases(&text).map_err(|_| Fatal(format!("{}: has problems (run check)", aliases_path.display())))?;
                if let Some(now) = aliases.target(&args.slug) {
                    return Err(Fatal(format!("{} is a former slug of {now}: announce {now}", args.slug)));
                }
            }
            let names: Vec<String> = bundle::json_files(&shows)?.into_iter().map(|(name, _)| name.trim_end_matches(".json").to_string()).collect();
            let close = closest(&args.slug, &names);
            let hint = match close.as_slice() {
                [] => String::new(),
                close => format!(" (did you mean {}?)", close.join(", ")),
            };
            Err(Fatal(format!("{} is no show of {} or of {}{hint}", args.slug, args.bundle.display(), args.from.display())))
        }
        Err(e) => Err(io(&path, e)),
    }
}

/// Up to three slugs close to `slug`, closest first: by the 404 page's measure and threshold
/// (`search::similarity`), so that the tool and the site suggest alike.
fn closest(slug: &str, names: &[String]) -> Vec<String> {
    let mut near: Vec<(f64, &String)> = names.iter().map(|name| (nextseason::search::similarity(slug, name), name)).filter(|(score, _)| *score >= nextseason::search::CLOSE_ENOUGH).collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    near.into_iter().take(3).map(|(_, name)| name.clone()).collect()
}

/// The editors' shards are written by hand in one style: a member per line, `outlook` and
/// `article` opened one member per line too, every other value on one line with spaces
/// (`{ "text": "戦国妖狐", "lang": "ja" }`, `["Action", "Fantasy"]`). What the tool writes
/// follows it, so that an editor's diff shows the announcement and nothing else.
mod editor_style {
    use nextseason::bundle::{Outlook, Show};

    /// The top-level members written one member per line, as the editors write them.
    const OPENED: [&str; 2] = ["outlook", "article"];

    /// A JSON value of serde_json's compact output, in its order (serde_json's `Value` may sort
    /// its keys, by the features of the build).
    enum Node<'a> {
        Atom(&'a str),
        Array(Vec<Node<'a>>),
        Object(Vec<(&'a str, Node<'a>)>),
    }

    /// A whole new shard, with a final newline. Its empty lists are left out: every list of a
    /// show is empty when left out (`#[serde(default)]`), and an editor writes none of them.
    pub fn shard(show: &Show) -> String {
        let compact = serde_json::to_string(show).unwrap_or_default();
        match parse(&compact) {
            Some(Node::Object(members)) => {
                let lines: Vec<String> = without_empty_lists(members)
                    .iter()
                    .map(|(key, value)| match value {
                        Node::Object(_) if OPENED.contains(&&key[1..key.len() - 1]) => format!("  {key}: {}", opened(value, "  ", "  ")),
                        _ => format!("  {key}: {}", inline(value)),
                    })
                    .collect();
                format!("{{\n{}\n}}\n", lines.join(",\n"))
            }
            _ => compact,
        }
    }

    fn without_empty_lists<'a>(members: Vec<(&'a str, Node<'a>)>) -> Vec<(&'a str, Node<'a>)> {
        members
            .into_iter()
            .filter(|(_, value)| !matches!(value, Node::Array(items) if items.is_empty()))
            .map(|(key, value)| match value {
                Node::Object(inner) => (key, Node::Object(without_empty_lists(inner))),
                other => (key, other),
            })
            .collect()
    }

    /// `text` with its top-level `outlook` replaced by `outlook` (or added before the first
    /// member that follows it in the schema), every other byte as it was. None when `text` is
    /// not one object of members.
    pub fn with_outlook(text: &str, outlook: &Outlook) -> Option<String> {
        let compact = serde_json::to_string(outlook).ok()?;
        let outlook = parse(&compact)?;
        let members = top_members(text)?;
        // The file's own indent, where its members start lines; else it is written on one line.
        let indent = |at: usize| {
            let line = &text[text[..at].rfind('\n').map_or(0, |n| n + 1)..at];
            (line.chars().all(|c| c == ' ' || c == '\t') && text[..at].contains('\n')).then(|| line.to_string())
        };
        let written = |indent: &Option<String>| match indent {
            Some(unit) => opened(&outlook, unit, unit),
            None => inline(&outlook),
        };
        if let Some(member) = members.iter().find(|m| m.key == "outlook") {
            let value = written(&indent(member.key_start));
            return Some(format!("{}{value}{}", &text[..member.value_start], &text[member.value_end..]));
        }
        // The schema's order: what follows `outlook` in a show (`bundle::Show`).
        const AFTER: [&str; 11] = ["data_outlook", "article", "watch", "cast", "read_also", "related", "related_rejected", "image", "official_site", "references", "data"];
        match members.iter().find(|m| AFTER.contains(&m.key.as_str())) {
            Some(next) => {
                let indent = indent(next.key_start);
                let separator = indent.as_ref().map_or(", ".to_string(), |unit| format!(",\n{unit}"));
                let at = next.key_start;
                Some(format!("{}\"outlook\": {}{separator}{}", &text[..at], written(&indent), &text[at..]))
            }
            None => {
                let last = members.last()?;
                let indent = indent(last.key_start);
                let separator = indent.as_ref().map_or(", ".to_string(), |unit| format!(",\n{unit}"));
                let at = last.value_end;
                Some(format!("{}{separator}\"outlook\": {}{}", &text[..at], written(&indent), &text[at..]))
            }
        }
    }

    /// An object opened one member per line at `indent` + `unit`, its values on one line each.
    fn opened(node: &Node, indent: &str, unit: &str) -> String {
        match node {
            Node::Object(members) if !members.is_empty() => {
                let lines: Vec<String> = members.iter().map(|(key, value)| format!("{indent}{unit}{key}: {}", inline(value))).collect();
                format!("{{\n{}\n{indent}}}", lines.join(",\n"))
            }
            other => inline(other),
        }
    }

    fn inline(node: &Node) -> String {
        match node {
            Node::Atom(raw) => raw.to_string(),
            Node::Array(items) if items.is_empty() => "[]".into(),
            Node::Array(items) => format!("[{}]", items.iter().map(inline).collect::<Vec<_>>().join(", ")),
            Node::Object(members) if members.is_empty() => "{}".into(),
            Node::Object(members) => format!("{{ {} }}", members.iter().map(|(k, v)| format!("{k}: {}", inline(v))).collect::<Vec<_>>().join(", ")),
        }
    }

    /// Parses JSON into [`Node`]s, keeping each string and number as written.
    fn parse(text: &str) -> Option<Node<'_>> {
        let mut at = 0;
        let node = value(text, &mut at)?;
        skip_space(text, &mut at);
        (at == text.len()).then_some(node)
    }

    fn skip_space(text: &str, at: &mut usize) {
        while text.as_bytes().get(*at).is_some_and(u8::is_ascii_whitespace) {
            *at += 1;
        }
    }

    /// The end of the string starting at `start` (its opening quote), after its closing quote.
    fn string_end(text: &str, start: usize) -> Option<usize> {
        let bytes = text.as_bytes();
        let mut i = start + 1;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b'"' => return Some(i + 1),
                _ => i += 1,
            }
        }
        None
    }

    fn value<'a>(text: &'a str, at: &mut usize) -> Option<Node<'a>> {
        skip_space(text, at);
        let bytes = text.as_bytes();
        match *bytes.get(*at)? {
            b'{' => {
                *at += 1;
                let mut members = Vec::new();
                loop {
                    skip_space(text, at);
                    if bytes.get(*at) == Some(&b'}') && members.is_empty() {
                        *at += 1;
                        return Some(Node::Object(members));
                    }
                    if bytes.get(*at) != Some(&b'"') {
                        return None;
                    }
                    let end = string_end(text, *at)?;
                    let key = &text[*at..end];
                    *at = end;
                    skip_space(text, at);
                    if bytes.get(*at) != Some(&b':') {
                        return None;
                    }
                    *at += 1;
                    members.push((key, value(text, at)?));
                    skip_space(text, at);
                    match bytes.get(*at)? {
                        b',' => *at += 1,
                        b'}' => {
                            *at += 1;
                            return Some(Node::Object(members));
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                *at += 1;
                let mut items = Vec::new();
                loop {
                    skip_space(text, at);
                    if bytes.get(*at) == Some(&b']') && items.is_empty() {
                        *at += 1;
                        return Some(Node::Array(items));
                    }
                    items.push(value(text, at)?);
                    skip_space(text, at);
                    match bytes.get(*at)? {
                        b',' => *at += 1,
                        b']' => {
                            *at += 1;
                            return Some(Node::Array(items));
                        }
                        _ => return None,
                    }
                }
            }
            b'"' => {
                let end = string_end(text, *at)?;
                let raw = &text[*at..end];
                *at = end;
                Some(Node::Atom(raw))
            }
            _ => {
                let start = *at;
                while bytes.get(*at).is_some_and(|b| !matches!(b, b',' | b']' | b'}') && !b.is_ascii_whitespace()) {
                    *at += 1;
                }
                (*at > start).then(|| Node::Atom(&text[start..*at]))
            }
        }
    }

    /// A member of the top-level object: its key (unescaped), where its key starts, and its
    /// value's span.
    struct Member {
        key: String,
        key_start: usize,
        value_start: usize,
        value_end: usize,
    }

    fn top_members(text: &str) -> Option<Vec<Member>> {
        let bytes = text.as_bytes();
        let mut at = 0;
        skip_space(text, &mut at);
        if bytes.get(at) != Some(&b'{') {
            return None;
        }
        at += 1;
        let mut members = Vec::new();
        loop {
            skip_space(text, &mut at);
            match bytes.get(at)? {
                b'}' if members.is_empty() => return Some(members),
                b'"' => {}
                _ => return None,
            }
            let key_start = at;
            let end = string_end(text, at)?;
            let key: String = serde_json::from_str(&text[at..end]).ok()?;
            at = end;
            skip_space(text, &mut at);
            if bytes.get(at) != Some(&b':') {
                return None;
            }
            at += 1;
            skip_space(text, &mut at);
            let value_start = at;
            value(text, &mut at)?;
            members.push(Member { key, key_start, value_start, value_end: at });
            skip_space(text, &mut at);
            match bytes.get(at)? {
                b',' => at += 1,
                b'}' => return Some(members),
                _ => return None,
            }
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn outlook(json: &str) -> Outlook {
            serde_json::from_str(json).unwrap()
        }

        #[test]
        fn an_outlook_replaced_or_added_in_the_editors_style_and_nothing_else_changed() {
            let file = "{\n  \"schema\": 1,\n  \"title\": \"S\",\n  \"outlook\": { \"status\": \"no_announcement\" },\n  \"article\": { \"headline\": \"H\" }\n}\n";
            let new = outlook(r#"{"status":"announced","window":{"from":"2027","or_later":true},"source":{"url":"https://example.org/a","date":"2026-05-01"}}"#);
            assert_eq!(
                with_outlook(file, &new).unwrap(),
                "{\n  \"schema\": 1,\n  \"title\": \"S\",\n  \"outlook\": {\n    \"status\": \"announced\",\n    \"window\": { \"from\": \"2027\", \"or_later\": true },\n    \"source\": { \"url\": \"https://example.org/a\", \"date\": \"2026-05-01\" }\n  },\n  \"article\": { \"headline\": \"H\" }\n}\n"
            );
            let without = "{\n  \"schema\": 1,\n  \"article\": { \"headline\": \"H\" }\n}\n";
            assert_eq!(
                with_outlook(without, &outlook(r#"{"status":"cancelled"}"#)).unwrap(),
                "{\n  \"schema\": 1,\n  \"outlook\": {\n    \"status\": \"cancelled\"\n  },\n  \"article\": { \"headline\": \"H\" }\n}\n"
            );
            // A file on one line stays on one line.
            assert_eq!(with_outlook("{\"article\":{}}", &outlook(r#"{"status":"cancelled"}"#)).unwrap(), "{\"outlook\": { \"status\": \"cancelled\" }, \"article\":{}}");
            for broken in ["", "[1]", "{\"a\" 1}", "{\"a\": \"b}"] {
                assert!(with_outlook(broken, &new).is_none(), "{broken}");
            }
        }
    }
}
