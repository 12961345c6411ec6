//! Quotes: quotations found by their marks, typed direct or partial, and reported speech
//! (indirect), attributed to a speaker.
//!
//! Marks are paired in [`marks`]; speakers come from the cues of data/quotes/<lang>.toml
//! (see [`speaker`]); reported speech is found by the same cues (see [`indirect`]). Languages
//! without cues still get their quotations, without speakers.

mod antecedent;
mod cues;
mod epithet;
mod indirect;
mod marks;
mod resolve;
mod speaker;

use rustc_hash::FxHashMap;
use storyline_model::{Entity, Quote, QuoteKind, Span};

use crate::entities::{Transliteration, Words};
use crate::text::{Doc, TokenKind};
use cues::Cues;
use epithet::Epithets;
use indirect::Reporter;
use marks::Quoted;
use resolve::Resolver;
use speaker::{Attribution, Scope};

/// How many sentences back a bare "le communiqué" looks for the statement it refers to.
const STATEMENT_LOOKBACK: usize = 8;

/// Quote rules per language.
pub struct QuoteRules {
    translit: Transliteration,
    langs: FxHashMap<String, Cues>,
    epithets: Epithets,
}

impl QuoteRules {
    /// With the bundled data.
    pub fn bundled() -> Self {
        let translit = Transliteration::bundled();
        let langs = cues::bundled(&translit).into_iter().collect();
        let epithets = Epithets::bundled(&translit);
        QuoteRules {
            translit,
            langs,
            epithets,
        }
    }

    /// All quotes of `doc` with their speakers, in text order: quotations in marks, and
    /// reported speech where the language has cues.
    pub fn find(&self, doc: &Doc, lang: &str, entities: &[Entity]) -> Vec<Quote> {
        let quoted = marks::find(doc);
        let cues = self.langs.get(lang);
        if quoted.is_empty() && cues.is_none() {
            return Vec::new();
        }
        let words = cues.map(|_| Words::new(doc, &self.translit));
        let mut attributions = Attributions {
            doc,
            quotes: &quoted,
            cache: FxHashMap::default(),
        };
        let mut found: Vec<Found> = Vec::with_capacity(quoted.len());
        for (i, q) in quoted.iter().enumerate() {
            let kind = kind_of(doc, q);
            // A name or title in marks inside the outlet's sentence, even with its period
            // ("told NBC's “Today.”"), is not a quote.
            if !stands_alone(doc, q) && is_title(doc, q) {
                continue;
            }
            let speaker = match (cues, &words) {
                (Some(cues), Some(words)) => attributions.speaker_of(words, cues, q),
                _ => Speaker::Unknown,
            };
            let inner = Span::new(
                doc.tokens.get(q.open).map_or(q.span.start, |t| t.span.end),
                doc.tokens.get(q.close).map_or(q.span.end, |t| t.span.start),
            );
            // "“…,” she said. “…”": one quote on both sides of its reporting clause.
            let goes_on = i
                .checked_sub(1)
                .and_then(|p| quoted.get(p))
                .is_some_and(|p| match (cues, &words) {
                    (Some(cues), Some(words)) => continues(words, cues, p, q),
                    _ => false,
                });
            match found.last_mut() {
                Some(last) if goes_on && last.kind == QuoteKind::Direct => {
                    last.span.end = q.span.end;
                    last.pieces.push(inner);
                    if matches!(last.speaker, Speaker::Unknown) {
                        last.speaker = speaker;
                    }
                }
                _ => found.push(Found {
                    span: q.span,
                    pieces: vec![inner],
                    kind,
                    uncued: matches!(speaker, Speaker::Unknown)
                        && match (cues, &words) {
                            (Some(cues), Some(words)) => !cued(words, cues, &quoted, q),
                            _ => true,
                        },
                    speaker,
                }),
            }
        }
        if let (Some(cues), Some(words)) = (cues, &words) {
            found.extend(reported(doc, words, cues, &quoted));
            found.sort_by_key(|f| f.span.start);
        }
        let lang = cues.zip(words.as_ref());
        let mut resolver = Resolver::new(doc, lang, entities, &self.epithets, &quoted);
        let mut quotes = Vec::with_capacity(found.len());
        for f in found {
            let (speaker, speaker_key) = resolver.speaker_of(f.span, f.kind, &f.speaker);
            // A word or two in marks that nobody is said to have said is a label ("birthers",
            // « gilets jaunes »), not a quote.
            let label = f.kind == QuoteKind::Partial
                && f.uncued
                && speaker.is_none()
                && words_in(doc, &f) <= 2;
            if label {
                continue;
            }
            quotes.push(Quote {
                text: f
                    .pieces
                    .iter()
                    .map(|p| p.slice(doc.text).trim())
                    .collect::<Vec<_>>()
                    .join(" "),
                speaker,
                speaker_key,
                kind: f.kind,
                as_of: None,
                span: f.span,
            });
        }
        quotes
    }
}

/// A quotation or a stretch of reported speech, before its speaker is resolved.
struct Found {
    /// Marks included.
    span: Span,
    /// The words without the marks: more than one piece when a reporting clause cuts them.
    pieces: Vec<Span>,
    kind: QuoteKind,
    speaker: Speaker,
    /// No speech verb or source word in its sentence.
    uncued: bool,
}

/// The reported speech of every sentence of `doc`, outside the quotations.
fn reported<'a>(
    doc: &'a Doc,
    words: &'a Words,
    cues: &'a Cues,
    quoted: &'a [Quoted],
) -> impl Iterator<Item = Found> + 'a {
    doc.sentences.iter().flat_map(move |sentence| {
        let scope = Scope {
            first: sentence.first,
            end: sentence.end,
            quotes: quoted,
        };
        indirect::find(words, cues, &scope)
            .into_iter()
            .map(|r| Found {
                span: Span::new(r.span.start, r.resumes.map_or(r.span.end, |x| x.end)),
                pieces: [Some(r.span), r.resumes].into_iter().flatten().collect(),
                kind: QuoteKind::Indirect,
                uncued: false,
                speaker: match r.reporter {
                    Reporter::Named(span) => Speaker::Named(span),
                    Reporter::Previous => Speaker::Previous,
                },
            })
    })
}

/// What the cues say of a quotation's speaker.
enum Speaker {
    /// Named in the text.
    Named(Span),
    /// A pronoun: the last named speaker, if a person.
    Pronoun,
    /// A relative or a participle: the last named speaker, in the same paragraph.
    Previous,
    /// No cue.
    Unknown,
}

/// Attributions of the sentences of one document, computed once each.
struct Attributions<'d, 'a> {
    doc: &'d Doc<'a>,
    quotes: &'d [Quoted],
    cache: FxHashMap<usize, Option<Attribution>>,
}

impl Attributions<'_, '_> {
    /// The attribution of sentence `s`.
    fn of(&mut self, words: &Words, cues: &Cues, s: usize) -> Option<Attribution> {
        if let Some(a) = self.cache.get(&s) {
            return *a;
        }
        let found = self.doc.sentences.get(s).and_then(|sentence| {
            let scope = Scope {
                first: sentence.first,
                end: sentence.end,
                quotes: self.quotes,
            };
            speaker::attribution(words, cues, &scope)
        });
        self.cache.insert(s, found);
        found
    }

    /// The speaker of quotation `q`: from its sentence, else from the next sentence when that
    /// one goes on quoting and names its speaker after ("…», a déclaré le ministère").
    fn speaker_of(&mut self, words: &Words, cues: &Cues, q: &Quoted) -> Speaker {
        match self.attribution_of(words, cues, q) {
            Some(a) if a.pronoun => Speaker::Pronoun,
            Some(a) => a
                .speaker
                .or_else(|| self.statement_issuer(words, cues, self.doc.sentence_at(q.span.start)))
                .map_or(Speaker::Unknown, Speaker::Named),
            None => Speaker::Unknown,
        }
    }

    /// The attribution that governs quotation `q`.
    fn attribution_of(&mut self, words: &Words, cues: &Cues, q: &Quoted) -> Option<Attribution> {
        let first = self.doc.sentence_at(q.span.start);
        let last = self.doc.sentence_at(q.span.end.saturating_sub(1));
        let own = (first..=last).find_map(|s| self.of(words, cues, s));
        let found = own.or_else(|| {
            let next = last + 1;
            let quotes_on = self.doc.sentences.get(next).is_some_and(|sentence| {
                self.quotes
                    .iter()
                    .any(|o| o.open >= sentence.first && o.open < sentence.end)
            });
            self.of(words, cues, next).filter(|a| quotes_on && a.after)
        });
        found
    }

    /// The speaker of the last statement attributed before sentence `s` ("le communiqué").
    fn statement_issuer(&mut self, words: &Words, cues: &Cues, s: usize) -> Option<Span> {
        (s.saturating_sub(STATEMENT_LOOKBACK)..s)
            .rev()
            .find_map(|p| {
                self.of(words, cues, p)
                    .filter(|a| a.statement)
                    .and_then(|a| a.speaker)
            })
    }
}

/// Whether the words of quotation `q` are written as a name or a title: every word of more
/// than three letters capitalised ("Celebrity Apprentice", "In God We Trust", "Homeland").
fn is_title(doc: &Doc, q: &Quoted) -> bool {
    let mut long = (q.open + 1..q.close)
        .filter(|&k| doc.tokens.get(k).is_some_and(|t| t.kind == TokenKind::Word))
        .map(|k| doc.tok(k))
        .filter(|w| w.chars().count() > 3)
        .peekable();
    long.peek().is_some() && long.all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether the sentence of quotation `q` has a speech verb or a source word outside quotations.
fn cued(words: &Words, cues: &Cues, quoted: &[Quoted], q: &Quoted) -> bool {
    let doc = words.doc;
    let Some(sentence) = doc.sentences.get(doc.sentence_at(q.span.start)) else {
        return false;
    };
    let scope = Scope {
        first: sentence.first,
        end: sentence.end,
        quotes: quoted,
    };
    (sentence.first..sentence.end).any(|k| {
        !scope.inside_quote(k)
            && (cues
                .verbs
                .end_at(words, k, sentence.end, &cues.skip)
                .is_some()
                || cues
                    .sources
                    .end_at(words, k, sentence.end, &cues.skip)
                    .is_some())
    })
}

/// How many words a found quote holds.
fn words_in(doc: &Doc, f: &Found) -> usize {
    f.pieces
        .iter()
        .map(|p| {
            p.slice(doc.text)
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count()
        })
        .sum()
}

/// How many tokens a reporting clause between two pieces of one quote may have ("he said
/// during a speech in San Jose, Calif.", "Sen. Richard Blumenthal (D-Conn.) said ahead of the
/// vote").
const MAX_INCISE_TOKENS: usize = 20;

/// Whether quotation `q` goes on quotation `p` past a reporting clause between them, in the
/// same paragraph ("“…,” she said. “…”", "« …, a-t-il dit, … »").
fn continues(words: &Words, cues: &Cues, p: &Quoted, q: &Quoted) -> bool {
    let (from, to) = (p.close + 1, q.open);
    if to <= from || to - from > MAX_INCISE_TOKENS {
        return false;
    }
    let same_paragraph = words
        .doc
        .text
        .get(p.span.end..q.span.start)
        .is_some_and(|gap| !gap.contains("\n\n"));
    // One clause: it ends where the quote resumes, with a period or a comma, and holds no
    // other sentence end ("…,” said the ministry. The UN said: “…”" is two quotes).
    let one_clause = matches!(words.raw(to - 1), "." | ",")
        && (from..to - 1)
            .all(|k| !matches!(words.raw(k), "." | ":" | "!" | "?") || is_abbreviation(words, k));
    same_paragraph
        && one_clause
        && (from..to).any(|k| cues.verbs.end_at(words, k, to, &cues.skip).is_some())
}

/// Whether token `k` is the period of an initial or honorific ("Mr.", "M.", "Sen."), or of an
/// abbreviation that a bracket or a comma follows ("(D-Conn.)", "Calif., on").
fn is_abbreviation(words: &Words, k: usize) -> bool {
    let initial = k > 0 && words.is_capitalized(k - 1) && words.raw(k - 1).chars().count() <= 3;
    words.raw(k) == "." && (initial || matches!(words.raw(k + 1), ")" | ","))
}

/// Direct when the quotation is a statement of its own: it opens its sentence, follows a
/// colon, or is a capitalised sentence ending with its own final punctuation. Partial when
/// a few quoted words sit inside the outlet's sentence.
fn kind_of(doc: &Doc, q: &Quoted) -> QuoteKind {
    let capital = doc.tokens.get(q.open + 1).is_some_and(|t| {
        t.span
            .slice(doc.text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    });
    let final_punct = q.close > q.open + 1
        && doc
            .tokens
            .get(q.close - 1)
            .is_some_and(|t| matches!(t.span.slice(doc.text), "." | "!" | "?" | "…"));
    if stands_alone(doc, q) || (capital && final_punct) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// Whether quotation `q` opens its sentence or follows a colon.
fn stands_alone(doc: &Doc, q: &Quoted) -> bool {
    let sentence = doc.sentences.get(doc.sentence_at(q.span.start));
    let opens_sentence = sentence.is_some_and(|s| {
        (s.first..q.open).all(|j| {
            doc.tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Punct && doc.tok(j) != ",")
        })
    });
    let after_colon = q.open > 0
        && doc
            .tokens
            .get(q.open - 1)
            .is_some_and(|t| t.span.slice(doc.text) == ":");
    opens_sentence || after_colon
}

#[cfg(test)]
mod tests;
