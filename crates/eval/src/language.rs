//! Language detection on articles whose language is known: OrangeSum (French), BASIL (English).

use std::path::Path;

use storyline_analyze::{lang, Analyzer};

use crate::Report;

/// How many OrangeSum articles to check (the file is streamed, never loaded whole).
const ORANGESUM_SAMPLE: usize = 2000;

/// Scores language detection on both corpora.
pub fn detection(data: &Path, _analyzer: &Analyzer, report: &mut Report) {
    let fr = data.join("orangesum-fr/orangesum_articles.jsonl.gz");
    let en = data.join("basil-media-bias/articles");
    if !fr.exists() || !en.is_dir() {
        report
            .skipped
            .push("analyze.lang: OrangeSum or BASIL absent".into());
        return;
    }
    let (mut n, mut right) = (0usize, 0usize);
    for (path, want, limit) in [(fr, "fr", ORANGESUM_SAMPLE), (en, "en", usize::MAX)] {
        let docs = storyline_sources::read(&[path], Default::default()).take(limit);
        for doc in docs.flatten() {
            let Ok(articles) = storyline_extract::extract(&doc) else {
                continue;
            };
            for a in articles {
                n += 1;
                if lang::detect(&a.paragraphs.join("\n\n")) == Some(want) {
                    right += 1;
                }
            }
        }
    }
    if n > 0 {
        let detail = format!("{n} articles: {ORANGESUM_SAMPLE} OrangeSum (fr) and BASIL (en)");
        report.push(
            "analyze",
            "analyze.lang.accuracy",
            right as f64 / n as f64,
            detail,
        );
    }
}
