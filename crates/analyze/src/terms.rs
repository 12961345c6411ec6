//! Stemmed content terms: what an article is about, as counts of Snowball stems.
//!
//! The linker compares articles by these terms, so they must be cheap and stable:
//! lowercase, typographic apostrophes folded to `'`, stopwords (data/stopwords/<lang>.txt)
//! dropped, numbers and one-letter tokens dropped, French elisions dropped (the tokenizer
//! already splits them off), then a Snowball stem. Languages without a Snowball stemmer
//! keep the lowercase surface form; languages without a stopword list drop nothing but
//! numbers and one-letter tokens.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::{tokenize, Doc, Token, TokenKind};

/// How many terms an article keeps: enough to describe it, few enough to keep linking fast.
pub const MAX_TERMS: usize = 64;

/// Bundled stopword lists, one lowercase word per line, `#` comments.
const STOPWORDS: &[(&str, &str)] = &[
    ("fr", include_str!("../../../data/stopwords/fr.txt")),
    ("en", include_str!("../../../data/stopwords/en.txt")),
    ("de", include_str!("../../../data/stopwords/de.txt")),
    ("es", include_str!("../../../data/stopwords/es.txt")),
    ("it", include_str!("../../../data/stopwords/it.txt")),
];

/// The Snowball algorithm for an ISO 639-1 code, when rust-stemmers has one.
fn algorithm(lang: &str) -> Option<Algorithm> {
    Some(match lang {
        "ar" => Algorithm::Arabic,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "no" | "nb" | "nn" => Algorithm::Norwegian,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        _ => return None,
    })
}

/// Whether a Snowball stemmer exists for `lang`.
pub fn has_stemmer(lang: &str) -> bool {
    algorithm(lang).is_some()
}

/// Stopwords and stemmers per language, built once and shared by all threads.
pub struct TermRules {
    stopwords: FxHashMap<&'static str, FxHashSet<&'static str>>,
}

impl TermRules {
    /// With the bundled stopword lists.
    pub fn bundled() -> Self {
        let stopwords = STOPWORDS
            .iter()
            .map(|(lang, list)| {
                let words = list
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .collect();
                (*lang, words)
            })
            .collect();
        TermRules { stopwords }
    }

    /// Stemmed content terms with counts, title terms counted twice, most frequent first
    /// (ties in term order, so that the output is deterministic), at most [`MAX_TERMS`].
    pub fn count(&self, doc: &Doc, title: Option<&str>, lang: &str) -> Vec<(String, u32)> {
        let mut counter = Counter {
            stopwords: self.stopwords.get(lang),
            words: FxHashMap::default(),
            buf: String::new(),
        };
        counter.add_tokens(doc.text, &doc.tokens, 1);
        if let Some(title) = title {
            counter.add_tokens(title, &tokenize(title), 2);
        }
        // Stem each distinct word once: stemming costs more than counting.
        let mut counts: FxHashMap<String, u32> = FxHashMap::default();
        match algorithm(lang) {
            Some(algorithm) => STEMS.with_borrow_mut(|cache| {
                let cache = cache.for_lang(lang, algorithm);
                for (word, n) in counter.words {
                    *counts.entry(cache.stem(word)).or_default() += n;
                }
            }),
            None => counts = counter.words,
        }
        let mut terms: Vec<(String, u32)> = counts.into_iter().collect();
        terms.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(MAX_TERMS);
        terms
    }
}

/// Most words a thread's stem cache holds before it starts afresh (a few MB).
const STEM_CACHE_MAX: usize = 200_000;

thread_local! {
    /// Stems already computed by this thread: news vocabulary repeats from one article to
    /// the next, and Snowball stemming dominates the cost of terms. Per thread, so that
    /// the shared [`TermRules`] needs no lock.
    static STEMS: std::cell::RefCell<StemCache> = std::cell::RefCell::new(StemCache::default());
}

/// A word-to-stem cache for the language last stemmed by this thread.
#[derive(Default)]
struct StemCache {
    lang: String,
    stemmer: Option<Stemmer>,
    stems: FxHashMap<String, String>,
}

impl StemCache {
    /// The cache for `lang`, emptied when the language changes.
    fn for_lang(&mut self, lang: &str, algorithm: Algorithm) -> &mut Self {
        if self.lang != lang || self.stemmer.is_none() {
            self.lang = lang.to_string();
            self.stemmer = Some(Stemmer::create(algorithm));
            self.stems.clear();
        }
        self
    }

    fn stem(&mut self, word: String) -> String {
        if let Some(stem) = self.stems.get(&word) {
            return stem.clone();
        }
        let Some(stemmer) = &self.stemmer else {
            return word;
        };
        let stem = stemmer.stem(&word).into_owned();
        if self.stems.len() >= STEM_CACHE_MAX {
            self.stems.clear();
        }
        self.stems.insert(word, stem.clone());
        stem
    }
}

/// The running count of the content words of one article; `buf` is reused so that a token
/// costs no allocation unless its word is new to the article.
struct Counter<'r> {
    stopwords: Option<&'r FxHashSet<&'static str>>,
    words: FxHashMap<String, u32>,
    buf: String,
}

impl Counter<'_> {
    fn add_tokens(&mut self, text: &str, tokens: &[Token], weight: u32) {
        for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let word = token.span.slice(text);
            self.buf.clear();
            if word.is_ascii() {
                self.buf.push_str(word);
                self.buf.make_ascii_lowercase();
            } else {
                for c in word.chars() {
                    match c {
                        '’' | 'ʼ' => self.buf.push('\''),
                        c => self.buf.extend(c.to_lowercase()),
                    }
                }
            }
            if self.buf.chars().nth(1).is_none()
                || self
                    .stopwords
                    .is_some_and(|s| s.contains(self.buf.as_str()))
            {
                continue;
            }
            match self.words.get_mut(self.buf.as_str()) {
                Some(n) => *n += weight,
                None => {
                    self.words.insert(self.buf.clone(), weight);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str, title: Option<&str>, lang: &str) -> Vec<(String, u32)> {
        TermRules::bundled().count(&Doc::new(text), title, lang)
    }

    #[test]
    fn french_stems_drop_stopwords_elisions_and_numbers() {
        let t = terms(
            "L’agence russe a annoncé que les délégations du Hamas sont arrivées 2 fois à Moscou en 2023.",
            None,
            "fr",
        );
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert!(words.contains(&"agenc"), "{words:?}");
        assert!(words.contains(&"déleg"), "{words:?}");
        assert!(words.contains(&"moscou"), "{words:?}");
        for dropped in ["l'", "l", "les", "du", "2", "2023", "a", "à", "en", "que"] {
            assert!(!words.contains(&dropped), "{dropped} kept in {words:?}");
        }
    }

    #[test]
    fn inflections_share_a_stem_and_title_counts_twice() {
        let t = terms(
            "The delegation met officials. Delegations meet often.",
            Some("Delegation visits"),
            "en",
        );
        let get = |w: &str| t.iter().find(|(s, _)| s == w).map(|(_, n)| *n);
        assert_eq!(get("deleg"), Some(4));
        assert_eq!(t.first().map(|(s, _)| s.as_str()), Some("deleg"));
        assert_eq!(get("visit"), Some(2));
    }

    #[test]
    fn unknown_language_keeps_lowercase_surface_forms() {
        assert!(!has_stemmer("und"));
        let t = terms("Kiswahili Kiswahili habari", None, "sw");
        assert_eq!(
            t,
            vec![("kiswahili".to_string(), 2), ("habari".to_string(), 1)]
        );
    }

    #[test]
    fn cached_stems_follow_the_language() {
        let text = "Les délégations visitent les capitales";
        let first = terms(text, None, "fr");
        let english = terms(text, None, "en");
        assert_ne!(
            first, english,
            "French and English stemmers differ on these words"
        );
        assert_eq!(terms(text, None, "fr"), first);
    }

    #[test]
    fn list_is_capped_and_sorted() {
        let text: String = (0..200).map(|i| format!("mot{i} ")).collect();
        let t = terms(&format!("{text} répété répété"), None, "xx");
        assert_eq!(t.len(), MAX_TERMS);
        assert_eq!(t[0], ("répété".to_string(), 2));
    }
}
