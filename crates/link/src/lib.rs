//! Stage 4, link: near-duplicates, stories (events) and storylines (threads); comparison.
//!
//! [`Linker::place`] places each article as it arrives, against the articles placed so
//! far and around its own publication date, and returns its ids at once. [`Linker::add`]
//! only takes an article into account (interning its terms and entity keys and counting
//! document frequencies); [`Linker::finish`] then places those articles in date order, so
//! that a batch does not depend on the order of `add` calls and its idf weights are those
//! of the whole batch. Either way: near-duplicates by MinHash LSH ([`dedup`]), stories by single-pass
//! clustering through an inverted index, merging stories that later articles show to be
//! one, at a threshold calibrated off the evaluation sets ([`stories`], [`calibration`]),
//! storylines by linking stories that share actors and subject ([`storylines`]). No step
//! compares all pairs.
//! [`similarity`] holds the pairwise evidence that `compare` reports.

pub mod calibration;
pub mod compare;
pub mod concepts;
pub mod corpus;
pub mod dates;
pub mod dedup;
pub mod labels;
pub mod postings;
pub mod similarity;
pub mod stories;
pub mod storylines;
pub mod unionfind;
pub mod vector;

use serde::{Deserialize, Serialize};
use storyline_model::{Analysis, LinkIds};

/// A story (one event) after linking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryInfo {
    /// Story id.
    pub id: u64,
    /// The storyline it belongs to.
    pub storyline: u64,
    /// A short label from its key actors and terms.
    pub label: String,
}

/// A storyline (a thread of events) after linking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StorylineInfo {
    /// Storyline id.
    pub id: u64,
    /// A name made from its key actors and terms.
    pub name: String,
}

/// The final placement of every article.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LinkResult {
    /// Article id and where it was placed, in the order added.
    pub assignments: Vec<(String, LinkIds)>,
    /// All stories.
    pub stories: Vec<StoryInfo>,
    /// All storylines.
    pub storylines: Vec<StorylineInfo>,
}

/// Where an article was placed when it arrived ([`Linker::place`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// Its near-duplicate original, story and storyline. The story and storyline ids are
    /// this linker's working ids: a story keeps its id until it is merged into another
    /// (see `merged`), and [`Linker::finish`] renumbers all ids densely. The storyline is
    /// provisional: it is chosen from the stories as they were when each one opened, and
    /// `finish` recomputes storylines from the whole stories.
    pub ids: LinkIds,
    /// Working ids of the stories merged into `ids.story` because of this article: every
    /// article placed in one of them now belongs to `ids.story`.
    pub merged: Vec<u64>,
}

/// The linker. Articles are placed either at arrival ([`Linker::place`]) or, when given
/// with [`Linker::add`], at [`Linker::finish`] in date order.
#[derive(Default)]
pub struct Linker {
    corpus: corpus::Corpus,
    clusterer: stories::Clusterer,
    /// Storylines of the stories opened by [`Linker::place`], for the ids it returns.
    threads: storylines::Threads,
}

impl Linker {
    /// A linker with the default calibration (see [`similarity`] and [`dedup`]).
    pub fn new() -> Self {
        Linker::default()
    }

    /// Takes one article into account, to be placed by [`Linker::finish`]: with the whole
    /// batch known, placement in date order uses the idf of the batch and cannot depend on
    /// the order of the calls.
    pub fn add(&mut self, analysis: &Analysis) {
        self.corpus.add(analysis);
    }

    /// Places one article now, against the articles placed so far (with the idf of the
    /// articles seen so far), and returns where it went. Candidate stories are those open
    /// around the article's own publication date, so an article that arrives late joins
    /// the stories of its date. Stories it shows to be one are merged, and reported.
    pub fn place(&mut self, analysis: &Analysis) -> Placement {
        self.corpus.add(analysis);
        let i = self.corpus.items.len() - 1;
        let placed = self.clusterer.place(&self.corpus, i);
        if placed.opened {
            if let Some(story) = self.clusterer.story(placed.story) {
                self.threads.place(placed.story, story);
            }
        }
        for &m in &placed.merged {
            self.threads.join(placed.story, m);
        }
        let duplicate_of = placed
            .duplicate_of
            .and_then(|o| self.corpus.items.get(o))
            .map(|o| o.id.clone());
        Placement {
            ids: LinkIds {
                duplicate_of,
                story: placed.story as u64,
                storyline: self.threads.find(placed.story) as u64,
            },
            merged: placed.merged.iter().map(|&m| m as u64).collect(),
        }
    }

    /// The final placement. Articles given to [`Linker::place`] keep the story they were
    /// placed in (after merges); those given to [`Linker::add`] are placed now, in date
    /// order. Storylines are computed from the final stories. Story and storyline ids are
    /// dense, numbered from 0 in order of their first article by date. `duplicate_of` is
    /// None for an article that is unique or the first of its near-duplicate group (the
    /// first placed: the earliest, then first added, for articles given to `add`), and the
    /// id of that first article otherwise.
    pub fn finish(self) -> LinkResult {
        let Linker {
            corpus,
            mut clusterer,
            ..
        } = self;
        let pending = (0..corpus.items.len())
            .filter(|&i| !clusterer.is_placed(i))
            .collect();
        for i in stories::date_order(&corpus, pending) {
            clusterer.place(&corpus, i);
        }
        let clustering = clusterer.finish();
        let roots = storylines::storylines(&clustering.stories);
        // Storyline ids numbered by their first story.
        let mut storyline_id: Vec<Option<u64>> = vec![None; clustering.stories.len()];
        let mut storyline_of = Vec::with_capacity(clustering.stories.len());
        let mut next = 0u64;
        for &root in &roots {
            let slot = storyline_id.get_mut(root).and_then(|s| {
                s.get_or_insert_with(|| {
                    next += 1;
                    next - 1
                });
                *s
            });
            storyline_of.push(slot.unwrap_or(0));
        }
        let stories_out = clustering
            .stories
            .iter()
            .enumerate()
            .map(|(s, story)| StoryInfo {
                id: s as u64,
                storyline: storyline_of.get(s).copied().unwrap_or(0),
                label: labels::name(&corpus, &story.members, &story.centroid),
            })
            .collect();
        let mut line_members: Vec<Vec<usize>> = vec![Vec::new(); next as usize];
        let mut line_terms: Vec<vector::Vector> = vec![Vec::new(); next as usize];
        for (s, story) in clustering.stories.iter().enumerate() {
            let line = storyline_of.get(s).copied().unwrap_or(0) as usize;
            if let (Some(members), Some(terms)) =
                (line_members.get_mut(line), line_terms.get_mut(line))
            {
                members.extend(&story.members);
                *terms = vector::merge(terms, &story.centroid);
                vector::prune(terms, stories::CENTROID_TERMS);
            }
        }
        let storylines_out = line_members
            .iter()
            .zip(&line_terms)
            .enumerate()
            .map(|(l, (members, terms))| StorylineInfo {
                id: l as u64,
                name: labels::name(&corpus, members, terms),
            })
            .collect();
        let assignments = corpus
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let story = clustering.story_of.get(i).copied().unwrap_or(0);
                let duplicate_of = clustering
                    .duplicate_of
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|o| corpus.items.get(o))
                    .map(|o| o.id.clone());
                let ids = LinkIds {
                    duplicate_of,
                    story: story as u64,
                    storyline: storyline_of.get(story).copied().unwrap_or(0),
                };
                (item.id.clone(), ids)
            })
            .collect();
        LinkResult {
            assignments,
            stories: stories_out,
            storylines: storylines_out,
        }
    }
}
