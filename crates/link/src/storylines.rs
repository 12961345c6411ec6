//! Storylines: stories that share key actors and subject over up to about six months.
//!
//! Each story is summarized by its unit centroid and unit key vector, and indexed by its
//! heaviest terms and keys. A story is compared with the earlier stories that share at
//! least [`MIN_SHARED`] of these features, including a key when both have entities (a
//! shared *heavy* actor: idf weighting keeps a country or a news agency named everywhere
//! out of the heaviest keys), and lie within [`crate::similarity::STORYLINE_MAX_DAYS`].
//! It is joined (union-find) with the best one that passes
//! [`crate::similarity::storyline_match`]. Joining only the best keeps chains of weak
//! links from gluing unrelated threads; a thread still continues through its episodes,
//! since each episode joins the closest earlier one.

use rustc_hash::FxHashMap;

use crate::similarity::{content_score, cosine, storyline_match, STORYLINE_MAX_DAYS};
use crate::stories::Story;
use crate::unionfind::UnionFind;
use crate::vector::{heaviest, unit, Postings, Vector};

/// Heaviest centroid terms a story is indexed by.
const INDEX_TERMS: usize = 8;
/// Heaviest keys a story is indexed by.
const INDEX_KEYS: usize = 5;
/// Index features two stories must share to be compared.
pub const MIN_SHARED: u32 = 2;
/// Most recent stories read from each posting list (see `stories::POSTING_SCAN`).
const POSTING_SCAN: usize = 300;
/// Candidates scored per story, the ones sharing most features first.
const MAX_CANDIDATES: usize = 32;

/// How many index features a candidate shares, and whether one of them is a key.
#[derive(Debug, Default, Clone, Copy)]
struct Shared {
    features: u32,
    key: bool,
}

/// The storyline root (smallest story index of its storyline) of each story.
pub fn storylines(stories: &[Story]) -> Vec<usize> {
    let summaries: Vec<(Vector, Vector)> = stories
        .iter()
        .map(|s| (unit(&s.centroid), unit(&s.keys)))
        .collect();
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by_key(|&s| stories.get(s).map(|st| (st.days.is_none(), st.days)));
    let mut uf = UnionFind::new(stories.len());
    // Stories with their first day.
    let mut index: Postings = FxHashMap::default();
    let mut hits: FxHashMap<usize, Shared> = FxHashMap::default();
    for &s in &order {
        let (Some(story), Some((terms, keys))) = (stories.get(s), summaries.get(s)) else {
            continue;
        };
        let first = story.days.map(|(f, _)| f);
        let features: Vec<(bool, u32)> = heaviest(terms, INDEX_TERMS, false)
            .chain(heaviest(keys, INDEX_KEYS, true))
            .collect();
        hits.clear();
        // A story that started this long before `first` ended too early to be within reach.
        let oldest = first.map(|f| f - STORYLINE_MAX_DAYS - crate::similarity::EVENT_MAX_DAYS);
        for f in &features {
            for &(other, other_first) in index.get(f).into_iter().flatten().rev().take(POSTING_SCAN)
            {
                if oldest.zip(other_first).is_some_and(|(o, of)| of < o) {
                    break;
                }
                let shared = hits.entry(other).or_default();
                shared.features += 1;
                shared.key |= f.0;
            }
        }
        let mut candidates: Vec<(usize, Shared)> = hits
            .iter()
            .filter(|(_, h)| h.features >= MIN_SHARED)
            .map(|(&o, &h)| (o, h))
            .collect();
        candidates.sort_unstable_by(|a, b| b.1.features.cmp(&a.1.features).then(a.0.cmp(&b.0)));
        candidates.truncate(MAX_CANDIDATES);
        let mut best: Option<(usize, f64)> = None;
        for (other, shared) in candidates {
            let (Some(o), Some((oterms, okeys))) = (stories.get(other), summaries.get(other))
            else {
                continue;
            };
            let both_keys = !keys.is_empty() && !okeys.is_empty();
            if !within(story.days, o.days) || (both_keys && !shared.key) {
                continue;
            }
            let overlap = both_keys.then(|| cosine(keys, okeys));
            let term_cosine = cosine(terms, oterms);
            let score = content_score(term_cosine, overlap);
            if storyline_match(term_cosine, overlap) && best.is_none_or(|(_, b)| score > b) {
                best = Some((other, score));
            }
        }
        if let Some((other, _)) = best {
            uf.union(s, other);
        }
        for f in features {
            index.entry(f).or_default().push((s, first));
        }
    }
    (0..stories.len()).map(|s| uf.find(s)).collect()
}

/// Whether two stories' date ranges are within the storyline span (undated: no veto).
fn within(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> bool {
    match (a, b) {
        (Some((af, al)), Some((bf, bl))) => af.max(bf) - al.min(bl) <= STORYLINE_MAX_DAYS,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_is_measured_between_ranges() {
        assert!(within(Some((0, 10)), Some((190, 200))));
        assert!(!within(Some((0, 10)), Some((200, 210))));
        assert!(within(None, Some((0, 1))));
    }
}
