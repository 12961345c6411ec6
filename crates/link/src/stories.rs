//! Stories (events): single-pass clustering of articles in date order.
//!
//! Each article is compared only with the stories an inverted index returns for its most
//! weighty terms and its entity keys, and only with those open in time (the article falls
//! within [`WINDOW_DAYS`] of the story's dates, and the story spans at most
//! [`crate::similarity::EVENT_MAX_DAYS`]). The score against a story is the linker's
//! version of [`crate::similarity::evidence`]: tf-idf term cosine against the story's
//! centroid (bounded to [`CENTROID_TERMS`] terms) and key cosine against its actors,
//! decayed by the time gap. The article joins the best story at or above
//! [`EVENT_THRESHOLD`] (plus [`UNDATED_MARGIN`] when either side has no date), else opens
//! a new story. A near-duplicate joins its original's story without a vote.
//! Stories are not merged afterwards when later articles bridge two of them.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::corpus::Corpus;
use crate::dedup::DupIndex;
use crate::similarity::{content_score, cosine, event_score, EVENT_MAX_DAYS, EVENT_THRESHOLD};
use crate::vector::{heaviest, merge, prune, Postings, Vector};

/// Days before or after a story's dates within which an article may join it.
pub const WINDOW_DAYS: i64 = 3;
/// Extra score an undated comparison needs, since time cannot veto it.
pub const UNDATED_MARGIN: f64 = 0.1;
/// Terms kept in a story centroid.
pub const CENTROID_TERMS: usize = 100;
/// Terms of an article used to look up candidate stories.
const QUERY_TERMS: usize = 10;
/// Entity keys of an article used to look up candidate stories.
const QUERY_KEYS: usize = 8;
/// Most recent stories read from each posting list. Postings are read from the newest and
/// the scan stops at the first one posted too long ago for its story to be open; the cap
/// bounds undated articles, which have no such stop.
const POSTING_SCAN: usize = 200;

/// Candidates scored per article, the ones sharing most query features first.
const MAX_CANDIDATES: usize = 64;

/// One story being built.
#[derive(Debug, Default)]
pub struct Story {
    /// Member items, in processing order.
    pub members: Vec<usize>,
    /// Earliest and latest day of dated members.
    pub days: Option<(i64, i64)>,
    /// Sum of the members' unit tf-idf vectors, pruned to the heaviest terms.
    pub centroid: Vector,
    /// Sum of the members' unit key vectors.
    pub keys: Vector,
    /// Features already in the index for this story.
    indexed: FxHashSet<(bool, u32)>,
}

impl Story {
    fn add(&mut self, item: usize, day: Option<i64>, terms: &Vector, keys: &Vector) {
        self.members.push(item);
        if let Some(d) = day {
            self.days = Some(self.days.map_or((d, d), |(f, l)| (f.min(d), l.max(d))));
        }
        self.centroid = merge(&self.centroid, terms);
        prune(&mut self.centroid, CENTROID_TERMS);
        self.keys = merge(&self.keys, keys);
    }

    /// Days between `day` and the story's dates, when the article may join it; `Some(None)`
    /// when either has no date (no veto, no decay); `None` when it is out of the window.
    fn gap(&self, day: Option<i64>) -> Option<Option<i64>> {
        let (Some(d), Some((first, last))) = (day, self.days) else {
            return Some(None);
        };
        let gap = if d < first {
            first - d
        } else {
            d.saturating_sub(last).max(0)
        };
        let span = last.max(d) - first.min(d);
        (gap <= WINDOW_DAYS && span <= EVENT_MAX_DAYS).then_some(Some(gap))
    }
}

/// Stories of all items, and the near-duplicate original of each item (if any).
#[derive(Debug, Default)]
pub struct Clustering {
    /// All stories, in creation order.
    pub stories: Vec<Story>,
    /// Story index of each item.
    pub story_of: Vec<usize>,
    /// The first item of each item's near-duplicate group, when it is not the item itself.
    pub duplicate_of: Vec<Option<usize>>,
}

/// Clusters the items of `corpus`, taken in date order (undated last, ties in added order).
pub fn cluster(corpus: &Corpus) -> Clustering {
    let n = corpus.items.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| corpus.items.get(i).map(|it| (it.day.is_none(), it.day)));
    let signatures: Vec<&[u32]> = corpus
        .items
        .iter()
        .map(|it| it.fingerprint.as_slice())
        .collect();

    let mut out = Clustering {
        stories: Vec::new(),
        story_of: vec![0; n],
        duplicate_of: vec![None; n],
    };
    let mut dups = DupIndex::default();
    let mut index: Postings = FxHashMap::default();
    let mut hits: FxHashMap<usize, u32> = FxHashMap::default();

    for &i in &order {
        let Some(item) = corpus.items.get(i) else {
            continue;
        };
        let terms = corpus.term_vector(i);
        let keys = corpus.key_vector(i);
        let original = dups.find(&item.fingerprint, &signatures);
        if !item.fingerprint.is_empty() {
            dups.insert(i, &item.fingerprint);
        }
        let story = match original {
            Some(o) => {
                let root = out.duplicate_of.get(o).copied().flatten().unwrap_or(o);
                out.duplicate_of[i] = Some(root);
                out.story_of.get(o).copied().unwrap_or(0)
            }
            None => {
                let features = query(&terms, &keys);
                best_story(
                    &out.stories,
                    &index,
                    &features,
                    item.day,
                    &terms,
                    &keys,
                    &mut hits,
                )
                .unwrap_or_else(|| {
                    out.stories.push(Story::default());
                    out.stories.len() - 1
                })
            }
        };
        out.story_of[i] = story;
        if let Some(s) = out.stories.get_mut(story) {
            s.add(i, item.day, &terms, &keys);
            for f in query(&terms, &keys) {
                if s.indexed.insert(f) {
                    index.entry(f).or_default().push((story, item.day));
                }
            }
        }
    }
    out
}

/// The features an article is looked up and indexed by: its heaviest terms and keys.
fn query(terms: &Vector, keys: &Vector) -> Vec<(bool, u32)> {
    heaviest(terms, QUERY_TERMS, false)
        .chain(heaviest(keys, QUERY_KEYS, true))
        .collect()
}

/// The best open story for an article, when one scores above the threshold.
fn best_story(
    stories: &[Story],
    index: &Postings,
    features: &[(bool, u32)],
    day: Option<i64>,
    terms: &Vector,
    keys: &Vector,
    hits: &mut FxHashMap<usize, u32>,
) -> Option<usize> {
    hits.clear();
    // A story indexed before this day opened before it, and is closed for `day`.
    let oldest_open = day.map(|d| d - WINDOW_DAYS - EVENT_MAX_DAYS);
    for f in features {
        for &(s, posted) in index.get(f).into_iter().flatten().rev().take(POSTING_SCAN) {
            if oldest_open
                .zip(posted)
                .is_some_and(|(oldest, p)| p < oldest)
            {
                break;
            }
            *hits.entry(s).or_default() += 1;
        }
    }
    let mut candidates: Vec<(usize, u32)> = hits.iter().map(|(&s, &h)| (s, h)).collect();
    candidates.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
    candidates.truncate(MAX_CANDIDATES);
    let mut best: Option<(usize, f64)> = None;
    for (s, _) in candidates {
        let Some(story) = stories.get(s) else {
            continue;
        };
        let Some(gap) = story.gap(day) else { continue };
        let overlap =
            (!keys.is_empty() && !story.keys.is_empty()).then(|| cosine(keys, &story.keys));
        let score = event_score(content_score(cosine(terms, &story.centroid), overlap), gap);
        let needed = EVENT_THRESHOLD + if gap.is_none() { UNDATED_MARGIN } else { 0.0 };
        if score >= needed && best.is_none_or(|(_, b)| score > b) {
            best = Some((s, score));
        }
    }
    best.map(|(s, _)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gap_respects_window_and_span() {
        let story = Story {
            days: Some((100, 102)),
            ..Story::default()
        };
        assert_eq!(story.gap(Some(101)), Some(Some(0)));
        assert_eq!(story.gap(Some(105)), Some(Some(3)));
        assert_eq!(story.gap(Some(106)), None);
        assert_eq!(story.gap(None), Some(None));
        let long = Story {
            days: Some((100, 106)),
            ..Story::default()
        };
        assert_eq!(long.gap(Some(108)), None);
    }
}
