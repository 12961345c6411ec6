//! Stage 4, link: near-duplicates, stories (events) and storylines (threads); comparison.
//! STUB: the API is fixed, the body is being written (issue 2).

pub mod compare;

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

/// The streaming linker. Add analyses in publication-date order (undated ones last).
#[derive(Default)]
pub struct Linker;

impl Linker {
    /// A linker with the default calibration.
    pub fn new() -> Self {
        Linker
    }
    /// Places one article.
    pub fn add(&mut self, analysis: &Analysis) {
        let _ = analysis;
    }
    /// The final placement, after merges.
    pub fn finish(self) -> LinkResult {
        LinkResult::default()
    }
}
