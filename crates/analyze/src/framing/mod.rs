//! Framing marks: wording choices named by descriptive categories, never judged.
//!
//! Two sources: per-language lexicons of terms and phrases (data/lexicons/framing/*.toml,
//! plus user files in the same format), and language-independent patterns such as a state
//! name alone in quote marks (`scare-quotes-state-name`, see [`scare`]).

mod scare;

use rustc_hash::FxHashMap;
use serde::Deserialize;
use storyline_model::{Entity, FramingMark, Quote, Span};

use crate::entities::{inflection_stems, Transliteration, Words};
use crate::{lexicon, text::Doc, LexiconError};

/// One lexicon file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    lang: String,
    #[serde(default)]
    entry: Vec<EntryFile>,
}

/// One entry of a lexicon file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryFile {
    category: String,
    terms: Vec<String>,
    /// For lexicon readers only; accepted so that files with notes validate.
    #[serde(default, rename = "note")]
    _note: Option<String>,
    #[serde(default)]
    exact: bool,
}

/// A term: its words after the first, in key form, and what it marks.
struct Term {
    rest: Vec<String>,
    exact: bool,
    lemma: String,
    category: String,
}

/// The terms of one language, indexed by the key form of their first word.
#[derive(Default)]
struct LangLexicon {
    by_first: FxHashMap<String, Vec<Term>>,
}

/// Framing lexicons per language, and the pattern rules.
pub struct FramingLexicon {
    translit: Transliteration,
    langs: FxHashMap<String, LangLexicon>,
    scare: scare::ScareQuotes,
}

const BUNDLED: &[(&str, &str)] = &[
    (
        "data/lexicons/framing/fr.toml",
        include_str!("../../../../data/lexicons/framing/fr.toml"),
    ),
    (
        "data/lexicons/framing/en.toml",
        include_str!("../../../../data/lexicons/framing/en.toml"),
    ),
];

impl FramingLexicon {
    /// With the bundled lexicons.
    pub fn bundled() -> Self {
        let mut lexicon = FramingLexicon {
            translit: Transliteration::bundled(),
            langs: FxHashMap::default(),
            scare: scare::ScareQuotes::bundled(),
        };
        for (name, text) in BUNDLED {
            if let Err(e) = lexicon.add_toml(text, name) {
                panic!("bundled data file is invalid: {e}");
            }
        }
        lexicon
    }

    /// Adds a user lexicon; returns the number of terms added.
    pub fn add_toml(&mut self, text: &str, origin: &str) -> Result<usize, LexiconError> {
        let file: LexiconFile = lexicon::parse(origin, text)?;
        let lang = file.lang.trim().to_lowercase();
        if lang.is_empty() || !lang.chars().all(|c| c.is_ascii_lowercase()) {
            return Err(LexiconError::new(
                origin,
                format!("lang {:?} is not a language code such as \"fr\"", file.lang),
            ));
        }
        // Validate everything before adding anything, so that a bad file leaves no half of itself.
        for (n, entry) in file.entry.iter().enumerate() {
            if !is_kebab_case(&entry.category) {
                return Err(LexiconError::new(
                    origin,
                    format!(
                        "entry {}: category {:?} is not kebab-case (a-z, 0-9, -)",
                        n + 1,
                        entry.category
                    ),
                ));
            }
            if entry
                .terms
                .iter()
                .any(|t| t.split_whitespace().next().is_none())
                || entry.terms.is_empty()
            {
                return Err(LexiconError::new(
                    origin,
                    format!("entry {}: a term is empty", n + 1),
                ));
            }
        }
        let translit = &self.translit;
        let lexicon = self.langs.entry(lang).or_default();
        let mut added = 0;
        for entry in file.entry {
            for term in &entry.terms {
                let mut words = crate::text::tokenize(term)
                    .into_iter()
                    .map(|t| translit.key_form(t.span.slice(term)));
                let Some(first) = words.next() else { continue };
                let term = Term {
                    rest: words.collect(),
                    exact: entry.exact,
                    lemma: term.trim().to_lowercase(),
                    category: entry.category.clone(),
                };
                lexicon.by_first.entry(first).or_default().push(term);
                added += 1;
            }
        }
        Ok(added)
    }

    /// All framing marks of `doc`, in text order.
    ///
    /// `quotes` is not used yet: marks inside quotations are the speaker's words, which the
    /// record cannot say until [`FramingMark`] has a field for it.
    pub fn find(
        &self,
        doc: &Doc,
        lang: &str,
        _quotes: &[Quote],
        entities: &[Entity],
    ) -> Vec<FramingMark> {
        let mut marks = self.scare.find(doc.text, entities);
        if let Some(lexicon) = self.langs.get(lang) {
            let words = Words::new(doc, &self.translit);
            let mut i = 0;
            while i < words.len() {
                match lexicon.longest_at(&words, i) {
                    Some((len, term)) => {
                        marks.push(mark(doc, i, i + len, term));
                        i += len;
                    }
                    None => i += 1,
                }
            }
        }
        marks.sort_by_key(|m| (m.span.start, m.span.end));
        marks
    }
}

impl LangLexicon {
    /// The longest term starting at token `i`.
    fn longest_at(&self, words: &Words, i: usize) -> Option<(usize, &Term)> {
        let key = words.key(i);
        if key.is_empty() || !words.is_word(i) {
            return None;
        }
        let mut best: Option<(usize, &Term)> = None;
        for (n, stem) in inflection_stems(key).enumerate() {
            for term in self.by_first.get(stem).into_iter().flatten() {
                if n > 0 && term.exact {
                    continue;
                }
                let fits = term.rest.iter().enumerate().all(|(k, w)| {
                    let j = i + 1 + k;
                    !words.breaks_after(j - 1) && word_matches(words.key(j), w, term.exact)
                });
                let len = term.rest.len() + 1;
                if fits && best.is_none_or(|(l, _)| len > l) {
                    best = Some((len, term));
                }
            }
        }
        best
    }
}

/// Whether a text word (key form) is the lexicon word `lemma` or one of its inflections.
fn word_matches(text: &str, lemma: &str, exact: bool) -> bool {
    if exact {
        text == lemma
    } else {
        inflection_stems(text).any(|s| s == lemma)
    }
}

/// The mark for tokens `first..end` matched by `term`.
fn mark(doc: &Doc, first: usize, end: usize, term: &Term) -> FramingMark {
    let start = doc.tokens.get(first).map_or(0, |t| t.span.start);
    let stop = doc
        .tokens
        .get(end.saturating_sub(1))
        .map_or(start, |t| t.span.end);
    let span = Span::new(start, stop);
    FramingMark {
        term: span.slice(doc.text).to_string(),
        lemma: term.lemma.clone(),
        category: term.category.clone(),
        span,
    }
}

/// Lowercase ASCII letters and digits in hyphen-separated parts.
fn is_kebab_case(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests;
