//! Lower-cased token views and multi-word phrase lists, shared by the figure, time and
//! attribution rules, so that each data file can list phrases ("jusqu'à", "according to")
//! as plain text and each rule matches them on tokens without allocating per token.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use crate::text::{is_apostrophe, tokenize, Token};

/// The tokens of a [`Doc`](crate::text::Doc), lower-cased with apostrophes folded to `'`; borrowed when
/// already in that form (most tokens are).
#[derive(Debug, Clone)]
pub struct Lowered<'a> {
    words: Vec<Cow<'a, str>>,
}

impl<'a> Lowered<'a> {
    /// Lower-cases every token of `text`: [`crate::text::Doc::new`] does it once for all rules.
    pub(crate) fn of_tokens(text: &'a str, tokens: &[Token]) -> Self {
        let words = tokens.iter().map(|t| fold(t.span.slice(text))).collect();
        Lowered { words }
    }

    /// The folded text of token `i`, or "" past the end.
    pub fn get(&self, i: usize) -> &str {
        self.words.get(i).map_or("", |w| w.as_ref())
    }

    /// How many tokens.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// `s` lower-cased with typographic apostrophes folded to `'`.
pub fn fold(s: &str) -> Cow<'_, str> {
    if s.chars()
        .any(|c| c.is_uppercase() || (c != '\'' && is_apostrophe(c)))
    {
        Cow::Owned(
            s.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if is_apostrophe(c) { '\'' } else { c })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Splits a phrase of a data file into folded tokens, the way the text is tokenized.
pub fn phrase_tokens(phrase: &str) -> Vec<String> {
    tokenize(phrase)
        .iter()
        .map(|t| fold(t.span.slice(phrase)).into_owned())
        .collect()
}

/// A set of phrases with a value each, indexed by first and by last token.
pub struct PhraseMap<V> {
    entries: Vec<(Vec<String>, V)>,
    by_first: FxHashMap<String, Vec<usize>>,
    by_last: FxHashMap<String, Vec<usize>>,
}

impl<V> Default for PhraseMap<V> {
    fn default() -> Self {
        PhraseMap {
            entries: Vec::new(),
            by_first: FxHashMap::default(),
            by_last: FxHashMap::default(),
        }
    }
}

impl<V> PhraseMap<V> {
    /// Adds `phrase` with `value`; a phrase with no token is ignored.
    pub fn insert(&mut self, phrase: &str, value: V) {
        let toks = phrase_tokens(phrase);
        let (Some(first), Some(last)) = (toks.first().cloned(), toks.last().cloned()) else {
            return;
        };
        let idx = self.entries.len();
        self.entries.push((toks, value));
        self.by_first.entry(first).or_default().push(idx);
        self.by_last.entry(last).or_default().push(idx);
    }

    /// The longest phrase starting at token `i`: its token count and value.
    pub fn at(&self, low: &Lowered, i: usize) -> Option<(usize, &V)> {
        let ids = self.by_first.get(low.get(i))?;
        ids.iter()
            .filter_map(|&id| self.entries.get(id))
            .filter(|(toks, _)| toks.iter().enumerate().all(|(k, t)| low.get(i + k) == t))
            .max_by_key(|(toks, _)| toks.len())
            .map(|(toks, v)| (toks.len(), v))
    }

    /// Like [`PhraseMap::at`], with words for which `skip` holds jumped over right after the
    /// phrase's first word ("a également précisé" matches "a précisé"): its token count
    /// (skipped words included) and value. The skipped run is found once, not per phrase.
    pub fn at_skipping(
        &self,
        low: &Lowered,
        i: usize,
        skip: impl Fn(&str) -> bool,
    ) -> Option<(usize, &V)> {
        let ids = self.by_first.get(low.get(i))?;
        let mut rest = i + 1;
        while rest < low.len() && skip(low.get(rest)) {
            rest += 1;
        }
        ids.iter()
            .filter_map(|&id| self.entries.get(id))
            .filter_map(|(toks, v)| match toks.len() {
                1 => Some((1, v)),
                n => toks
                    .iter()
                    .skip(1)
                    .enumerate()
                    .all(|(k, t)| low.get(rest + k) == t)
                    .then_some((rest - i + n - 1, v)),
            })
            .max_by_key(|(n, _)| *n)
    }

    /// Whether the one-word phrase `word` is in the set (for parts of a hyphenated token).
    pub fn contains_word(&self, word: &str) -> bool {
        self.by_first.get(word).is_some_and(|ids| {
            ids.iter().any(|&id| {
                self.entries
                    .get(id)
                    .is_some_and(|(toks, _)| toks.len() == 1)
            })
        })
    }

    /// The longest phrase ending just before token `end` and starting at or after `floor`:
    /// its first token and value.
    pub fn ending_at(&self, low: &Lowered, floor: usize, end: usize) -> Option<(usize, &V)> {
        let last = end.checked_sub(1)?;
        let ids = self.by_last.get(low.get(last))?;
        ids.iter()
            .filter_map(|&id| self.entries.get(id))
            .filter(|(toks, _)| {
                end >= floor + toks.len()
                    && toks
                        .iter()
                        .enumerate()
                        .all(|(k, t)| low.get(end - toks.len() + k) == t)
            })
            .max_by_key(|(toks, _)| toks.len())
            .map(|(toks, v)| (end - toks.len(), v))
    }
}

impl PhraseMap<()> {
    /// A set of phrases without values.
    pub fn from_phrases<S: AsRef<str>>(phrases: &[S]) -> Self {
        let mut map = PhraseMap::default();
        for p in phrases {
            map.insert(p.as_ref(), ());
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Doc;

    #[test]
    fn matches_phrases_across_elisions_and_case() {
        let text = "Jusqu’à 40 morts, selon l'ONU.";
        let doc = Doc::new(text);
        let low = doc.lowered();
        let map = PhraseMap::from_phrases(&["jusqu'à", "selon"]);
        assert_eq!(map.at(low, 0).map(|(n, _)| n), Some(2));
        assert_eq!(map.ending_at(low, 0, 2).map(|(s, _)| s), Some(0));
        assert!(map.ending_at(low, 1, 2).is_none(), "floor cuts the phrase");
        assert!(map.at(low, 2).is_none());
        assert!(map.contains_word("selon"));
        let text = "Il a également précisé, puis a dit.";
        let doc = Doc::new(text);
        let verbs = PhraseMap::from_phrases(&["a précisé", "a dit"]);
        let adverb = |w: &str| w == "également";
        assert_eq!(
            verbs.at_skipping(doc.lowered(), 1, adverb).map(|(n, _)| n),
            Some(3)
        );
        assert_eq!(
            verbs.at_skipping(doc.lowered(), 6, adverb).map(|(n, _)| n),
            Some(2)
        );
        assert!(verbs.at_skipping(doc.lowered(), 0, adverb).is_none());
        assert!(
            !map.contains_word("jusqu'"),
            "a word of a longer phrase is not a phrase"
        );
    }
}
