//! What is a number but not a figure: dates and years (left to the time rules), clock
//! times, ages, ordinals, phone numbers, scores, labels ("article 49.3") and numbers inside
//! names ("Covid-19", "G7").

use storyline_model::{Entity, Span, TimeExpr};

use super::phrase::Lowered;
use super::rules::FigureLang;
use crate::text::{Doc, Sentence, TokenKind};

/// Whether tokens `a` and `b` touch.
pub(super) fn touch(doc: &Doc, a: usize, b: usize) -> bool {
    match (doc.tokens.get(a), doc.tokens.get(b)) {
        (Some(x), Some(y)) => x.span.end == y.span.start,
        _ => false,
    }
}

fn is_punct(doc: &Doc, i: usize, p: &str) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Punct && t.span.slice(doc.text) == p)
}

/// Whether a minus sign is written right before token `i` of sentence `s` ("-3 points",
/// "(-0,6%)", "(29 %, -3 points)", "se portant à - 43"): a dash after a word, an opening
/// bracket, a comma or a sign, on the
/// same line. Not a hyphen inside a name ("Covid-19"), a range or score ("2-3"), or a dash
/// opening a sentence or a list item.
pub(super) fn minus_before(doc: &Doc, s: &Sentence, i: usize) -> bool {
    let Some(dash) = i.checked_sub(1).filter(|d| *d > s.first) else {
        return false;
    };
    if !(is_punct(doc, dash, "-") || is_punct(doc, dash, "−")) {
        return false;
    }
    let (Some(before), Some(d)) = (doc.tokens.get(dash - 1), doc.tokens.get(dash)) else {
        return false;
    };
    let between = doc.text.get(before.span.end..d.span.start).unwrap_or("\n");
    let opening = before.kind == TokenKind::Punct
        && matches!(before.span.slice(doc.text), "(" | "[" | ":" | "=" | ",");
    !between.contains('\n') && (opening || (before.kind == TokenKind::Word && !between.is_empty()))
}

fn kind(doc: &Doc, i: usize) -> Option<TokenKind> {
    doc.tokens.get(i).map(|t| t.kind)
}

fn inside(span: Span, outer: Span) -> bool {
    outer.start <= span.start && span.end <= outer.end
}

/// Why the number whose digits are token `i` (its reading ending at `end`) is not a figure,
/// or None when it may be one.
pub(super) fn not_a_figure(
    doc: &Doc,
    low: &Lowered,
    l: &FigureLang,
    i: usize,
    end: usize,
    times: &[TimeExpr],
    entities: &[Entity],
) -> Option<&'static str> {
    let tok = doc.tokens.get(i)?;
    if times.iter().any(|t| inside(tok.span, t.span)) {
        return Some("part of a time expression");
    }
    if entities
        .iter()
        .flat_map(|e| &e.spans)
        .any(|s| inside(tok.span, *s))
    {
        return Some("part of a name");
    }
    let text = doc.tok(i);
    if tok.kind == TokenKind::Number
        && text.len() > 1
        && text.starts_with('0')
        && !text[1..].starts_with([',', '.'])
    {
        return Some("leading zero: a code or phone number");
    }
    if kind(doc, end) == Some(TokenKind::Word) && touch(doc, end - 1, end) {
        return Some("glued to a word: an ordinal, clock time or code");
    }
    if i > 0 && touch(doc, i - 1, i) {
        let prev_word_hyphen = is_punct(doc, i - 1, "-")
            && i > 1
            && kind(doc, i - 2) == Some(TokenKind::Word)
            && touch(doc, i - 2, i - 1);
        if prev_word_hyphen || is_punct(doc, i - 1, ":") || is_punct(doc, i - 1, "/") {
            return Some("inside a name, clock time or code");
        }
    }
    if (is_punct(doc, end, ":") || is_punct(doc, end, "/"))
        && touch(doc, end - 1, end)
        && kind(doc, end + 1) == Some(TokenKind::Number)
    {
        return Some("clock time or code");
    }
    // "article 49.3", and "No. 3" with its abbreviation dot.
    let label_before = |k: usize| l.not_after.contains(low.get(k));
    if (i > 0 && label_before(i - 1))
        || (i > 1 && is_punct(doc, i - 1, ".") && touch(doc, i - 2, i - 1) && label_before(i - 2))
    {
        return Some("a label or rank");
    }
    if l.age_before.ending_at(low, 0, i).is_some() {
        return Some("an age");
    }
    if is_punct(doc, end, "-")
        && touch(doc, end - 1, end)
        && l.not_counted.contains(low.get(end + 1))
    {
        return Some("an age (\"45-year-old\")");
    }
    None
}

/// Whether a figure reading is a year used as a modifier ("the 2008 campaign", "2012 election
/// cycle"): four plain digits from 1900 to 2100, with no qualifier and no kind of count.
/// "2000 manifestants" is lost this way; "plus de 2000 manifestants" and "2000 morts" are kept.
pub(super) fn year_like(doc: &Doc, i: usize, qualified: bool, counted_kind: bool) -> bool {
    let text = doc.tokens.get(i).map_or("", |t| t.span.slice(doc.text));
    let year = text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && text
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    year && !qualified && !counted_kind
}
