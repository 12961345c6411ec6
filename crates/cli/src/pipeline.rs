//! The streaming pipeline shared by `ingest`, `demo` and `bench`:
//! sources → extract (sequential, I/O bound) → analyze (parallel batches with rayon).
//!
//! Batches keep memory flat however large the input: only a few batches of articles and
//! analyses are alive at a time.

use std::path::PathBuf;
use std::sync::mpsc;

use rayon::prelude::*;
use storyline_analyze::Analyzer;
use storyline_model::{Analysis, Article};
use storyline_sources::Limits;

/// How many articles are analyzed (and stored) together.
pub const BATCH: usize = 512;

/// One input that failed, as a one-line message naming the file and the reason.
pub type Failure = String;

/// What to read.
#[derive(Clone, Copy)]
pub struct Input<'a> {
    /// Files, folders, or `-`.
    pub paths: &'a [PathBuf],
    /// Size limits per input.
    pub limits: Limits,
    /// Stop after about this many articles (whole documents: a JSON array is not cut).
    pub max_articles: usize,
}

impl<'a> Input<'a> {
    /// All articles under `paths`.
    pub fn all(paths: &'a [PathBuf], limits: Limits) -> Self {
        Input {
            paths,
            limits,
            max_articles: usize::MAX,
        }
    }
}

/// Batches in flight between two stages: enough to keep every stage busy, few enough to
/// keep memory flat.
const IN_FLIGHT: usize = 2;

/// Streams the input through three overlapped stages: a reader thread (read + extract), the
/// analysis (parallel, on rayon's pool) and a consumer thread that gets each analyzed batch
/// in input order (`consume`: store or link). `on_failure` gets every input that could not be
/// read or extracted, as a one-line message. The first error of `consume` stops the stream.
/// Returns how many records were passed over on purpose (WARC records without an HTML page).
pub fn run<C, F>(
    input: Input<'_>,
    analyzer: &Analyzer,
    consume: C,
    on_failure: F,
) -> anyhow::Result<u64>
where
    C: FnMut(Vec<(Article, Analysis)>) -> anyhow::Result<()> + Send,
    F: FnMut(Failure) + Send,
{
    let (article_tx, article_rx) = mpsc::sync_channel::<Vec<Article>>(IN_FLIGHT);
    let (analysis_tx, analysis_rx) = mpsc::sync_channel::<Vec<(Article, Analysis)>>(IN_FLIGHT);
    let stats = storyline_sources::Stats::default();
    let reader_stats = stats.clone();
    std::thread::scope(|scope| {
        let reader =
            scope.spawn(move || read_batches(input, &reader_stats, article_tx, on_failure));
        let consumer = scope.spawn(move || consume_all(analysis_rx, consume));
        for batch in article_rx {
            // A closed channel means the consumer stopped on an error; it reports it below.
            if analysis_tx.send(analyze_batch(analyzer, batch)).is_err() {
                break;
            }
        }
        drop(analysis_tx);
        let consumed = consumer
            .join()
            .map_err(|_| anyhow::anyhow!("the store/link stage panicked"))?;
        reader
            .join()
            .map_err(|_| anyhow::anyhow!("the reader stage panicked"))?;
        consumed
    })?;
    Ok(stats.skipped_records())
}

/// The reader stage: documents to articles, in batches.
fn read_batches(
    input: Input<'_>,
    stats: &storyline_sources::Stats,
    out: mpsc::SyncSender<Vec<Article>>,
    mut on_failure: impl FnMut(Failure),
) {
    let mut pending: Vec<Article> = Vec::with_capacity(BATCH);
    let mut sent = 0;
    for doc in storyline_sources::read_with_stats(input.paths, input.limits, stats) {
        if sent + pending.len() >= input.max_articles {
            break;
        }
        let doc = match doc {
            Ok(doc) => doc,
            Err(e) => {
                on_failure(e.to_string());
                continue;
            }
        };
        // Each item of a JSON array stands alone: one empty item does not hide the others.
        match storyline_extract::extract_each(&doc) {
            Ok(items) => {
                for item in items {
                    match item {
                        Ok(article) => pending.push(article),
                        Err(e) => on_failure(e.to_string()),
                    }
                }
            }
            Err(e) => on_failure(e.to_string()),
        }
        if pending.len() >= BATCH {
            sent += pending.len();
            if out.send(std::mem::take(&mut pending)).is_err() {
                return;
            }
        }
    }
    if !pending.is_empty() {
        let _ = out.send(pending);
    }
}

/// The consumer stage: every batch in order, stopping at the first error.
fn consume_all(
    batches: mpsc::Receiver<Vec<(Article, Analysis)>>,
    mut consume: impl FnMut(Vec<(Article, Analysis)>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    for batch in batches {
        consume(batch)?;
    }
    Ok(())
}

/// Analyzes a batch in parallel, keeping the input order.
pub fn analyze_batch(analyzer: &Analyzer, articles: Vec<Article>) -> Vec<(Article, Analysis)> {
    articles
        .into_par_iter()
        .map(|article| {
            let analysis = analyzer.analyze(&article);
            (article, analysis)
        })
        .collect()
}

/// Reads and extracts the articles of one file (or stored id handled by the caller).
pub fn read_articles(path: &std::path::Path, limits: Limits) -> anyhow::Result<Vec<Article>> {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for doc in storyline_sources::read(&[path.to_path_buf()], limits) {
        match doc
            .map_err(|e| e.to_string())
            .and_then(|d| storyline_extract::extract(&d).map_err(|e| e.to_string()))
        {
            Ok(found) => articles.extend(found),
            Err(e) => errors.push(e),
        }
    }
    if articles.is_empty() {
        let reason = errors
            .first()
            .cloned()
            .unwrap_or_else(|| format!("{}: no article found", path.display()));
        anyhow::bail!(reason);
    }
    Ok(articles)
}
