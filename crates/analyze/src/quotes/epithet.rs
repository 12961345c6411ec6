//! Speakers written as a description ("le mouvement islamiste palestinien") resolved to the
//! one organisation of the article that fits it (data/gazetteers/epithets.toml).

use rustc_hash::FxHashMap;
use storyline_model::{Entity, Span};

use crate::entities::{Transliteration, Words};
use crate::lexicon;
use crate::text::tokenize;

/// One description: its words after the first (key forms) and the keys it may stand for.
struct Epithet {
    rest: Vec<String>,
    keys: Vec<String>,
}

/// Descriptions indexed by the key form of their first word.
pub struct Epithets {
    by_first: FxHashMap<String, Vec<Epithet>>,
}

impl Epithets {
    /// The bundled list.
    pub fn bundled(translit: &Transliteration) -> Self {
        let file: FxHashMap<String, Vec<String>> = lexicon::bundled(
            "epithets.toml",
            include_str!("../../../../data/gazetteers/epithets.toml"),
        );
        let mut by_first: FxHashMap<String, Vec<Epithet>> = FxHashMap::default();
        for (phrase, keys) in file {
            let mut words = tokenize(&phrase)
                .into_iter()
                .map(|t| translit.key_form(t.span.slice(&phrase)));
            if let Some(first) = words.next() {
                by_first.entry(first).or_default().push(Epithet {
                    rest: words.collect(),
                    keys,
                });
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
            entries.iter().find_map(|Epithet { rest, keys }| {
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
