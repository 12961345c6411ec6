//! Figures: STUB, being written (issue 2).
use storyline_model::{Entity, Figure, TimeExpr};
use crate::text::Doc;

/// Figure rules per language.
pub struct FigureRules;

impl FigureRules {
    /// With the bundled data.
    pub fn bundled() -> Self {
        FigureRules
    }
    /// All figures of `doc`.
    pub fn find(&self, _doc: &Doc, _lang: &str, _times: &[TimeExpr], _entities: &[Entity]) -> Vec<Figure> {
        Vec::new()
    }
}
