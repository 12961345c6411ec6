//! Who a quotation is attributed to: the speaker phrase next to a speech verb or a source word
//! of the quote's sentence ("a déclaré le Hamas", "selon le Hamas", "the ministry said"), or of
//! the next sentence when it continues the quotation, or the issuer of a statement.

use storyline_model::Span;

use super::cues::Cues;
use super::marks::Quoted;
use crate::entities::Words;
use crate::text::TokenKind;

/// The longest speaker phrase, in tokens.
const MAX_SPEAKER_TOKENS: usize = 12;

/// The attribution found in one sentence.
#[derive(Debug, Clone, Copy)]
pub struct Attribution {
    /// The speaker as written; `None` for a bare "le communiqué", which names no one itself.
    pub speaker: Option<Span>,
    /// Whether the speaker follows its cue ("a déclaré le Hamas"), as after a quotation.
    pub after: bool,
    /// Whether the sentence says the words come from a statement ("dans un communiqué").
    pub statement: bool,
    /// Whether the speaker is a pronoun ("he added", "a-t-il dit"): the caller resolves it to
    /// the last named speaker.
    pub pronoun: bool,
}

/// One sentence seen by the attribution rules: its token range and quotations.
pub struct Scope<'q> {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// All quotations of the document, outermost ones in text order (as [`super::marks::find`]
    /// gives them).
    pub quotes: &'q [Quoted],
}

impl Scope<'_> {
    /// Whether token `j` is inside a quotation, marks included.
    pub fn inside_quote(&self, j: usize) -> bool {
        // The quotations are outermost ones in text order: a binary search finds the one that
        // could hold `j` (this runs for every token of every sentence).
        let i = self.quotes.partition_point(|q| q.close < j);
        self.quotes.get(i).is_some_and(|q| q.open <= j)
    }
}

/// The attribution of a sentence, if it has one.
pub fn attribution(words: &Words, cues: &Cues, scope: &Scope) -> Option<Attribution> {
    let statement = (scope.first..scope.end).any(|j| {
        let linked = || {
            cues.statement_links
                .end_at(words, j, scope.end, &cues.skip)
                .is_some_and(|e| cues.statements.contains(words.key(e)))
        };
        // "the statement from Grimm's attorney": a statement with its issuer.
        let owned = || cues.statements.contains(words.key(j)) && owner_link_len(words, j + 1) > 0;
        !scope.inside_quote(j) && (linked() || owned())
    });
    let outside = || (scope.first..scope.end).filter(|&j| !scope.inside_quote(j));
    let found = |speaker, after| {
        Some(Attribution {
            speaker,
            after,
            statement,
            pronoun: false,
        })
    };
    let pronoun = |after| {
        Some(Attribution {
            speaker: None,
            after,
            statement,
            pronoun: true,
        })
    };
    // The speaker follows the verb only in an inverted incise, after a comma or a quotation
    // ("», a déclaré le Hamas"); elsewhere what follows is the object. Which marks allow it is
    // language data: English needs the quotation itself. An incise right after the quotation
    // names its speaker even when "according to" follows ("…,” Mr. Steele said, according to
    // a video"): the video is where the words were heard, not who said them.
    let inverted =
        |j: usize| j > scope.first && cues.inversion_after.iter().any(|m| m == words.raw(j - 1));
    for j in outside() {
        // "», a-t-il ajouté", "», estime-t-elle": the subject pronoun is bound to its verb.
        if inverted(j) && is_inverted_pronoun(words.key(j)) {
            return pronoun(true);
        }
        let Some(e) = cues.verbs.end_at(words, j, scope.end, &cues.skip) else {
            continue;
        };
        if inverted(j) {
            match speaker_after(words, cues, scope, e) {
                Some(speaker) => return found(speaker, true),
                None if pronoun_at(words, cues, scope, e) => return pronoun(true),
                None => {}
            }
        }
        // "“…,” Mr. Steele said": the speaker sits between the quotation and the verb.
        if let Some(span) = speaker_before(words, cues, scope, j) {
            let start = words
                .doc
                .tokens
                .partition_point(|t| t.span.start < span.start);
            if inverted(start) {
                return found(Some(span), false);
            }
        }
    }
    // "selon X" says whose words these are, even when a verb has its own subject:
    // "Le diplomate a rappelé la « position… », selon le communiqué".
    for j in outside() {
        if let Some(e) = cues.sources.end_at(words, j, scope.end, &cues.skip) {
            if let Some(speaker) = speaker_after(words, cues, scope, e) {
                // "According to The Hill, Clinton criticized … « secrecy »": the outlet is
                // where it was read; the words are the subject's.
                if let Some(subject) = subject_after_source(words, cues, scope, j, speaker) {
                    return found(Some(subject), false);
                }
                return found(speaker, true);
            }
        }
    }
    for j in outside() {
        if cues.verbs.end_at(words, j, scope.end, &cues.skip).is_some() {
            if let Some(span) = speaker_before(words, cues, scope, j) {
                // "The statement said": whoever issued the statement quoted before.
                if is_bare_statement(words, cues, span) {
                    return found(None, false);
                }
                return found(Some(span), false);
            }
            if pronoun_before(words, cues, scope, j) {
                return pronoun(false);
            }
        }
    }
    // "LePage offered … comments, saying, “…”": the participle's subject opens the sentence.
    let participle = outside().any(|j| {
        j > scope.first && words.raw(j - 1) == "," && cues.participles.contains(words.key(j))
    });
    if participle {
        if let Some(name) = opening_name(words, cues, scope) {
            return found(Some(name), false);
        }
        if pronoun_before(words, cues, scope, scope.first + 1) {
            return pronoun(false);
        }
    }
    None
}

/// Whether the phrase `span` is a statement with no issuer: "The statement", "the release".
fn is_bare_statement(words: &Words, cues: &Cues, span: Span) -> bool {
    let tokens = &words.doc.tokens;
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let end = tokens.partition_point(|t| t.span.end <= span.end);
    let noun = if end == first + 2 && cues.determiners.contains(words.key(first)) {
        first + 1
    } else {
        first
    };
    end == noun + 1 && cues.statements.contains(words.key(noun))
}

/// The name the sentence of `scope` opens with: the subject of a participle after a comma
/// ("LePage offered … comments, saying, “…”"; "La BCE a abaissé ses taux, jugeant que …").
pub fn opening_name(words: &Words, cues: &Cues, scope: &Scope) -> Option<Span> {
    name_at(words, cues, scope, scope.first).map(|(span, _)| span)
}

/// The name written at token `start`: capitalised words (and the periods of initials and
/// honorifics, "Gov. Paul LePage"); its span and end token.
fn name_at(words: &Words, cues: &Cues, scope: &Scope, start: usize) -> Option<(Span, usize)> {
    let mut end = start;
    while end < start + MAX_SPEAKER_TOKENS
        && in_phrase(words, cues, scope, end)
        && (words.is_capitalized(end) || words.raw(end) == ".")
    {
        end += 1;
    }
    (end > start && !is_pronoun(words, cues, start, end)).then(|| (span_of(words, start, end), end))
}

/// The name that follows "According to X," when the source opens the sentence: the subject
/// of its clause ("According to The Hill, Clinton criticized …").
fn subject_after_source(
    words: &Words,
    cues: &Cues,
    scope: &Scope,
    cue: usize,
    source: Option<Span>,
) -> Option<Span> {
    let opens = (scope.first..cue).all(|k| !words.is_word(k));
    let source = source?;
    let comma = words
        .doc
        .tokens
        .partition_point(|t| t.span.end <= source.end);
    if !opens || words.raw(comma) != "," {
        return None;
    }
    let (name, end) = name_at(words, cues, scope, comma + 1)?;
    // A verb follows the name: "Clinton criticized", not "Clinton, Trump and …".
    (end < scope.end && words.is_word(end) && !words.is_capitalized(end)).then_some(name)
}

/// Whether a pronoun stands right after the cue ending at `k` ("», a-t-il dit", "” he said").
fn pronoun_at(words: &Words, cues: &Cues, scope: &Scope, k: usize) -> bool {
    let start = cues.skip.skip_all(words, k, scope.end);
    let mut end = start;
    while end < scope.end && end < start + 2 && in_phrase(words, cues, scope, end) {
        end += 1;
    }
    end > start && is_pronoun(words, cues, start, end)
}

/// The start of the run of single-word skip words (adverbs) that ends at token `verb`.
fn adverbs_before(words: &Words, cues: &Cues, scope: &Scope, mut verb: usize) -> usize {
    while verb > scope.first + 1 && cues.skip.has_word(words.key(verb - 1)) {
        verb -= 1;
    }
    verb
}

/// Whether the subject right before the verb at `verb` is a pronoun ("He added, “…”").
pub fn pronoun_before(words: &Words, cues: &Cues, scope: &Scope, verb: usize) -> bool {
    let verb = adverbs_before(words, cues, scope, verb);
    let start = verb.saturating_sub(1);
    start >= scope.first
        && in_phrase(words, cues, scope, start)
        && is_pronoun(words, cues, start, verb)
}

/// Whether token `j` may be part of a speaker phrase.
fn in_phrase(words: &Words, cues: &Cues, scope: &Scope, j: usize) -> bool {
    let Some(t) = words.doc.tokens.get(j) else {
        return false;
    };
    if j < scope.first
        || j >= scope.end
        || scope.inside_quote(j)
        || cues.stops.contains(words.key(j))
        // "a indiqué la même source précisant que": the participle opens what was said.
        || cues.participles.contains(words.key(j))
    {
        return false;
    }
    match t.kind {
        TokenKind::Word | TokenKind::Elision | TokenKind::Number => true,
        // The period of an initial or honorific: "M. Bogdanov"; not the end of "la DGS. Les".
        TokenKind::Punct => {
            let before = words.raw(j.saturating_sub(1));
            let acronym = before.chars().count() > 1 && before.chars().all(|c| !c.is_lowercase());
            words.raw(j) == "."
                && j > scope.first
                && before.chars().count() <= 3
                && !acronym
                && words.is_capitalized(j - 1)
                && words.is_capitalized(j + 1)
        }
    }
}

/// The speaker after a cue ending at token `k`: `Some(None)` for a bare statement.
pub fn speaker_after(words: &Words, cues: &Cues, scope: &Scope, k: usize) -> Option<Option<Span>> {
    let start = cues.skip.skip_all(words, k, scope.end);
    let end = phrase_end(words, cues, scope, start);
    // Words cut short by a quotation are the verb's object: "a rappelé la « position… »".
    let cut_by_quote = scope.inside_quote(end) && end < scope.end;
    if end == start || cut_by_quote || is_pronoun(words, cues, start, end) {
        return None;
    }
    // "un communiqué du mouvement" is the movement's; "le communiqué" alone names no one.
    let statement_at =
        (start..(start + 2).min(end)).find(|&j| cues.statements.contains(words.key(j)));
    if let Some(s) = statement_at {
        let owner = s + 1 + owner_link_len(words, s + 1);
        // The link may be a stop word that ended the phrase: "the statement from …".
        let end = if owner > s + 1 && owner >= end {
            phrase_end(words, cues, scope, owner)
        } else {
            end
        };
        if owner == s + 1 || owner >= end {
            return Some(None);
        }
        let end = apposed_name_end(words, cues, scope, end);
        return Some(Some(span_of(words, owner, end)));
    }
    let end = apposed_name_end(words, cues, scope, end);
    Some(Some(span_of(words, start, end)))
}

/// The end of the speaker phrase that starts at token `start`, with the acronym in brackets
/// that may follow it.
fn phrase_end(words: &Words, cues: &Cues, scope: &Scope, start: usize) -> usize {
    let mut end = start;
    while end < start + MAX_SPEAKER_TOKENS && in_phrase(words, cues, scope, end) {
        end += 1;
    }
    past_acronym(words, scope, end)
}

/// Past the name in apposition to a title that ends at token `end`: "the statement from
/// Grimm's attorney, William McGinley" names McGinley.
fn apposed_name_end(words: &Words, cues: &Cues, scope: &Scope, end: usize) -> usize {
    let titled = end > scope.first && cues.person_titles.contains(words.key(end - 1));
    if !titled || words.raw(end) != "," {
        return end;
    }
    name_at(words, cues, scope, end + 1).map_or(end, |(_, e)| e)
}

/// Past the acronym in brackets that may follow a name at token `end`: "la Commission de
/// régulation de l'énergie (CRE)".
fn past_acronym(words: &Words, scope: &Scope, end: usize) -> usize {
    let acronym = |k: usize| {
        let w = words.raw(k);
        w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() && !c.is_lowercase())
    };
    let bracketed = end + 2 < scope.end
        && words.raw(end) == "("
        && words.raw(end + 2) == ")"
        && (words.is_capitalized(end + 1) || acronym(end + 1));
    if bracketed {
        end + 3
    } else {
        end
    }
}

/// The speaker before the verb at token `verb`, past the adverbs just before it ("He later
/// said", "Liz Cheney reportedly said").
pub fn speaker_before(words: &Words, cues: &Cues, scope: &Scope, verb: usize) -> Option<Span> {
    let verb = adverbs_before(words, cues, scope, verb);
    // The apposition stays in the speaker: it may be the name ("le Premier ministre, Édouard
    // Philippe, a promis") or qualify it ("Sen. John Cornyn, R-Texas, said").
    let (name_end, end) = match apposition_before(words, scope, verb) {
        // "Kay, who said little, said": a relative clause is not part of the name.
        Some(open) if cues.relatives.contains(words.key(open + 1)) => (open, open),
        Some(open) if words.raw(verb - 1) == "," => (open, verb - 1),
        Some(open) => (open, verb),
        None => (verb, verb),
    };
    let mut start = name_end;
    while start > scope.first
        && name_end - start < MAX_SPEAKER_TOKENS
        && in_phrase(words, cues, scope, start - 1)
    {
        start -= 1;
    }
    if start == name_end || is_pronoun(words, cues, start, name_end) {
        return None;
    }
    Some(span_of(words, start, end))
}

/// The longest apposition between a name and its verb.
const MAX_APPOSITION_TOKENS: usize = 8;

/// The start of an apposition or bracket that ends right before token `verb`: "Sen. John
/// Cornyn, R-Texas, said", "Sen. Richard Blumenthal (D-Conn.) said", "Grimm's lawyer, William
/// McGinley, said".
fn apposition_before(words: &Words, scope: &Scope, verb: usize) -> Option<usize> {
    let close = verb.checked_sub(1).filter(|&c| c > scope.first)?;
    let open_mark = match words.raw(close) {
        "," => ",",
        ")" => "(",
        _ => return None,
    };
    let low = close.saturating_sub(MAX_APPOSITION_TOKENS).max(scope.first);
    let open = (low..close)
        .rev()
        .take_while(|&k| !scope.inside_quote(k))
        .find(|&k| words.raw(k) == open_mark)?;
    (open > scope.first && open + 1 < close).then_some(open)
}

/// The phrase that opens the sentence when a comma ends it: the subject of a verb that comes
/// after an insertion ("Trump, who placed second in a poll, said …").
pub fn subject_at(words: &Words, cues: &Cues, scope: &Scope) -> Option<Span> {
    let start = scope.first;
    let mut end = start;
    while end < start + MAX_SPEAKER_TOKENS && in_phrase(words, cues, scope, end) {
        end += 1;
    }
    let named = end > start && words.raw(end) == "," && !is_pronoun(words, cues, start, end);
    named.then(|| span_of(words, start, end))
}

/// Whether a word is a verb with its subject pronoun bound after it ("a-t-il", "dit-elle"):
/// the speaker is then the last one named. "a-t-on" names no one.
fn is_inverted_pronoun(key: &str) -> bool {
    ["-il", "-elle", "-ils", "-elles"]
        .iter()
        .any(|p| key.len() > p.len() + 1 && key.ends_with(p))
}

/// Whether tokens `start..end` are only a pronoun.
fn is_pronoun(words: &Words, cues: &Cues, start: usize, end: usize) -> bool {
    cues.pronouns.end_at(words, start, end, &cues.skip) == Some(end)
}

/// Length of the link between a statement and its issuer ("du", "de la", "of", "from").
fn owner_link_len(words: &Words, j: usize) -> usize {
    match (words.key(j), words.key(j + 1)) {
        ("de", "la" | "l'") => 2,
        ("du" | "des" | "de" | "d'" | "of" | "from" | "by" | "par", _) => 1,
        _ => 0,
    }
}

/// The byte span of tokens `first..end`.
fn span_of(words: &Words, first: usize, end: usize) -> Span {
    let tokens = &words.doc.tokens;
    let start = tokens.get(first).map_or(0, |t| t.span.start);
    Span::new(
        start,
        tokens
            .get(end.saturating_sub(1))
            .map_or(start, |t| t.span.end),
    )
}
