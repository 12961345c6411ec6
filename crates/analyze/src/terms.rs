//! Stemmed terms: STUB, being written (issue 2).
use crate::text::Doc;

/// Stopwords and stemmers per language.
pub struct TermRules;

/// Whether a Snowball stemmer exists for `lang`.
pub fn has_stemmer(_lang: &str) -> bool {
    false
}

impl TermRules {
    /// With the bundled stopword lists.
    pub fn bundled() -> Self {
        TermRules
    }
    /// Stemmed content terms with counts, most frequent first.
    pub fn count(&self, _doc: &Doc, _title: Option<&str>, _lang: &str) -> Vec<(String, u32)> {
        Vec::new()
    }
}
