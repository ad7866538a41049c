//! What every command shares about its output: the report's format, colour, and the exit status.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

/// The exit statuses, as the help texts state them.
pub const EXIT_STATUS: &str = "Exit status: 0 clean, 1 problems found, 2 usage or I/O error.";

/// How a report is printed: for a person, or for a program.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One line per finding, and a summary.
    Text,
    /// One JSON document.
    Json,
}

/// What a command found, which decides its exit status.
pub enum Verdict {
    /// Nothing wrong (exit 0).
    Clean,
    /// Problems reported (exit 1).
    Problems,
}

impl From<Verdict> for ExitCode {
    fn from(verdict: Verdict) -> Self {
        match verdict {
            Verdict::Clean => ExitCode::SUCCESS,
            Verdict::Problems => ExitCode::from(1),
        }
    }
}

/// A failure to run at all: an I/O error, or a file the tool cannot read (exit 2, as clap does
/// for usage errors).
pub struct Fatal(pub String);

impl Fatal {
    pub fn exit_code() -> ExitCode {
        ExitCode::from(2)
    }
}

/// The library's errors (`nextseason::bundle::BundleFiles::read`) name their file already.
impl From<String> for Fatal {
    fn from(message: String) -> Self {
        Fatal(message)
    }
}

/// An I/O error, naming the file.
pub fn io(path: &Path, e: std::io::Error) -> Fatal {
    Fatal(format!("{}: {e}", path.display()))
}

/// Writes `text` to `path` by a new file renamed over the old one, never into the old file: a
/// bundle's files may be hard links shared with a build's copy (`.ci/build-bundle.sh`), which
/// must keep what it was given, and a reader never sees half a file.
pub fn replace_file(path: &Path, text: &str) -> Result<(), Fatal> {
    let mut new = path.as_os_str().to_owned();
    new.push(".new");
    let new = std::path::PathBuf::from(new);
    std::fs::write(&new, text).map_err(|e| io(&new, e))?;
    std::fs::rename(&new, path).map_err(|e| io(path, e))
}

/// Colour only for a person at a terminal (stdout), and never when NO_COLOR is set to anything
/// but the empty string (https://no-color.org: an empty NO_COLOR is as if it were not set).
pub fn colour() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

/// `text` in the SGR style `code` when `on`.
pub fn paint(on: bool, code: &str, text: &str) -> String {
    if on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
}

/// "s" for any count but one.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Prints a JSON report, pretty-printed.
pub fn print_json(report: &serde_json::Value) {
    println!("{}", serde_json::to_string_pretty(report).unwrap_or_default());
}
