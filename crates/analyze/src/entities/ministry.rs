//! Ministries ("ministère russe des Affaires étrangères", "Russian Foreign Ministry",
//! "Ministry of Health"): one organisation per country and domain, whatever the wording.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use super::fold::{inflection_stems, Transliteration};
use super::names::NameIndex;
use super::words::Words;
use super::Known;
use crate::lexicon;

/// Nationality adjectives and demonyms, by place key (data/gazetteers/nationalities.toml).
pub struct Nationalities {
    by_form: FxHashMap<String, String>,
}

impl Nationalities {
    /// The bundled list.
    pub fn bundled(translit: &Transliteration) -> Self {
        let file: FxHashMap<String, Vec<String>> = lexicon::bundled(
            "nationalities.toml",
            include_str!("../../../../data/gazetteers/nationalities.toml"),
        );
        let mut by_form = FxHashMap::default();
        for (place, forms) in file {
            for form in forms {
                by_form.insert(translit.key_form(&form), place.clone());
            }
        }
        Nationalities { by_form }
    }

    /// The place key of a nationality word in key form, any gender and number.
    pub fn place_of(&self, key: &str) -> Option<&str> {
        inflection_stems(key)
            .find_map(|stem| self.by_form.get(stem))
            .map(String::as_str)
    }
}

#[derive(Deserialize)]
struct MinistriesFile {
    heads: Vec<String>,
    domains: FxHashMap<String, Vec<String>>,
}

/// The ministry matcher (data/gazetteers/ministries.toml).
pub struct Ministries {
    heads: FxHashSet<String>,
    domains: NameIndex<String>,
}

/// French articles and prepositions between "ministère" and its domain.
const FR_LINKS: &[&[&str]] = &[
    &["de", "la"],
    &["de", "l'"],
    &["des"],
    &["du"],
    &["of"],
    &["of", "the"],
];

impl Ministries {
    /// The bundled data.
    pub fn bundled(translit: &Transliteration) -> Self {
        let file: MinistriesFile = lexicon::bundled(
            "ministries.toml",
            include_str!("../../../../data/gazetteers/ministries.toml"),
        );
        let heads = file.heads.iter().map(|h| translit.key_form(h)).collect();
        let mut domains = NameIndex::default();
        for (domain, names) in file.domains {
            for name in names {
                // Domains are matched in any case: "ministère de la santé" is common.
                domains.insert(&name.to_lowercase(), domain.clone(), translit);
            }
        }
        Ministries { heads, domains }
    }

    /// Whether any ministry head word ("ministère", "ministry") is in the document.
    pub fn present(&self, words: &Words) -> bool {
        (0..words.len()).any(|j| self.heads.contains(words.key(j)))
    }

    /// A ministry starting at token `i`: its length in tokens and its key.
    pub fn match_at(
        &self,
        words: &Words,
        i: usize,
        nationalities: &Nationalities,
        names: &NameIndex<Known>,
    ) -> Option<(usize, String)> {
        self.head_first(words, i, nationalities, names)
            .or_else(|| self.head_last(words, i, nationalities, names))
    }

    /// Whether a ministry domain starts at token `i` right after its link word, as in a
    /// title ("vice-ministre des Affaires étrangères"): those capitals do not name anyone.
    pub fn domain_after_link(&self, words: &Words, i: usize) -> bool {
        let linked = i
            .checked_sub(1)
            .is_some_and(|j| matches!(words.key(j), "des" | "du" | "la" | "l'" | "of"));
        linked && self.domains.longest_at(words, i).is_some()
    }

    /// "ministère [adjectif] de la <domaine> [adjectif | du <organisation>]", "Ministry of <domain>".
    fn head_first(
        &self,
        words: &Words,
        i: usize,
        nationalities: &Nationalities,
        names: &NameIndex<Known>,
    ) -> Option<(usize, String)> {
        if !self.heads.contains(words.key(i)) {
            return None;
        }
        let mut j = i + 1;
        let mut country = nationalities.place_of(words.key(j)).map(str::to_string);
        if country.is_some() {
            j += 1;
        }
        j += link_len(words, j)?;
        let (len, domain) = self.domains.longest_at(words, j)?;
        j += len;
        if country.is_none() {
            if let Some(place) = nationalities.place_of(words.key(j)) {
                country = Some(place.to_string());
                j += 1;
            } else if let Some((owner, end)) = owner_after(words, j, names) {
                country = Some(owner);
                j = end;
            }
        }
        Some((j - i, ministry_key(country.as_deref(), domain)))
    }

    /// "[Russian|Gaza] <domain> ministry".
    fn head_last(
        &self,
        words: &Words,
        i: usize,
        nationalities: &Nationalities,
        names: &NameIndex<Known>,
    ) -> Option<(usize, String)> {
        let mut j = i;
        let mut country = None;
        if let Some(place) = nationalities.place_of(words.key(j)) {
            country = Some(place.to_string());
            j += 1;
        } else if let Some((len, known)) = names.longest_at(words, j) {
            country = Some(known.name().to_string());
            j += len;
        }
        let (len, domain) = self.domains.longest_at(words, j)?;
        j += len;
        if !self.heads.contains(words.key(j)) {
            return None;
        }
        Some((j + 1 - i, ministry_key(country.as_deref(), domain)))
    }
}

/// Length of the article or preposition at `j` that links a ministry to its domain.
fn link_len(words: &Words, j: usize) -> Option<usize> {
    FR_LINKS
        .iter()
        .filter(|link| link.iter().enumerate().all(|(k, w)| words.key(j + k) == *w))
        .map(|link| link.len())
        .max()
}

/// "du Hamas", "de l'Autorité palestinienne" after a ministry: its owner and where it ends.
fn owner_after(words: &Words, j: usize, names: &NameIndex<Known>) -> Option<(String, usize)> {
    let link = link_len(words, j)?;
    let (len, known) = names.longest_at(words, j + link)?;
    Some((known.name().to_string(), j + link + len))
}

/// `org:[<country>-]<domain>-ministry`.
fn ministry_key(country: Option<&str>, domain: &str) -> String {
    match country {
        Some(c) => format!("org:{c}-{domain}-ministry"),
        None => format!("org:{domain}-ministry"),
    }
}
