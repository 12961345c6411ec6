//! Stories (events): single-pass clustering, one article at a time, with merges.
//!
//! Articles are placed as they arrive ([`Clusterer::place`]) or, for a batch, in date
//! order. Each article is compared only with the stories an inverted index returns for its most
//! weighty terms and its entity keys, and only with those open in time (the article falls
//! within [`WINDOW_DAYS`] of the story's dates, and the story spans at most
//! [`crate::similarity::EVENT_MAX_DAYS`]). The score against a story is the linker's
//! version of [`crate::similarity::evidence`]: tf-idf term cosine against the story's
//! centroid (bounded to [`CENTROID_TERMS`] terms) and key cosine against its actors,
//! decayed by the time gap. The article joins the best story at or above the calibrated
//! threshold ([`crate::calibration::Events::join_threshold`], plus [`UNDATED_MARGIN`] when
//! either side has no date), else opens a new story. A near-duplicate joins its original's
//! story without a vote.
//!
//! Across languages stemmed terms share nothing, so an article is scored against a story
//! with no member in its language by bilingual concepts in place of terms
//! ([`Story::score_across`], [`crate::concepts`]), and only when they share actors; a
//! comparison within one language is unchanged.
//!
//! Stories merge when later evidence shows they are one: after an article joins a story,
//! the grown story is scored against the other candidates of that article, and any that
//! now reaches the same threshold (centroid against centroid, within the same time limits)
//! is merged into it. Two reports that share little can so be joined by a third that
//! arrives last and resembles both.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::calibration;
use crate::corpus::Corpus;
use crate::dedup::DupIndex;
use crate::postings::Postings;
use crate::similarity::{content_score, cosine, event_score, EVENT_MAX_DAYS};
use crate::unionfind::UnionFind;
use crate::vector::{heaviest, merge, prune, Vector};

/// Days before or after a story's dates within which an article may join it.
pub const WINDOW_DAYS: i64 = 3;
/// Extra score an undated comparison needs, since time cannot veto it.
pub const UNDATED_MARGIN: f64 = 0.1;
/// Extra score a comparison across languages needs: a concept vector is coarser than a
/// term vector (a few hundred common news words, no names), so two unrelated reports
/// that share an actor and the vocabulary of politics come closer than their terms would.
pub const ACROSS_MARGIN: f64 = 0.1;
/// Terms kept in a story centroid.
pub const CENTROID_TERMS: usize = 100;
/// Terms of an article used to look up candidate stories.
const QUERY_TERMS: usize = 10;
/// Entity keys of an article used to look up candidate stories.
const QUERY_KEYS: usize = 8;
/// Stories read from each posting list: those posted within reach of the article's day,
/// the latest first (see [`Postings::near`]); the cap bounds undated articles, which have
/// no window.
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
    /// Sum of the members' unit bilingual concept vectors, pruned like the centroid.
    pub concepts: Vector,
    /// The languages of its members, one bit per language index (languages past the
    /// 64th share the last bit).
    pub langs: u64,
    /// Features already in the index for this story.
    indexed: FxHashSet<(bool, u32)>,
}

impl Story {
    /// Adds one article: its id, day and unit term and key vectors.
    pub fn add(&mut self, item: usize, day: Option<i64>, terms: &Vector, keys: &Vector) {
        self.members.push(item);
        self.days = span(self.days, day.map(|d| (d, d)));
        self.centroid = merge(&self.centroid, terms);
        prune(&mut self.centroid, CENTROID_TERMS);
        self.keys = merge(&self.keys, keys);
    }

    /// Records the language and the unit concept vector of a member added by
    /// [`Story::add`], for comparisons across languages.
    pub fn add_language(&mut self, lang: u32, concepts: &Vector) {
        self.langs |= lang_bit(lang);
        self.concepts = merge(&self.concepts, concepts);
        prune(&mut self.concepts, CENTROID_TERMS);
    }

    /// Whether none of the languages `langs` is among the story's, so that stemmed terms
    /// cannot be compared and concepts stand in for them.
    fn foreign(&self, langs: u64) -> bool {
        self.langs & langs == 0 && self.langs != 0 && langs != 0
    }

    /// The score across languages: [`Story::score`] with bilingual concepts in place of
    /// terms. Shared actors are required (no entity keys on either side: no score), as
    /// concepts are common news words and name no one.
    pub fn score_across(&self, concepts: &Vector, keys: &Vector, gap: Option<i64>) -> f64 {
        if keys.is_empty() || self.keys.is_empty() {
            return 0.0;
        }
        let overlap = cosine(keys, &self.keys);
        if overlap == 0.0 {
            return 0.0;
        }
        event_score(
            content_score(cosine(concepts, &self.concepts), Some(overlap)),
            gap,
        )
    }

    /// The score of an article or another story (terms, concepts, keys and languages)
    /// against this story, by terms within a language and by concepts across languages,
    /// with the score it needs for one event.
    fn judge(
        &self,
        terms: &Vector,
        concepts: &Vector,
        keys: &Vector,
        langs: u64,
        gap: Option<i64>,
    ) -> (f64, f64) {
        if self.foreign(langs) {
            let score = self.score_across(concepts, keys, gap);
            (score, needed(gap) + ACROSS_MARGIN)
        } else {
            (self.score(terms, keys, gap), needed(gap))
        }
    }

    /// The score of an article (or of another story's centroid) against this story, given
    /// the days between them (`None`: unknown, no decay).
    pub fn score(&self, terms: &Vector, keys: &Vector, gap: Option<i64>) -> f64 {
        let overlap = (!keys.is_empty() && !self.keys.is_empty()).then(|| cosine(keys, &self.keys));
        event_score(content_score(cosine(terms, &self.centroid), overlap), gap)
    }

    /// Takes in every member of `other`.
    fn absorb(&mut self, other: Story) {
        self.members.extend(other.members);
        self.days = span(self.days, other.days);
        self.centroid = merge(&self.centroid, &other.centroid);
        prune(&mut self.centroid, CENTROID_TERMS);
        self.keys = merge(&self.keys, &other.keys);
        self.concepts = merge(&self.concepts, &other.concepts);
        prune(&mut self.concepts, CENTROID_TERMS);
        self.langs |= other.langs;
        self.indexed.extend(other.indexed);
    }

    /// Days between the range `days` and the story's dates, when they may be one event;
    /// `Some(None)` when either has no date (no veto, no decay); `None` when they are out
    /// of the window or would span more than an event may.
    fn gap(&self, days: Option<(i64, i64)>) -> Option<Option<i64>> {
        let (Some((first, last)), Some((f, l))) = (days, self.days) else {
            return Some(None);
        };
        let gap = (f - last).max(first - l).max(0);
        let whole = last.max(l) - first.min(f);
        (gap <= WINDOW_DAYS && whole <= EVENT_MAX_DAYS).then_some(Some(gap))
    }
}

/// The bit of language index `lang` in [`Story::langs`].
fn lang_bit(lang: u32) -> u64 {
    1 << lang.min(63)
}

/// The smallest range holding both (either may be unknown).
fn span(a: Option<(i64, i64)>, b: Option<(i64, i64)>) -> Option<(i64, i64)> {
    match (a, b) {
        (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
        (x, y) => x.or(y),
    }
}

/// The score needed for one event: the calibrated threshold, plus a margin when time
/// cannot veto.
fn needed(gap: Option<i64>) -> f64 {
    calibration::events().join_threshold + if gap.is_none() { UNDATED_MARGIN } else { 0.0 }
}

/// Stories of all items, and the near-duplicate original of each item (if any).
#[derive(Debug, Default)]
pub struct Clustering {
    /// All stories, in order of their first article.
    pub stories: Vec<Story>,
    /// Story index of each item.
    pub story_of: Vec<usize>,
    /// The first item of each item's near-duplicate group, when it is not the item itself.
    pub duplicate_of: Vec<Option<usize>>,
}

/// The unit vectors of one article and its language bit.
struct Vectors {
    terms: Vector,
    keys: Vector,
    concepts: Vector,
    langs: u64,
}

/// Where [`Clusterer::place`] put one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// The story it joined or opened (the index it lives at after any merge).
    pub story: usize,
    /// Whether it opened that story.
    pub opened: bool,
    /// The group root of its near-duplicate group, when it is not the item itself.
    pub duplicate_of: Option<usize>,
    /// Stories merged into `story` because of it: their members belong to `story` now.
    pub merged: Vec<usize>,
}

/// Stories as they are built, one item at a time in any order: merged stories live at
/// their union-find root, and the others are left empty until [`Clusterer::finish`] drops
/// them.
#[derive(Debug, Default)]
pub struct Clusterer {
    stories: Vec<Story>,
    merged: UnionFind,
    index: Postings,
    hits: FxHashMap<usize, u32>,
    dups: DupIndex,
    /// Story of each placed item, as placed (resolve through `merged`).
    story_of: Vec<Option<usize>>,
    /// Near-duplicate group root of each item, when not itself.
    duplicate_of: Vec<Option<usize>>,
}

impl Clusterer {
    /// The open stories sharing most query features with an article of day `day`, by
    /// their root, most shared first.
    fn candidates(&mut self, features: &[(bool, u32)], day: Option<i64>) -> Vec<usize> {
        self.hits.clear();
        // A story posted further than this from `day` is closed for it: its dates lie more
        // than the window away, or it would span more than an event.
        let reach = WINDOW_DAYS + EVENT_MAX_DAYS;
        for f in features {
            for s in self.index.near(f, day, reach, POSTING_SCAN) {
                *self.hits.entry(self.merged.find(s)).or_default() += 1;
            }
        }
        let mut ranked: Vec<(usize, u32)> = self.hits.iter().map(|(&s, &h)| (s, h)).collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
        ranked.truncate(MAX_CANDIDATES);
        ranked.into_iter().map(|(s, _)| s).collect()
    }

    /// The best of `candidates` for an article, when one reaches the threshold: scored by
    /// terms against a story with a member in its language, by concepts against others.
    fn best(&self, candidates: &[usize], day: Option<i64>, article: &Vectors) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for &s in candidates {
            let Some(story) = self.stories.get(s) else {
                continue;
            };
            let Some(gap) = story.gap(day.map(|d| (d, d))) else {
                continue;
            };
            let (score, needed) = story.judge(
                &article.terms,
                &article.concepts,
                &article.keys,
                article.langs,
                gap,
            );
            if score >= needed && best.is_none_or(|(_, b)| score > b) {
                best = Some((s, score));
            }
        }
        best.map(|(s, _)| s)
    }

    /// Merges into story `s` every other candidate that its grown centroid now matches;
    /// returns the root the story lives at afterwards, and records the roots merged away
    /// in `merged`.
    fn merge_converged(
        &mut self,
        mut s: usize,
        candidates: &[usize],
        merged: &mut Vec<usize>,
    ) -> usize {
        for &c in candidates {
            let c = self.merged.find(c);
            if c == s {
                continue;
            }
            let (Some(story), Some(other)) = (self.stories.get(s), self.stories.get(c)) else {
                continue;
            };
            let Some(gap) = story.gap(other.days) else {
                continue;
            };
            let (score, needed) = story.judge(
                &other.centroid,
                &other.concepts,
                &other.keys,
                other.langs,
                gap,
            );
            if score < needed {
                continue;
            }
            self.merged.union(s, c);
            let (root, child) = (s.min(c), s.max(c));
            let taken = self.stories.get_mut(child).map(std::mem::take);
            if let (Some(taken), Some(kept)) = (taken, self.stories.get_mut(root)) {
                kept.absorb(taken);
            }
            merged.push(child);
            s = root;
        }
        s
    }

    /// Indexes story `s` by the features of an article that joined it.
    fn index(&mut self, s: usize, features: Vec<(bool, u32)>, day: Option<i64>) {
        let Some(story) = self.stories.get_mut(s) else {
            return;
        };
        for f in features {
            if story.indexed.insert(f) {
                self.index.insert(f, s, day);
            }
        }
    }

    /// Places item `i` of `corpus` now, against the stories built so far: its
    /// near-duplicate original's story, else the best open story around its own date, else
    /// a new story; then merges the stories it shows to be one. The term weights are the
    /// corpus's idf at this moment.
    pub fn place(&mut self, corpus: &Corpus, i: usize) -> Placed {
        let Some(item) = corpus.items.get(i) else {
            return Placed {
                story: 0,
                opened: false,
                duplicate_of: None,
                merged: Vec::new(),
            };
        };
        if self.story_of.len() <= i {
            self.story_of.resize(i + 1, None);
            self.duplicate_of.resize(i + 1, None);
        }
        let article = Vectors {
            terms: corpus.term_vector(i),
            keys: corpus.key_vector(i),
            concepts: corpus.concept_vector(i),
            langs: lang_bit(item.lang),
        };
        let original = self.dups.find(&item.fingerprint);
        if !item.fingerprint.is_empty() {
            self.dups.insert(i, &item.fingerprint);
        }
        let features = query(&article.terms, &article.keys);
        let mut candidates = Vec::new();
        let mut opened = false;
        let story = match original.and_then(|o| self.story_of.get(o).copied().flatten()) {
            Some(s) => self.merged.find(s),
            None => {
                candidates = self.candidates(&features, item.day);
                let best = self.best(&candidates, item.day, &article);
                best.unwrap_or_else(|| {
                    opened = true;
                    self.stories.push(Story::default());
                    self.merged.push()
                })
            }
        };
        if let Some(s) = self.stories.get_mut(story) {
            s.add(i, item.day, &article.terms, &article.keys);
            s.add_language(item.lang, &article.concepts);
        }
        // A new story scored below the threshold against every candidate already; only a
        // story that grew can now match one of them.
        let mut merged = Vec::new();
        let story = if candidates.contains(&story) {
            self.merge_converged(story, &candidates, &mut merged)
        } else {
            story
        };
        if let Some(slot) = self.story_of.get_mut(i) {
            *slot = Some(story);
        }
        if let Some(slot) = self.duplicate_of.get_mut(i) {
            *slot = original;
        }
        self.index(story, features, item.day);
        Placed {
            story,
            opened,
            duplicate_of: original,
            merged,
        }
    }

    /// Whether item `i` has been placed.
    pub fn is_placed(&self, i: usize) -> bool {
        self.story_of.get(i).is_some_and(Option::is_some)
    }

    /// The story that story `s` lives in now (after merges).
    pub fn root(&mut self, s: usize) -> usize {
        self.merged.find(s)
    }

    /// Story `s` as built so far (empty when it was merged away).
    pub fn story(&self, s: usize) -> Option<&Story> {
        self.stories.get(s)
    }

    /// Drops the stories merged away and numbers the rest densely, in order of their
    /// first article's day (creation order among equal days). Items never placed are put
    /// in story 0; callers place every item first.
    pub fn finish(mut self) -> Clustering {
        let mut kept: Vec<usize> = (0..self.stories.len())
            .filter(|&s| self.stories.get(s).is_some_and(|st| !st.members.is_empty()))
            .collect();
        kept.sort_by_key(|&s| {
            let first = self.stories.get(s).and_then(|st| st.days).map(|d| d.0);
            (first.is_none(), first, s)
        });
        let mut dense: Vec<Option<usize>> = vec![None; self.stories.len()];
        for (n, &s) in kept.iter().enumerate() {
            if let Some(slot) = dense.get_mut(s) {
                *slot = Some(n);
            }
        }
        let story_of = std::mem::take(&mut self.story_of)
            .into_iter()
            .map(|s| {
                let root = self.merged.find(s.unwrap_or(0));
                dense.get(root).copied().flatten().unwrap_or(0)
            })
            .collect();
        let mut stories: Vec<Option<Story>> = std::mem::take(&mut self.stories)
            .into_iter()
            .map(Some)
            .collect();
        let stories = kept
            .iter()
            .filter_map(|&s| stories.get_mut(s).and_then(Option::take))
            .collect();
        Clustering {
            stories,
            story_of,
            duplicate_of: self.duplicate_of,
        }
    }
}

/// Items `items` of `corpus` in date order (undated last, ties in the given order).
pub fn date_order(corpus: &Corpus, mut items: Vec<usize>) -> Vec<usize> {
    items.sort_by_key(|&i| corpus.items.get(i).map(|it| (it.day.is_none(), it.day)));
    items
}

/// The features an article is looked up and indexed by: its heaviest terms and keys.
fn query(terms: &Vector, keys: &Vector) -> Vec<(bool, u32)> {
    heaviest(terms, QUERY_TERMS, false)
        .chain(heaviest(keys, QUERY_KEYS, true))
        .collect()
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
        let day = |d| Some((d, d));
        assert_eq!(story.gap(day(101)), Some(Some(0)));
        assert_eq!(story.gap(day(105)), Some(Some(3)));
        assert_eq!(story.gap(day(97)), Some(Some(3)));
        assert_eq!(story.gap(day(106)), None);
        assert_eq!(story.gap(None), Some(None));
        let long = Story {
            days: Some((100, 106)),
            ..Story::default()
        };
        assert_eq!(long.gap(day(108)), None);
        // Two stories: the gap between the ranges, and the span of both.
        assert_eq!(story.gap(Some((104, 105))), Some(Some(2)));
        assert_eq!(story.gap(Some((104, 108))), None);
    }
}
