//! `storyline eval`: scores each stage on the shared data (../shared/data) and writes
//! EVALUATION.md. Each scorer skips, with a reason, when its data set is absent.
//!
//! Floors (`.ci/eval-floors.txt`) hold a score just under the recorded one for each
//! metric, so that CI fails when a change makes a stage worse.

pub mod clustering;
mod distractors;
mod duplicates;
mod extraction;
mod facts;
mod language;
mod linking;
mod names;
mod report;
mod scrapinghub;
pub mod semeval;
mod speakers;
mod storylines;
mod stream;
mod trafilatura_eval;
pub mod variants;

use std::path::Path;

use storyline_analyze::Analyzer;

pub use report::{check_floors, markdown, parse_floors, Floors};

/// One measured score.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Metric {
    /// The stage or component (`link`, `extract`, `analyze`).
    pub component: &'static str,
    /// The metric's stable name, used by the floors file (`link.basil.bcubed_f1`).
    pub name: String,
    /// The score (0..1 for rates).
    pub value: f64,
    /// What was measured, on how many items.
    pub detail: String,
}

/// Everything one eval run measured.
#[derive(Debug, Default, serde::Serialize)]
pub struct Report {
    /// The scores.
    pub metrics: Vec<Metric>,
    /// Data sets that were absent, with the reason.
    pub skipped: Vec<String>,
    /// Timings and remarks worth recording.
    pub notes: Vec<String>,
}

impl Report {
    fn push(&mut self, component: &'static str, name: &str, value: f64, detail: impl Into<String>) {
        self.metrics.push(Metric {
            component,
            name: name.to_string(),
            value,
            detail: detail.into(),
        });
    }

    /// Whether every path `scorer` needs exists; if not, records `scorer: PATH absent` for
    /// the first missing one, and the scorer returns.
    fn has_data(&mut self, scorer: &str, needed: &[&Path]) -> bool {
        match needed.iter().find(|path| !path.exists()) {
            Some(path) => {
                self.skipped
                    .push(format!("{scorer}: {} absent", path.display()));
                false
            }
            None => true,
        }
    }
}

/// Runs every scorer on `data` (the shared data folder).
pub fn run(data: &Path, analyzer: &Analyzer) -> Report {
    run_selected(data, analyzer, &[])
}

/// Runs the scorers whose metric names start with one of `only` (all when `only` is
/// empty), so that work on one component can be measured without the whole run.
pub fn run_selected(data: &Path, analyzer: &Analyzer, only: &[String]) -> Report {
    let mut report = Report::default();
    let wanted = |scorer: &str| is_selected(scorer, only);
    if wanted("link.basil") {
        distractors::score(data, analyzer, &mut report, 0, "link.basil");
    }
    if wanted("link.basil_distractors") {
        distractors::basil(data, analyzer, &mut report);
    }
    if wanted("link.semeval") {
        semeval::similarity(data, analyzer, &mut report);
    }
    if wanted("link.duplicates") {
        duplicates::orangesum(data, analyzer, &mut report);
    }
    if wanted("link.storylines") {
        storylines::score(data, analyzer, &mut report);
    }
    if wanted("extract.orangesum_html") {
        extraction::orangesum_html(data, &mut report);
    }
    if wanted("extract.scrapinghub") {
        scrapinghub::score(data, &mut report);
    }
    if wanted("extract.trafilatura_eval") {
        trafilatura_eval::score(data, &mut report);
    }
    if wanted("analyze.lang") {
        language::detection(data, analyzer, &mut report);
    }
    if wanted("analyze.quotes") {
        speakers::basil(data, analyzer, &mut report);
    }
    if wanted("analyze.facts") {
        facts::score(data, analyzer, &mut report);
    }
    report
}

/// Whether a metric (or a scorer's name prefix) is among `only`: either may be the
/// prefix of the other, so `link` selects every linking scorer and
/// `link.basil.bcubed_f1` selects the scorer `link.basil`.
pub fn is_selected(name: &str, only: &[String]) -> bool {
    only.is_empty()
        || only
            .iter()
            .any(|o| name.starts_with(o.as_str()) || o.starts_with(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_accepts_prefixes_both_ways() {
        let only = vec!["link".to_string(), "analyze.facts.fr".to_string()];
        assert!(is_selected("link.semeval", &only));
        assert!(is_selected("analyze.facts", &only));
        assert!(!is_selected("analyze.lang", &only));
        assert!(is_selected("extract.anything", &[]));
    }

    #[test]
    fn every_scorer_skips_with_a_reason_when_its_data_is_absent() {
        let empty = tempfile::tempdir().expect("a temporary folder");
        let report = run(empty.path(), &Analyzer::new());
        assert!(report.metrics.is_empty());
        for scorer in [
            "link.basil:",
            "link.basil_distractors:",
            "link.semeval:",
            "link.duplicates:",
            "link.storylines:",
            "analyze.quotes:",
            "extract.orangesum_html:",
            "extract.scrapinghub:",
            "extract.trafilatura_eval:",
            "analyze.lang:",
        ] {
            assert!(
                report.skipped.iter().any(|s| s.starts_with(scorer)),
                "{scorer} not skipped: {:?}",
                report.skipped
            );
        }
    }
}
