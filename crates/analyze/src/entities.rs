//! Entities: STUB, being written (issue 2).
use storyline_model::Entity;
use crate::text::Doc;

/// An entity recognizer: the rule-based one now, a trained tagger later.
pub trait Recognizer: Send + Sync {
    /// All entities of `doc`, grouped by canonical key.
    fn recognize(&self, doc: &Doc, lang: &str) -> Vec<Entity>;
}

/// The first-pass rule-based recognizer.
pub struct RuleRecognizer;

impl RuleRecognizer {
    /// With the bundled gazetteers.
    pub fn bundled() -> Self {
        RuleRecognizer
    }
}

impl Recognizer for RuleRecognizer {
    fn recognize(&self, _doc: &Doc, _lang: &str) -> Vec<Entity> {
        Vec::new()
    }
}
