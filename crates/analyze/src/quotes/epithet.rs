//! Speakers written as a description ("le mouvement islamiste palestinien") resolved to the
//! one organisation of the article that fits it (data/gazetteers/epithets.toml).

use rustc_hash::FxHashMap;
use storyline_model::{Entity, Span};

use crate::entities::{Transliteration, Words};
use crate::lexicon;
use crate::text::tokenize;

/// Descriptions and the keys they may stand for.
pub struct Epithets {
    /// By the key form of their first word: the other words and the candidate keys.
    by_first: FxHashMap<String, Vec<(Vec<String>, Vec<String>)>>,
}

impl Epithets {
    /// The bundled list.
    pub fn bundled(translit: &Transliteration) -> Self {
        let file: FxHashMap<String, Vec<String>> = lexicon::bundled(
            "epithets.toml",
            include_str!("../../../../data/gazetteers/epithets.toml"),
        );
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, Vec<String>)>> = FxHashMap::default();
        for (phrase, keys) in file {
            let mut words = tokenize(&phrase)
                .into_iter()
                .map(|t| translit.key_form(t.span.slice(&phrase)));
            if let Some(first) = words.next() {
                by_first
                    .entry(first)
                    .or_default()
                    .push((words.collect(), keys));
            }
        }
        Epithets { by_first }
    }

    /// The key of the one entity of the article that a description inside `span` fits.
    pub fn resolve<'e>(
        &self,
        words: &Words,
        span: Span,
        entities: &'e [Entity],
    ) -> Option<&'e str> {
        let tokens = &words.doc.tokens;
        let first = tokens.partition_point(|t| t.span.start < span.start);
        let end = tokens.partition_point(|t| t.span.end <= span.end);
        (first..end).find_map(|i| {
            let entries = self.by_first.get(words.key(i))?;
            entries.iter().find_map(|(rest, keys)| {
                let fits = rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| i + 1 + k < end && words.key(i + 1 + k) == w);
                if !fits {
                    return None;
                }
                let mut present = entities.iter().filter(|e| keys.contains(&e.key));
                match (present.next(), present.next()) {
                    (Some(only), None) => Some(only.key.as_str()),
                    _ => None,
                }
            })
        })
    }
}
