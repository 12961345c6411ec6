//! Framing marks: STUB, being written (issue 2).
use storyline_model::{Entity, FramingMark, Quote};
use crate::{text::Doc, LexiconError};

/// Framing lexicons per language.
pub struct FramingLexicon;

impl FramingLexicon {
    /// With the bundled lexicons.
    pub fn bundled() -> Self {
        FramingLexicon
    }
    /// Adds a user lexicon; returns the number of terms added.
    pub fn add_toml(&mut self, _text: &str, _origin: &str) -> Result<usize, LexiconError> {
        Ok(0)
    }
    /// All framing marks of `doc`.
    pub fn find(&self, _doc: &Doc, _lang: &str, _quotes: &[Quote], _entities: &[Entity]) -> Vec<FramingMark> {
        Vec::new()
    }
}
