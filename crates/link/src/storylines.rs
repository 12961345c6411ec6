//! Storylines: stories that share key actors and subject over up to about six months.
//!
//! Each story is summarized by its unit centroid and unit key vector. A story is compared
//! with earlier stories that share one of its heaviest terms or keys (inverted index) and
//! lie within [`crate::similarity::STORYLINE_MAX_DAYS`]; it is joined (union-find) with
//! every one that passes [`crate::similarity::storyline_match`]. Joining every match
//! rather than only the best lets a thread continue through its episodes.

use rustc_hash::FxHashMap;

use crate::similarity::{cosine, storyline_match, STORYLINE_MAX_DAYS};
use crate::stories::Story;
use crate::unionfind::UnionFind;
use crate::vector::{heaviest, unit, Vector};

/// Heaviest centroid terms a story is indexed by.
const INDEX_TERMS: usize = 8;
/// Heaviest keys a story is indexed by.
const INDEX_KEYS: usize = 5;
/// Most recent stories read from each posting list (see `stories::POSTING_SCAN`).
const POSTING_SCAN: usize = 300;

/// The storyline root (smallest story index of its storyline) of each story.
pub fn storylines(stories: &[Story]) -> Vec<usize> {
    let summaries: Vec<(Vector, Vector)> = stories
        .iter()
        .map(|s| (unit(&s.centroid), unit(&s.keys)))
        .collect();
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by_key(|&s| stories.get(s).map(|st| (st.days.is_none(), st.days)));
    let mut uf = UnionFind::new(stories.len());
    let mut index: FxHashMap<(bool, u32), Vec<usize>> = FxHashMap::default();
    let mut seen: Vec<usize> = Vec::new();
    for &s in &order {
        let (Some(story), Some((terms, keys))) = (stories.get(s), summaries.get(s)) else {
            continue;
        };
        let features: Vec<(bool, u32)> = heaviest(terms, INDEX_TERMS, false)
            .chain(heaviest(keys, INDEX_KEYS, true))
            .collect();
        seen.clear();
        for f in &features {
            seen.extend(index.get(f).into_iter().flatten().rev().take(POSTING_SCAN));
        }
        seen.sort_unstable();
        seen.dedup();
        for &other in &seen {
            let (Some(o), Some((oterms, okeys))) = (stories.get(other), summaries.get(other))
            else {
                continue;
            };
            if !within(story.days, o.days) {
                continue;
            }
            let overlap = (!keys.is_empty() && !okeys.is_empty()).then(|| cosine(keys, okeys));
            if storyline_match(cosine(terms, oterms), overlap) {
                uf.union(s, other);
            }
        }
        for f in features {
            index.entry(f).or_default().push(s);
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
