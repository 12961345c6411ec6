//! Bilingual concepts of an article, for comparing reports in different languages: the
//! stemmed terms of a French and an English report of one event share nothing, while the
//! words of their titles and leads map to shared concept ids of the bilingual list
//! ([`crate::similarity::Concepts`]: "taux" and "rate", "banque" and "bank").
//!
//! Only the title and the lead are read: they state the event, and reading the whole text
//! again would cost as much as a good part of the linking.

use rustc_hash::FxHashMap;
use storyline_analyze::entities::fold;
use storyline_analyze::text::{tokenize, TokenKind};
use storyline_model::Analysis;

use crate::similarity::Concepts;

/// Bytes of the text read after the title: about the first paragraph.
pub const LEAD_BYTES: usize = 800;

/// The concept ids found in the title and lead of `a`, with their counts, sorted by id.
pub fn count(a: &Analysis) -> Vec<(u32, u32)> {
    let list = Concepts::bundled();
    let mut end = LEAD_BYTES.min(a.text.len());
    while !a.text.is_char_boundary(end) {
        end -= 1;
    }
    let lead = a.text.get(..end).unwrap_or("");
    let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
    for part in [a.title.as_deref().unwrap_or(""), lead] {
        for token in tokenize(part).iter().filter(|t| t.kind == TokenKind::Word) {
            if let Some(c) = list.concept(&fold(token.span.slice(part))) {
                *counts.entry(c).or_default() += 1;
            }
        }
    }
    let mut out: Vec<(u32, u32)> = counts.into_iter().collect();
    out.sort_unstable();
    out
}
