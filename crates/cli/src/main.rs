//! `storyline`: the command line view of the pipeline.
//!
//! Every command that prints results takes `--json`: one JSON document, or JSON lines for listings.

mod commands;
mod pipeline;
mod render;
mod story_view;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Reads the news the way a careful desk editor does: who, where, when, which numbers on
/// whose authority, in which words; groups articles into stories and storylines; compares outlets.
#[derive(Parser)]
#[command(name = "storyline", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Options shared by the commands that use the store.
#[derive(Args, Clone)]
pub struct DbArgs {
    /// The SQLite file (created when absent).
    #[arg(long, env = "STORYLINE_DB", default_value = "storyline.sqlite")]
    pub db: PathBuf,
}

/// Options shared by the commands that analyze text.
#[derive(Args, Clone)]
pub struct AnalyzeArgs {
    /// Extra framing lexicon files (TOML, same format as data/lexicons/framing/*.toml).
    #[arg(long = "lexicon", value_name = "FILE")]
    pub lexicons: Vec<PathBuf>,
    /// Extra source-alias files (TOML, same format as data/sources/aliases.toml).
    #[arg(long = "source-aliases", value_name = "FILE")]
    pub source_aliases: Vec<PathBuf>,
    /// Largest accepted input file after decompression, in bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: u64,
}

#[derive(Subcommand)]
enum Command {
    /// Read files, folders (recursive) or `-` (stdin), analyze, store and link them.
    Ingest(commands::ingest::IngestCmd),
    /// The full analysis of one article, without any database.
    Analyze(commands::analyze::AnalyzeCmd),
    /// Two articles side by side: actors, figures, conflicts, progressions, quotes, wording.
    Compare(commands::compare::CompareCmd),
    /// Story clusters with their articles, outlets, dates and storyline.
    Stories(commands::stories::StoriesCmd),
    /// One story in full: timeline, outlets, shared figures, wording per outlet.
    Story(commands::stories::StoryCmd),
    /// The series of one counted thing over time: points, sources, outlets, conflicts, progressions.
    Figures(commands::figures::FiguresCmd),
    /// Storylines: threads of stories across weeks and months.
    Storylines(commands::stories::StorylinesCmd),
    /// Full-text search over stored articles, stemmed for French and English.
    Search(commands::search::SearchCmd),
    /// Score each stage on ../shared/data and rewrite EVALUATION.md.
    Eval(commands::eval::EvalCmd),
    /// Stream the OrangeSum corpus through analyze and link: articles per second and peak memory.
    Bench(commands::bench::BenchCmd),
    /// Ingest the bundled example corpus and print what storyline found.
    Demo(commands::demo::DemoCmd),
    /// Poll RSS/Atom/JSON feeds politely, fetch their new pages, and store and link them.
    Watch(commands::watch::WatchCmd),
}

fn main() -> ExitCode {
    restore_default_sigpipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Ingest(c) => c.run(),
        Command::Analyze(c) => c.run(),
        Command::Compare(c) => c.run(),
        Command::Stories(c) => c.run(),
        Command::Story(c) => c.run(),
        Command::Figures(c) => c.run(),
        Command::Storylines(c) => c.run(),
        Command::Search(c) => c.run(),
        Command::Eval(c) => c.run(),
        Command::Bench(c) => c.run(),
        Command::Demo(c) => c.run(),
        Command::Watch(c) => c.run(),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("storyline: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `storyline stories | head` must end quietly when `head` closes the pipe, as other Unix
/// tools do, instead of panicking in `println!`: Rust ignores SIGPIPE by default.
fn restore_default_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called once at start-up, before any thread exists; SIG_DFL is a valid handler.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

impl AnalyzeArgs {
    /// The analyzer with the user's extra lexicons.
    pub fn analyzer(&self) -> anyhow::Result<storyline_analyze::Analyzer> {
        let mut analyzer = storyline_analyze::Analyzer::new();
        for path in &self.lexicons {
            analyzer.add_framing_lexicon(path)?;
        }
        for path in &self.source_aliases {
            analyzer.add_source_aliases(path)?;
        }
        Ok(analyzer)
    }

    /// The input limits.
    pub fn limits(&self) -> storyline_sources::Limits {
        storyline_sources::Limits {
            max_bytes: self.max_bytes,
        }
    }
}
