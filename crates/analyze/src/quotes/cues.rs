//! Attribution cues of one language (data/quotes/<lang>.toml), as word sequences in key form.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;

use crate::entities::{Transliteration, Words};
use crate::text::{tokenize, TokenKind};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CuesFile {
    lang: String,
    verbs: Vec<String>,
    sources: Vec<String>,
    skip: Vec<String>,
    stops: Vec<String>,
    pronouns: Vec<String>,
    statements: Vec<String>,
    statement_links: Vec<String>,
    inversion_after: Vec<String>,
    complementizers: Vec<String>,
    #[serde(default)]
    clause_starts: Vec<String>,
    #[serde(default)]
    thatless: Vec<String>,
    #[serde(default)]
    addressee_verbs: Vec<String>,
    #[serde(default)]
    auxiliaries: Vec<String>,
    #[serde(default)]
    past_endings: Vec<String>,
    #[serde(default)]
    infinitive_endings: Vec<String>,
    #[serde(default)]
    non_infinitives: Vec<String>,
    coordinators: Vec<String>,
    relatives: Vec<String>,
    participles: Vec<String>,
    determiners: Vec<String>,
    person_titles: Vec<String>,
    body_nouns: Vec<String>,
}

/// Phrases indexed by their first word.
#[derive(Default)]
pub struct Phrases {
    by_first: FxHashMap<String, Rests>,
}

/// The words after the first of the phrases that share a first word.
#[derive(Default)]
struct Rests {
    list: Vec<Vec<String>>,
    /// The second words of the phrases, so that a match can be ruled out with one lookup
    /// rather than a comparison per phrase ("a" opens dozens of French verbs).
    seconds: FxHashSet<String>,
}

impl Phrases {
    fn new(list: &[String], translit: &Transliteration) -> Self {
        let mut phrases = Phrases::default();
        for phrase in list {
            let mut words = tokenize(phrase)
                .into_iter()
                .map(|t| translit.key_form(t.span.slice(phrase)));
            if let Some(first) = words.next() {
                let rest: Vec<String> = words.collect();
                let rests = phrases.by_first.entry(first).or_default();
                if let Some(second) = rest.first() {
                    rests.seconds.insert(second.clone());
                }
                rests.list.push(rest);
            }
        }
        phrases
    }

    /// The longest phrase at token `i`, where `skip` phrases may stand between its words:
    /// the index one past its end.
    pub fn end_at(&self, words: &Words, i: usize, end: usize, skip: &Phrases) -> Option<usize> {
        let rests = self.by_first.get(words.key(i))?;
        let one_word = rests.list.iter().any(Vec::is_empty).then_some(i + 1);
        if rests.seconds.is_empty() {
            return one_word;
        }
        // Every longer phrase skips from the same token to its second word: skip once, and
        // look that word up once.
        let second = skip.skip_all(words, i + 1, end);
        if second >= end || !rests.seconds.contains(words.key(second)) {
            return one_word;
        }
        rests
            .list
            .iter()
            .filter_map(|rest| {
                let mut j = i + 1;
                for (k, w) in rest.iter().enumerate() {
                    j = if k == 0 {
                        second
                    } else {
                        skip.skip_all(words, j, end)
                    };
                    if j >= end || words.key(j) != w {
                        return None;
                    }
                    j += 1;
                }
                Some(j)
            })
            .max()
    }

    /// Whether `key` is a phrase of one word.
    pub fn has_word(&self, key: &str) -> bool {
        self.by_first
            .get(key)
            .is_some_and(|rests| rests.list.iter().any(Vec::is_empty))
    }

    /// Past any run of these phrases (used as skippable words) starting at `j`. A number right
    /// before one of them goes with it: the day of "vendredi 8 mai".
    pub fn skip_all(&self, words: &Words, mut j: usize, end: usize) -> usize {
        while j < end {
            let is_number = words
                .doc
                .tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Number);
            let len = match self.len_at(words, j, end) {
                Some(len) => len,
                None if is_number => match self.len_at(words, j + 1, end) {
                    Some(len) => len + 1,
                    None => return j,
                },
                None => return j,
            };
            j += len;
        }
        j
    }

    /// The length in tokens of the longest phrase at `j` that ends before `end`.
    fn len_at(&self, words: &Words, j: usize, end: usize) -> Option<usize> {
        if j >= end {
            return None;
        }
        self.by_first.get(words.key(j)).and_then(|rests| {
            rests
                .list
                .iter()
                .filter(|rest| {
                    rest.iter()
                        .enumerate()
                        .all(|(k, w)| j + 1 + k < end && words.key(j + 1 + k) == w)
                })
                .map(|rest| rest.len() + 1)
                .max()
        })
    }
}

/// The cues of one language.
pub struct Cues {
    /// Speech verbs.
    pub verbs: Phrases,
    /// "selon", "according to".
    pub sources: Phrases,
    /// Words allowed inside a verb and before a speaker.
    pub skip: Phrases,
    /// Words that end a speaker phrase.
    pub stops: FxHashSet<String>,
    /// Speakers that name nobody.
    pub pronouns: Phrases,
    /// Documents a speaker issues.
    pub statements: FxHashSet<String>,
    /// "dans un", "in a": what comes before a statement attributed to the speaker before it.
    pub statement_links: Phrases,
    /// Marks after which a verb may precede its speaker, as written.
    pub inversion_after: Vec<String>,
    /// "que", "that": what opens reported speech after a verb.
    pub complementizers: FxHashSet<String>,
    /// Words that open a clause reported without "that" ("said he", "said the").
    pub clause_starts: FxHashSet<String>,
    /// Speech verbs that may be followed by a clause without "that" ("said he", "told
    /// reporters the").
    pub thatless: FxHashSet<String>,
    /// Speech verbs with an addressee before their clause ("told reporters he").
    pub addressee_verbs: FxHashSet<String>,
    /// Auxiliaries and modals: a name before one opens a clause ("said Obama has"); one right
    /// after "that" makes it a relative ("a plan that will").
    pub auxiliaries: FxHashSet<String>,
    /// Endings of verbs in the past: a name before one opens a clause ("revealed Clinton used").
    pub past_endings: Vec<String>,
    /// Endings of infinitives, which open a clause after `thatless` verbs ("il affirme rester
    /// simple").
    pub infinitive_endings: Vec<String>,
    /// Words with those endings that are no infinitives ("notre", "contre").
    pub non_infinitives: FxHashSet<String>,
    /// "and", "et": a verb after them shares the subject of the verb before.
    pub coordinators: FxHashSet<String>,
    /// "qui", "who": a verb after them reports the words of the last speaker named.
    pub relatives: FxHashSet<String>,
    /// "précisant", "saying": speech verbs of the last speaker named.
    pub participles: FxHashSet<String>,
    /// "le", "the": what opens a description that refers back ("le ministre").
    pub determiners: FxHashSet<String>,
    /// Titles of people: "le ministre" is the person named last.
    pub person_titles: FxHashSet<String>,
    /// Common nouns of bodies: "le régulateur" is the body that spoke last.
    pub body_nouns: FxHashSet<String>,
}

/// Parses the bundled cue files: (language, cues).
pub fn bundled(translit: &Transliteration) -> Vec<(String, Cues)> {
    let files = [
        (
            "data/quotes/fr.toml",
            include_str!("../../../../data/quotes/fr.toml"),
        ),
        (
            "data/quotes/en.toml",
            include_str!("../../../../data/quotes/en.toml"),
        ),
    ];
    files
        .iter()
        .map(|(name, text)| {
            let file: CuesFile = crate::lexicon::bundled(name, text);
            let set = |list: &[String]| list.iter().map(|w| translit.key_form(w)).collect();
            let cues = Cues {
                verbs: Phrases::new(&file.verbs, translit),
                sources: Phrases::new(&file.sources, translit),
                skip: Phrases::new(&file.skip, translit),
                stops: set(&file.stops),
                pronouns: Phrases::new(&file.pronouns, translit),
                statements: set(&file.statements),
                statement_links: Phrases::new(&file.statement_links, translit),
                inversion_after: file.inversion_after,
                complementizers: set(&file.complementizers),
                clause_starts: set(&file.clause_starts),
                thatless: set(&file.thatless),
                addressee_verbs: set(&file.addressee_verbs),
                auxiliaries: set(&file.auxiliaries),
                past_endings: file.past_endings,
                infinitive_endings: file.infinitive_endings,
                non_infinitives: set(&file.non_infinitives),
                coordinators: set(&file.coordinators),
                relatives: set(&file.relatives),
                participles: set(&file.participles),
                determiners: set(&file.determiners),
                person_titles: set(&file.person_titles),
                body_nouns: set(&file.body_nouns),
            };
            (file.lang, cues)
        })
        .collect()
}
