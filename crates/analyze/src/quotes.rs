//! Quotes: STUB, being written (issue 2).
use storyline_model::{Entity, Quote};
use crate::text::Doc;

/// Quote rules per language.
pub struct QuoteRules;

impl QuoteRules {
    /// With the bundled data.
    pub fn bundled() -> Self {
        QuoteRules
    }
    /// All quotes of `doc` with their speakers.
    pub fn find(&self, _doc: &Doc, _lang: &str, _entities: &[Entity]) -> Vec<Quote> {
        Vec::new()
    }
}
