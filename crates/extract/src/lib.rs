//! Stage 2, extract: decoded documents to articles.
//! STUB: the API is fixed, the body is being written (issue 2).

use storyline_model::{Article, RawDoc};

/// A document that held no usable article: the origin and the reason, shown as one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct ExtractError {
    /// The file (or `path:line`).
    pub origin: String,
    /// Why, in a few words.
    pub reason: String,
}

/// The articles of one document (a JSON array gives several).
pub fn extract(doc: &RawDoc) -> Result<Vec<Article>, ExtractError> {
    Err(ExtractError { origin: doc.origin.clone(), reason: "not written yet".into() })
}
