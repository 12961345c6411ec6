//! Indirect (reported) speech: words reported without quote marks, around a speech verb.
//!
//! Three shapes, all of the outlet's own sentence and never inside a quotation:
//! - a complement clause after the verb: "X a affirmé que …", "X told reporters that …";
//! - in English, a clause right after the verb without "that" ("Trump said he has doubts",
//!   "told reporters he", "said Obama has"): after the verbs of `thatless`, when it opens with a
//!   word of `clause_starts` or with a name and an auxiliary;
//! - a clause before an inverted incise: "…, a indiqué la police", "…, officials said".
//!
//! A clause that runs into a quotation ends at its last comma before it; with no comma, the
//! quotation alone is the quote (partial wins over indirect, docs/annotation.md).

use storyline_model::Span;

use super::cues::Cues;
use super::speaker::{self, Scope};
use crate::entities::Words;
use crate::text::TokenKind;

/// How many words a reported clause needs ("she backs the bill").
const MIN_CLAUSE_WORDS: usize = 3;

/// How many words a clause after a quotation needs to be reported speech of its own
/// ("« … », Au total, 7 % des décès …, a détaillé le professeur").
const MIN_WORDS_AFTER_QUOTE: usize = 5;

/// How many tokens an addressee may have ("told Fox News he", "telling lawmakers the").
const MAX_ADDRESSEE_TOKENS: usize = 4;

/// How many words a name opening a clause may have ("said Hillary Clinton has").
const MAX_NAME_TOKENS: usize = 4;

/// How many tokens may stand between a verb and its "que"/"that" ("told HuffPost that",
/// "suggested on the show and in the letter that").
const MAX_OBJECT_TOKENS: usize = 8;

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
    /// The rest of the clause after an incise that cuts it ("An interview, Gowdy argued, would
    /// provide …").
    pub resumes: Option<Span>,
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
        // A capitalised verb inside a sentence is part of a name ("Don't Ask, Don't Tell").
        let named = j > scope.first && words.is_capitalized(j);
        let finite = cues
            .verbs
            .end_at(words, j, scope.end, &cues.skip)
            .filter(|_| !named);
        let verb_end = finite.or_else(|| cues.participles.contains(words.key(j)).then_some(j + 1));
        let Some(verb_end) = verb_end else {
            j += 1;
            continue;
        };
        // A participle has no incise of its own: ", telling lawmakers the bill …" is its object.
        let hit = finite
            .and_then(|_| inverted(words, cues, scope, j, verb_end))
            .or_else(|| complement(words, cues, scope, j, verb_end));
        if let Some(r) = hit {
            // A new stretch ends the one before it ("Many said …, while others said …").
            if let Some(last) = found.last_mut() {
                let cue = words.doc.tokens[j].span.start;
                if last.span.end > cue {
                    last.span.end = trim_end(words, last.span.start, cue);
                }
                last.resumes = last.resumes.filter(|rest| rest.start < cue).map(|rest| {
                    Span::new(rest.start, trim_end(words, rest.start, rest.end.min(cue)))
                });
            }
            found.push(r);
        }
        j = verb_end.max(j + 1);
    }
    found.retain(|r| r.span.end > r.span.start);
    found
}

/// "…, a indiqué la police" / "…, the police said.": the clause from the sentence start (or
/// from the end of a quotation that closes a clause of its own) to the comma before the incise.
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
        .then(|| speaker_after_incise(words, cues, scope, verb_end))
        .flatten()
        .filter(|speaker| match speaker {
            Some(span) => {
                comma_inverts || only_punct_after(words, scope, token_at(words, span.end))
            }
            None => true,
        });
    // `tail`: the token after the incise when the sentence goes on after it.
    let (comma, reporter, tail) = match after {
        Some(Some(span)) => {
            let tail = token_at(words, span.end);
            let goes_on = !only_punct_after(words, scope, tail);
            (verb - 1, Reporter::Named(span), goes_on.then_some(tail))
        }
        // "…, indique le texte": a statement that names no issuer reports for the last speaker.
        Some(None) => (verb - 1, Reporter::Previous, None),
        // … or before it, with nothing but the end of the sentence after ("…, Obama said.") or
        // a comma ("…, officials said, including …").
        None => {
            let after_verb = cues.skip.skip_all(words, verb_end, scope.end);
            let tail = if only_punct_after(words, scope, after_verb) {
                None
            } else if words.raw(after_verb) == "," {
                Some(after_verb)
            } else {
                return None;
            };
            let (start, reporter) = match speaker::speaker_before(words, cues, scope, verb) {
                Some(span) => (token_at(words, span.start), Reporter::Named(span)),
                None if speaker::pronoun_before(words, cues, scope, verb) => {
                    (verb - 1, Reporter::Previous)
                }
                None => return None,
            };
            (start.checked_sub(1)?, reporter, tail)
        }
    };
    if comma <= scope.first || words.raw(comma) != "," {
        return None;
    }
    // An incise after a clause holding a quotation attributes the quotation, unless the
    // quotation closes a clause of its own and a new one follows it.
    let start = match (scope.first..comma).rev().find(|&k| scope.inside_quote(k)) {
        Some(close) => after_quote(words, close, comma)?,
        None => past_dateline(words, scope.first, comma),
    };
    if let Some(span) = clause(words, cues, scope, start, comma) {
        return Some(Reported {
            span,
            reporter,
            resumes: None,
        });
    }
    // "An interview, Gowdy argued, would provide …": an incise after the subject alone; the
    // clause goes on after it.
    let resumes = tail
        .filter(|&t| words.raw(t) == "," && start < comma)
        .and_then(|t| clause(words, cues, scope, t + 1, scope.end))?;
    let from = words.doc.tokens[start].span.start;
    let to = trim_end(words, from, words.doc.tokens[comma - 1].span.end);
    Some(Reported {
        span: Span::new(from, to),
        reporter,
        resumes: Some(resumes),
    })
}

/// The speaker of an inverted incise whose verb ends at token `verb_end`: `Some(None)` for a
/// statement that names no issuer. A comma may close the time of the verb ("a annoncé vendredi
/// 13 décembre, la sécurité routière"). A phrase opening with a pronoun or a number is the
/// verb's clause or object, not its speaker ("…, said she would", "…, ont rapporté 8.654 décès").
fn speaker_after_incise(
    words: &Words,
    cues: &Cues,
    scope: &Scope,
    verb_end: usize,
) -> Option<Option<Span>> {
    let next = cues.skip.skip_all(words, verb_end, scope.end);
    let from = if next > verb_end && words.raw(next) == "," {
        next + 1
    } else {
        verb_end
    };
    let speaker = speaker::speaker_after(words, cues, scope, from)?;
    let first = speaker.map(|span| token_at(words, span.start));
    let not_a_speaker = first.is_some_and(|k| {
        cues.pronouns
            .end_at(words, k, scope.end, &cues.skip)
            .is_some()
            || words.doc.tokens[k].kind == TokenKind::Number
    });
    (!not_a_speaker).then_some(speaker)
}

/// Where reported speech may start after the quotation closing at token `close`, before the
/// comma at `comma`: past the comma that ends the quoted clause ("« … », Au total, …"), or
/// right after a closing mark glued to a new sentence ("…"La France a enregistré …"); `None`
/// when the words after it go on the sentence the quotation is part of.
fn after_quote(words: &Words, close: usize, comma: usize) -> Option<usize> {
    let next = close + 1;
    let start = if words.raw(next) == "," {
        next + 1
    } else if words.is_capitalized(next) {
        next
    } else {
        return None;
    };
    let count = (start..comma)
        .filter(|&k| words.doc.tokens[k].kind != TokenKind::Punct)
        .count();
    (count >= MIN_WORDS_AFTER_QUOTE).then_some(start)
}

/// Past a dateline at token `first` ("MOSCOU - ", "WASHINGTON -- "): a place in capitals
/// and a dash, which belong to the outlet, not to the speaker.
fn past_dateline(words: &Words, first: usize, end: usize) -> usize {
    let mut k = first;
    while k < end && words.is_word(k) && is_all_caps(words.raw(k)) {
        k += 1;
    }
    let dashes = (k..end)
        .take_while(|&d| matches!(words.raw(d), "-" | "–" | "—"))
        .count();
    if k > first && dashes > 0 {
        k + dashes
    } else {
        first
    }
}

/// Whether a word is written in capitals, with two letters or more ("MOSCOU", not "A").
fn is_all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// "X a affirmé que …", "X said (that) …", "précisant que …".
fn complement(
    words: &Words,
    cues: &Cues,
    scope: &Scope,
    verb: usize,
    verb_end: usize,
) -> Option<Reported> {
    let next = cues.skip.skip_all(words, verb_end, scope.end);
    let object_end = (verb_end + MAX_OBJECT_TOKENS).min(scope.end);
    let that = (verb_end..object_end)
        .take_while(|&k| !scope.inside_quote(k) && words.raw(k) != "," && words.raw(k) != ".")
        .find(|&k| cues.complementizers.contains(words.key(k)));
    let start = match that {
        // "a plan that will reopen": "that" after an object and before an auxiliary is a
        // relative pronoun.
        Some(k) if k > next && cues.auxiliaries.contains(words.key(k + 1)) => return None,
        // "tandis que", "so that": a conjunction (a stop word that is no adverb) makes it one.
        Some(k) if k > next && is_conjunction(words, cues, k - 1) => return None,
        Some(k) => k + 1,
        None => bare_clause(words, cues, scope, verb_end - 1, next)?,
    };
    let reporter = reporter_before(words, cues, scope, verb)?;
    let clause = clause(words, cues, scope, start, scope.end)?;
    Some(Reported {
        span: clause,
        reporter,
        resumes: None,
    })
}

/// Whether token `k` ends a speaker phrase without being an adverb or a date of the verb
/// ("tandis", "so"; not "mardi", "Tuesday").
fn is_conjunction(words: &Words, cues: &Cues, k: usize) -> bool {
    let key = words.key(k);
    cues.stops.contains(key) && !cues.skip.has_word(key)
}

/// The start of a clause reported without "that" after the verb whose last word is token
/// `verb` and whose next word (past adverbs) is `next`: "said he …", "told reporters the …",
/// "said Obama has …".
fn bare_clause(
    words: &Words,
    cues: &Cues,
    scope: &Scope,
    verb: usize,
    next: usize,
) -> Option<usize> {
    if next >= scope.end {
        return None;
    }
    // A name and a verb open a clause after any speech verb ("revealed Clinton used"); a
    // determiner or a pronoun only after the verbs that drop "that" ("announced his candidacy").
    if !cues.thatless.contains(words.key(verb)) {
        return named_subject(words, cues, scope, next).then_some(next);
    }
    let opens = |k: usize| {
        cues.clause_starts.contains(words.key(k))
            || named_subject(words, cues, scope, k)
            || is_infinitive(words, cues, k)
    };
    if cues.addressee_verbs.contains(words.key(verb)) {
        // "told reporters he", "telling the paper the accusations": the clause after the
        // addressee.
        let addressee = (next..(next + 1 + MAX_ADDRESSEE_TOKENS).min(scope.end))
            .take_while(|&k| words.is_word(k) && !scope.inside_quote(k))
            .skip(1)
            .find(|&k| opens(k));
        if addressee.is_some() {
            return addressee;
        }
    }
    opens(next).then_some(next)
}

/// Whether token `k` is an infinitive ("rester", "avoir"): a lower-case word with an ending of
/// `infinitive_endings`, not listed in `non_infinitives`.
fn is_infinitive(words: &Words, cues: &Cues, k: usize) -> bool {
    let key = words.key(k);
    words.is_word(k)
        && !words.is_capitalized(k)
        && key.chars().count() > 3
        && cues
            .infinitive_endings
            .iter()
            .any(|e| key.ends_with(e.as_str()))
        && !cues.non_infinitives.contains(key)
}

/// Whether token `k` opens a clause with a name as its subject: a capitalised word or a few,
/// then an auxiliary or a verb in the past ("Obama has", "Hillary Clinton would", "Clinton
/// used").
fn named_subject(words: &Words, cues: &Cues, scope: &Scope, k: usize) -> bool {
    let name_end = (k..(k + MAX_NAME_TOKENS).min(scope.end))
        .take_while(|&j| words.is_capitalized(j))
        .last();
    name_end.is_some_and(|e| {
        let verb = e + 1;
        let key = words.key(verb);
        let past = words.is_word(verb)
            && !words.is_capitalized(verb)
            && cues
                .past_endings
                .iter()
                .any(|end| key.ends_with(end.as_str()));
        verb < scope.end && (past || cues.auxiliaries.contains(key))
    })
}

/// The speaker of a verb that opens reported speech: its subject, a pronoun, a relative
/// pronoun or none for a participle, or the subject that opens the sentence before an
/// insertion ("Trump, who placed second …, said").
fn reporter_before(words: &Words, cues: &Cues, scope: &Scope, verb: usize) -> Option<Reporter> {
    // "La Banque centrale européenne a abaissé ses taux, jugeant que …": a participle after a
    // comma reports for the sentence's subject, not for the object just before the comma. A
    // name of one word there may be a capitalised article or a dateline ("Le", "WASHINGTON"):
    // the last speaker is then the safer guess.
    let after_comma = verb > scope.first && words.raw(verb - 1) == ",";
    if after_comma && cues.participles.contains(words.key(verb)) {
        let subject = speaker::opening_name(words, cues, scope)
            .filter(|span| span.slice(words.doc.text).split_whitespace().count() >= 2);
        return Some(subject.map_or(Reporter::Previous, Reporter::Named));
    }
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
    // "Trump, who placed second …, said": the subject that opens the sentence; "Critics have
    // described … and said": the subject of the verb before, the last named.
    if before.is_some_and(|b| words.raw(b) == ",") {
        return Some(
            speaker::subject_at(words, cues, scope).map_or(Reporter::Previous, Reporter::Named),
        );
    }
    before
        .filter(|&b| cues.coordinators.contains(words.key(b)))
        .map(|_| Reporter::Previous)
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

/// The clause of tokens `start..end`; `None` when too short. A clause that runs into a
/// quotation ends at its last comma or coordinator before it ("he said the bill is dead,
/// calling it a “stunt”", "… et rappelle que « … »"); with neither the quoted words are part
/// of it and the partial quote alone is the quote.
fn clause(words: &Words, cues: &Cues, scope: &Scope, start: usize, end: usize) -> Option<Span> {
    let end = match (start..end).find(|&k| scope.inside_quote(k)) {
        // A sentence end before the mark: the quotation opens a sentence of its own.
        Some(cut) if cut > start && matches!(words.raw(cut - 1), "." | "!" | "?") => cut,
        Some(cut) => (start..cut)
            .rev()
            .find(|&k| words.raw(k) == "," || cues.coordinators.contains(words.key(k)))?,
        None => end,
    };
    let count = (start..end)
        .filter(|&k| words.doc.tokens[k].kind != TokenKind::Punct)
        .count();
    if count < MIN_CLAUSE_WORDS {
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
