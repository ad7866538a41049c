//! `check`: every problem of every file of a bundle, located.

use crate::output::{colour, paint, plural, print_json, Fatal, Format, Verdict};
use nextseason::bundle::{BundleFiles, Located};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Validates a bundle with the site's own rules, and the rules between its files.
///
/// Reads index.json, index/*.json and every shows/*.json. The rules between files: the head's
/// total, parts and facet counts against its parts, the default order, slugs and file names,
/// index entries and their shows, "Read also" links. Every problem is reported as
///
///   file:line:column: json.path: what is wrong (and what would be right)
///
/// --format json prints {"files": N, "problems": [{file, line, column, path, message}]}.
#[derive(clap::Args)]
#[command(verbatim_doc_comment, after_help = crate::output::EXIT_STATUS)]
pub struct Args {
    /// The bundle directory (the site's is public/data)
    pub bundle_dir: PathBuf,
    /// How to print the report
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

pub fn run(args: &Args) -> Result<Verdict, Fatal> {
    let bundle = BundleFiles::read(&args.bundle_dir)?;
    let found = bundle.check();
    match args.format {
        Format::Json => print_json_report(&args.bundle_dir, &bundle, &found),
        Format::Text => print_text_report(&args.bundle_dir, &bundle, &found),
    }
    Ok(if found.is_empty() { Verdict::Clean } else { Verdict::Problems })
}

/// A problem's file as the editor gave the bundle's directory.
fn shown(dir: &Path, l: &Located) -> String {
    dir.join(&l.file).display().to_string()
}

fn print_json_report(dir: &Path, bundle: &BundleFiles, found: &[Located]) {
    let problems: Vec<serde_json::Value> = found
        .iter()
        .map(|l| serde_json::json!({"file": shown(dir, l), "line": l.line, "column": l.column, "path": l.problem.path, "message": l.problem.message}))
        .collect();
    print_json(&serde_json::json!({"files": bundle.file_count(), "problems": problems}));
}

pub(crate) fn print_text_report(dir: &Path, bundle: &BundleFiles, found: &[Located]) {
    let on = colour();
    for l in found {
        let at = paint(on, "1", &format!("{}:{}:{}:", shown(dir, l), l.line, l.column));
        let path = if l.problem.path.is_empty() { String::new() } else { format!(" {}:", paint(on, "36", &l.problem.path)) };
        println!("{at}{path} {}", l.problem.message);
    }
    let files = bundle.file_count();
    let with = found.iter().map(|l| &l.file).collect::<BTreeSet<_>>().len();
    match found.len() {
        0 => println!("{}", paint(on, "32", &format!("No problems in {files} files."))),
        n => println!("{}", paint(on, "31", &format!("{n} problem{} in {with} of {files} files.", plural(n)))),
    }
}
