//! `storyline ingest PATH...`: read, analyze, store, then relink the whole store.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;
use storyline_link::Linker;
use storyline_store::{Inserted, Store};

use crate::{pipeline, AnalyzeArgs, DbArgs};

/// Arguments of `storyline ingest`.
#[derive(Args)]
pub struct IngestCmd {
    /// Files or folders (recursive), or `-` for stdin. Formats: .txt .json .jsonl .html, RSS/Atom/JSON
    /// feeds (.xml .rss .atom), WARC (.warc); each optionally .gz.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    analyze: AnalyzeArgs,
    /// Print the summary as JSON.
    #[arg(long)]
    json: bool,
}

/// What an ingest did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Articles read and analyzed.
    pub read: u64,
    /// Articles newly stored.
    pub stored: u64,
    /// Articles whose content was already stored.
    pub duplicates: u64,
    /// Records passed over on purpose: WARC records that hold no HTML page.
    pub skipped_records: u64,
    /// Inputs that failed, one line each: the file and the reason.
    pub failed: Vec<String>,
    /// Stories and storylines in the store after relinking.
    pub stories: usize,
    /// Storylines in the store after relinking.
    pub storylines: usize,
    /// Wall time in seconds.
    pub seconds: f64,
}

impl IngestCmd {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<ExitCode> {
        let analyzer = self.analyze.analyzer()?;
        let mut store = Store::open(&self.db.db)?;
        let summary = ingest(
            &self.paths,
            &mut store,
            &analyzer,
            &self.analyze,
            !self.json,
        )?;
        if self.json {
            println!("{}", serde_json::to_string_pretty(&summary)?);
        } else {
            print_summary(&summary);
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Ingests `paths` into `store` and relinks it. Failed inputs are counted, never fatal.
pub fn ingest(
    paths: &[PathBuf],
    store: &mut Store,
    analyzer: &storyline_analyze::Analyzer,
    args: &AnalyzeArgs,
    progress: bool,
) -> anyhow::Result<Summary> {
    let started = std::time::Instant::now();
    let bar = if progress {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} articles  {per_sec}  {msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let mut summary = Summary::default();
    let mut failed = Vec::new();
    let skipped_records = pipeline::run(
        pipeline::Input::all(paths, args.limits()),
        analyzer,
        |batch| {
            let results = store.insert_batch(&batch)?;
            summary.read += batch.len() as u64;
            for result in results {
                match result {
                    Inserted::New => summary.stored += 1,
                    Inserted::Duplicate { .. } => summary.duplicates += 1,
                }
            }
            bar.set_position(summary.read);
            Ok(())
        },
        |failure| {
            bar.suspend(|| eprintln!("failed: {failure}"));
            failed.push(failure);
        },
    )?;
    summary.skipped_records = skipped_records;
    bar.set_message("linking");
    // Nothing new: the links stored last time still hold.
    let (stories, storylines) = if summary.stored > 0 {
        relink(store)?
    } else {
        stored_link_counts(store)?
    };
    bar.finish_and_clear();
    summary.failed = failed;
    summary.stories = stories;
    summary.storylines = storylines;
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Relinks every stored article in publication order and saves the result.
/// Returns the number of stories and storylines.
pub fn relink(store: &mut Store) -> anyhow::Result<(usize, usize)> {
    let mut linker = Linker::new();
    store.for_each_analysis(|analysis| {
        linker.add(&analysis);
        Ok(())
    })?;
    let result = linker.finish();
    store.save_links(&result)?;
    Ok((result.stories.len(), result.storylines.len()))
}

/// The number of stories and storylines already stored.
fn stored_link_counts(store: &Store) -> anyhow::Result<(usize, usize)> {
    let storylines = store.storylines()?;
    let stories = storylines.iter().map(|(_, stories)| stories.len()).sum();
    Ok((stories, storylines.len()))
}

/// Prints the summary for a reader: one line of counts, then one line per failed input.
pub fn print_summary(s: &Summary) {
    println!(
        "read {} articles, stored {}, duplicates {}, failed {}, in {:.2} s: {} stories in {} storylines",
        s.read,
        s.stored,
        s.duplicates,
        s.failed.len(),
        s.seconds,
        s.stories,
        s.storylines
    );
    if s.skipped_records > 0 {
        println!(
            "  skipped {} WARC records that hold no HTML page",
            s.skipped_records
        );
    }
    for f in &s.failed {
        println!("  failed: {f}");
    }
}
