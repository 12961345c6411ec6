//! The per-language figure rules of `data/figures/<lang>.toml`, in hash maps built once.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::Deserialize;
use storyline_model::{FigureKind, Qualifier};

use super::phrase::PhraseMap;
use crate::lexicon::LexiconError;

#[derive(Deserialize)]
struct LangFile {
    qualifiers: BTreeMap<String, Vec<String>>,
    kinds: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    words: Words,
    #[serde(default)]
    shares: Shares,
}

/// Fractions and ratios ("la moitié", "two-thirds", "un Français sur deux"); see `share.rs`.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Shares {
    denominators: BTreeMap<String, f64>,
    alone: Vec<String>,
    one: Vec<String>,
    of: Vec<String>,
    ratio_join: Vec<String>,
}

/// Word lists; any may be left out of a file.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Words {
    part_of: Vec<String>,
    change_after: Vec<String>,
    list_join: Vec<String>,
    range_open: Vec<String>,
    range_join: Vec<String>,
    range_join_after_open: Vec<String>,
    progression_open: Vec<String>,
    not_after: Vec<String>,
    age_before: Vec<String>,
    not_counted: Vec<String>,
    before_counted: Vec<String>,
    who_stop: Vec<String>,
    who_join: Vec<String>,
    place_before: Vec<String>,
    place_articles: Vec<String>,
    continuation: Vec<String>,
    as_of: Vec<String>,
    one: Vec<String>,
    one_stressed: Vec<String>,
    one_not_after: Vec<String>,
    persons: Vec<String>,
    partitive: Vec<String>,
}

/// Figure rules of one language.
pub(super) struct FigureLang {
    pub qualifiers: PhraseMap<Qualifier>,
    pub kinds: PhraseMap<FigureKind>,
    pub part_of: PhraseMap<()>,
    /// Words after a bare number that make it a change of the figure before it ("243 de plus").
    pub change_after: PhraseMap<()>,
    /// Words before a bare number that list it after the figure before it ("et 9.973 en Ehpad").
    pub list_join: FxHashSet<String>,
    pub range_open: PhraseMap<()>,
    pub range_join: FxHashSet<String>,
    pub range_join_after_open: FxHashSet<String>,
    /// Words before "A à B" / "A to B" that make it a change from A to B, two figures.
    pub progression_open: PhraseMap<()>,
    pub not_after: FxHashSet<String>,
    pub age_before: PhraseMap<()>,
    pub not_counted: FxHashSet<String>,
    /// Adjectives looked through before a not-counted noun ("24 dernières heures").
    pub before_counted: FxHashSet<String>,
    pub who_stop: FxHashSet<String>,
    pub who_join: FxHashSet<String>,
    pub place_before: FxHashSet<String>,
    pub place_articles: FxHashSet<String>,
    pub continuation: PhraseMap<()>,
    pub as_of: PhraseMap<()>,
    /// "un", "une", "one": read as 1 only where they count (see `figures::Reading::weak`).
    pub one: FxHashSet<String>,
    /// Words after "un" that stress it as a count ("un seul blessé", "one single vote").
    pub one_stressed: FxHashSet<String>,
    /// Words before "un" that keep it an article ("tués par un militant").
    pub one_not_after: FxHashSet<String>,
    /// Nouns of people, the ones a toll counts one at a time ("un automobiliste", "un mort").
    pub persons: FxHashSet<String>,
    /// Words right after a number with no noun that make it a count of a group named after
    /// them ("Fifteen of the 19 hijackers", "treize d'entre eux").
    pub partitive: PhraseMap<()>,
    /// Share words and the denominator they stand for ("moitié" = 2, "thirds" = 3).
    pub share_denominators: FxHashMap<String, f64>,
    /// Share words that are a share with no numerator before them ("nearly half").
    pub share_alone: FxHashSet<String>,
    /// Articles before a share word that mean one share ("la moitié", "a third").
    pub share_one: FxHashSet<String>,
    /// Words after a share word that say what it is a share of ("la moitié des", "half of").
    pub share_of: FxHashSet<String>,
    /// Words between the two numbers of a ratio ("un sur deux", "1 in 3").
    pub ratio_join: PhraseMap<()>,
}

/// A data-file key read as one of the model's snake_case enum names.
fn variant<'de, T: Deserialize<'de>>(name: &'de str, origin: &str) -> Result<T, LexiconError> {
    T::deserialize(StrDeserializer::<ValueError>::new(name))
        .map_err(|e| LexiconError::new(origin, e))
}

impl FigureLang {
    /// Parses the TOML text of a rules file.
    pub fn parse(origin: &str, text: &str) -> Result<Self, LexiconError> {
        let f: LangFile = crate::lexicon::parse(origin, text)?;
        let mut qualifiers = PhraseMap::default();
        for (name, phrases) in &f.qualifiers {
            let q: Qualifier = variant(name, origin)?;
            for p in phrases {
                qualifiers.insert(p, q);
            }
        }
        let mut kinds = PhraseMap::default();
        for (name, phrases) in &f.kinds {
            let k: FigureKind = variant(name, origin)?;
            for p in phrases {
                kinds.insert(p, k);
            }
        }
        let set = |v: Vec<String>| v.into_iter().collect::<FxHashSet<_>>();
        let w = f.words;
        let sh = f.shares;
        Ok(FigureLang {
            qualifiers,
            kinds,
            part_of: PhraseMap::from_phrases(&w.part_of),
            change_after: PhraseMap::from_phrases(&w.change_after),
            list_join: set(w.list_join),
            range_open: PhraseMap::from_phrases(&w.range_open),
            range_join: set(w.range_join),
            range_join_after_open: set(w.range_join_after_open),
            progression_open: PhraseMap::from_phrases(&w.progression_open),
            not_after: set(w.not_after),
            age_before: PhraseMap::from_phrases(&w.age_before),
            not_counted: set(w.not_counted),
            before_counted: set(w.before_counted),
            who_stop: set(w.who_stop),
            who_join: set(w.who_join),
            place_before: set(w.place_before),
            place_articles: set(w.place_articles),
            continuation: PhraseMap::from_phrases(&w.continuation),
            as_of: PhraseMap::from_phrases(&w.as_of),
            one: set(w.one),
            one_stressed: set(w.one_stressed),
            one_not_after: set(w.one_not_after),
            persons: set(w.persons),
            partitive: PhraseMap::from_phrases(&w.partitive),
            share_denominators: sh.denominators.into_iter().collect(),
            share_alone: set(sh.alone),
            share_one: set(sh.one),
            share_of: set(sh.of),
            ratio_join: PhraseMap::from_phrases(&sh.ratio_join),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_kind_names_are_reported_with_the_file() {
        let text = "[qualifiers]\n[kinds]\nexploded = [\"boum\"]\n[words]\n";
        let err = FigureLang::parse("mine.toml", text).err().map(|e| e.origin);
        assert_eq!(err.as_deref(), Some("mine.toml"));
    }
}
