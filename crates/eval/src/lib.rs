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
mod report;
mod semeval;
mod speakers;
mod stream;
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
}

/// Runs every scorer on `data` (the shared data folder).
pub fn run(data: &Path, analyzer: &Analyzer) -> Report {
    let mut report = Report::default();
    distractors::score(data, analyzer, &mut report, 0, "link.basil");
    distractors::basil(data, analyzer, &mut report);
    semeval::similarity(data, analyzer, &mut report);
    duplicates::orangesum(data, analyzer, &mut report);
    extraction::orangesum_html(data, &mut report);
    language::detection(data, analyzer, &mut report);
    speakers::basil(data, analyzer, &mut report);
    facts::score(data, analyzer, &mut report);
    report
}

#[cfg(test)]
mod tests {
    use super::*;

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
            "analyze.quotes:",
            "extract.orangesum_html:",
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
