//! Stage 4, link: near-duplicates, stories (events) and storylines (threads); comparison.
//!
//! [`Linker::add`] takes each analysis (interning its terms and entity keys and counting
//! document frequencies); [`Linker::finish`] then places every article in date order, so
//! the result does not depend on the order of `add` calls and the idf weights are those of
//! the whole batch: near-duplicates by MinHash LSH ([`dedup`]), stories by single-pass
//! clustering through an inverted index, merging stories that later articles show to be
//! one, at a threshold calibrated off the evaluation sets ([`stories`], [`calibration`]),
//! storylines by linking stories that share actors and subject ([`storylines`]). No step
//! compares all pairs.
//! [`similarity`] holds the pairwise evidence that `compare` reports.

pub mod calibration;
pub mod compare;
pub mod corpus;
pub mod dates;
pub mod dedup;
pub mod labels;
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

/// The linker. Analyses may be added in any order; placement happens in date order.
#[derive(Default)]
pub struct Linker {
    corpus: corpus::Corpus,
}

impl Linker {
    /// A linker with the default calibration (see [`similarity`] and [`dedup`]).
    pub fn new() -> Self {
        Linker::default()
    }

    /// Takes one article into account.
    pub fn add(&mut self, analysis: &Analysis) {
        self.corpus.add(analysis);
    }

    /// The final placement. Story and storyline ids are dense, numbered from 0 in order of
    /// their first article by date. `duplicate_of` is None for an article that is unique or
    /// the first (earliest, then first added) of its near-duplicate group, and the id of that
    /// first article otherwise.
    pub fn finish(self) -> LinkResult {
        let corpus = self.corpus;
        let clustering = stories::cluster(&corpus);
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
