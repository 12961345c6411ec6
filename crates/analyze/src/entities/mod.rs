//! Entities: people, organisations and places, each with a canonical key shared by all its
//! mentions in an article and, where the gazetteers know it, across articles and languages.
//!
//! The rule-based recognizer finds, in this order at each token: ministries, gazetteer names
//! (data/gazetteers/*.toml), then capitalised spans typed by cues (honorifics, titles,
//! organisation head words, given names; data/gazetteers/cues.toml).
//!
//! Key scheme: `<type>:<name>`, the name in key form (lowercase, no accents, transliteration
//! folded, words joined by `-`).
//! - Gazetteer entries use their listed key: `loc:moscow`, `org:hamas`, `per:putin`.
//! - Ministries: `org:[<country>-]<domain>-ministry` (`org:russia-foreign-ministry`).
//! - Other people: the family name, i.e. the last word with the particles before it
//!   ("Moussa Abou Marzouk" -> `per:abu-marzouk`). Family-name keys let articles that drop
//!   the given name agree with those that use it; two namesakes in one corpus share a key,
//!   which the people gazetteer can disambiguate.
//! - A lone word that ends a person's name in the same article ("Marzouk") joins that person.
//! - Other organisations (`org:`) and names of unknown type (`misc:`): all their words.

mod fold;
mod ministry;
mod names;
mod words;

pub(crate) use fold::Transliteration;
pub use fold::{fold, fold_into, inflection_stems};
use rustc_hash::{FxHashMap, FxHashSet};
use storyline_model::{Entity, EntityType, Span};
pub(crate) use words::Words;

use crate::lexicon;
use crate::text::{Doc, Sentence, TokenKind};
use ministry::{Ministries, Nationalities};
use names::NameIndex;

/// An entity recognizer: the rule-based one now, a trained tagger later.
pub trait Recognizer: Send + Sync {
    /// All entities of `doc`, grouped by canonical key, in order of first mention.
    fn recognize(&self, doc: &Doc, lang: &str) -> Vec<Entity>;
}

/// A gazetteer entry: type and full key.
#[derive(Debug, Clone)]
pub struct Known {
    kind: EntityType,
    key: String,
}

impl Known {
    /// The key without its type prefix (`moscow` for `loc:moscow`).
    fn name(&self) -> &str {
        self.key
            .split_once(':')
            .map_or(self.key.as_str(), |(_, n)| n)
    }
}

#[derive(serde::Deserialize)]
struct Cues {
    honorifics: Vec<String>,
    titles: Vec<String>,
    org_heads: Vec<String>,
    connectors: Vec<String>,
    particles: Vec<String>,
}

/// The first-pass rule-based recognizer.
pub struct RuleRecognizer {
    translit: Transliteration,
    names: NameIndex<Known>,
    ministries: Ministries,
    nationalities: Nationalities,
    /// As written: "M" must not match the word "m".
    honorifics: FxHashSet<String>,
    titles: FxHashSet<String>,
    org_heads: FxHashSet<String>,
    connectors: FxHashSet<String>,
    particles: FxHashSet<String>,
    stopwords: FxHashSet<String>,
    first_names: FxHashSet<String>,
}

/// How a mention was typed.
#[derive(Debug, Clone)]
enum Typing {
    /// By a gazetteer or the ministry rule, with its key.
    Known(Known),
    /// By a cue.
    Cued(EntityType),
    /// Not typed; `initial` when it starts a sentence (and may be a common word).
    Unknown { initial: bool },
}

/// One mention: its tokens (names excluding honorifics) and how it was typed.
#[derive(Debug, Clone)]
struct Mention {
    first: usize,
    end: usize,
    typing: Typing,
}

/// How many tokens before a name a title still types it as a person.
const TITLE_WINDOW: usize = 6;

const GAZETTEERS: &[(&str, &str, EntityType)] = &[
    (
        "places.toml",
        include_str!("../../../../data/gazetteers/places.toml"),
        EntityType::LOC,
    ),
    (
        "organisations.toml",
        include_str!("../../../../data/gazetteers/organisations.toml"),
        EntityType::ORG,
    ),
    (
        "people.toml",
        include_str!("../../../../data/gazetteers/people.toml"),
        EntityType::PER,
    ),
];

impl RuleRecognizer {
    /// With the bundled gazetteers.
    pub fn bundled() -> Self {
        let translit = Transliteration::bundled();
        let mut names = NameIndex::default();
        for (file, text, kind) in GAZETTEERS {
            let entries: FxHashMap<String, Vec<String>> = lexicon::bundled(file, text);
            for (key, forms) in entries {
                let known = Known {
                    kind: *kind,
                    key: format!("{}:{key}", prefix(*kind)),
                };
                for form in forms {
                    names.insert(&form, known.clone(), &translit);
                }
            }
        }
        let cues: Cues = lexicon::bundled(
            "cues.toml",
            include_str!("../../../../data/gazetteers/cues.toml"),
        );
        let keyed = |list: &[String]| {
            list.iter()
                .map(|w| translit.key_form(w))
                .collect::<FxHashSet<_>>()
        };
        let listed = |text: &str| {
            lexicon::word_list(text)
                .map(|w| translit.key_form(w))
                .collect::<FxHashSet<_>>()
        };
        RuleRecognizer {
            ministries: Ministries::bundled(&translit),
            nationalities: Nationalities::bundled(&translit),
            honorifics: cues.honorifics.iter().cloned().collect(),
            titles: keyed(&cues.titles),
            org_heads: keyed(&cues.org_heads),
            connectors: keyed(&cues.connectors),
            particles: keyed(&cues.particles),
            stopwords: listed(include_str!("../../../../data/gazetteers/stopwords.txt")),
            first_names: listed(include_str!("../../../../data/gazetteers/first-names.txt")),
            names,
            translit,
        }
    }

    /// All mentions of `words`, in text order.
    fn mentions(&self, words: &Words) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let mut next_free = 0;
        // Most articles name no ministry: one pass over the tokens spares the rule elsewhere.
        let ministries = self.ministries.present(words);
        for sentence in &words.doc.sentences {
            let mut i = sentence.first.max(next_free);
            while i < sentence.end {
                let ministry = ministries
                    .then(|| {
                        self.ministries
                            .match_at(words, i, &self.nationalities, &self.names)
                    })
                    .flatten();
                if let Some((len, key)) = ministry {
                    let known = Known {
                        kind: EntityType::ORG,
                        key,
                    };
                    mentions.push(Mention {
                        first: i,
                        end: i + len,
                        typing: Typing::Known(known),
                    });
                    i += len;
                } else if let Some((len, known)) = self.names.longest_at(words, i) {
                    mentions.push(Mention {
                        first: i,
                        end: i + len,
                        typing: Typing::Known(known.clone()),
                    });
                    i += len;
                } else if let Some(m) = self.candidate_at(words, i, sentence) {
                    i = m.end;
                    mentions.push(m);
                } else {
                    i += 1;
                }
            }
            next_free = i;
        }
        mentions
    }

    /// A capitalised span starting at token `i`, typed by its cues.
    fn candidate_at(&self, words: &Words, i: usize, sentence: &Sentence) -> Option<Mention> {
        // "M. Le Drian": after an honorific, "Le" opens the family name, not a phrase.
        let particle = self.particles.contains(words.key(i))
            && self.honorific_before(words, i, sentence)
            && words.is_capitalized(i + 1)
            && !words.breaks_after(i);
        // Codes with digits ("T10", "H00") are not names.
        if !words.is_capitalized(i)
            || words.raw(i).chars().any(|c| c.is_ascii_digit())
            || (self.stopwords.contains(words.key(i)) && !particle)
            || self.is_honorific(words, i)
            || self.ministries.domain_after_link(words, i)
        {
            return None;
        }
        let mut end = i + 1;
        while end < sentence.end && !words.breaks_after(end - 1) {
            let starts_name = |j: usize| {
                words.is_capitalized(j)
                    && !self.stopwords.contains(words.key(j))
                    && !self.is_honorific(words, j)
                    && self.names.longest_at(words, j).is_none()
            };
            // A middle initial: "George W. Bush".
            let initial = words.raw(end).chars().count() == 1
                && words.raw(end + 1) == "."
                && end + 2 < sentence.end
                && starts_name(end + 2);
            if starts_name(end) && !initial {
                end += 1;
            } else if initial {
                end += 3;
            } else if (self.connectors.contains(words.key(end))
                || self.capital_particle(words, i, end, sentence))
                && end + 1 < sentence.end
                && !words.breaks_after(end)
                && starts_name(end + 1)
            {
                end += 2;
            } else {
                break;
            }
        }
        end += self.suffix_len(words, end, sentence);
        // "Representative Nancy Pelosi", "Secretary of State Hillary Clinton": the title
        // words before a given name are not part of the person's name.
        let first = self.name_after_title(words, i, end, sentence).unwrap_or(i);
        let typing = if first > i {
            Typing::Cued(EntityType::PER)
        } else {
            self.type_of(words, i, end, sentence)
        };
        Some(Mention { first, end, typing })
    }

    /// Whether token `j`, inside a name that opened at token `first`, is a capitalised particle
    /// of a family name ("Bruno Le Maire", "M. Le Drian"): only after a given name or an
    /// honorific, since "Le" and "La" are also articles that open the next phrase.
    fn capital_particle(&self, words: &Words, first: usize, j: usize, sentence: &Sentence) -> bool {
        let person_led = (first..j).any(|k| self.first_names.contains(words.key(k)))
            || self.honorific_before(words, first, sentence);
        j > first && person_led && words.is_capitalized(j) && self.particles.contains(words.key(j))
    }

    /// The length of a generational suffix at token `end` ("Jesse Jackson Jr.", "Jr" with or
    /// without its period, after a comma or not), 0 when there is none.
    fn suffix_len(&self, words: &Words, end: usize, sentence: &Sentence) -> usize {
        let comma = usize::from(words.raw(end) == ",");
        let at = end + comma;
        if at >= sentence.end || !is_suffix(words.raw(at)) || words.breaks_after(end) {
            return 0;
        }
        let period = usize::from(at + 1 < sentence.end && words.raw(at + 1) == ".");
        comma + 1 + period
    }

    /// The first token of a given name inside the span `first..end` that follows a title,
    /// inside the span or just before it: "House Speaker Nancy Pelosi" -> "Nancy", "le
    /// ministre de l'Economie Bruno Le Maire" -> "Bruno".
    fn name_after_title(
        &self,
        words: &Words,
        first: usize,
        end: usize,
        sentence: &Sentence,
    ) -> Option<usize> {
        let given = (first + 1..end.saturating_sub(1))
            .find(|&j| self.first_names.contains(words.key(j)) && words.is_capitalized(j + 1))?;
        let window = sentence.first.max(first.saturating_sub(TITLE_WINDOW));
        (window..given)
            .any(|j| self.titles.contains(words.key(j)) || self.honorifics.contains(words.raw(j)))
            .then_some(given)
    }

    /// Whether token `i` is an honorific written before a name ("M." or "Mme").
    fn is_honorific(&self, words: &Words, i: usize) -> bool {
        // Only abbreviations take a period ("M.", "Sen."): "Le Maire." ends a sentence.
        let abbreviated = words.raw(i + 1) == "." && words.raw(i).chars().count() <= 4;
        self.honorifics.contains(words.raw(i))
            && (abbreviated || words.is_capitalized(i + 1))
            && !words.breaks_after(i)
    }

    /// Whether an honorific stands right before token `first` ("M. Le Maire", "Mme Borne").
    fn honorific_before(&self, words: &Words, first: usize, sentence: &Sentence) -> bool {
        let before = |k: usize| first.checked_sub(k).filter(|&j| j >= sentence.first);
        match before(1) {
            Some(j) if words.raw(j) == "." => {
                before(2).is_some_and(|h| self.is_honorific(words, h))
            }
            Some(j) => self.is_honorific(words, j),
            None => false,
        }
    }

    /// The type the cues give to the span `first..end`.
    fn type_of(&self, words: &Words, first: usize, end: usize, sentence: &Sentence) -> Typing {
        if self.honorific_before(words, first, sentence) {
            return Typing::Cued(EntityType::PER);
        }
        if (first..end).any(|j| self.org_heads.contains(words.key(j))) {
            return Typing::Cued(EntityType::ORG);
        }
        // Acronyms are letters only: "T10", "V8" and "H00" are not organisations.
        let raw = words.raw(first);
        let acronym = end - first == 1
            && raw.chars().count() >= 2
            && raw.chars().all(|c| c.is_alphabetic() && !c.is_lowercase());
        if acronym {
            return Typing::Cued(EntityType::ORG);
        }
        let given_name = end - first >= 2 && self.first_names.contains(words.key(first));
        // A title may be followed by its domain before the name: "le vice-ministre des Affaires
        // étrangères, Ivan Petrov" puts the title 6 tokens back. A name right after "de", "la"
        // or "l'" complements the title instead ("chef de l'État", "maire du Havre").
        let complement = first.checked_sub(1).is_some_and(|j| {
            matches!(
                words.key(j),
                "de" | "du" | "des" | "d'" | "la" | "l'" | "of" | "the"
            )
        });
        let title_before = !complement
            && (sentence.first.max(first.saturating_sub(TITLE_WINDOW))..first)
                .any(|j| self.titles.contains(words.key(j)));
        let title_after = words.raw(end) == ","
            && (end + 1..(end + 4).min(sentence.end)).any(|j| self.titles.contains(words.key(j)));
        if given_name || title_before || title_after {
            return Typing::Cued(EntityType::PER);
        }
        Typing::Unknown {
            initial: self.is_initial(words, first, sentence),
        }
    }

    /// Whether token `i` begins a sentence or a quotation, where anything is capitalised.
    fn is_initial(&self, words: &Words, i: usize, sentence: &Sentence) -> bool {
        let doc = words.doc;
        (sentence.first..i).all(|j| {
            doc.tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Punct)
        }) || matches!(
            words.raw(i.wrapping_sub(1)),
            "«" | "“" | "\"" | "‘" | ":" | "(" | "—" | "-"
        )
    }

    /// The key of a person named by tokens `first..end`: family name with its particles.
    fn person_key(&self, words: &Words, first: usize, end: usize) -> String {
        // "Jackson Jr." is keyed by "Jackson".
        let mut end = end;
        while end > first + 1
            && (is_suffix(words.raw(end - 1)) || matches!(words.raw(end - 1), "." | ","))
        {
            end -= 1;
        }
        let mut start = end.saturating_sub(1).max(first);
        while start > first && self.particles.contains(words.key(start - 1)) {
            start -= 1;
        }
        format!("per:{}", joined_key(words, start, end))
    }

    /// Gives every mention its key and type, dropping common words; `None` drops it.
    fn resolve(&self, words: &Words, mentions: &[Mention]) -> Vec<Option<(EntityType, String)>> {
        // Lone words that end a person's name in this article: "Marzouk" -> per:abu-marzouk.
        let mut person_tails: FxHashMap<&str, String> = FxHashMap::default();
        let mut keyed: Vec<Option<(EntityType, String)>> = mentions
            .iter()
            .map(|m| match &m.typing {
                Typing::Known(k) => Some((k.kind, k.key.clone())),
                Typing::Cued(EntityType::PER) => {
                    let key = self.person_key(words, m.first, m.end);
                    for j in m.first..m.end {
                        person_tails
                            .entry(words.key(j))
                            .or_insert_with(|| key.clone());
                    }
                    Some((EntityType::PER, key))
                }
                Typing::Cued(kind) => Some((
                    *kind,
                    format!("{}:{}", prefix(*kind), joined_key(words, m.first, m.end)),
                )),
                Typing::Unknown { .. } => None,
            })
            .collect();
        // A capitalised word that opens a sentence is a name only if it is also capitalised
        // where nothing requires it ("Rappelons", "Well" are not).
        let capitalized_inside: FxHashSet<&str> = mentions
            .iter()
            .filter(|m| !matches!(m.typing, Typing::Unknown { initial: true }))
            .flat_map(|m| (m.first..m.end).map(|j| words.key(j)))
            .collect();
        for (m, slot) in mentions.iter().zip(keyed.iter_mut()) {
            let Typing::Unknown { initial } = m.typing else {
                continue;
            };
            let last = words.key(m.end.saturating_sub(1));
            if let Some(key) = person_tails.get(last).filter(|k| k.ends_with(last)) {
                *slot = Some((EntityType::PER, key.clone()));
                continue;
            }
            let single = m.end - m.first == 1;
            let common = single && initial && !capitalized_inside.contains(words.key(m.first));
            let demonym = single && self.nationalities.place_of(words.key(m.first)).is_some();
            if !(common || demonym) {
                *slot = Some((
                    EntityType::MISC,
                    format!("misc:{}", joined_key(words, m.first, m.end)),
                ));
            }
        }
        keyed
    }
}

impl Recognizer for RuleRecognizer {
    fn recognize(&self, doc: &Doc, _lang: &str) -> Vec<Entity> {
        let words = Words::new(doc, &self.translit);
        let mentions = self.mentions(&words);
        let keys = self.resolve(&words, &mentions);
        let mut entities: Vec<Entity> = Vec::new();
        let mut index: FxHashMap<String, usize> = FxHashMap::default();
        for (m, keyed) in mentions.iter().zip(keys) {
            let Some((kind, key)) = keyed else { continue };
            let Some(first) = doc.tokens.get(m.first) else {
                continue;
            };
            let span = Span::new(first.span.start, words.name_end(m.end.saturating_sub(1)));
            let surface = span.slice(doc.text);
            match index.get(&key) {
                Some(&e) => {
                    if let Some(entity) = entities.get_mut(e) {
                        if surface.chars().count() > entity.text.chars().count() {
                            entity.text = surface.to_string();
                        }
                        entity.spans.push(span);
                    }
                }
                None => {
                    index.insert(key.clone(), entities.len());
                    entities.push(Entity {
                        text: surface.to_string(),
                        kind,
                        key,
                        spans: vec![span],
                    });
                }
            }
        }
        entities
    }
}

/// Whether a word is a generational suffix of a name ("Jr", "Sr").
fn is_suffix(raw: &str) -> bool {
    matches!(raw, "Jr" | "Sr" | "Jr." | "Sr.")
}

/// The key prefix of a type.
fn prefix(kind: EntityType) -> &'static str {
    match kind {
        EntityType::PER => "per",
        EntityType::ORG => "org",
        EntityType::LOC => "loc",
        EntityType::MISC => "misc",
    }
}

/// The key forms of tokens `first..end` joined by `-`, apostrophes dropped.
fn joined_key(words: &Words, first: usize, end: usize) -> String {
    let mut key = String::new();
    for j in first..end {
        let w = words.key(j).trim_end_matches('\'');
        if w.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push('-');
        }
        key.extend(w.chars().map(|c| if c == '\'' { '-' } else { c }));
    }
    key
}

#[cfg(test)]
mod tests;
