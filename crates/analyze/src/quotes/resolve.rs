//! Who a quote's speaker phrase stands for: the phrase itself with the entity it names, or,
//! for a pronoun, a title, a description or no cue at all, the speaker or the person that
//! came before it in the article.

use storyline_model::{Entity, EntityType, QuoteKind, Span};

use super::antecedent::{self, is_possessive, Anaphor, People};
use super::cues::Cues;
use super::epithet::Epithets;
use super::marks::Quoted;
use super::Speaker;
use crate::entities::Words;
use crate::text::Doc;

/// How many paragraph breaks back "he added" may reach for its speaker.
const PRONOUN_REACH: usize = 2;

/// The longest opening phrase, in tokens, before the comma after which a sentence's subject
/// may come ("Dans un communiqué,", "On Thursday,").
const OPENING_PHRASE: usize = 8;

/// A speaker as written and its entity key.
pub type Resolved = (Option<String>, Option<String>);

/// The last quotation that had a named speaker.
struct Previous {
    speaker: String,
    key: Option<String>,
    end: usize,
}

impl Previous {
    fn is_person(&self) -> bool {
        self.key.as_deref().is_some_and(|k| k.starts_with("per:"))
    }

    /// This speaker, for a later quote.
    fn resolved(&self) -> Resolved {
        (Some(self.speaker.clone()), self.key.clone())
    }
}

/// Resolves the speakers of one article's quotes, in text order.
pub struct Resolver<'d, 'a, 'e> {
    doc: &'d Doc<'a>,
    /// The cues of the article's language and its key forms, when the language has cues.
    lang: Option<(&'d Cues, &'d Words<'d, 'a>)>,
    entities: &'e [Entity],
    epithets: &'d Epithets,
    /// Person mentions outside quotations.
    people: People<'e>,
    /// The last quote that got a speaker.
    previous: Option<Previous>,
}

impl<'d, 'a, 'e> Resolver<'d, 'a, 'e> {
    /// For the article `doc` with its `entities` and `quoted` quotations.
    pub fn new(
        doc: &'d Doc<'a>,
        lang: Option<(&'d Cues, &'d Words<'d, 'a>)>,
        entities: &'e [Entity],
        epithets: &'d Epithets,
        quoted: &[Quoted],
    ) -> Self {
        Resolver {
            doc,
            lang,
            entities,
            epithets,
            people: People::new(doc, entities, quoted),
            previous: None,
        }
    }

    /// The speaker of the quote at `span`, from what the cues said of it; remembered for the
    /// quotes after it.
    pub fn speaker_of(&mut self, span: Span, kind: QuoteKind, speaker: &Speaker) -> Resolved {
        let resolved = self.resolve(span, kind, speaker);
        if let (Some(name), key) = &resolved {
            self.previous = Some(Previous {
                speaker: name.clone(),
                key: key.clone(),
                end: span.end,
            });
        }
        resolved
    }
}

impl Resolver<'_, '_, '_> {
    fn resolve(&self, span: Span, kind: QuoteKind, speaker: &Speaker) -> Resolved {
        let doc = self.doc;
        match speaker {
            // "Clinton criticized … its “secrecy,” according to The Hill": the outlet is
            // where the words were read; they are the subject's.
            Speaker::Named(phrase) if kind == QuoteKind::Partial && self.outlet(*phrase) => {
                self.people.subject_of(doc, span.start).map_or_else(
                    || self.named(span, *phrase),
                    |m| (Some(m.entity.text.clone()), Some(m.entity.key.clone())),
                )
            }
            Speaker::Named(phrase) => self.named(span, *phrase),
            // "ont-ils indiqué" after "les pompiers": with no person to stand for, "they" is
            // the body that spoke last.
            Speaker::Pronoun if self.body_pronoun(span) => {
                let body = self.inherit(span, PRONOUN_REACH);
                if body.0.is_some() {
                    body
                } else {
                    self.person(span)
                }
            }
            Speaker::Pronoun => self.person(span),
            // "qui a précisé que", "précisant que", "he said he …": the last speaker of the
            // paragraph, else the person named last ("Mr. Trump drew criticism … while openly
            // saying that he might still run").
            Speaker::Previous => self.last_speaker_or_person(span),
            // A quotation with no cue goes on the last speaker of its paragraph; else it is
            // the last person's, spoken or named, up to two paragraphs back ("… Trump said in
            // a statement.¶“If we do not get tough …”").
            Speaker::Unknown if kind == QuoteKind::Direct => self.last_speaker_or_person(span),
            // "Leahy called the speech « a stunt »": the person the sentence opens with; "Israel's
            // foreign ministry called the invitation “…”": the body it opens with, when that
            // comes before any person. Else, past two words (fewer may be a label: « gilets
            // jaunes »), the person named last.
            Speaker::Unknown => {
                let person = self.people.subject_of(doc, span.start);
                // "White House press secretary Sarah Sanders": a body that only qualifies
                // the person named a few words later is not the subject.
                let body = body_opening(doc, self.entities, span.start).filter(|(named, _)| {
                    person.is_none_or(|m| {
                        let between = doc.text.get(named.end..m.span.start).unwrap_or("");
                        named.start < m.span.start && words_in(between) > 3
                    })
                });
                match (body, person) {
                    (Some((_, e)), _) => (Some(e.text.clone()), Some(e.key.clone())),
                    (None, Some(m)) => (Some(m.entity.text.clone()), Some(m.entity.key.clone())),
                    (None, None) if words_in(span.slice(doc.text)) > 2 => self.person(span),
                    (None, None) => (None, None),
                }
            }
        }
    }

    /// Whether `phrase` follows a source word ("according to") and is a capitalised name
    /// with no person in it: an outlet or an organisation that reported the words.
    fn outlet(&self, phrase: Span) -> bool {
        let Some((cues, words)) = self.lang else {
            return false;
        };
        let tokens = &words.doc.tokens;
        let first = tokens.partition_point(|t| t.span.start < phrase.start);
        let after_source = (first.saturating_sub(3)..first)
            .any(|j| cues.sources.end_at(words, j, first, &cues.skip) == Some(first));
        let capitalised = (first..first + 2).any(|k| words.is_capitalized(k));
        let person = self.entities.iter().any(|e| {
            e.kind == EntityType::PER
                && e.spans
                    .iter()
                    .any(|m| m.start >= phrase.start && m.end <= phrase.end)
        });
        after_source && capitalised && !person
    }

    /// The speaker written as `phrase`: a title or description stands for the one named
    /// before it; else the phrase, keyed by the entity it names.
    fn named(&self, span: Span, phrase: Span) -> Resolved {
        let doc = self.doc;
        // "she had asked …", "he was": a pronoun subject with the clause's first words.
        if self
            .lang
            .is_some_and(|(cues, words)| opens_with_pronoun(words, cues, phrase))
        {
            return self.person(span);
        }
        let anaphor = self
            .lang
            .and_then(|(cues, words)| antecedent::anaphor(words, cues, phrase, self.entities));
        let resolved = match anaphor {
            Some(Anaphor::Person) => self.person(span),
            // "le régulateur", "the committee": the body that spoke last.
            Some(Anaphor::Body) => self
                .previous
                .as_ref()
                .filter(|p| !p.is_person())
                .filter(|p| within(doc, p.end, span.start, PRONOUN_REACH))
                .map_or((None, None), Previous::resolved),
            None => (None, None),
        };
        if resolved.0.is_some() {
            return resolved;
        }
        // An entity named in the speaker phrase, else the one entity a description fits.
        let key = entity_in(doc, self.entities, phrase)
            .map(|e| e.key.as_str())
            .or_else(|| {
                self.lang
                    .and_then(|(_, words)| self.epithets.resolve(words, phrase, self.entities))
            })
            .map(str::to_string);
        (Some(phrase.slice(doc.text).to_string()), key)
    }

    /// Whether the pronoun that attributes the quote at `span` may stand for a body: its
    /// sentence or the next holds, outside the quote, a plural pronoun or a verb bound to one
    /// ("ont-ils"). (Counting French "il" and "elle", which may stand for "le ministère",
    /// lowered dev accuracy: they are everywhere.)
    fn body_pronoun(&self, span: Span) -> bool {
        let Some((_, words)) = self.lang else {
            return false;
        };
        let doc = self.doc;
        let first = doc.sentence_at(span.start);
        let next = doc.sentence_at(span.end.saturating_sub(1)) + 1;
        let tokens = doc.sentences.get(first).map_or(0, |s| s.first)
            ..doc
                .sentences
                .get(next.min(doc.sentences.len().saturating_sub(1)))
                .map_or(0, |s| s.end);
        tokens
            .filter(|&k| {
                doc.tokens
                    .get(k)
                    .is_some_and(|t| t.span.start < span.start || t.span.start >= span.end)
            })
            .any(|k| {
                let key = words.key(k);
                matches!(key, "ils" | "elles" | "they")
                    || key.ends_with("-ils")
                    || key.ends_with("-elles")
            })
    }

    /// The last speaker of the paragraph of the quote at `span`, else [`Self::person`].
    fn last_speaker_or_person(&self, span: Span) -> Resolved {
        let last = self.inherit(span, 0);
        if last.0.is_some() {
            last
        } else {
            self.person(span)
        }
    }

    /// "he", "elle", "le ministre": the person named last, as a speaker or in the text; an
    /// organisation is not "he".
    fn person(&self, span: Span) -> Resolved {
        let doc = self.doc;
        let spoke = self
            .previous
            .as_ref()
            .filter(|p| p.is_person())
            .filter(|p| within(doc, p.end, span.start, PRONOUN_REACH));
        let named = self.people.before(doc, span.start);
        match (spoke, named) {
            // The same person as the last speaker: as that speaker was written.
            (Some(p), Some(m))
                if m.span.start < p.end || p.key.as_deref() == Some(&m.entity.key) =>
            {
                p.resolved()
            }
            (_, Some(m)) => (Some(m.entity.text.clone()), Some(m.entity.key.clone())),
            (Some(p), None) => p.resolved(),
            (None, None) => (None, None),
        }
    }

    /// The previous speaker, when the quote at `span` is at most `reach` paragraph breaks
    /// after it. News goes on quoting one speaker across sentences ("“…,” Mr. Steele said.
    /// “…”") and names them again by a pronoun ("He added, “…”").
    fn inherit(&self, span: Span, reach: usize) -> Resolved {
        self.previous
            .as_ref()
            .filter(|p| within(self.doc, p.end, span.start, reach))
            .map_or((None, None), Previous::resolved)
    }
}

/// Whether the phrase `span` opens with a subject pronoun ("she had").
fn opens_with_pronoun(words: &Words, cues: &Cues, span: Span) -> bool {
    let tokens = &words.doc.tokens;
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.end <= span.end);
    first < end
        && cues
            .pronouns
            .end_at(words, first, end, &cues.skip)
            .is_some()
}

/// How many words `text` holds.
fn words_in(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether at most `reach` paragraph breaks stand between bytes `from` and `to`.
fn within(doc: &Doc, from: usize, to: usize, reach: usize) -> bool {
    let between = doc.text.get(from..to).unwrap_or("");
    between.matches("\n\n").count() <= reach
}

/// The organisation that opens the sentence of byte `pos`, or its clause after a short
/// opening phrase ("Dans un communiqué, le ministère israélien …", "On Thursday, Israel's
/// foreign ministry …"), after at most an article; named before `pos` and owning nothing
/// ("Hamas's leader" is the leader). "When Hamas officials came …" opens with a clause, not
/// with its subject. Where it is named, and it.
fn body_opening<'e>(doc: &Doc, entities: &'e [Entity], pos: usize) -> Option<(Span, &'e Entity)> {
    let sentence = doc.sentences.get(doc.sentence_at(pos))?;
    let raw = |k: usize| doc.tokens.get(k).map_or("", |t| t.span.slice(doc.text));
    let after_comma = (sentence.first..sentence.end.min(sentence.first + OPENING_PHRASE))
        .find(|&k| raw(k) == ",")
        .map(|k| k + 1);
    let starts: Vec<usize> = [Some(sentence.first), after_comma]
        .into_iter()
        .flatten()
        .flat_map(|k| {
            let article = matches!(
                raw(k).to_lowercase().as_str(),
                "the" | "le" | "la" | "les" | "l'" | "l’"
            );
            [Some(k), article.then_some(k + 1)]
        })
        .flatten()
        .filter_map(|k| doc.tokens.get(k).map(|t| t.span.start))
        .collect();
    entities
        .iter()
        .filter(|e| e.kind == EntityType::ORG)
        .filter_map(|e| {
            let m = e
                .spans
                .iter()
                .find(|m| starts.contains(&m.start) && m.end <= pos)?;
            (!is_possessive(doc, m.end)).then_some((*m, e))
        })
        .min_by_key(|&(named, _)| named.start)
}

/// The entity a speaker phrase names: its first person, else its first entity, leaving out
/// owners ("Grimm's lawyer, William McGinley" is McGinley; "New York Republican Rep. Michael
/// Grimm" is Grimm, not New York).
fn entity_in<'e>(doc: &Doc, entities: &'e [Entity], span: Span) -> Option<&'e Entity> {
    let mut named: Vec<(bool, usize, &Entity)> = entities
        .iter()
        .filter_map(|e| {
            let inside = e.spans.iter().find(|m| {
                m.start >= span.start && m.end <= span.end && !is_possessive(doc, m.end)
            })?;
            Some((e.kind != EntityType::PER, inside.start, e))
        })
        .collect();
    named.sort_by_key(|&(not_person, start, _)| (not_person, start));
    named.first().map(|&(_, _, e)| e)
}

#[cfg(test)]
mod tests {
    use storyline_model::Quote;

    use crate::entities::{Recognizer, RuleRecognizer};
    use crate::quotes::QuoteRules;
    use crate::text::Doc;

    fn speakers(text: &str, lang: &str) -> Vec<(Option<String>, Option<String>)> {
        let doc = Doc::new(text);
        let entities = RuleRecognizer::bundled().recognize(&doc, lang);
        QuoteRules::bundled()
            .find(&doc, lang, &entities)
            .into_iter()
            .map(|q: Quote| (q.speaker, q.speaker_key))
            .collect()
    }

    fn keys(text: &str, lang: &str) -> Vec<Option<String>> {
        speakers(text, lang).into_iter().map(|(_, k)| k).collect()
    }

    #[test]
    fn a_body_opening_the_sentence_is_the_speaker_of_its_uncued_quotes() {
        let text = "A delegation led by Mousa Abu Marzouk held talks in Moscow on Thursday.\n\n\
                    Israel's foreign ministry called the visit \"a shameful step for peace\" \
                    and urged Moscow to \"send the delegation home at once.\"";
        let org = Some("org:israel-foreign-ministry".to_string());
        assert_eq!(keys(text, "en"), [org.clone(), org]);
        // A body that only qualifies the person named next is not the subject.
        let text = "White House press secretary Sarah Sanders called the claims \
                    \"deeply troubling\" on Thursday.";
        assert_eq!(keys(text, "en"), [Some("per:sanders".to_string())]);
        // A sentence that opens with a clause does not open with its subject.
        let text = "When Hamas officials came to Moscow, Israel's foreign ministry condemned \
                    the visit as \"a shameful step\".";
        assert_ne!(keys(text, "en"), [Some("org:hamas".to_string())]);
        // The subject may follow a short opening phrase.
        let text = "Dans un communiqué, le ministère israélien des Affaires étrangères a qualifié \
                    la visite de « geste honteux envers les victimes ».";
        assert_eq!(
            keys(text, "fr"),
            [Some("org:israel-foreign-ministry".to_string())]
        );
    }

    #[test]
    fn a_participle_after_a_comma_reports_for_the_subject_not_the_object() {
        let text = "La Banque centrale européenne a relevé jeudi ses trois taux directeurs, \
                    jugeant que la hausse des prix restait trop forte.";
        let said = speakers(text, "fr");
        assert_eq!(said.len(), 1);
        let speaker = said[0].0.clone().unwrap_or_default();
        assert!(speaker.contains("Banque"), "speaker {speaker:?}");
    }

    #[test]
    fn an_owner_is_not_the_speaker_the_name_in_apposition_is() {
        let text = "“We are disappointed,” Grimm's lawyer, William McGinley, said on Monday.";
        assert_eq!(keys(text, "en"), [Some("per:mcginley".to_string())]);
    }

    #[test]
    fn a_person_in_the_speaker_phrase_wins_over_a_place() {
        let text = "“He will be vindicated,” said New York Republican Rep. Michael Grimm.";
        assert_eq!(keys(text, "en"), [Some("per:grimm".to_string())]);
    }

    #[test]
    fn the_statement_said_is_the_issuer_of_the_statement_before() {
        let text = "“He asserts his innocence,” said the statement from Grimm's attorney, \
                    William McGinley. The statement said, “He will be vindicated.”";
        assert_eq!(
            keys(text, "en"),
            [
                Some("per:mcginley".to_string()),
                Some("per:mcginley".to_string())
            ]
        );
    }

    #[test]
    fn according_to_an_outlet_the_subject_is_the_speaker() {
        let text = "According to The Hill, Clinton criticized the “secrecy” of the talks.";
        assert_eq!(
            speakers(text, "en")
                .into_iter()
                .map(|(s, _)| s)
                .collect::<Vec<_>>(),
            [Some("Clinton".to_string())]
        );
    }

    #[test]
    fn a_participle_far_from_its_subject_is_the_subject_s() {
        let text = "Gov. Paul LePage offered more comments on the radio on Tuesday, saying, \
                    “A bad guy is a bad guy.”";
        assert_eq!(keys(text, "en"), [Some("per:lepage".to_string())]);
    }

    #[test]
    fn titles_and_particles_lead_to_the_right_person() {
        let text = "Le ministre de l'Économie Bruno Le Maire a parlé lundi. « Il faut sauver \
                    notre compagnie nationale », a-t-il dit.";
        assert_eq!(keys(text, "fr"), [Some("per:le-maire".to_string())]);
        let text = "Representative Nancy Pelosi spoke on Monday. “It’s not against the \
                    president,” she said.";
        assert_eq!(keys(text, "en"), [Some("per:pelosi".to_string())]);
    }

    #[test]
    fn a_quotation_without_cue_in_a_new_paragraph_is_the_last_person_s() {
        let text = "Donald Trump spoke in Ohio on Monday. “We will win,” he said.\n\n\
                    “If we do not get tough, we are not going to have a country.”";
        assert_eq!(
            keys(text, "en"),
            [Some("per:trump".to_string()), Some("per:trump".to_string())]
        );
    }

    #[test]
    fn an_uncued_partial_quote_is_the_last_person_s_but_a_label_is_no_one_s() {
        let text = "Barack Obama spoke on Monday.\n\nThe plan was “a very bad idea for \
                    everyone” and a “red line”.";
        assert_eq!(keys(text, "en"), [Some("per:obama".to_string())]);
    }

    #[test]
    fn an_owner_is_not_the_subject_of_a_partial_quote() {
        let text = "Obama's spokesman, Josh Earnest, called the bill “a very bad idea today”.";
        assert_eq!(keys(text, "en"), [Some("per:earnest".to_string())]);
    }

    #[test]
    fn a_speaker_phrase_opening_with_a_pronoun_is_the_pronoun_s_person() {
        let text = "Donald Trump began making noises about canceling the debate. As late as \
                    Monday night, he was still saying that the forum was taking place.";
        assert_eq!(keys(text, "en"), [Some("per:trump".to_string())]);
    }

    #[test]
    fn reported_speech_of_the_last_speaker_falls_back_to_the_person_named_last() {
        let text = "Donald Trump drew criticism from the Republican establishment for \
                    moderating a debate while openly saying that he might still run.";
        assert_eq!(keys(text, "en"), [Some("per:trump".to_string())]);
    }

    fn names(text: &str, lang: &str) -> Vec<Option<String>> {
        speakers(text, lang).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn a_plural_pronoun_is_the_body_that_spoke_last() {
        let text = "L'incendie a fait sept blessés, ont annoncé les pompiers dans un communiqué. \
                    Les pompiers « ont dû faire face à de nombreux sauvetages », ont-ils indiqué.";
        let found = names(text, "fr");
        assert_eq!(found.last(), Some(&Some("les pompiers".to_string())));
    }

    #[test]
    fn a_participle_ends_the_speaker_phrase() {
        let text = "« L'accident s'est produit vers 4h00 », a indiqué la SNCF précisant que la \
                    circulation est interrompue.";
        assert_eq!(
            names(text, "fr").first(),
            Some(&Some("la SNCF".to_string()))
        );
    }

    #[test]
    fn an_outlet_cited_after_a_partial_quote_is_not_its_speaker() {
        let text = "In 2007, Hillary Clinton criticized the administration for its “secrecy,” \
                    according to The Hill.";
        assert_eq!(keys(text, "en"), [Some("per:clinton".to_string())]);
        let text = "The suspect is “armed and dangerous,” according to the police.";
        assert_eq!(names(text, "en"), [Some("the police".to_string())]);
    }
}
