//! Who "he", "elle", "le ministre" or "the former vice president" stands for: the person named
//! last before the quote. News names its speaker, then goes on with a pronoun or a title
//! ("M. Bogdanov … Le diplomate russe a déclaré … Il a ajouté").

use storyline_model::{Entity, EntityType, Span};

use super::cues::Cues;
use super::marks::Quoted;
use crate::entities::Words;
use crate::text::Doc;

/// How many paragraph breaks back a person may be named and still be "he".
const PERSON_REACH: usize = 2;

/// A person mention outside the quotations, in text order.
#[derive(Clone, Copy)]
pub struct Mention<'e> {
    /// Where the person is named.
    pub span: Span,
    /// Who.
    pub entity: &'e Entity,
}

/// The person mentions of one article.
pub struct People<'e> {
    mentions: Vec<Mention<'e>>,
}

impl<'e> People<'e> {
    /// The person mentions of `entities` that are not inside a quotation, nor owners:
    /// "Obama's rationale" names Obama as no one's subject.
    pub fn new(doc: &Doc, entities: &'e [Entity], quoted: &[Quoted]) -> Self {
        let mut mentions: Vec<Mention> = entities
            .iter()
            .filter(|e| e.kind == EntityType::PER)
            .flat_map(|e| e.spans.iter().map(move |&span| Mention { span, entity: e }))
            .filter(|m| !is_possessive(doc, m.span.end))
            .filter(|m| {
                !quoted
                    .iter()
                    .any(|q| q.span.start <= m.span.start && m.span.end <= q.span.end)
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        People { mentions }
    }

    /// The person named last before byte `pos`: the first one named in the last sentence that
    /// names one, because a sentence names its subject before its objects.
    pub fn before(&self, doc: &Doc, pos: usize) -> Option<Mention<'e>> {
        let last = self.mentions.partition_point(|m| m.span.end <= pos);
        let latest = self.mentions.get(last.checked_sub(1)?)?;
        let between = doc.text.get(latest.span.end..pos).unwrap_or("");
        if between.matches("\n\n").count() > PERSON_REACH {
            return None;
        }
        let sentence = doc.sentences.get(doc.sentence_at(latest.span.start))?;
        self.mentions[..last]
            .iter()
            .find(|m| m.span.start >= sentence.span.start)
            .copied()
    }
}

impl<'e> People<'e> {
    /// The first person named in the sentence of byte `pos`, before it: the sentence's subject.
    pub fn subject_of(&self, doc: &Doc, pos: usize) -> Option<Mention<'e>> {
        let sentence = doc.sentences.get(doc.sentence_at(pos))?;
        self.mentions
            .iter()
            .find(|m| m.span.start >= sentence.span.start)
            .filter(|m| m.span.end <= pos)
            .copied()
    }
}

/// Whether the name ending at byte `end` is followed by a possessive "'s".
pub fn is_possessive(doc: &Doc, end: usize) -> bool {
    doc.text
        .get(end..)
        .is_some_and(|rest| rest.starts_with("'s") || rest.starts_with("’s"))
}

/// What a speaker phrase without a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anaphor {
    /// A person by a title: "le ministre", "the former vice president".
    Person,
    /// A body by a common noun: "le régulateur", "the committee", "la même source".
    Body,
}

/// Whether the speaker phrase `span` is a definite description that names no one itself
/// ("le ministre", "the governor"), and of what.
pub fn anaphor(words: &Words, cues: &Cues, span: Span, entities: &[Entity]) -> Option<Anaphor> {
    let tokens = &words.doc.tokens;
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.end <= span.end);
    if first >= end || !cues.determiners.contains(words.key(first)) {
        return None;
    }
    let named = (first + 1..end).any(|k| words.is_capitalized(k))
        || entities.iter().any(|e| {
            e.spans
                .iter()
                .any(|m| m.start >= span.start && m.end <= span.end)
        });
    if named {
        return None;
    }
    let heads = first + 1..end;
    if heads
        .clone()
        .any(|k| cues.person_titles.contains(words.key(k)))
    {
        Some(Anaphor::Person)
    } else if heads
        .clone()
        .any(|k| cues.body_nouns.contains(words.key(k)))
    {
        Some(Anaphor::Body)
    } else {
        None
    }
}
