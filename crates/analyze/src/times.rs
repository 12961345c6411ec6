//! Time expressions: STUB, being written (issue 2).
use storyline_model::{Published, TimeExpr};
use crate::text::Doc;

/// Time rules per language.
pub struct TimeRules;

impl TimeRules {
    /// With the bundled data.
    pub fn bundled() -> Self {
        TimeRules
    }
    /// All time expressions of `doc`, resolved against `published`.
    pub fn find(&self, _doc: &Doc, _lang: &str, _published: &Published) -> Vec<TimeExpr> {
        Vec::new()
    }
}
