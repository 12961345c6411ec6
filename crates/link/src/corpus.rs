//! What the linker keeps of each article: interned terms and entity keys with document
//! frequencies, so that comparisons work on small integer vectors.

use rustc_hash::FxHashMap;
use storyline_model::{Analysis, Entity};

use crate::concepts;
use crate::dates::day_number;
use crate::similarity::{entity_weight, sort_merge, tf_weight};
use crate::vector::{normalize, Vector};

/// Articles from which document frequencies count fully (see [`Vocabulary::idf`]).
pub const IDF_FULL_AT: f64 = 50.0;

/// Strings mapped to dense ids, with how many articles use each.
#[derive(Debug, Default)]
pub struct Vocabulary {
    ids: FxHashMap<String, u32>,
    /// The string of each id.
    pub names: Vec<String>,
    /// Number of articles that use each id.
    pub df: Vec<u32>,
}

impl Vocabulary {
    /// The id of `name`, counted once more in the document frequencies.
    fn count(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            if let Some(df) = self.df.get_mut(id as usize) {
                *df += 1;
            }
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        self.df.push(1);
        id
    }

    /// Smoothed inverse document frequency of `id` among `n` articles. Below
    /// [`IDF_FULL_AT`] articles the frequencies say little (with two articles, every shared
    /// word would weigh less than any unshared one), so the idf is damped toward 1 in
    /// proportion.
    pub fn idf(&self, id: u32, n: usize) -> f64 {
        let df = self.df.get(id as usize).copied().unwrap_or(0);
        let idf = ((n as f64 + 1.0) / (f64::from(df) + 1.0)).ln();
        1.0 + idf * (n as f64 / IDF_FULL_AT).min(1.0)
    }
}

/// One article as the linker sees it.
#[derive(Debug)]
pub struct Item {
    /// Article id.
    pub id: String,
    /// Headline, for labels.
    pub title: Option<String>,
    /// Day number of the publication date.
    pub day: Option<i64>,
    /// Term ids with their sublinear counts.
    pub terms: Vector,
    /// Entity-key ids with their weights ([`entity_weight`]).
    pub keys: Vector,
    /// MinHash signature.
    pub fingerprint: Vec<u32>,
    /// Language, as an index into [`Corpus::languages`].
    pub lang: u32,
    /// Bilingual concept ids of its title and lead ([`crate::concepts`]) with their
    /// sublinear counts: what it shares with reports in other languages.
    pub concepts: Vector,
}

/// All articles added so far with the vocabularies of their terms and keys.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Articles in the order added.
    pub items: Vec<Item>,
    /// Stemmed terms.
    pub terms: Vocabulary,
    /// Entity keys.
    pub keys: Vocabulary,
    /// Bilingual concepts.
    pub concepts: Vocabulary,
    /// The [`Corpus::concepts`] id of each bilingual concept id plus one, 0 when not yet
    /// seen: concept ids are small dense integers, so they need no string key per use.
    concept_slots: Vec<u32>,
    /// Language codes, in order of first use.
    pub languages: Vec<String>,
    /// The surface forms of each key id with how many articles use them, for display:
    /// the most common form is the safest (the longest may be a recognizer's overreach).
    key_forms: Vec<FxHashMap<String, u32>>,
}

impl Corpus {
    /// Adds one article (at the end of [`Corpus::items`]).
    pub fn add(&mut self, a: &Analysis) {
        let mut terms: Vector = a
            .terms
            .iter()
            .map(|(t, n)| (self.terms.count(t), tf_weight(*n)))
            .collect();
        sort_merge(&mut terms);
        // One count per key and article, even when the recognizer returns a key twice.
        let mut entities: Vec<&Entity> = a.entities.iter().collect();
        entities.sort_unstable_by(|x, y| x.key.cmp(&y.key));
        entities.dedup_by(|x, y| x.key == y.key);
        let mut keys: Vector = Vec::with_capacity(entities.len());
        for e in entities {
            let id = self.keys.count(&e.key);
            if self.key_forms.len() <= id as usize {
                self.key_forms.push(FxHashMap::default());
            }
            if let Some(forms) = self.key_forms.get_mut(id as usize) {
                match forms.get_mut(e.text.as_str()) {
                    Some(n) => *n += 1,
                    None => {
                        forms.insert(e.text.clone(), 1);
                    }
                }
            }
            keys.push((id, entity_weight(e)));
        }
        sort_merge(&mut keys);
        let lang = self.language(&a.lang);
        let mut concepts: Vector = concepts::count(a)
            .into_iter()
            .map(|(c, n)| (self.count_concept(c), tf_weight(n)))
            .collect();
        sort_merge(&mut concepts);
        self.items.push(Item {
            id: a.id.clone(),
            title: a.title.clone(),
            day: day_number(&a.published),
            terms,
            keys,
            fingerprint: a.fingerprint.clone(),
            lang,
            concepts,
        });
    }

    /// The [`Corpus::concepts`] id of bilingual concept `c`, counted once more.
    fn count_concept(&mut self, c: u32) -> u32 {
        let at = c as usize;
        if self.concept_slots.len() <= at {
            self.concept_slots.resize(at + 1, 0);
        }
        match self.concept_slots.get(at).copied() {
            Some(slot) if slot > 0 => {
                let id = slot - 1;
                if let Some(df) = self.concepts.df.get_mut(id as usize) {
                    *df += 1;
                }
                id
            }
            _ => {
                let id = self.concepts.count(&c.to_string());
                if let Some(slot) = self.concept_slots.get_mut(at) {
                    *slot = id + 1;
                }
                id
            }
        }
    }

    /// The index of language `code` in [`Corpus::languages`], added when new.
    fn language(&mut self, code: &str) -> u32 {
        let at = self
            .languages
            .iter()
            .position(|l| l == code)
            .unwrap_or_else(|| {
                self.languages.push(code.to_string());
                self.languages.len() - 1
            });
        u32::try_from(at).unwrap_or(u32::MAX)
    }

    /// The display name of key `id`: its most common surface form (ties: the shorter,
    /// then the first in alphabetical order).
    pub fn key_name(&self, id: u32) -> Option<&str> {
        self.key_forms
            .get(id as usize)?
            .iter()
            .max_by(|a, b| {
                a.1.cmp(b.1)
                    .then(b.0.len().cmp(&a.0.len()))
                    .then(b.0.cmp(a.0))
            })
            .map(|(form, _)| form.as_str())
    }

    /// The tf-idf term vector of item `i`, scaled to unit length.
    pub fn term_vector(&self, i: usize) -> Vector {
        self.weighted(i, |item| &item.terms, &self.terms)
    }

    /// The idf-weighted entity-key vector of item `i`, scaled to unit length.
    pub fn key_vector(&self, i: usize) -> Vector {
        self.weighted(i, |item| &item.keys, &self.keys)
    }

    /// The idf-weighted bilingual concept vector of item `i`, scaled to unit length.
    pub fn concept_vector(&self, i: usize) -> Vector {
        self.weighted(i, |item| &item.concepts, &self.concepts)
    }

    fn weighted(&self, i: usize, part: impl Fn(&Item) -> &Vector, vocab: &Vocabulary) -> Vector {
        let n = self.items.len();
        let Some(item) = self.items.get(i) else {
            return Vec::new();
        };
        let mut v: Vector = part(item)
            .iter()
            .map(|&(id, w)| (id, w * vocab.idf(id, n)))
            .collect();
        normalize(&mut v);
        v
    }
}
