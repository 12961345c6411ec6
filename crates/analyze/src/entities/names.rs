//! Multi-word name lists (gazetteers, ministry domains) matched on key forms.

use rustc_hash::FxHashMap;

use super::fold::Transliteration;
use super::words::{Case, Words};
use crate::text::tokenize;

/// One listed name: its words after the first, and what it stands for.
struct Name<V> {
    first_case: Case,
    rest: Vec<(String, Case)>,
    value: V,
}

/// Names indexed by the key form of their first word; the longest match wins.
pub struct NameIndex<V> {
    by_first: FxHashMap<String, Vec<Name<V>>>,
}

impl<V> Default for NameIndex<V> {
    fn default() -> Self {
        NameIndex {
            by_first: FxHashMap::default(),
        }
    }
}

impl<V: Clone> NameIndex<V> {
    /// Adds `name` (as written, its capitals constraining the text) standing for `value`.
    pub fn insert(&mut self, name: &str, value: V, translit: &Transliteration) {
        let mut words = tokenize(name)
            .into_iter()
            .map(|t| t.span.slice(name))
            .map(|w| (translit.key_form(w), Case::of(w)));
        let Some((first, first_case)) = words.next() else {
            return;
        };
        let rest = words.collect();
        self.by_first.entry(first).or_default().push(Name {
            first_case,
            rest,
            value,
        });
    }

    /// The longest name starting at token `i`: its length in tokens and value.
    pub fn longest_at(&self, words: &Words, i: usize) -> Option<(usize, &V)> {
        let names = self.by_first.get(words.key(i))?;
        let mut best: Option<(usize, &V)> = None;
        for name in names {
            if !words.has_case(i, name.first_case) {
                continue;
            }
            let fits = name.rest.iter().enumerate().all(|(k, (w, case))| {
                let j = i + 1 + k;
                !words.breaks_after(j - 1) && words.key(j) == w && words.has_case(j, *case)
            });
            let len = name.rest.len() + 1;
            if fits && best.is_none_or(|(l, _)| len > l) {
                best = Some((len, &name.value));
            }
        }
        best
    }
}
