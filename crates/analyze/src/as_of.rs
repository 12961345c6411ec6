//! As-of dates: the day a figure is valid for and the day a quote was said, taken from the
//! time expression that governs their sentence ("Mardi soir, 17 personnes ont été
//! interpellées", "« Nous ne reculerons pas », a déclaré mardi le ministre"). Only days the
//! text gives are used: a figure or quote whose sentence dates nothing keeps a null date.

use storyline_model::{Figure, Quote, Span, TimeExpr};

use crate::text::Doc;
use crate::times::TimeRules;

/// Dates the figures and quotes of one article from the days its time expressions give (found
/// once for both). A figure with no `as_of` yet (its attribution did not date it) takes the
/// nearest day its sentence dates. A quote takes the nearest day dated in the sentences it
/// spans, outside its own words: a date inside the quotation ("« nous partirons mardi »") is
/// what is said, not when.
pub fn date(
    rules: &TimeRules,
    doc: &Doc,
    lang: &str,
    times: &[TimeExpr],
    figures: &mut [Figure],
    quotes: &mut [Quote],
) {
    let days = rules.event_days(doc, lang, times);
    for f in figures.iter_mut().filter(|f| f.as_of.is_none()) {
        let sentence = doc.sentence_at(f.span.start);
        f.as_of = nearest(&days, sentence..=sentence, f.span, false);
    }
    for q in quotes.iter_mut().filter(|q| q.as_of.is_none()) {
        let first = doc.sentence_at(q.span.start);
        let last = doc.sentence_at(q.span.end.saturating_sub(1).max(q.span.start));
        q.as_of = nearest(&days, first..=last, q.span, true);
    }
}

/// The value of the day of `days` in `sentences` nearest `span`, leaving out those inside
/// `span` when `outside` is set.
fn nearest(
    days: &[(usize, &TimeExpr)],
    sentences: std::ops::RangeInclusive<usize>,
    span: Span,
    outside: bool,
) -> Option<String> {
    let distance = |t: &TimeExpr| {
        if t.span.end <= span.start {
            span.start - t.span.end
        } else {
            t.span.start.saturating_sub(span.end)
        }
    };
    let inside = |t: &TimeExpr| t.span.start >= span.start && t.span.end <= span.end;
    days.iter()
        .filter(|(s, t)| sentences.contains(s) && !(outside && inside(t)))
        .min_by_key(|(_, t)| distance(t))
        .and_then(|(_, t)| t.value.clone())
}

#[cfg(test)]
mod tests;
