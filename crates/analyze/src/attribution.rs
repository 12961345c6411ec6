//! Who a figure is attributed to: the attribution as written ("selon le ministère palestinien
//! de la Santé", "a indiqué le ministère", "the ministry said") and its canonical key
//! (`org:gaza-health-ministry`), shared across wordings and languages.
//!
//! Cues live in `data/sources/<lang>.toml`, keys in `data/sources/aliases.toml`, which users
//! can extend with their own file. A clause without a cue has no source: the engine never
//! guesses one.

use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use storyline_model::Span;

use crate::figures::phrase::{fold, Lowered, PhraseMap};
use crate::lexicon::{self, LexiconError};
use crate::text::{Doc, Sentence, TokenKind};

const ALIASES: &str = include_str!("../../../data/sources/aliases.toml");
const CUES: &[(&str, &str)] = &[
    ("fr", include_str!("../../../data/sources/fr.toml")),
    ("en", include_str!("../../../data/sources/en.toml")),
];

/// One attribution in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The attribution as written, cue included.
    pub span: Span,
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Canonical key of the source, when the alias table knows it.
    pub key: Option<String>,
    /// A subject before its reporting verb with an object after it ("la CGT a compté 3,5
    /// millions"): it governs what follows the verb, never a figure before it. A verb that
    /// ends its clause ("…, the governor said.") may point back.
    pub forward_only: bool,
    /// A subject and its verb that introduce a clause ("le ministre a précisé que …", "police
    /// said that …"): the source of what follows, up to the next attribution.
    pub introduces: bool,
}

#[derive(Deserialize)]
struct AliasFile {
    source: Vec<AliasEntry>,
}

#[derive(Deserialize)]
struct AliasEntry {
    key: String,
    names: Vec<String>,
}

/// Names of sources and their canonical keys.
#[derive(Default)]
pub struct SourceAliases {
    /// Folded name and key.
    names: Vec<(String, String)>,
}

impl SourceAliases {
    /// With the bundled `data/sources/aliases.toml`.
    pub fn bundled() -> Self {
        let mut aliases = SourceAliases::default();
        let file: AliasFile = lexicon::bundled("data/sources/aliases.toml", ALIASES);
        aliases.extend(file);
        aliases
    }

    /// Adds the aliases of a user file (same format as the bundled one); returns how many names.
    pub fn add_toml(&mut self, text: &str, origin: &str) -> Result<usize, LexiconError> {
        let file: AliasFile = lexicon::parse(origin, text)?;
        Ok(self.extend(file))
    }

    fn extend(&mut self, file: AliasFile) -> usize {
        let before = self.names.len();
        for entry in file.source {
            for name in entry.names {
                let folded = normalize(&name);
                if !folded.is_empty() {
                    self.names.push((folded, entry.key.clone()));
                }
            }
        }
        self.names.len() - before
    }

    /// The key of a source whose whole name is `name` (an entity's text, say), ignoring case.
    pub fn key_of_name(&self, name: &str) -> Option<&str> {
        let name = normalize(name);
        self.names
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, k)| k.as_str())
    }

    /// The key of the source named in `attribution`: the earliest name found on word
    /// boundaries, the longest at the same place.
    pub fn key_for(&self, attribution: &str) -> Option<&str> {
        let hay = normalize(attribution);
        let mut best: Option<(usize, usize, &str)> = None;
        for (name, key) in &self.names {
            let Some(pos) = find_word(&hay, name) else {
                continue;
            };
            let better = match best {
                None => true,
                Some((p, len, _)) => pos < p || (pos == p && name.len() > len),
            };
            if better {
                best = Some((pos, name.len(), key));
            }
        }
        best.map(|(_, _, k)| k)
    }
}

/// Lower case, apostrophes folded, any run of spaces as one space.
fn normalize(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// First occurrence of `needle` in `hay` with no letter or digit on either side.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(off) = hay.get(from..).and_then(|h| h.find(needle)) {
        let pos = from + off;
        let end = pos + needle.len();
        let before_ok = hay[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let after_ok = hay[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if before_ok && after_ok {
            return Some(pos);
        }
        from = pos + needle.chars().next().map_or(1, char::len_utf8);
    }
    None
}

#[derive(Deserialize)]
struct CueFile {
    before: Vec<String>,
    #[serde(default)]
    named: Vec<String>,
    not_cues: Vec<String>,
    verbs: Vec<String>,
    subject_starts: Vec<String>,
    not_subject: Vec<String>,
    #[serde(default)]
    skip_after_verb: Vec<String>,
    #[serde(default)]
    inverted: Vec<String>,
    #[serde(default)]
    adverbs: Vec<String>,
    #[serde(default)]
    prepositions_after_verb: Vec<String>,
    #[serde(default)]
    impersonal: Vec<String>,
    #[serde(default)]
    introducers: Vec<String>,
    #[serde(default)]
    relatives: Vec<String>,
    abbreviations: Vec<String>,
    stop: Vec<String>,
}

struct Cues {
    before: PhraseMap<()>,
    /// Cue and name of a source in one phrase ("In the poll").
    named: PhraseMap<()>,
    not_cues: PhraseMap<()>,
    verbs: PhraseMap<()>,
    subject_starts: FxHashSet<String>,
    not_subject: FxHashSet<String>,
    /// Words of a date between a reporting verb and its subject (", a indiqué vendredi 8 mai
    /// la Direction générale de la santé").
    skip_after_verb: FxHashSet<String>,
    /// Verbs with their subject pronoun glued after them ("a-t-elle détaillé", "précise-t-il"):
    /// the attribution runs from them to the end of the clause.
    inverted: FxHashSet<String>,
    /// Adverbs between the auxiliary and the participle of a reporting verb ("a également
    /// précisé").
    adverbs: FxHashSet<String>,
    /// Prepositions opening a complement between a reporting verb and its subject ("a
    /// déclaré à l'AFP le porte-parole", "ont indiqué dans l'après-midi les autorités").
    prepositions_after_verb: FxHashSet<String>,
    /// Subjects that name no one ("on dénombre"): their verb is no attribution.
    impersonal: FxHashSet<String>,
    /// Words after a reporting verb that open what was said ("que", "that").
    introducers: FxHashSet<String>,
    /// Relative pronouns opening a subject ("Olivier Véran, qui a précisé").
    relatives: FxHashSet<String>,
    abbreviations: FxHashSet<String>,
    stop: FxHashSet<String>,
}

/// Longest subject before a reporting verb, in tokens; a longer clause is not a clear source.
const SUBJECT_MAX: usize = 8;

/// Cues of attribution per language, and the alias table.
pub struct AttributionRules {
    langs: FxHashMap<String, Cues>,
    /// The alias table; add user aliases with [`SourceAliases::add_toml`].
    pub aliases: SourceAliases,
}

impl AttributionRules {
    /// With the bundled cues and aliases.
    pub fn bundled() -> Self {
        let langs = CUES
            .iter()
            .map(|(lang, text)| {
                let f: CueFile = lexicon::bundled(&format!("data/sources/{lang}.toml"), text);
                let cues = Cues {
                    before: PhraseMap::from_phrases(&f.before),
                    named: PhraseMap::from_phrases(&f.named),
                    not_cues: PhraseMap::from_phrases(&f.not_cues),
                    verbs: PhraseMap::from_phrases(&f.verbs),
                    subject_starts: f.subject_starts.into_iter().collect(),
                    not_subject: f.not_subject.into_iter().collect(),
                    skip_after_verb: f.skip_after_verb.into_iter().collect(),
                    inverted: f.inverted.into_iter().collect(),
                    adverbs: f.adverbs.into_iter().collect(),
                    prepositions_after_verb: f.prepositions_after_verb.into_iter().collect(),
                    impersonal: f.impersonal.into_iter().collect(),
                    introducers: f.introducers.into_iter().collect(),
                    relatives: f.relatives.into_iter().collect(),
                    abbreviations: f.abbreviations.into_iter().collect(),
                    stop: f.stop.into_iter().collect(),
                };
                ((*lang).to_string(), cues)
            })
            .collect();
        AttributionRules {
            langs,
            aliases: SourceAliases::bundled(),
        }
    }

    /// The attributions of sentence `s`, in order.
    pub fn in_sentence(
        &self,
        doc: &Doc,
        low: &Lowered,
        s: &Sentence,
        lang: &str,
    ) -> Vec<Attribution> {
        let Some(c) = self.langs.get(lang) else {
            return Vec::new();
        };
        // A dot after an abbreviation ("M. Dupont") does not end the source.
        let closes = |e: usize| {
            c.stop.contains(low.get(e))
                && !(low.get(e) == "." && e > 0 && c.abbreviations.contains(low.get(e - 1)))
        };
        let clause_end = |mut e: usize| {
            while e < s.end && !closes(e) {
                e += 1;
            }
            e
        };
        let mut out = Vec::new();
        let mut t = s.first;
        while t < s.end {
            if let Some((n, _)) = c.not_cues.at(low, t) {
                t += n;
                continue;
            }
            let mut forward_only = false;
            // Where the name of the source starts, for its key: the subject after a verb,
            // not a complement before it ("a déclaré à l'AFP le porte-parole").
            let mut name_from = None;
            let mut introduces = false;
            let range = if let Some((n, _)) = c.named.at(low, t) {
                Some((t, t + n))
            } else if let Some((n, _)) = c.before.at(low, t) {
                Some((t, clause_end(t + n))).filter(|(_, e)| *e > t + n)
            } else if c.inverted.contains(low.get(t)) {
                // "a-t-on appris auprès des pompiers": a cue further on names the source.
                let e = clause_end(t + 1);
                let cue_follows = (t + 1..e).any(|k| c.before.at(low, k).is_some());
                (!cue_follows).then_some((t, e))
            } else if let Some((n, _)) = c
                .verbs
                .at_skipping(low, t, |w| c.adverbs.contains(w))
                .filter(|_| !(t > s.first && c.impersonal.contains(low.get(t - 1))))
            {
                let after_quote = t > s.first && matches!(low.get(t - 1), "," | "»" | "\"" | "”");
                let next = self.subject_after_verb(doc, low, c, s, t + n);
                let subject_like = c.subject_starts.contains(low.get(next))
                    || (next < s.end
                        && doc.tokens.get(next).is_some_and(|x| {
                            x.span.slice(doc.text).starts_with(char::is_uppercase)
                        }));
                let subject_like = subject_like && !c.not_subject.contains(low.get(next));
                let mut start = t;
                while start > s.first && !closes(start - 1) {
                    start -= 1;
                }
                if c.relatives.contains(low.get(start)) {
                    start = antecedent(doc, s, start);
                }
                // The subject runs to the end of its clause, past any comma passed over.
                let after = clause_end(next.max(t + n));
                // "…des prêts totalisant 7 milliards d'euros a annoncé vendredi le ministre.":
                // no short subject before the verb, one after it that ends the sentence.
                let inverted = subject_like
                    && t - start > SUBJECT_MAX
                    && ends_sentence(doc, s, after)
                    && !has_number(doc, next, after);
                if (after_quote && subject_like) || inverted {
                    name_from = Some(next);
                    Some((t, after))
                } else {
                    // "…, the organization confirmed to Fox News.": a verb followed only by a
                    // complement closes its clause and may point back.
                    let complement_only = (c.not_subject.contains(low.get(t + n))
                        || c.prepositions_after_verb.contains(low.get(t + n)))
                        && !has_number(doc, t + n, s.end);
                    forward_only = t + n < s.end && !closes(t + n) && !complement_only;
                    introduces = c.introducers.contains(low.get(t + n));
                    Some((start, t + n)).filter(|_| start < t && t - start <= SUBJECT_MAX)
                }
            } else {
                None
            };
            let Some((first, end)) = range else {
                t += 1;
                continue;
            };
            if let (Some(a), Some(b)) = (doc.tokens.get(first), doc.tokens.get(end - 1)) {
                let span = Span::new(a.span.start, b.span.end);
                let name_start = name_from
                    .and_then(|k| doc.tokens.get(k))
                    .map_or(a.span.start, |x| x.span.start.min(b.span.end));
                let key = self
                    .aliases
                    .key_for(doc.text.get(name_start..b.span.end).unwrap_or(""))
                    .map(str::to_string);
                out.push(Attribution {
                    span,
                    first,
                    end,
                    key,
                    forward_only,
                    introduces,
                });
            }
            t = end.max(t + 1);
        }
        out
    }
}

impl AttributionRules {
    /// The first token after a reporting verb ending before `from` that may start its
    /// subject: dates ("vendredi 8 mai"), a comma and complements ("à l'AFP", "dans
    /// l'après-midi", "sur TF1") are passed over.
    fn subject_after_verb(
        &self,
        doc: &Doc,
        low: &Lowered,
        c: &Cues,
        s: &Sentence,
        from: usize,
    ) -> usize {
        let mut next = from;
        while next < s.end {
            let w = low.get(next);
            let is_number = doc
                .tokens
                .get(next)
                .is_some_and(|x| x.kind == TokenKind::Number);
            if c.skip_after_verb.contains(w) || is_number || (w == "," && next > from) {
                next += 1;
            } else if c.prepositions_after_verb.contains(w) {
                // The preposition, its article if any, and one word.
                next += 1;
                if c.subject_starts.contains(low.get(next)) {
                    next += 1;
                }
                next += 1;
            } else {
                break;
            }
        }
        next
    }
}

/// Longest name a relative subject may stand for, in tokens.
const ANTECEDENT_MAX: usize = 5;

/// Where the subject that starts with a relative pronoun at `relative` starts: at the name
/// right before it and its comma ("Olivier Véran, qui"), or at the pronoun when no capitalized
/// name is there (never guessed further back).
fn antecedent(doc: &Doc, s: &Sentence, relative: usize) -> usize {
    let comma = relative.checked_sub(1).filter(|c| {
        *c > s.first
            && doc
                .tokens
                .get(*c)
                .is_some_and(|t| t.span.slice(doc.text) == ",")
    });
    let Some(comma) = comma else {
        return relative;
    };
    let capitalized = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word && t.span.slice(doc.text).starts_with(char::is_uppercase)
        })
    };
    let mut first = comma;
    while first > s.first && comma - first < ANTECEDENT_MAX && capitalized(first - 1) {
        first -= 1;
    }
    if first == comma {
        relative
    } else {
        first
    }
}

/// Whether only punctuation follows token `from` in sentence `s`.
fn ends_sentence(doc: &Doc, s: &Sentence, from: usize) -> bool {
    (from..s.end).all(|k| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Punct)
    })
}

/// Whether a number is written in tokens `from..to`.
fn has_number(doc: &Doc, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Number)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attributions(text: &str, lang: &str) -> Vec<(String, Option<String>)> {
        let doc = Doc::new(text);
        let low = doc.lowered();
        let rules = AttributionRules::bundled();
        doc.sentences
            .iter()
            .flat_map(|s| rules.in_sentence(&doc, low, s, lang))
            .map(|a| (a.span.slice(text).to_string(), a.key))
            .collect()
    }

    fn a(text: &str, key: Option<&str>) -> (String, Option<String>) {
        (text.to_string(), key.map(str::to_string))
    }

    #[test]
    fn selon_and_according_to_run_to_the_end_of_the_clause() {
        assert_eq!(
            attributions(
                "Dix morts, selon le ministère de la Santé de Gaza, et trente blessés.",
                "fr"
            ),
            [a(
                "selon le ministère de la Santé de Gaza",
                Some("org:gaza-health-ministry")
            )]
        );
        assert_eq!(
            attributions(
                "Ten died, according to the Hamas-run health ministry.",
                "en"
            ),
            [a(
                "according to the Hamas-run health ministry",
                Some("org:gaza-health-ministry")
            )]
        );
    }

    #[test]
    fn reporting_verbs_take_the_subject_on_the_right_side() {
        assert_eq!(
            attributions(
                "« Douze soldats ont été tués », a indiqué l'armée israélienne.",
                "fr"
            ),
            [a("a indiqué l'armée israélienne", Some("org:idf"))]
        );
        assert_eq!(
            attributions(
                "Le ministère a indiqué que dix personnes sont mortes.",
                "fr"
            ),
            [a("Le ministère a indiqué", None)]
        );
        assert_eq!(
            attributions("The Gaza health ministry said 20 people died.", "en"),
            [a(
                "The Gaza health ministry said",
                Some("org:gaza-health-ministry")
            )]
        );
    }

    #[test]
    fn a_verb_after_a_comma_needs_a_subject_after_it() {
        assert_eq!(
            attributions("Dix manifestants, a annoncé s'être enfui hier.", "fr"),
            []
        );
        assert_eq!(
            attributions("Trois morts, a précisé Le Parisien.", "fr"),
            [a("a précisé Le Parisien", None)]
        );
        assert_eq!(
            attributions("Trois morts, a précisé M. Dupont, maire.", "fr"),
            [a("a précisé M. Dupont", None)]
        );
        assert_eq!(
            attributions("\"We lost ten men,\" said Monday a statement.", "en"),
            []
        );
        let long = "Au terme d'une très longue journée de négociations tendues entre les deux camps le ministre a indiqué que tout allait bien.";
        assert_eq!(
            attributions(long, "fr"),
            [],
            "a subject of more than eight tokens is not a clear source"
        );
    }

    #[test]
    fn the_earliest_name_wins_and_short_words_need_boundaries() {
        let aliases = SourceAliases::bundled();
        assert_eq!(
            aliases.key_for("selon un décompte de l’AFP réalisé à partir de données israéliennes"),
            Some("org:afp")
        );
        assert_eq!(
            aliases.key_for("selon le ministère de la Santé du Hamas, cité par Reuters"),
            Some("org:gaza-health-ministry")
        );
        assert_eq!(
            aliases.key_for("selon le ministère de la Santé"),
            None,
            "which country is not said"
        );
        assert_eq!(aliases.key_for("selon Safpress"), None);
    }

    #[test]
    fn users_can_add_aliases_and_bad_files_name_themselves() {
        let mut aliases = SourceAliases::default();
        let n = aliases.add_toml(
            "[[source]]\nkey = \"org:x\"\nnames = [\"Agence X\"]\n",
            "mine.toml",
        );
        assert_eq!(n.ok(), Some(1));
        assert_eq!(aliases.key_for("selon l'agence X"), Some("org:x"));
        let err = aliases
            .add_toml("[[source]]\nkey = 3", "bad.toml")
            .err()
            .map(|e| e.origin);
        assert_eq!(err.as_deref(), Some("bad.toml"));
    }

    #[test]
    fn a_date_between_the_verb_and_its_subject_is_skipped() {
        assert_eq!(
            attributions(
                "Quinze morts en un jour, a indiqué mardi 3 mars la préfecture du Rhône.",
                "fr"
            ),
            [a("a indiqué mardi 3 mars la préfecture du Rhône", None)]
        );
        assert_eq!(
            attributions(
                "Cinq blessés, a annoncé lundi que l'enquête continue.",
                "fr"
            ),
            Vec::<(String, Option<String>)>::new(),
            "no subject after the date"
        );
    }

    #[test]
    fn inverted_verbs_carry_their_pronoun() {
        assert_eq!(
            attributions(
                "« La baisse est de 1,1 % », a-t-elle détaillé dans un communiqué.",
                "fr"
            ),
            [a("a-t-elle détaillé dans un communiqué", None)]
        );
    }

    #[test]
    fn learnt_from_is_an_attribution() {
        assert_eq!(
            attributions(
                "Trois randonneurs ont été secourus, a-t-on appris auprès des gendarmes.",
                "fr"
            ),
            [a("appris auprès des gendarmes", None)]
        );
    }

    #[test]
    fn polls_and_records_that_show_are_sources() {
        assert_eq!(
            attributions(
                "A new county survey shows 61 percent support the plan.",
                "en"
            ),
            [a("A new county survey shows", None)]
        );
    }

    #[test]
    fn complements_and_adverbs_around_a_reporting_verb() {
        assert_eq!(
            attributions(
                "Dix morts, a déclaré jeudi 6 août à l'AFP le porte-parole du ministère.",
                "fr"
            ),
            [a(
                "a déclaré jeudi 6 août à l'AFP le porte-parole du ministère",
                None
            )]
        );
        assert_eq!(
            attributions(
                "Vingt blessés, ont indiqué dans l'après-midi les autorités de l'Etat.",
                "fr"
            ),
            [a(
                "ont indiqué dans l'après-midi les autorités de l'Etat",
                None
            )]
        );
        assert_eq!(
            attributions(
                "Quinze morts, a annoncé vendredi 13 décembre, la sécurité routière.",
                "fr"
            ),
            [a(
                "a annoncé vendredi 13 décembre, la sécurité routière",
                None
            )]
        );
        assert_eq!(
            attributions(
                "Le ministre a également précisé que dix personnes sont mortes.",
                "fr"
            ),
            [a("Le ministre a également précisé", None)]
        );
    }

    #[test]
    fn a_subject_after_the_verb_ends_a_long_clause() {
        assert_eq!(
            attributions(
                "La compagnie va recevoir des prêts totalisant 7 milliards d'euros a annoncé vendredi le ministre de l'Economie.",
                "fr"
            ),
            [a("a annoncé vendredi le ministre de l'Economie", None)]
        );
        assert_eq!(
            attributions(
                "Après des semaines de négociations tendues entre les deux camps le gouvernement a annoncé la fermeture de 300 écoles.",
                "fr"
            ),
            [],
            "an object with a number is what was announced, not who"
        );
    }

    #[test]
    fn a_verb_with_only_a_complement_after_it_points_back() {
        let text = "The ad is costing $1 million, the organization confirmed to Fox News.";
        let doc = Doc::new(text);
        let rules = AttributionRules::bundled();
        let found = rules.in_sentence(&doc, doc.lowered(), &doc.sentences[0], "en");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.slice(text), "the organization confirmed");
        assert!(!found[0].forward_only);
    }

    #[test]
    fn a_relative_subject_is_the_name_before_it() {
        assert_eq!(
            attributions(
                "C'est important, a insisté Olivier Véran, qui a précisé que 478 personnes sont en réanimation.",
                "fr"
            ),
            [
                a("a insisté Olivier Véran", None),
                a("Olivier Véran, qui a précisé", None)
            ]
        );
        assert_eq!(
            attributions("Le maire, qui a précisé que dix maisons ont brûlé.", "fr"),
            [a("qui a précisé", None)],
            "no name before the pronoun: it stays as written"
        );
    }

    #[test]
    fn polls_named_before_their_figures_are_sources() {
        assert_eq!(
            attributions("In the poll, Romney leads with 21 percent.", "en"),
            [a("In the poll", None)]
        );
    }

    #[test]
    fn impersonal_subjects_are_no_source() {
        assert!(attributions("Le bilan s'aggrave car on dénombre 5140 morts.", "fr").is_empty());
    }

    #[test]
    fn no_cue_no_source() {
        assert!(attributions(
            "Le déconfinement s'achèvera en juin selon les régions.",
            "fr"
        )
        .is_empty());
        assert!(attributions("Dix personnes sont mortes à Gaza.", "fr").is_empty());
        assert!(attributions("Dix personnes sont mortes.", "de").is_empty());
    }
}
