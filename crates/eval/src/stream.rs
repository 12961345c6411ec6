//! Plumbing shared by the scorers that run the real pipeline on many articles: read through
//! the sources and extract stages, analyze in parallel, link in bounded chunks.

use std::path::Path;

use rayon::prelude::*;
use storyline_analyze::Analyzer;
use storyline_link::{LinkResult, Linker};
use storyline_model::{Analysis, Article};

/// Articles analyzed (in parallel) before they are given to the linker and dropped: large
/// enough to keep both cores busy, small enough that memory holds the articles and the
/// linker's corpus but never every full analysis at once.
const CHUNK: usize = 1024;

/// The OrangeSum articles (JSON lines), relative to the shared data folder.
pub const ORANGESUM: &str = "orangesum-fr/orangesum_articles.jsonl.gz";

/// Articles read from one file or folder, and how many inputs could not be used.
#[derive(Debug, Default)]
pub struct Read {
    /// The articles, in input order.
    pub articles: Vec<Article>,
    /// Inputs that failed to read or held no article.
    pub failed: usize,
}

/// The articles of `path` (a file or a folder) through the real sources and extract stages,
/// after skipping `skip` input documents (JSON lines count one each) and keeping at most
/// `take` documents, so that scorers can draw disjoint slices of one corpus.
pub fn read_articles(path: &Path, skip: usize, take: usize) -> Read {
    let mut read = Read::default();
    let docs = storyline_sources::read(&[path.to_path_buf()], Default::default())
        .skip(skip)
        .take(take);
    for doc in docs {
        match doc
            .map_err(|e| e.to_string())
            .and_then(|d| storyline_extract::extract(&d).map_err(|e| e.to_string()))
        {
            Ok(articles) => read.articles.extend(articles),
            Err(_) => read.failed += 1,
        }
    }
    read
}

/// The analyses of `articles`, in their order, computed on all cores.
pub fn analyze(articles: &[Article], analyzer: &Analyzer) -> Vec<Analysis> {
    articles.par_iter().map(|a| analyzer.analyze(a)).collect()
}

/// Analyzes and links `articles`, showing each analysis to `visit` before it is dropped.
/// Order does not matter: [`Linker::finish`] places every article by publication date; its
/// `assignments` follow the order of `articles`.
pub fn link(
    articles: &[Article],
    analyzer: &Analyzer,
    mut visit: impl FnMut(&Analysis),
) -> LinkResult {
    let mut linker = Linker::new();
    for chunk in articles.chunks(CHUNK) {
        for analysis in analyze(chunk, analyzer) {
            visit(&analysis);
            linker.add(&analysis);
        }
    }
    linker.finish()
}
