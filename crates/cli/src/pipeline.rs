//! The streaming pipeline shared by `ingest`, `demo` and `bench`:
//! sources → extract (sequential, I/O bound) → analyze (parallel batches with rayon).
//!
//! Batches keep memory flat however large the input: only one batch of articles and
//! analyses is alive at a time.

use std::path::PathBuf;

use rayon::prelude::*;
use storyline_analyze::Analyzer;
use storyline_model::{Analysis, Article};
use storyline_sources::Limits;

/// How many articles are analyzed (and stored) together.
pub const BATCH: usize = 512;

/// One input that failed, as a one-line message naming the file and the reason.
pub type Failure = String;

/// Streams `paths` in batches of analyzed articles; `on_batch` is called for each batch,
/// `on_failure` for each input that could not be read or extracted.
pub fn run(
    paths: &[PathBuf],
    limits: Limits,
    analyzer: &Analyzer,
    mut on_batch: impl FnMut(Vec<(Article, Analysis)>) -> anyhow::Result<()>,
    mut on_failure: impl FnMut(Failure),
) -> anyhow::Result<()> {
    let mut pending: Vec<Article> = Vec::with_capacity(BATCH);
    for doc in storyline_sources::read(paths, limits) {
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
            on_batch(analyze_batch(analyzer, std::mem::take(&mut pending)))?;
        }
    }
    if !pending.is_empty() {
        on_batch(analyze_batch(analyzer, pending))?;
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
