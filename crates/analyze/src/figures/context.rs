//! What a figure counts, read from the words around the number: the counted noun phrase
//! ("colons et soldats israéliens"), the kind of count ("tués", "blessés", "la capture de")
//! and the place ("à Gaza").

use storyline_model::{Entity, EntityType, FigureKind, Span, TimeExpr};

use super::phrase::Lowered;
use super::rules::FigureLang;
use crate::text::{Doc, Sentence, TokenKind};

/// Tokens after a number that may still describe it ("sont tombés en martyre").
const AFTER_WINDOW: usize = 6;
/// Tokens before a number that may say what it counts ("la mort de").
const BEFORE_WINDOW: usize = 3;

/// How many tokens may open a sentence before a count that is still its subject
/// ("Mardi, douze touristes …", "Les trois occupants …").
const SUBJECT_REACH: usize = 3;
/// How far after a subject count its verb may be ("Deux ouvriers qui effectuaient des travaux
/// sur la voie entre A et B ont été tués" spans 16).
const VERB_REACH: usize = 18;
/// Longest counted noun phrase, in words.
const WHO_MAX: usize = 6;

/// The counted noun phrase that starts at token `j`: its token range, possibly empty.
/// It stops at a time expression ("élus dimanche soir").
pub(super) fn who(
    doc: &Doc,
    low: &Lowered,
    l: &FigureLang,
    s: &Sentence,
    j: usize,
    times: &[TimeExpr],
) -> (usize, usize) {
    let is_word = |k: usize| {
        k < s.end
            && doc
                .tokens
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Word && !in_times(t.span, times))
    };
    let content = |k: usize| {
        is_word(k) && !l.who_stop.contains(low.get(k)) && !l.who_join.contains(low.get(k))
    };
    let mut end = j;
    let mut words = 0;
    while words < WHO_MAX {
        if content(end) {
            end += 1;
            words += 1;
        } else if words > 0 && l.who_join.contains(low.get(end)) && content(end + 1) {
            end += 2;
            words += 2;
        } else {
            break;
        }
    }
    (j, end)
}

fn in_times(span: Span, times: &[TimeExpr]) -> bool {
    times
        .iter()
        .any(|x| x.span.start <= span.start && span.end <= x.span.end)
}

/// The first kind word in tokens `from..to`, stopping at punctuation, another number or a
/// join ("a contaminé 597 personnes et fait neuf morts": the deaths are not the 597).
fn kind_in(doc: &Doc, low: &Lowered, l: &FigureLang, from: usize, to: usize) -> Option<FigureKind> {
    let mut k = from;
    while k < to {
        match doc.tokens.get(k).map(|t| t.kind) {
            Some(TokenKind::Punct | TokenKind::Number) | None => return None,
            _ if l.who_join.contains(low.get(k)) => return None,
            _ => {}
        }
        if let Some((_, kind)) = l.kinds.at(low, k) {
            return Some(*kind);
        }
        k += 1;
    }
    None
}

/// The kind read in the counted noun, then just before the number, then in the rest of the clause.
pub(super) fn kind(
    doc: &Doc,
    low: &Lowered,
    l: &FigureLang,
    s: &Sentence,
    start: usize,
    who: (usize, usize),
) -> Option<FigureKind> {
    if let Some(k) = kind_in(doc, low, l, who.0, who.1) {
        return Some(k);
    }
    // Back to the clause's start, another number or a joined phrase ("des décès et 2 000 cas").
    let mut k = start;
    let floor = start.saturating_sub(BEFORE_WINDOW).max(s.first);
    while k > floor {
        k -= 1;
        let stops = doc
            .tokens
            .get(k)
            .is_some_and(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Number));
        if stops || l.who_join.contains(low.get(k)) {
            break;
        }
        // "109 802 décès pour 1 920 061 cas": a kind word right after a number is that number's.
        let owned = k > 0
            && doc
                .tokens
                .get(k - 1)
                .is_some_and(|t| t.kind == TokenKind::Number);
        if let Some((_, kind)) = l.kinds.at(low, k).filter(|_| !owned) {
            return Some(*kind);
        }
    }
    kind_in(doc, low, l, who.1, (who.1 + AFTER_WINDOW).min(s.end)).or_else(|| {
        let subject = who.0 < who.1 && start.saturating_sub(s.first) <= SUBJECT_REACH;
        subject
            .then(|| subject_kind(doc, low, l, who.1, (who.1 + VERB_REACH).min(s.end)))
            .flatten()
    })
}

/// The kind of a count that opens its sentence, read further on in the sentence: as the
/// subject, its verb may come after an aside or an age ("Huit personnes, dont six enfants, ont
/// été blessées", "Deux femmes de 22 et 33 ans sont mortes"). A kind word next to another
/// number is that number's ("…, faisant 3 morts", "315 nouveaux décès", "tuant 5 personnes").
fn subject_kind(
    doc: &Doc,
    low: &Lowered,
    l: &FigureLang,
    from: usize,
    to: usize,
) -> Option<FigureKind> {
    let is_number = |k: usize| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Number)
    };
    (from..to).find_map(|k| {
        let (n, kind) = l.kinds.at(low, k)?;
        let owned = (k.saturating_sub(2)..k).any(is_number) || is_number(k + n);
        (!owned).then_some(*kind)
    })
}

/// The place of a figure spanning `at`: the nearest place entity of its sentence (one after a
/// place preposition first), else the
/// nearest capitalized word after a place preposition ("à Gaza", "in the West Bank") that no
/// entity of another type covers ("à Vladimir Poutine" is a person when the recognizer says so).
pub(super) fn place(
    doc: &Doc,
    low: &Lowered,
    l: &FigureLang,
    s: &Sentence,
    at: Span,
    times: &[TimeExpr],
    entities: &[Entity],
) -> Option<String> {
    let distance = |sp: &Span| sp.start.abs_diff(at.start).min(sp.end.abs_diff(at.end));
    // A place entity after a place preposition ("à Gaza") wins over a nearer one that is a
    // party ("entre Israël et le Hamas").
    let after_preposition = |sp: &Span| {
        let k = doc.tokens.partition_point(|t| t.span.start < sp.start);
        k > 0 && l.place_before.contains(low.get(k - 1))
    };
    let from_entities = entities
        .iter()
        .filter(|e| e.kind == EntityType::LOC)
        .flat_map(|e| e.spans.iter())
        .filter(|sp| s.span.start <= sp.start && sp.end <= s.span.end)
        .min_by_key(|sp| (!after_preposition(sp), distance(sp)));
    if let Some(sp) = from_entities {
        return Some(sp.slice(doc.text).to_string());
    }
    let capitalized = |k: usize| {
        k < s.end
            && doc.tokens.get(k).is_some_and(|t| {
                let word = t.span.slice(doc.text);
                t.kind == TokenKind::Word
                    && word.starts_with(char::is_uppercase)
                    && word.chars().nth(1).is_some()
                    && !in_times(t.span, times)
                    && !entities
                        .iter()
                        .flat_map(|e| &e.spans)
                        .any(|e| e.start <= t.span.start && t.span.end <= e.end)
            })
    };
    let mut best: Option<Span> = None;
    for k in s.first..s.end {
        if !l.place_before.contains(low.get(k)) {
            continue;
        }
        let mut m = k + 1;
        if l.place_articles.contains(low.get(m)) {
            m += 1;
        }
        let mut e = m;
        while capitalized(e) {
            e += 1;
        }
        let (Some(a), Some(b)) = (doc.tokens.get(m), doc.tokens.get(e.wrapping_sub(1))) else {
            continue;
        };
        if e == m {
            continue;
        }
        let sp = Span::new(a.span.start, b.span.end);
        if best.is_none_or(|x| distance(&sp) < distance(&x)) {
            best = Some(sp);
        }
    }
    best.map(|sp| sp.slice(doc.text).to_string())
}
