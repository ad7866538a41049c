//! `fix-encoding`: mis-decoded text repaired in place, string by string.

use crate::output::{colour, io, paint, plural, print_json, Fatal, Format, Verdict};
use nextseason::bundle::{self, BundleFiles};
use nextseason::mojibake;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Repairs mis-decoded text in place, and says what it changed.
///
/// Mis-decoded text is UTF-8 once read as Windows-1252, Mac Roman, Mac Central European,
/// Windows-1250 or Latin-1: "Hern√°ndez", "„ÄźRelease Date„ÄĎ", "donâ€™t". Every string of
/// every file is repaired, in place, only where re-decoding gives valid text, and each change is
/// reported. Everything else in the files is left byte for byte.
///
/// --format json prints {"changes": [{file, line, column, path, before, after, code_page}]}.
#[derive(clap::Args)]
#[command(verbatim_doc_comment, after_help = "Exit status: 0 (whether or not anything changed), 2 usage or I/O error.")]
pub struct Args {
    /// The bundle directory (the site's is public/data)
    pub bundle_dir: PathBuf,
    /// How to print the changes
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
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

pub fn run(args: &Args) -> Result<Verdict, Fatal> {
    let dir = &args.bundle_dir;
    let bundle = BundleFiles::read(dir)?;
    let changes = repair_files(dir, &bundle)?;
    match args.format {
        Format::Json => {
            let list: Vec<serde_json::Value> = changes
                .iter()
                .map(|c| serde_json::json!({"file": c.file, "line": c.line, "column": c.column, "path": c.path, "before": c.before, "after": c.after, "code_page": c.code_page}))
                .collect();
            print_json(&serde_json::json!({"changes": list}));
        }
        Format::Text => {
            let on = colour();
            for c in &changes {
                let at = paint(on, "1", &format!("{}:{}:{}:", c.file, c.line, c.column));
                println!("{at} {}: {:?} → {:?} (was read as {})", paint(on, "36", &c.path), c.before, c.after, c.code_page);
            }
            match changes.len() {
                0 => println!("No mis-decoded text found."),
                n => println!("Repaired {n} text{}.", plural(n)),
            }
        }
    }
    // Repairs are not problems: the bundle is clean afterwards.
    Ok(Verdict::Clean)
}

/// Rewrites each file that holds mis-decoded text, and returns the changes in file order.
fn repair_files(dir: &Path, bundle: &BundleFiles) -> Result<Vec<Change>, Fatal> {
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
    Ok(changes)
}

/// The text with every mis-decoded JSON string value repaired, and the changes. Keys and all
/// other bytes (spacing, order, escapes of untouched strings) stay as they were.
fn repair_strings(text: &str) -> (String, Vec<Change>) {
    let paths: HashMap<(usize, usize), String> = bundle::value_positions(text).into_iter().map(|(path, at)| (at, path)).collect();
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
