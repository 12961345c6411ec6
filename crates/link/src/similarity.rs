//! Evidence that two articles report the same event or belong to one storyline.
//!
//! Two signals, combined the same way by the pairwise API ([`evidence`], used by
//! `compare`) and by the [`crate::Linker`]: the cosine of stemmed-term vectors and the
//! cosine of entity-key vectors (PER and ORG weigh more than LOC and MISC, because a
//! country or a capital is shared by many unrelated events). When either article has no
//! entity (a language without gazetteer, or the recognizer found nothing) the terms alone
//! decide, so linking works on any language. Time then vetoes: articles more than
//! [`EVENT_MAX_DAYS`] apart are never one event, more than [`STORYLINE_MAX_DAYS`] apart
//! never one storyline.
//!
//! The pairwise API has no corpus, so it weighs terms by `1 + ln(count)`; the linker also
//! multiplies by inverse document frequencies learnt from everything it was given.
//!
//! [`pair_score`] is the graded similarity of two articles, for ranking and for agreement
//! with human judges (SemEval-2022 Task 8): a small fitted model ([`model`]) over pair
//! features ([`features`]) that also carry across languages (bilingual concept ids,
//! names, numbers, dates, character n-grams). [`Evidence::score`] keeps its a-priori
//! definition, on which the linker's thresholds rest.

mod crosslang;
#[cfg(feature = "embed")]
pub mod embed;
pub mod features;
pub mod model;

pub use crosslang::{Concepts, ListError};
pub use features::{PairFeatures, Profile};
pub use model::PairModel;

use rustc_hash::FxHashMap;
use storyline_model::{Analysis, Entity, EntityType};

use crate::dates::day_number;

/// Articles further apart than this (in days) are never one event.
pub const EVENT_MAX_DAYS: i64 = 7;
/// Stories further apart than this (in days, about six months) are never one storyline.
pub const STORYLINE_MAX_DAYS: i64 = 183;
/// Minimum [`Evidence::score`] for one event. Set a priori, not fitted: two reports of one
/// event share their actors and roughly a third to a half of their weighted vocabulary,
/// while unrelated articles of the same day share common news words only. On BASIL
/// (scored by the link tests, not used to choose it) pairwise scores of same-event and of
/// the closest different-event pairs overlap, which is why the linker adds idf weights and
/// story centroids rather than relying on pairwise scores alone.
pub const EVENT_THRESHOLD: f64 = 0.30;
/// Minimum storyline score (terms and actors, no time decay) for one storyline: lower than
/// for an event, since episodes of a thread share actors and subject but not the facts.
pub const STORYLINE_THRESHOLD: f64 = 0.20;
/// Share of the score given to entity keys when both articles have some.
const ENTITY_SHARE: f64 = 0.4;
/// Score lost per day between two articles, so that a same-day report wins over a
/// week-old one with the same words.
const DECAY_PER_DAY: f64 = 0.03;

/// Evidence that two articles report the same event.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// Combined score in [0, 1]: terms and entities, decayed by the time gap.
    pub score: f64,
    /// Cosine of the stemmed-term vectors.
    pub term_cosine: f64,
    /// Cosine of the type-weighted entity-key vectors; 0 when either has no entity.
    pub entity_overlap: f64,
    /// Whether both articles have entities, i.e. whether `entity_overlap` was measured
    /// (when false, the terms alone decided).
    pub entities_compared: bool,
    /// Entity keys both articles mention, sorted.
    pub shared_keys: Vec<String>,
    /// Stemmed terms both use, the most shared first (at most 12).
    pub shared_terms: Vec<String>,
    /// Days between the publication dates, when both are known to the day or the month
    /// (a month counts as its 15th day, see [`crate::dates::day_number`]).
    pub days_apart: Option<i64>,
}

/// How much an entity counts as evidence of a shared subject: by type, and sublinearly by
/// its number of mentions, which tells the main actors of an article from those it names
/// in passing.
pub fn entity_weight(e: &Entity) -> f64 {
    let by_type = match e.kind {
        EntityType::PER | EntityType::ORG => 1.0,
        EntityType::LOC | EntityType::MISC => 0.5,
    };
    by_type * tf_weight(u32::try_from(e.spans.len()).unwrap_or(u32::MAX))
}

/// Weight of a term counted `count` times: sublinear, so that one repeated word does not
/// drown the others.
pub fn tf_weight(count: u32) -> f64 {
    1.0 + f64::from(count.max(1)).ln()
}

/// Cosine of two sparse vectors sorted by key (0 when either is all zero).
pub fn cosine<K: Ord>(a: &[(K, f64)], b: &[(K, f64)]) -> f64 {
    let norm = |v: &[(K, f64)]| v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    let (na, nb) = (norm(a), norm(b));
    if na == 0.0 || nb == 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    while let (Some((ka, wa)), Some((kb, wb))) = (a.get(i), b.get(j)) {
        match ka.cmp(kb) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += wa * wb;
                i += 1;
                j += 1;
            }
        }
    }
    (dot / (na * nb)).clamp(0.0, 1.0)
}

/// Terms and entities combined: entities get [`ENTITY_SHARE`] when both sides have some.
pub fn content_score(term_cosine: f64, entity_overlap: Option<f64>) -> f64 {
    match entity_overlap {
        Some(e) => (1.0 - ENTITY_SHARE) * term_cosine + ENTITY_SHARE * e,
        None => term_cosine,
    }
}

/// The content score decayed by the time gap (unknown gap: no decay).
pub fn event_score(content: f64, days_apart: Option<i64>) -> f64 {
    let days = days_apart.map_or(0, i64::abs).min(EVENT_MAX_DAYS) as f64;
    content * (1.0 - DECAY_PER_DAY * days)
}

/// The evidence between `a` and `b`.
pub fn evidence(a: &Analysis, b: &Analysis) -> Evidence {
    let (ta, tb) = (term_vector(a), term_vector(b));
    let (ka, kb) = (key_vector(a), key_vector(b));
    let term_cosine = cosine(&ta, &tb);
    let overlap = (!ka.is_empty() && !kb.is_empty()).then(|| cosine(&ka, &kb));
    let days_apart = day_number(&a.published)
        .zip(day_number(&b.published))
        .map(|(x, y)| (x - y).abs());
    Evidence {
        score: event_score(content_score(term_cosine, overlap), days_apart),
        term_cosine,
        entity_overlap: overlap.unwrap_or(0.0),
        entities_compared: overlap.is_some(),
        shared_keys: shared(&ka, &kb, usize::MAX),
        shared_terms: shared(&ta, &tb, 12),
        days_apart,
    }
}

/// The fitted similarity of two articles in [0, 1] (see [`model`]). To compare one article
/// with many, build each [`Profile`] once and use [`PairModel::score`] on
/// [`PairFeatures::between`].
pub fn pair_score(a: &Analysis, b: &Analysis) -> f64 {
    let features = PairFeatures::between(&Profile::new(a), &Profile::new(b));
    PairModel::bundled().score(&features)
}

/// Whether the evidence says one event: close enough in time and similar enough.
pub fn same_event(e: &Evidence) -> bool {
    e.days_apart.is_none_or(|d| d <= EVENT_MAX_DAYS) && e.score >= EVENT_THRESHOLD
}

/// Whether the evidence says one storyline: within about six months, and sharing subject
/// and (when both have entities) actors. One event is always one storyline.
pub fn same_storyline(e: &Evidence) -> bool {
    if same_event(e) {
        return true;
    }
    let within = e.days_apart.is_none_or(|d| d <= STORYLINE_MAX_DAYS);
    let overlap = e.entities_compared.then_some(e.entity_overlap);
    within && storyline_match(e.term_cosine, overlap)
}

/// Whether a subject (term cosine) and actors (entity cosine, when measured) are shared
/// enough for one storyline: when both sides have entities, at least one must be shared.
pub fn storyline_match(term_cosine: f64, entity_overlap: Option<f64>) -> bool {
    entity_overlap.is_none_or(|e| e > 0.0)
        && content_score(term_cosine, entity_overlap) >= STORYLINE_THRESHOLD
}

fn term_vector(a: &Analysis) -> Vec<(&str, f64)> {
    let mut v: Vec<(&str, f64)> = a
        .terms
        .iter()
        .map(|(t, n)| (t.as_str(), tf_weight(*n)))
        .collect();
    sort_merge(&mut v);
    v
}

/// Entity keys with their [`entity_weight`].
fn key_vector(a: &Analysis) -> Vec<(&str, f64)> {
    let mut v: Vec<(&str, f64)> = a
        .entities
        .iter()
        .map(|e| (e.key.as_str(), entity_weight(e)))
        .collect();
    sort_merge(&mut v);
    v
}

/// Sorts by key and keeps one entry per key (the largest weight), as [`cosine`] needs.
pub fn sort_merge<K: Ord + Copy>(v: &mut Vec<(K, f64)>) {
    v.sort_unstable_by(|x, y| x.0.cmp(&y.0).then(y.1.total_cmp(&x.1)));
    v.dedup_by_key(|e| e.0);
}

/// Keys present in both, ordered by the smaller of the two weights, at most `max`,
/// then sorted alphabetically when all are kept.
fn shared(a: &[(&str, f64)], b: &[(&str, f64)], max: usize) -> Vec<String> {
    let weights: FxHashMap<&str, f64> = b.iter().copied().collect();
    let mut both: Vec<(&str, f64)> = a
        .iter()
        .filter_map(|(k, w)| weights.get(k).map(|wb| (*k, w.min(*wb))))
        .collect();
    if max == usize::MAX {
        both.sort_unstable_by(|x, y| x.0.cmp(y.0));
    } else {
        both.sort_unstable_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(y.0)));
        both.truncate(max);
    }
    both.into_iter().map(|(k, _)| k.to_string()).collect()
}
