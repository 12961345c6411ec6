//! Storylines: stories that share key actors and subject over up to about six months.
//!
//! Stories are taken in date order. Each is indexed by its heaviest terms and keys, and
//! compared with the storylines (not single stories) of the earlier stories that share at
//! least [`MIN_SHARED`] of these features, including a key when both sides have entities
//! (a shared *heavy* actor: idf weighting keeps a country or a news agency named
//! everywhere out of the heaviest keys), and whose dates come within
//! [`crate::similarity::STORYLINE_MAX_DAYS`]. It joins the best storyline that passes
//! [`crate::similarity::storyline_match`] against the storyline's summed, pruned vectors.
//! Comparing with the whole storyline rather than with its closest story keeps chains of
//! weak links (a president appears in every political story) from gluing years of
//! unrelated threads together: a broad storyline resembles no single new story much.

use rustc_hash::FxHashMap;

use crate::postings::Postings;
use crate::similarity::{
    content_score, cosine, storyline_match, EVENT_MAX_DAYS, STORYLINE_MAX_DAYS,
};
use crate::stories::Story;
use crate::stories::CENTROID_TERMS;
use crate::unionfind::UnionFind;
use crate::vector::{heaviest, merge, prune, unit, Vector};

/// Heaviest centroid terms a story is indexed by.
const INDEX_TERMS: usize = 8;
/// Heaviest keys a story is indexed by.
const INDEX_KEYS: usize = 5;
/// Index features two stories must share to be compared.
pub const MIN_SHARED: u32 = 2;
/// Stories read from each posting list, the latest within reach first (see
/// [`Postings::near`]).
const POSTING_SCAN: usize = 300;
/// Candidates scored per story, the ones sharing most features first.
const MAX_CANDIDATES: usize = 32;

/// How many index features a candidate shares, and whether one of them is a key.
#[derive(Debug, Default, Clone, Copy)]
struct Shared {
    features: u32,
    key: bool,
}

/// A storyline being built: the sum of its stories' unit vectors (pruned) and its dates.
#[derive(Debug, Default, Clone)]
struct Line {
    terms: Vector,
    keys: Vector,
    days: Option<(i64, i64)>,
}

impl Line {
    fn absorb(&mut self, other: &Line) {
        self.terms = merge(&self.terms, &other.terms);
        prune(&mut self.terms, CENTROID_TERMS);
        self.keys = merge(&self.keys, &other.keys);
        prune(&mut self.keys, CENTROID_TERMS);
        self.days = match (self.days, other.days) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (x, y) => x.or(y),
        };
    }
}

impl Line {
    /// A line of one story, with unit vectors so that stories of any size weigh alike.
    fn of(story: &Story) -> Line {
        Line {
            terms: unit(&story.centroid),
            keys: unit(&story.keys),
            days: story.days,
        }
    }
}

/// Storylines as they are built, one story at a time: a storyline lives at the union-find
/// root of its stories (the smallest story index).
#[derive(Debug, Default)]
pub struct Threads {
    lines: Vec<Line>,
    uf: UnionFind,
    /// Stories with their first day.
    index: Postings,
    hits: FxHashMap<usize, Shared>,
}

impl Threads {
    /// Places story `s` (as it is now) in the best storyline of the stories placed so far,
    /// or in a storyline of its own.
    pub fn place(&mut self, s: usize, story: &Story) {
        while self.lines.len() <= s {
            self.lines.push(Line::default());
            self.uf.push();
        }
        let own = Line::of(story);
        if let Some(slot) = self.lines.get_mut(s) {
            *slot = own.clone();
        }
        let first = own.days.map(|(f, _)| f);
        let features: Vec<(bool, u32)> = heaviest(&own.terms, INDEX_TERMS, false)
            .chain(heaviest(&own.keys, INDEX_KEYS, true))
            .collect();
        self.hits.clear();
        // A story that started this far from `first` is out of reach.
        let reach = STORYLINE_MAX_DAYS + EVENT_MAX_DAYS;
        for f in &features {
            for other in self.index.near(f, first, reach, POSTING_SCAN) {
                let shared = self.hits.entry(self.uf.find(other)).or_default();
                shared.features += 1;
                shared.key |= f.0;
            }
        }
        let mut candidates: Vec<(usize, Shared)> = self
            .hits
            .iter()
            .filter(|(_, h)| h.features >= MIN_SHARED)
            .map(|(&o, &h)| (o, h))
            .collect();
        candidates.sort_unstable_by(|a, b| b.1.features.cmp(&a.1.features).then(a.0.cmp(&b.0)));
        candidates.truncate(MAX_CANDIDATES);
        let mut best: Option<(usize, f64)> = None;
        for (root, shared) in candidates {
            let Some(line) = self.lines.get(root) else {
                continue;
            };
            let both_keys = !own.keys.is_empty() && !line.keys.is_empty();
            if !within(own.days, line.days) || (both_keys && !shared.key) {
                continue;
            }
            let overlap = both_keys.then(|| cosine(&own.keys, &line.keys));
            let term_cosine = cosine(&own.terms, &line.terms);
            let score = content_score(term_cosine, overlap);
            if storyline_match(term_cosine, overlap) && best.is_none_or(|(_, b)| score > b) {
                best = Some((root, score));
            }
        }
        if let Some((root, _)) = best {
            self.join(s, root);
        }
        for f in features {
            self.index.insert(f, s, first);
        }
    }

    /// Makes the storylines of stories `a` and `b` one (when a story merges into another).
    pub fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.uf.find(a), self.uf.find(b));
        if ra == rb {
            return;
        }
        let mut joined = self.lines.get(ra).cloned().unwrap_or_default();
        if let Some(other) = self.lines.get(rb) {
            joined.absorb(other);
        }
        self.uf.union(ra, rb);
        let root = self.uf.find(ra);
        if let Some(slot) = self.lines.get_mut(root) {
            *slot = joined;
        }
    }

    /// The storyline root of story `s`.
    pub fn find(&mut self, s: usize) -> usize {
        self.uf.find(s)
    }
}

/// The storyline root (smallest story index of its storyline) of each story, the stories
/// taken in date order.
pub fn storylines(stories: &[Story]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by_key(|&s| stories.get(s).map(|st| (st.days.is_none(), st.days)));
    let mut threads = Threads::default();
    for &s in &order {
        if let Some(story) = stories.get(s) {
            threads.place(s, story);
        }
    }
    (0..stories.len()).map(|s| threads.find(s)).collect()
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
