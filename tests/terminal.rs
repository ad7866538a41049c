//! The bundle tool's colour, as the README promises it: `check` paints its report when its
//! output is a terminal, never when it goes to a pipe or a file, and never with `NO_COLOR` set
//! (https://no-color.org: to anything but the empty string).
//!
//! The terminal is a pseudo-terminal made by `script` (util-linux's bsdutils, an essential
//! package on Debian, so on every machine the tests run on): `script -qec CMD /dev/null` runs
//! CMD with its output on a new pseudo-terminal, copies that output to its own, and exits with
//! CMD's status.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TOOL: &str = env!("CARGO_BIN_EXE_nextseason-bundle");
const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/public/data");

/// Any SGR sequence (colour, bold).
const ESCAPE: &str = "\x1b[";

/// A copy of the shipped bundle with one problem (an empty title), removed when dropped.
struct Bundle(PathBuf);

impl Bundle {
    fn with_a_problem(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("nextseason-terminal-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("shows")).unwrap();
        std::fs::create_dir_all(dir.join("search")).unwrap();
        for file in ["index.json", "search/1.json", "shows/metallic-rouge.json", "shows/sengoku-youko.json"] {
            std::fs::copy(Path::new(SHIPPED).join(file), dir.join(file)).unwrap();
        }
        let shard = dir.join("shows/sengoku-youko.json");
        let text = std::fs::read_to_string(&shard).unwrap();
        assert!(text.contains("\"title\": \"Sengoku Youko\""));
        std::fs::write(&shard, text.replace("\"title\": \"Sengoku Youko\"", "\"title\": \"\"")).unwrap();
        Bundle(dir)
    }
}

impl Drop for Bundle {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `nextseason-bundle check` on `bundle` with its output on a pseudo-terminal, `NO_COLOR` set
/// to `no_color` (unset when None).
fn check_on_a_terminal(bundle: &Bundle, no_color: Option<&str>) -> Output {
    // Single quotes keep the paths whole for `script`'s shell.
    let quote = |path: &str| {
        assert!(!path.contains('\''), "{path}");
        format!("'{path}'")
    };
    let line = format!("{} check {}", quote(TOOL), quote(&bundle.0.display().to_string()));
    let mut command = Command::new("script");
    command.args(["-qec", &line, "/dev/null"]);
    with_no_color(&mut command, no_color);
    match command.output() {
        Ok(output) => output,
        Err(e) => panic!(
            "`script` could not be run ({e}): it comes with util-linux (Debian's bsdutils package, \
             essential, so installed everywhere; `apt-get install bsdutils`), and makes the terminal this test needs"
        ),
    }
}

/// The same, with its output to a pipe.
fn check_on_a_pipe(bundle: &Bundle, no_color: Option<&str>) -> Output {
    let mut command = Command::new(TOOL);
    command.arg("check").arg(&bundle.0);
    with_no_color(&mut command, no_color);
    command.output().unwrap()
}

fn with_no_color(command: &mut Command, no_color: Option<&str>) {
    match no_color {
        Some(value) => command.env("NO_COLOR", value),
        // Whatever the environment running the tests says.
        None => command.env_remove("NO_COLOR"),
    };
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The report check printed, in the same words whatever its colour.
fn report_without_colour(text: &str, bundle: &Bundle) -> Vec<String> {
    let mut plain = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(ESCAPE) {
        plain.push_str(&rest[..at]);
        let end = rest[at..].find('m').expect("an SGR sequence ends with m");
        rest = &rest[at + end + 1..];
    }
    plain.push_str(rest);
    plain.replace(&bundle.0.display().to_string(), "B").lines().map(|line| line.trim_end_matches('\r').to_string()).collect()
}

const REPORT: [&str; 2] = ["B/shows/sengoku-youko.json:4:12: title: must not be empty", "1 problem in 1 of 4 files."];

#[test]
fn check_paints_its_report_on_a_terminal() {
    let bundle = Bundle::with_a_problem("tty");
    let output = check_on_a_terminal(&bundle, None);
    assert_eq!(output.status.code(), Some(1), "check's own status, through script: {output:?}");
    let text = stdout(&output);
    let shown = bundle.0.display().to_string();
    assert!(text.contains(&format!("\x1b[1m{shown}/shows/sengoku-youko.json:4:12:\x1b[0m")), "the location in bold: {text:?}");
    assert!(text.contains("\x1b[36mtitle\x1b[0m: must not be empty"), "the field in cyan: {text:?}");
    assert!(text.contains("\x1b[31m1 problem in 1 of 4 files.\x1b[0m"), "the summary in red: {text:?}");
    assert_eq!(report_without_colour(&text, &bundle), REPORT);

    // NO_COLOR set to the empty string is not set (no-color.org).
    let output = check_on_a_terminal(&bundle, Some(""));
    assert!(stdout(&output).contains(ESCAPE), "{output:?}");
}

#[test]
fn check_is_plain_on_a_pipe_and_with_no_color() {
    let bundle = Bundle::with_a_problem("plain");
    for (on, output) in [
        ("a pipe", check_on_a_pipe(&bundle, None)),
        ("a terminal with NO_COLOR=1", check_on_a_terminal(&bundle, Some("1"))),
        ("a terminal with NO_COLOR=false", check_on_a_terminal(&bundle, Some("false"))),
    ] {
        assert_eq!(output.status.code(), Some(1), "{on}: {output:?}");
        let text = stdout(&output);
        assert!(!text.contains('\x1b'), "no escape sequence on {on}: {text:?}");
        assert_eq!(report_without_colour(&text, &bundle), REPORT, "{on}");
    }
}
