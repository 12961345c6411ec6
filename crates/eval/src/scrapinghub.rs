//! The Scrapinghub (Zyte) article-extraction benchmark: 181 pages with their gold article body,
//! scored as that repository's `evaluate.py` does. Per document, true and false positives and
//! false negatives over 4-word shingles of `\w+` tokens, normalised by their sum so that long
//! articles weigh no more than short ones; precision and recall are means over documents and
//! F1 is computed from those two means.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::extraction::{article_text, read_article};
use crate::Report;

/// Shingle length of the benchmark.
const SHINGLE: usize = 4;

/// When this environment variable is set, the per-page precision and recall of the tuning half
/// (even sorted ids) are printed to stderr, worst first, to find the classes of errors.
pub const MISSES_ENV: &str = "STORYLINE_EXTRACT_MISSES";

/// Scores our HTML extractor on the benchmark's pages.
pub fn score(data: &Path, report: &mut Report) {
    let dir = data.join("scrapinghub-article-extraction-benchmark");
    let truth_path = dir.join("ground-truth.json");
    let truth = match read_truth(&truth_path) {
        Ok(truth) => truth,
        Err(reason) => {
            report
                .skipped
                .push(format!("extract.scrapinghub: {reason}"));
            return;
        }
    };
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut counts = Vec::with_capacity(ids.len());
    let mut halves: [Vec<Counts>; 2] = Default::default();
    let mut tuning = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let gold = &truth[*id];
        let page = dir.join("html").join(format!("{id}.html.gz"));
        let got = read_article(&page).map(|a| article_text(&a));
        let c = shingle_counts(gold, got.as_deref().unwrap_or(""));
        counts.push(c);
        halves[i % 2].push(c);
        if i % 2 == 0 {
            tuning.push((c, id.as_str()));
        }
    }
    if std::env::var_os(MISSES_ENV).is_some() {
        print_misses(&mut tuning);
    }
    let Some(all) = Scores::of(&counts) else {
        report
            .skipped
            .push(format!("extract.scrapinghub: {}: no pages", dir.display()));
        return;
    };
    let detail = format!(
        "{} pages, 4-gram shingles per document as in evaluate.py",
        counts.len()
    );
    report.push(
        "extract",
        "extract.scrapinghub.precision",
        all.precision,
        detail.clone(),
    );
    report.push(
        "extract",
        "extract.scrapinghub.recall",
        all.recall,
        detail.clone(),
    );
    report.push("extract", "extract.scrapinghub.f1", all.f1, detail);
    let half = |c: &[Counts]| Scores::of(c).map_or(0.0, |s| s.f1);
    report.notes.push(format!(
        "extract.scrapinghub: F1 {:.3} on the even sorted ids (the tuning half), {:.3} on the odd ones",
        half(&halves[0]),
        half(&halves[1])
    ));
}

/// Prints the tuning half's pages by their share of false positives and negatives, worst first.
fn print_misses(pages: &mut [(Counts, &str)]) {
    let loss = |c: &Counts| c.fp + c.fn_;
    pages.sort_by(|a, b| loss(&b.0).total_cmp(&loss(&a.0)));
    for (c, id) in pages.iter().filter(|(c, _)| loss(c) > 0.0) {
        eprintln!(
            "extract.scrapinghub {id}: tp {:.3} fp {:.3} fn {:.3}",
            c.tp, c.fp, c.fn_
        );
    }
}

/// The gold bodies by page id.
fn read_truth(path: &Path) -> Result<HashMap<String, String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let json: HashMap<String, Value> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(json
        .into_iter()
        .map(|(id, v)| {
            let body = v["articleBody"].as_str().unwrap_or("").to_string();
            (id, body)
        })
        .collect())
}

/// One document's true positives, false positives and false negatives, as shares of their sum.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Counts {
    tp: f64,
    fp: f64,
    fn_: f64,
}

/// Shingle matching of one prediction against its gold text.
pub(crate) fn shingle_counts(gold: &str, got: &str) -> Counts {
    let (want, have) = (shingles(gold), shingles(got));
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for key in want
        .keys()
        .chain(have.keys().filter(|k| !want.contains_key(*k)))
    {
        let w = *want.get(key).unwrap_or(&0) as f64;
        let h = *have.get(key).unwrap_or(&0) as f64;
        tp += w.min(h);
        fp += (h - w).max(0.0);
        fn_ += (w - h).max(0.0);
    }
    let sum = tp + fp + fn_;
    if sum > 0.0 {
        Counts {
            tp: tp / sum,
            fp: fp / sum,
            fn_: fn_ / sum,
        }
    } else {
        Counts::default()
    }
}

/// Counts of each run of [`SHINGLE`] tokens; a text with fewer tokens is one shingle of them all.
fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect();
    let mut counts = HashMap::new();
    if tokens.is_empty() {
        return counts;
    }
    let runs = tokens.len().saturating_sub(SHINGLE - 1).max(1);
    for i in 0..runs {
        let end = (i + SHINGLE).min(tokens.len());
        *counts.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Precision and recall averaged over documents, and the F1 of those averages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Scores {
    /// As `metrics_from_tp_fp_fns`: a document without predicted shingles has no precision, one
    /// without gold shingles no recall; `None` when no document has either.
    pub(crate) fn of(counts: &[Counts]) -> Option<Scores> {
        let perfect = |c: &Counts| c.fp == 0.0 && c.fn_ == 0.0;
        let mean = |values: Vec<f64>| {
            (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
        };
        let precision = mean(
            counts
                .iter()
                .filter(|c| c.tp + c.fp > 0.0)
                .map(|c| {
                    if perfect(c) {
                        1.0
                    } else {
                        c.tp / (c.tp + c.fp)
                    }
                })
                .collect(),
        )?;
        let recall = mean(
            counts
                .iter()
                .filter(|c| c.tp + c.fn_ > 0.0)
                .map(|c| {
                    if perfect(c) {
                        1.0
                    } else {
                        c.tp / (c.tp + c.fn_)
                    }
                })
                .collect(),
        )?;
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Some(Scores {
            precision,
            recall,
            f1,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_match_every_shingle() {
        let c = shingle_counts("one two three four five", "one, two; three four five!");
        assert_eq!(
            c,
            Counts {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
    }

    #[test]
    fn extra_and_missing_shingles_are_shares_of_all() {
        // gold: (a b c d) (b c d e); got: (a b c d) (b c d x): one of each kind.
        let c = shingle_counts("a b c d e", "a b c d x");
        let third = 1.0 / 3.0;
        assert!((c.tp - third).abs() < 1e-12 && (c.fp - third).abs() < 1e-12);
        assert!((c.fn_ - third).abs() < 1e-12);
        // Fewer than four tokens make one shingle; an empty prediction has none.
        assert_eq!(shingle_counts("a b", "a b").tp, 1.0);
        assert_eq!(shingle_counts("a b c d", "").fn_, 1.0);
    }

    #[test]
    fn scores_average_documents_then_combine() {
        let docs = [
            shingle_counts("a b c d e", "a b c d e"),
            shingle_counts("a b c d e", "a b c d x"),
            // Nothing predicted: counts for recall, not for precision.
            shingle_counts("a b c d e", ""),
        ];
        let s = Scores::of(&docs).expect("documents");
        assert!((s.precision - 0.75).abs() < 1e-12);
        assert!((s.recall - 0.5).abs() < 1e-12);
        assert!((s.f1 - 0.6).abs() < 1e-12);
        assert_eq!(Scores::of(&[]), None);
    }

    /// Needs ../shared/data: the committed trafilatura output must score as published (0.958).
    #[test]
    fn published_trafilatura_output_scores_as_published() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/scrapinghub-article-extraction-benchmark");
        let (Ok(truth), Ok(output)) = (
            read_truth(&dir.join("ground-truth.json")),
            std::fs::read_to_string(dir.join("output/trafilatura.json")),
        ) else {
            println!("skipped: {} absent", dir.display());
            return;
        };
        let output: Value = serde_json::from_str(&output).expect("valid JSON");
        let output = output.get("output").unwrap_or(&output);
        let counts: Vec<Counts> = truth
            .iter()
            .map(|(id, gold)| {
                let got = output[id]["articleBody"].as_str().unwrap_or("");
                shingle_counts(gold, got)
            })
            .collect();
        let s = Scores::of(&counts).expect("pages");
        assert!((s.f1 - 0.958).abs() < 0.0015, "F1 {}", s.f1);
    }
}
