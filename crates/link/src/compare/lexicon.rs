//! The comparison's word lists (`data/compare/*.txt`), parsed once into hash maps.
//!
//! Kept as data so that adding a region, a month spelling or a sub-group noun is an edit of a
//! text file, not of code.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

const PLACES: &str = include_str!("../../../../data/compare/places.txt");
const COUNTS: &str = include_str!("../../../../data/compare/counts.txt");
const SOURCES: &str = include_str!("../../../../data/compare/sources.txt");

/// A region of the places lexicon, by index.
pub type RegionId = usize;

/// What a piece of text says about the region it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// No known place word.
    Silent,
    /// Place words of regions that exclude each other (Gaza and Israel in one sentence).
    Ambiguous,
    /// One region (the most specific of compatible mentions).
    Region(RegionId),
}

/// The parsed word lists.
pub struct Lexicon {
    names: Vec<String>,
    parents: Vec<Option<RegionId>>,
    phrases: FxHashMap<String, RegionId>,
    /// For each word that begins a phrase, the most words a phrase starting with it has: most
    /// words begin none, and are skipped without building candidate phrases.
    phrase_starts: FxHashMap<String, usize>,
    subgroups: FxHashSet<String>,
    running: FxHashSet<String>,
    months: FxHashMap<String, u8>,
    source_homes: FxHashMap<String, RegionId>,
}

/// The lexicon compiled into the binary, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(PLACES, COUNTS, SOURCES).0)
}

/// The lower-cased words of a text, as slices of one lower-cased copy (one allocation per text,
/// not per word). Any character that is not alphanumeric separates words, so "d’Israël" gives
/// "d", "israël", and data phrases are written the same way.
pub(crate) struct Words {
    lower: String,
    bounds: Vec<(usize, usize)>,
}

impl Words {
    /// The words of `text`.
    pub(crate) fn new(text: &str) -> Words {
        let lower = text.to_lowercase();
        let mut bounds = Vec::new();
        let mut start = None;
        for (i, c) in lower.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    bounds.push((s, i));
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            bounds.push((s, lower.len()));
        }
        Words { lower, bounds }
    }

    /// How many words.
    pub(crate) fn count(&self) -> usize {
        self.bounds.len()
    }

    /// The `i`-th word.
    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        let (s, e) = *self.bounds.get(i)?;
        self.lower.get(s..e)
    }

    /// All words in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> {
        self.bounds
            .iter()
            .filter_map(|&(s, e)| self.lower.get(s..e))
    }
}

/// Non-empty, non-comment lines split at the first ':' into a head and its comma list.
fn entries(data: &str) -> impl Iterator<Item = Result<(&str, Vec<&str>), String>> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| match line.split_once(':') {
            Some((head, list)) => Ok((
                head.trim(),
                list.split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect(),
            )),
            None => Err(format!("no ':' in line {line:?}")),
        })
}

impl Lexicon {
    /// Parses the three files; lines it cannot read are skipped and described in the second
    /// value (a unit test asserts there are none in the shipped data).
    pub(crate) fn parse(places: &str, counts: &str, sources: &str) -> (Lexicon, Vec<String>) {
        let mut lex = Lexicon {
            names: Vec::new(),
            parents: Vec::new(),
            phrases: FxHashMap::default(),
            phrase_starts: FxHashMap::default(),
            subgroups: FxHashSet::default(),
            running: FxHashSet::default(),
            months: FxHashMap::default(),
            source_homes: FxHashMap::default(),
        };
        let mut problems = Vec::new();
        for entry in entries(places) {
            let (head, list) = match entry {
                Ok(e) => e,
                Err(e) => {
                    problems.push(format!("places: {e}"));
                    continue;
                }
            };
            let (name, parent) = match head.split_once('<') {
                Some((n, p)) => (n.trim(), Some(p.trim())),
                None => (head, None),
            };
            let parent = match parent {
                None => None,
                Some(p) => match lex.names.iter().position(|n| n == p) {
                    Some(i) => Some(i),
                    None => {
                        problems.push(format!(
                            "places: parent {p:?} of {name:?} not defined above"
                        ));
                        continue;
                    }
                },
            };
            let id = lex.names.len();
            lex.names.push(name.to_string());
            lex.parents.push(parent);
            for phrase in list {
                let w = Words::new(phrase);
                if let Some(first) = w.get(0) {
                    let longest = lex.phrase_starts.entry(first.to_string()).or_insert(0);
                    *longest = (*longest).max(w.count());
                }
                lex.phrases
                    .insert(w.iter().collect::<Vec<_>>().join(" "), id);
            }
        }
        for entry in entries(counts) {
            let (head, list) = match entry {
                Ok(e) => e,
                Err(e) => {
                    problems.push(format!("counts: {e}"));
                    continue;
                }
            };
            let lowered = list.iter().map(|w| w.to_lowercase());
            if head == "subgroup" {
                lex.subgroups.extend(lowered);
            } else if head == "running" {
                lex.running.extend(lowered);
            } else if let Some(m) = head
                .strip_prefix("month-")
                .and_then(|n| n.parse::<u8>().ok())
            {
                if (1..=12).contains(&m) {
                    lex.months.extend(lowered.map(|w| (w, m)));
                } else {
                    problems.push(format!("counts: month {m} out of range"));
                }
            } else {
                problems.push(format!("counts: unknown list {head:?}"));
            }
        }
        let lines = sources
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        for line in lines {
            let parsed = line.split_once('=').map(|(k, r)| (k.trim(), r.trim()));
            match parsed.and_then(|(k, r)| Some((k, lex.names.iter().position(|n| n == r)?))) {
                Some((key, region)) => {
                    lex.source_homes.insert(key.to_string(), region);
                }
                None => problems.push(format!(
                    "sources: cannot read {line:?} (key = known region)"
                )),
            }
        }
        (lex, problems)
    }

    /// The region a source's counts are about by what the source is, when it has one.
    pub fn home_of(&self, source_key: &str) -> Option<RegionId> {
        self.source_homes.get(source_key).copied()
    }

    /// The region's name (`gaza`), for output.
    pub fn name(&self, id: RegionId) -> &str {
        self.names.get(id).map(String::as_str).unwrap_or("?")
    }

    /// Whether `ancestor` is `id` or one of its parents.
    pub fn within(&self, id: RegionId, ancestor: RegionId) -> bool {
        let mut cur = Some(id);
        // The parent chain is acyclic (parents must be defined above); the bound guards anyway.
        for _ in 0..=self.names.len() {
            match cur {
                Some(c) if c == ancestor => return true,
                Some(c) => cur = self.parents.get(c).copied().flatten(),
                None => return false,
            }
        }
        false
    }

    /// Whether two regions can be the place of one count: equal, or one inside the other.
    pub fn compatible(&self, x: RegionId, y: RegionId) -> bool {
        self.within(x, y) || self.within(y, x)
    }

    /// The more specific of two regions (they are assumed compatible), or the one known.
    pub fn narrower(&self, x: Option<RegionId>, y: Option<RegionId>) -> Option<RegionId> {
        match (x, y) {
            (Some(a), Some(b)) if self.within(b, a) => Some(b),
            (Some(a), _) => Some(a),
            (None, b) => b,
        }
    }

    /// The regions named in `text`, longest phrase first.
    fn regions_in(&self, text: &str) -> Vec<RegionId> {
        let w = Words::new(text);
        let mut found = Vec::new();
        let mut candidate = String::new();
        let mut i = 0;
        'outer: while let Some(first) = w.get(i) {
            let longest = self
                .phrase_starts
                .get(first)
                .map_or(0, |&n| n.min(w.count() - i));
            for len in (1..=longest).rev() {
                candidate.clear();
                for (k, word) in w.iter().skip(i).take(len).enumerate() {
                    if k > 0 {
                        candidate.push(' ');
                    }
                    candidate.push_str(word);
                }
                if let Some(&r) = self.phrases.get(&candidate) {
                    found.push(r);
                    i += len;
                    continue 'outer;
                }
            }
            i += 1;
        }
        found
    }

    /// What `text` says about the region: the most specific region when all its place words
    /// agree, `Ambiguous` when two exclude each other.
    pub fn resolve(&self, text: &str) -> Resolution {
        let mut best: Option<RegionId> = None;
        for r in self.regions_in(text) {
            best = match best {
                None => Some(r),
                Some(b) if !self.compatible(b, r) => return Resolution::Ambiguous,
                // Keep the deeper one: "Gaza" is more precise than "Palestiniens".
                Some(b) if self.within(r, b) => Some(r),
                Some(b) => Some(b),
            };
        }
        best.map_or(Resolution::Silent, Resolution::Region)
    }

    /// Whether a counted noun names a part of a population ("enfants").
    pub fn is_subgroup(&self, noun: &str) -> bool {
        self.subgroups.contains(noun)
    }

    /// Whether a word turns the date after it into the start of a running count.
    pub(crate) fn is_running_marker(&self, word: &str) -> bool {
        self.running.contains(word)
    }

    /// The month a word names, 1 to 12.
    pub(crate) fn month(&self, word: &str) -> Option<u8> {
        self.months.get(word).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_data_parses_cleanly() {
        let (lex, problems) = Lexicon::parse(PLACES, COUNTS, SOURCES);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(lex.month("octobre") == Some(10) && lex.month("october") == Some(10));
        assert!(lex.is_subgroup("enfants"));
        assert_eq!(
            lex.home_of("org:gaza-health-ministry").map(|r| lex.name(r)),
            Some("gaza")
        );
    }

    #[test]
    fn longest_phrase_wins_and_conflicting_places_are_ambiguous() {
        let lex = lexicon();
        let Resolution::Region(r) = lex.resolve("contre les colonies de l’enveloppe de Gaza")
        else {
            panic!("not resolved");
        };
        assert_eq!(lex.name(r), "israel");
        let Resolution::Region(r) = lex.resolve("des Palestiniens tués à Gaza") else {
            panic!("not resolved");
        };
        assert_eq!(lex.name(r), "gaza");
        assert_eq!(
            lex.resolve("la guerre à Gaza entre Israël et le Hamas"),
            Resolution::Ambiguous
        );
        assert_eq!(lex.resolve("des personnes"), Resolution::Silent);
    }

    #[test]
    fn bad_lines_are_reported_not_fatal() {
        let (lex, problems) = Lexicon::parse(
            "x < nowhere: a\nno colon here\ny: b",
            "month-13: z",
            "org:q = mars",
        );
        assert_eq!(problems.len(), 4, "{problems:?}");
        assert_eq!(lex.resolve("b"), Resolution::Region(0));
    }
}
