//! Side-by-side comparison of two analyses. STUB (issue 2).

use serde::Serialize;
use storyline_model::Analysis;

/// What two articles share and where they differ.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Whether they report the same event.
    pub same_event: bool,
    /// Whether they belong to one storyline.
    pub same_storyline: bool,
    /// Why, in words.
    pub reasons: Vec<String>,
}

/// Compares `a` and `b`.
pub fn compare(a: &Analysis, b: &Analysis) -> Comparison {
    let _ = (a, b);
    Comparison { same_event: false, same_storyline: false, reasons: Vec::new() }
}
