//! Pair features: the measurements from which the fitted pair score is made.
//!
//! Each article is first reduced to a [`Profile`] (cheap, computed once per article);
//! [`PairFeatures::between`] then compares two profiles. Besides the stemmed terms and
//! entity keys of the analysis, the profile reads the text again for what carries across
//! languages: concept ids of the bilingual list, names (capitalised words), numbers, and
//! character n-grams, which match cognates and names in any script.

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use storyline_analyze::entities::fold;
use storyline_analyze::text::{tokenize, TokenKind};
use storyline_model::{Analysis, EntityType, Precision};

use super::crosslang::Concepts;
use super::{cosine, entity_weight, sort_merge, tf_weight};

/// Number of features.
pub const FEATURE_COUNT: usize = 12;

/// Feature names, in the order of [`PairFeatures::values`]; the weights file uses them.
pub const FEATURE_NAMES: [&str; FEATURE_COUNT] = [
    "term_cosine",
    "actor_cosine",
    "place_cosine",
    "concept_cosine",
    "word_cosine",
    "title_cosine",
    "lead_cosine",
    "name_cosine",
    "number_dice",
    "gram_cosine",
    "date_dice",
    "same_language",
];

/// Index of the feature that is 1 when both articles are in one language, else 0.
pub const SAME_LANGUAGE: usize = FEATURE_COUNT - 1;

/// Letters kept of a word for [`Profile`]'s word vector: truncation is a crude stemmer
/// that works the same in every language.
const PREFIX_CHARS: usize = 5;
/// Sentences that make the lead. The title is the first sentence (a headline given apart
/// from the text is counted by the terms of the analysis, not here).
const LEAD_SENTENCES: usize = 3;
/// Letters from which a word counts fully in the word vectors: shorter words are more
/// often function words or common verbs, longer ones name the subject (a stand-in for
/// document frequencies, which a single pair does not have).
const FULL_WEIGHT_CHARS: usize = 8;

/// Stopwords of every bundled language, dropped from word vectors whatever the language
/// (a word that is a stopword in one of them carries little in the others).
const STOPWORDS: &[&str] = &[
    include_str!("../../../../data/stopwords/fr.txt"),
    include_str!("../../../../data/stopwords/en.txt"),
    include_str!("../../../../data/stopwords/de.txt"),
    include_str!("../../../../data/stopwords/es.txt"),
    include_str!("../../../../data/stopwords/it.txt"),
];

fn stopwords() -> &'static FxHashSet<String> {
    static SET: OnceLock<FxHashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        STOPWORDS
            .iter()
            .flat_map(|list| storyline_analyze::lexicon::word_list(list))
            .map(fold)
            .collect()
    })
}

/// A sparse vector of hashed features, sorted by hash.
type Hashed = Vec<(u64, f64)>;

/// What the pair features need of one article.
#[derive(Debug, Clone, Default)]
pub struct Profile {
    lang: String,
    terms: Vec<(String, f64)>,
    actors: Vec<(String, f64)>,
    places: Vec<(String, f64)>,
    concepts: Hashed,
    words: Hashed,
    title: Hashed,
    lead: Hashed,
    names: Hashed,
    numbers: Vec<u64>,
    grams: Hashed,
    dates: Vec<String>,
    embedding: Option<Vec<f32>>,
}

impl Profile {
    /// The profile of an analysed article.
    pub fn new(a: &Analysis) -> Profile {
        let concepts_list = Concepts::bundled();
        let stop = stopwords();
        let end_of = |n: usize| {
            a.sentences
                .get(n.min(a.sentences.len()).saturating_sub(1))
                .map_or(a.text.len(), |s| s.end)
        };
        let (title_end, lead_end) = (end_of(1), end_of(LEAD_SENTENCES));
        let mut p = Profile {
            lang: a.lang.clone(),
            ..Profile::default()
        };
        let mut counts: [FxHashMap<u64, f64>; 5] = Default::default();
        let [concepts, words, title, lead, names] = &mut counts;
        let mut numbers = FxHashSet::default();
        let mut folded_text = String::with_capacity(a.text.len());
        let mut sentence_start = true;
        let mut previous_end = 0;
        for token in tokenize(&a.text) {
            let surface = token.span.slice(&a.text);
            let gap = a.text.get(previous_end..token.span.start).unwrap_or("");
            previous_end = token.span.end;
            if gap.contains(['.', '!', '?', '\n', ':', '«', '"', '“']) {
                sentence_start = true;
            }
            match token.kind {
                TokenKind::Number => {
                    let digits: String = surface.chars().filter(char::is_ascii_digit).collect();
                    if digits.len() >= 2 {
                        numbers.insert(hash(digits.trim_start_matches('0')));
                    }
                }
                TokenKind::Word => {
                    let word = fold(surface);
                    folded_text.push_str(&word);
                    folded_text.push(' ');
                    if !sentence_start && surface.chars().next().is_some_and(char::is_uppercase) {
                        *names.entry(hash(&word)).or_default() += 1.0;
                    }
                    let concept = concepts_list.concept(&word);
                    if let Some(c) = concept {
                        *concepts.entry(u64::from(c)).or_default() += 1.0;
                    }
                    let letters = word.chars().count();
                    if letters >= 4 && !stop.contains(&word) {
                        let prefix: String = word.chars().take(PREFIX_CHARS).collect();
                        let h = hash(&prefix);
                        let weight =
                            letters.min(FULL_WEIGHT_CHARS) as f64 / FULL_WEIGHT_CHARS as f64;
                        *words.entry(h).or_default() += weight;
                        // Concept ids and prefixes share the title and lead vectors: a
                        // concept is tagged so that it never equals a prefix hash.
                        let key = concept.map_or(h, |c| u64::from(c) | 1 << 63);
                        for (part, end) in [(&mut *title, title_end), (&mut *lead, lead_end)] {
                            if token.span.start < end {
                                *part.entry(key).or_default() += weight;
                            }
                        }
                    }
                    sentence_start = false;
                }
                _ => sentence_start = false,
            }
        }
        let [concepts, words, title, lead, names] = counts;
        p.concepts = weighted(concepts);
        p.words = weighted(words);
        p.title = weighted(title);
        p.lead = weighted(lead);
        p.names = weighted(names);
        p.numbers = numbers.into_iter().collect();
        p.numbers.sort_unstable();
        p.grams = grams(&folded_text);
        p.terms = a
            .terms
            .iter()
            .map(|(t, n)| (t.clone(), tf_weight(*n)))
            .collect();
        p.terms.sort_unstable_by(|x, y| x.0.cmp(&y.0));
        for e in &a.entities {
            let target = match e.kind {
                EntityType::PER | EntityType::ORG => &mut p.actors,
                EntityType::LOC | EntityType::MISC => &mut p.places,
            };
            target.push((e.key.clone(), entity_weight(e)));
        }
        for v in [&mut p.actors, &mut p.places] {
            v.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
            v.dedup_by(|x, y| x.0 == y.0);
        }
        p.dates = a
            .times
            .iter()
            .filter(|t| t.precision == Precision::Day)
            .filter_map(|t| t.value.clone())
            .collect();
        p.dates.sort_unstable();
        p.dates.dedup();
        p
    }

    /// The profile with a sentence embedding of its article (L2-normalised, as
    /// `embed::Embedder` gives them), whose cosine [`PairFeatures::between`] then adds.
    pub fn with_embedding(mut self, embedding: Vec<f32>) -> Profile {
        self.embedding = Some(embedding);
        self
    }
}

/// What an article's embedding is made of: its title and the start of its text, cut at a
/// word boundary at most `max_chars` bytes in (the lead says what the article is about,
/// and the engine's time grows with the length).
pub fn embedding_text(a: &Analysis, max_chars: usize) -> String {
    let mut text = match &a.title {
        Some(title) if !a.text.starts_with(title.as_str()) => format!("{title}\n{}", a.text),
        _ => a.text.clone(),
    };
    if text.len() > max_chars {
        let mut cut = max_chars;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let cut = text[..cut].rfind(char::is_whitespace).unwrap_or(cut);
        text.truncate(cut);
    }
    text
}

/// The features of one pair of articles, in the order of [`FEATURE_NAMES`], each in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairFeatures {
    /// The feature values.
    pub values: [f64; FEATURE_COUNT],
    /// The cosine of the two sentence embeddings, when both profiles have one.
    pub embed_cosine: Option<f64>,
}

impl PairFeatures {
    /// The features between two profiles.
    pub fn between(a: &Profile, b: &Profile) -> PairFeatures {
        let same_language = a.lang == b.lang;
        let named = |x: &[(String, f64)], y: &[(String, f64)]| {
            let x: Vec<(&str, f64)> = x.iter().map(|(k, w)| (k.as_str(), *w)).collect();
            let y: Vec<(&str, f64)> = y.iter().map(|(k, w)| (k.as_str(), *w)).collect();
            cosine(&x, &y)
        };
        PairFeatures {
            values: [
                // Stems of two languages rarely coincide, and when they do it is by chance.
                if same_language {
                    named(&a.terms, &b.terms)
                } else {
                    0.0
                },
                named(&a.actors, &b.actors),
                named(&a.places, &b.places),
                cosine(&a.concepts, &b.concepts),
                cosine(&a.words, &b.words),
                cosine(&a.title, &b.title),
                cosine(&a.lead, &b.lead),
                cosine(&a.names, &b.names),
                dice(&a.numbers, &b.numbers),
                cosine(&a.grams, &b.grams),
                dice(&a.dates, &b.dates),
                f64::from(u8::from(same_language)),
            ],
            embed_cosine: match (&a.embedding, &b.embedding) {
                (Some(x), Some(y)) => {
                    Some(f64::from(x.iter().zip(y).map(|(p, q)| p * q).sum::<f32>()))
                }
                _ => None,
            },
        }
    }
}

/// Character n-grams of folded words (4 letters; 2 in scripts without spaces between
/// words, where one character is about a syllable or a word).
fn grams(folded: &str) -> Hashed {
    let chars: Vec<char> = folded.chars().collect();
    let wide = chars.iter().filter(|c| **c >= '\u{2e80}').count();
    let n = if wide * 2 > chars.len() { 2 } else { 4 };
    let mut counts: FxHashMap<u64, f64> = FxHashMap::default();
    for window in chars.windows(n) {
        if window.iter().all(|c| *c != ' ') {
            let mut h = FxHasher::default();
            window.hash(&mut h);
            *counts.entry(h.finish()).or_default() += 1.0;
        }
    }
    weighted(counts)
}

/// Summed weights to sublinear ones (`1 + ln(w)` above 1, as [`tf_weight`] does for
/// counts), sorted by key as [`cosine`] needs.
fn weighted(counts: FxHashMap<u64, f64>) -> Hashed {
    let mut v: Hashed = counts
        .into_iter()
        .map(|(k, w)| (k, if w > 1.0 { 1.0 + w.ln() } else { w }))
        .collect();
    sort_merge(&mut v);
    v
}

fn hash(s: &str) -> u64 {
    let mut h = FxHasher::default();
    s.hash(&mut h);
    h.finish()
}

/// Dice coefficient of two sorted sets (0 when both are empty).
fn dice<T: Ord>(a: &[T], b: &[T]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * both as f64 / (a.len() + b.len()) as f64
}
