//! The bundle tool, native, for editors and for the tests. It shares the site's schema and
//! validation (`nextseason::bundle`), so a bundle it passes is a bundle the site renders.
//!
//! This file holds the command line (clap) and sends each command to its module; the modules
//! only do I/O and output, since every rule is in `nextseason::bundle`.

// A native tool: clap is a native-only dependency, so that the wasm does not grow, but `cargo
// test --target wasm32-unknown-unknown` compiles every binary for wasm32 too. There it is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod announce;
#[cfg(not(target_arch = "wasm32"))]
mod backtest;
#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod fix_encoding;
#[cfg(not(target_arch = "wasm32"))]
mod import;
#[cfg(not(target_arch = "wasm32"))]
mod index;
#[cfg(not(target_arch = "wasm32"))]
mod output;
#[cfg(not(target_arch = "wasm32"))]
mod synthetic;

/// Checks, repairs and assembles a NextSeason bundle.
///
/// A bundle directory holds the catalogue, index.json (its head) and index/<n>.json (its parts),
/// and one file per show, shows/<slug>.json (the site's is public/data).
#[cfg(not(target_arch = "wasm32"))]
#[derive(clap::Parser)]
#[command(name = "nextseason-bundle", version, verbatim_doc_comment, arg_required_else_help = true)]
#[command(after_help = output::EXIT_STATUS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[cfg(not(target_arch = "wasm32"))]
#[derive(clap::Subcommand)]
enum Command {
    Announce(announce::Args),
    Backtest(backtest::Args),
    Check(check::Args),
    FixEncoding(fix_encoding::Args),
    Index(index::Args),
    Import(import::Args),
    Synthetic(synthetic::Args),
    /// Prints a completion script for a shell.
    ///
    /// Prints the script that completes nextseason-bundle's commands and options in a shell,
    /// for example:
    ///
    ///   nextseason-bundle completions bash > ~/.local/share/bash-completion/completions/nextseason-bundle
    #[command(verbatim_doc_comment)]
    Completions {
        /// The shell to complete in
        shell: clap_complete::Shell,
    },
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::{CommandFactory, Parser};
    use output::{Fatal, Verdict};

    // Usage errors exit 2 and --help exits 0, both from clap.
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Announce(args) => announce::run(args),
        Command::Backtest(args) => backtest::run(args),
        Command::Check(args) => check::run(args),
        Command::FixEncoding(args) => fix_encoding::run(args),
        Command::Index(args) => index::run(args),
        Command::Import(args) => import::run(args),
        Command::Synthetic(args) => synthetic::run(args),
        Command::Completions { shell } => {
            clap_complete::generate(*shell, &mut Cli::command(), "nextseason-bundle", &mut std::io::stdout());
            Ok(Verdict::Clean)
        }
    };
    match outcome {
        Ok(verdict) => verdict.into(),
        Err(Fatal(message)) => {
            eprintln!("nextseason-bundle: {message}");
            Fatal::exit_code()
        }
    }
}
