//! Indirect (reported) speech: words reported without quote marks, around a speech verb.
//!
//! Three shapes, all of the outlet's own sentence and never inside a quotation:
//! - a complement clause after the verb: "X a affirmé que …", "X told reporters that …";
//! - in English, a clause right after the verb without "that" ("Trump said he has doubts"),
//!   when it opens with a word that starts a clause (data: `clause_starts`);
//! - a clause before an inverted incise: "…, a indiqué la police", "…, officials said".
//!
//! A clause that runs into a quotation is cut there; what is left must still be a clause of its
//! own (a few words), else the quotation alone is the quote (partial wins over indirect).

use storyline_model::Span;

use super::cues::Cues;
use super::speaker::{self, Scope};
use crate::entities::Words;
use crate::text::TokenKind;

/// How many words a reported clause needs ("she backs the bill").
const MIN_CLAUSE_WORDS: usize = 3;

/// How many words a clause cut by a quotation needs: "que la trêve était « fragile »" is the
/// partial quote alone (partial wins over indirect, docs/annotation.md).
const MIN_WORDS_BEFORE_QUOTE: usize = 5;

/// How many tokens may stand between a verb and its "que"/"that" ("told HuffPost that").
const MAX_OBJECT_TOKENS: usize = 6;

/// Who reports the words, as the cues of the sentence say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reporter {
    /// Named in the text.
    Named(Span),
    /// A pronoun, a relative ("qui a précisé que") or a participle ("précisant que"): the last
    /// named speaker.
    Previous,
}

/// One stretch of reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reported {
    /// The reported clause.
    pub span: Span,
    /// Who reports it.
    pub reporter: Reporter,
}

/// The reported speech of sentence `first..end`.
pub fn find(words: &Words, cues: &Cues, scope: &Scope) -> Vec<Reported> {
    let mut found: Vec<Reported> = Vec::new();
    let mut j = scope.first;
    while j < scope.end {
        if scope.inside_quote(j) {
            j += 1;
            continue;
        }
        let verb_end = cues
            .verbs
            .end_at(words, j, scope.end, &cues.skip)
            .or_else(|| cues.participles.contains(words.key(j)).then_some(j + 1));
        let Some(verb_end) = verb_end else {
            j += 1;
            continue;
        };
        let hit = inverted(words, cues, scope, j, verb_end)
            .or_else(|| complement(words, cues, scope, j, verb_end));
        if let Some(r) = hit {
            // A new stretch ends the one before it ("Many said …, while others said …").
            if let Some(last) = found.last_mut() {
                let cue = words.doc.tokens[j].span.start;
                if last.span.end > cue {
                    last.span.end = trim_end(words, last.span.start, cue);
                }
            }
            found.push(r);
        }
        j = verb_end.max(j + 1);
    }
    found.retain(|r| r.span.end > r.span.start);
    found
}

/// "…, a indiqué la police" / "…, the police said.": the clause from the sentence start to the
/// comma before the incise.
fn inverted(
    words: &Words,
    cues: &Cues,
    scope: &Scope,
    verb: usize,
    verb_end: usize,
) -> Option<Reported> {
    // The speaker after the verb ("…, a précisé le parquet"), where the language inverts after
    // a comma or the speaker ends the sentence ("…, said Mr. Kay.") …
    let comma_inverts = cues.inversion_after.iter().any(|m| m == ",");
    let after = (verb > scope.first && words.raw(verb - 1) == ",")
        .then(|| speaker::speaker_after(words, cues, scope, verb_end))
        .flatten()
        .flatten()
        .filter(|span| comma_inverts || only_punct_after(words, scope, token_at(words, span.end)));
    let (comma, reporter) = match after {
        Some(span) => (verb - 1, Reporter::Named(span)),
        // … or before it, with nothing but the end of the sentence after ("…, Obama said.").
        None => {
            if !only_punct_after(words, scope, cues.skip.skip_all(words, verb_end, scope.end)) {
                return None;
            }
            let (start, reporter) = match speaker::speaker_before(words, cues, scope, verb) {
                Some(span) => (token_at(words, span.start), Reporter::Named(span)),
                None if speaker::pronoun_before(words, cues, scope, verb) => {
                    (verb - 1, Reporter::Previous)
                }
                None => return None,
            };
            (start.checked_sub(1)?, reporter)
        }
    };
    // An incise after a clause holding a quotation attributes the quotation.
    let quoting = (scope.first..comma).any(|k| scope.inside_quote(k));
    if comma <= scope.first || words.raw(comma) != "," || quoting {
        return None;
    }
    let clause = clause(words, scope, scope.first, comma)?;
    Some(Reported {
        span: clause,
        reporter,
    })
}

/// "X a affirmé que …", "X said (that) …", "précisant que …".
fn complement(
    words: &Words,
    cues: &Cues,
    scope: &Scope,
    verb: usize,
    verb_end: usize,
) -> Option<Reported> {
    let object_end = (verb_end + MAX_OBJECT_TOKENS).min(scope.end);
    let that = (verb_end..object_end)
        .take_while(|&k| !scope.inside_quote(k) && words.raw(k) != "," && words.raw(k) != ".")
        .find(|&k| cues.complementizers.contains(words.key(k)));
    let start = match that {
        Some(k) => k + 1,
        None => {
            let next = cues.skip.skip_all(words, verb_end, scope.end);
            cues.clause_starts
                .contains(words.key(next))
                .then_some(next)?
        }
    };
    let reporter = reporter_before(words, cues, scope, verb)?;
    let clause = clause(words, scope, start, scope.end)?;
    Some(Reported {
        span: clause,
        reporter,
    })
}

/// The speaker of a verb that opens reported speech: its subject, a pronoun, a relative
/// pronoun or none for a participle, or the subject that opens the sentence before an
/// insertion ("Trump, who placed second …, said").
fn reporter_before(words: &Words, cues: &Cues, scope: &Scope, verb: usize) -> Option<Reporter> {
    if let Some(span) = speaker::speaker_before(words, cues, scope, verb) {
        return Some(Reporter::Named(span));
    }
    let before = verb.checked_sub(1).filter(|&b| b >= scope.first);
    // "l'agence RIA, qui a indiqué que": the relative stands for the phrase before its comma.
    if let Some(b) = before.filter(|&b| cues.relatives.contains(words.key(b))) {
        let antecedent = b
            .checked_sub(1)
            .filter(|&c| words.raw(c) == ",")
            .and_then(|c| speaker::speaker_before(words, cues, scope, c))
            .map(|span| after_last_verb(words, cues, scope, span));
        return Some(antecedent.map_or(Reporter::Previous, Reporter::Named));
    }
    let previous = speaker::pronoun_before(words, cues, scope, verb)
        || cues.participles.contains(words.key(verb));
    if previous {
        return Some(Reporter::Previous);
    }
    if before.is_some_and(|b| words.raw(b) == ",") {
        return speaker::subject_at(words, cues, scope).map(Reporter::Named);
    }
    None
}

/// The words of `span` after the last speech verb in it: "a insisté Olivier Véran" is
/// "Olivier Véran".
fn after_last_verb(words: &Words, cues: &Cues, scope: &Scope, span: Span) -> Span {
    let first = token_at(words, span.start);
    let end = token_at(words, span.end);
    let past_verbs = (first..end)
        .filter_map(|k| cues.verbs.end_at(words, k, end, &cues.skip))
        .max()
        .map(|e| cues.skip.skip_all(words, e, scope.end));
    match past_verbs {
        Some(k) if k < end => Span::new(words.doc.tokens[k].span.start, span.end),
        _ => span,
    }
}

/// The clause of tokens `start..end`, cut at the first quotation; `None` when too short.
fn clause(words: &Words, scope: &Scope, start: usize, end: usize) -> Option<Span> {
    let cut = (start..end).find(|&k| scope.inside_quote(k));
    let end = cut.unwrap_or(end);
    let count = (start..end)
        .filter(|&k| words.doc.tokens[k].kind != TokenKind::Punct)
        .count();
    let needed = if cut.is_some() {
        MIN_WORDS_BEFORE_QUOTE
    } else {
        MIN_CLAUSE_WORDS
    };
    if count < needed {
        return None;
    }
    let from = words.doc.tokens[start].span.start;
    let to = words.doc.tokens[end - 1].span.end;
    Some(Span::new(from, trim_end(words, from, to)))
}

/// `to`, moved back past spaces and the punctuation that closes the outlet's sentence.
fn trim_end(words: &Words, from: usize, to: usize) -> usize {
    let text = words.doc.text.get(from..to).unwrap_or("");
    let kept = text.trim_end_matches(|c: char| c.is_whitespace() || ".,;:!?".contains(c));
    from + kept.len()
}

/// Whether tokens `from..` of the sentence are only punctuation.
fn only_punct_after(words: &Words, scope: &Scope, from: usize) -> bool {
    (from..scope.end).all(|k| words.doc.tokens[k].kind == TokenKind::Punct)
}

/// The index of the token starting at byte `start`.
fn token_at(words: &Words, start: usize) -> usize {
    words.doc.tokens.partition_point(|t| t.span.start < start)
}
