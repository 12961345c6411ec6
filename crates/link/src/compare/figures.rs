//! Pairs the figures of two articles that count the same thing: conflicts (one count, two
//! values) and progressions (one source's count at two times).
//!
//! "The same thing" means: the same kind of count (`what`), both totals or both sub-counts of
//! the same noun, compatible regions, and compatible dates. Regions come from
//! `data/compare/places.txt`; the Gaza toll and the Israel toll resolve to regions that exclude
//! each other, so they are never paired.

use storyline_model::{Analysis, Figure, FigureKind, Qualifier};

use super::facts::{sentence_of, DayMonth, Facts};
use super::lexicon::{lexicon, Words};
use super::{Conflict, FigureRef, Progression, Side};

/// How far a qualifier lets a value stretch: "quelque 1 140" covers 1 026..1 254 and
/// "plus de 7 028" covers 7 028..7 731. Newsrooms round tolls to a few per cent; a tenth is the
/// customary reading of "about" and keeps "plus de X" from covering any larger number.
const QUALIFIER_SLACK: f64 = 0.10;

/// Counts that only grow: the larger of two such tolls from one source is the later one.
pub fn is_monotone(kind: FigureKind) -> bool {
    matches!(
        kind,
        FigureKind::Killed
            | FigureKind::Injured
            | FigureKind::Captured
            | FigureKind::Displaced
            | FigureKind::Arrested
    )
}

/// Kinds that say what is counted. Money, percentages and "other" carry no counted thing in
/// the model, so two of them cannot be shown to measure the same thing and are never paired.
pub fn is_count(kind: FigureKind) -> bool {
    !matches!(
        kind,
        FigureKind::Money | FigureKind::Percent | FigureKind::Other
    )
}

/// A value as a count states it: the number, its range when it gives one, and its qualifier.
/// What [`values_agree`] compares, so that callers holding no [`Figure`] (a stored series
/// point) need not build one.
#[derive(Debug, Clone, Copy)]
pub struct Stated {
    /// The value (the lower end of a range).
    pub value: f64,
    /// A range's lower end.
    pub low: Option<f64>,
    /// A range's upper end.
    pub high: Option<f64>,
    /// "more than", "about"…
    pub qualifier: Qualifier,
}

impl From<&Figure> for Stated {
    fn from(f: &Figure) -> Stated {
        Stated {
            value: f.value,
            low: f.low,
            high: f.high,
            qualifier: f.qualifier,
        }
    }
}

/// The values a stated count allows, given its qualifier or range.
fn interval(f: Stated) -> (f64, f64) {
    if let (Some(lo), Some(hi)) = (f.low, f.high) {
        return (lo.min(hi), lo.max(hi));
    }
    let v = f.value;
    match f.qualifier {
        Qualifier::Exact => (v, v),
        Qualifier::MoreThan | Qualifier::AtLeast => (v, v * (1.0 + QUALIFIER_SLACK)),
        Qualifier::About => (v * (1.0 - QUALIFIER_SLACK), v * (1.0 + QUALIFIER_SLACK)),
        Qualifier::Nearly => (v * (1.0 - QUALIFIER_SLACK), v),
        Qualifier::UpTo | Qualifier::LessThan => (0.0, v),
    }
}

/// Whether the two counts' allowed values overlap, a qualifier stretching a value by a tenth:
/// when they do not, the qualifiers cannot reconcile them.
pub fn values_agree(x: impl Into<Stated>, y: impl Into<Stated>) -> bool {
    let ((a0, a1), (b0, b1)) = (interval(x.into()), interval(y.into()));
    a0 <= b1 && b0 <= a1
}

/// How two counts of the same thing relate in time.
enum Timing {
    /// Both are valid for the same day (`as_of`): one count on one day.
    SameDate(String),
    /// Both name the same event date.
    SameEvent(DayMonth),
    /// At least one is a running count with no event date.
    Running,
}

/// Whether figures `x` (of a) and `y` (of b) count the same thing, and how in time.
fn same_thing(x: &Figure, fx: &Facts, y: &Figure, fy: &Facts) -> Option<Timing> {
    let lex = lexicon();
    if x.what != y.what || !is_count(x.what) || fx.sub_noun != fy.sub_noun {
        return None;
    }
    match (fx.region, fy.region) {
        (Some(r), Some(s)) if !lex.compatible(r, s) => return None,
        (Some(_), Some(_)) => {}
        // With no place at all, only one authority's own count can be told apart from others.
        (None, None) if fx.source_key.is_some() && fx.source_key == fy.source_key => {}
        _ => return None,
    }
    if let (Some(p), Some(q)) = (fx.people, fy.people) {
        if !lex.compatible(p, q) {
            return None;
        }
    }
    // A stated validity date settles timing: the same day is one count, two days are two
    // states of a running count. Otherwise the event dates of the sentences decide.
    match (&x.as_of, &y.as_of) {
        (Some(p), Some(q)) if p == q => return Some(Timing::SameDate(p.clone())),
        (Some(_), Some(_)) => return Some(Timing::Running),
        _ => {}
    }
    if fx.anchors.is_empty() || fy.anchors.is_empty() {
        return Some(Timing::Running);
    }
    fx.anchors
        .iter()
        .find(|d| fy.anchors.iter().any(|e| d.matches(e)))
        .map(|d| Timing::SameEvent(*d))
}

/// The figure as cited in a conflict or progression.
fn figure_ref(a: &Analysis, side: Side, index: usize, f: &Figure) -> FigureRef {
    FigureRef {
        side,
        index,
        value: f.value,
        low: f.low,
        high: f.high,
        qualifier: f.qualifier,
        source: f.source.clone(),
        source_key: f.source_key.clone(),
        evidence: f.span.slice(&a.text).to_string(),
        sentence: sentence_of(a, f.span).to_string(),
    }
}

/// A value with its qualifier in words: "about 1140".
pub fn value_words(value: f64, low: Option<f64>, high: Option<f64>, q: Qualifier) -> String {
    if let (Some(lo), Some(hi)) = (low, high) {
        return format!("{lo}-{hi}");
    }
    format!("{}{value}", q.prefix())
}

/// "unattributed" or the source key, or the words when there is no key.
fn source_label(f: &Figure) -> String {
    match (&f.source_key, &f.source) {
        (Some(k), _) => k.clone(),
        (None, Some(s)) => format!("\"{s}\""),
        (None, None) => "unattributed".to_string(),
    }
}

/// Which side is earlier, and the rule that decided.
fn order(a: &Analysis, b: &Analysis, x: &Figure, y: &Figure) -> (Option<Side>, String) {
    if let (Some(pa), Some(pb)) = (&a.published.value, &b.published.value) {
        let n = pa.len().min(pb.len());
        if let (Some(ca), Some(cb)) = (pa.get(..n), pb.get(..n)) {
            if ca != cb {
                let earlier = if ca < cb { Side::A } else { Side::B };
                return (Some(earlier), format!("publication dates (a {pa}, b {pb})"));
            }
        }
    }
    if let (Some(ta), Some(tb)) = (&x.as_of, &y.as_of) {
        if ta != tb {
            let earlier = if ta < tb { Side::A } else { Side::B };
            return (Some(earlier), format!("as_of dates (a {ta}, b {tb})"));
        }
    }
    let unknown = |an: &Analysis| {
        an.published
            .value
            .as_deref()
            .unwrap_or("unknown")
            .to_string()
    };
    let dates = format!("publication dates a {}, b {}", unknown(a), unknown(b));
    if is_monotone(x.what) {
        let earlier = if x.value <= y.value { Side::A } else { Side::B };
        let rule = format!(
            "{dates} do not order them; a {} count only grows, so the larger is later",
            x.what.as_str()
        );
        return (Some(earlier), rule);
    }
    (
        None,
        format!(
            "{dates} do not order them and a {} count can fall",
            x.what.as_str()
        ),
    )
}

/// All conflicts and progressions between the figures of `a` and `b`.
pub(crate) fn pair(
    (a, fa): (&Analysis, &[Facts]),
    (b, fb): (&Analysis, &[Facts]),
    days_apart: Option<i64>,
) -> (Vec<Conflict>, Vec<Progression>) {
    let lex = lexicon();
    let mut conflicts = Vec::new();
    let mut progressions = Vec::new();
    for (i, (x, fx)) in a.figures.iter().zip(fa).enumerate() {
        for (j, (y, fy)) in b.figures.iter().zip(fb).enumerate() {
            let Some(timing) = same_thing(x, fx, y, fy) else {
                continue;
            };
            if values_agree(x, y) {
                continue;
            }
            let region = lex
                .narrower(fx.region, fy.region)
                .map(|r| lex.name(r).to_string());
            let same_source = fx.source_key.is_some() && fx.source_key == fy.source_key;
            let same_day = days_apart == Some(0);
            let (ra, rb) = (figure_ref(a, Side::A, i, x), figure_ref(b, Side::B, j, y));
            let sources = if same_source {
                "same source".to_string()
            } else {
                format!(
                    "sources differ ({} vs {})",
                    source_label(x),
                    source_label(y)
                )
            };
            let what = x.what.as_str();
            let place = region
                .clone()
                .unwrap_or_else(|| "place unknown".to_string());
            let values = format!(
                "{} vs {}",
                value_words(x.value, x.low, x.high, x.qualifier),
                value_words(y.value, y.low, y.high, y.qualifier)
            );
            let timing_words = match &timing {
                Timing::SameEvent(d) => {
                    format!("same event date ({} {})", d.day, month_name(d.month))
                }
                Timing::SameDate(d) => format!("same as_of date ({d})"),
                Timing::Running => "running count, no shared event date".to_string(),
            };
            let is_conflict = match timing {
                Timing::SameDate(_) => true,
                Timing::SameEvent(_) => !same_source || same_day,
                Timing::Running => !same_source && same_day,
            };
            // An article that repeats a figure would list the same finding twice.
            let repeated =
                |r: &FigureRef, f: &Figure| r.value == f.value && r.qualifier == f.qualifier;
            if is_conflict {
                if conflicts
                    .iter()
                    .any(|k: &Conflict| k.what == x.what && repeated(&k.a, x) && repeated(&k.b, y))
                {
                    continue;
                }
                conflicts.push(Conflict {
                    a_index: i,
                    b_index: j,
                    what: x.what,
                    region,
                    timing: timing_words,
                    note: format!(
                        "different values for the same count ({what}, {place}): {values}; {sources}"
                    ),
                    a: ra,
                    b: rb,
                });
            } else if same_source {
                let seen = progressions.iter().any(|p: &Progression| {
                    let (pa, pb) = if p.from.side == Side::A {
                        (&p.from, &p.to)
                    } else {
                        (&p.to, &p.from)
                    };
                    p.what == x.what
                        && p.source_key == fx.source_key
                        && repeated(pa, x)
                        && repeated(pb, y)
                });
                if seen {
                    continue;
                }
                let (earlier, basis) = order(a, b, x, y);
                let (from, to) = if earlier == Some(Side::B) {
                    (rb, ra)
                } else {
                    (ra, rb)
                };
                let direction = match earlier {
                    None => "unknown-order",
                    Some(_) if to.value >= from.value => "increase",
                    Some(_) => "decrease",
                };
                let growth_pct = earlier
                    .filter(|_| from.value > 0.0)
                    .map(|_| (to.value - from.value) / from.value * 100.0);
                let names = match (&x.source, &y.source) {
                    (Some(s), Some(t)) if !Words::new(s).iter().eq(Words::new(t).iter()) => {
                        format!("same source under two names (\"{s}\" / \"{t}\")")
                    }
                    _ => "same source".to_string(),
                };
                progressions.push(Progression {
                    a_index: i,
                    b_index: j,
                    what: x.what,
                    region,
                    earlier,
                    direction: direction.to_string(),
                    growth_pct,
                    source_key: fx.source_key.clone(),
                    basis,
                    note: format!(
                        "{what} count ({place}) from {} ({}) to {} ({}), per {}; {names}",
                        value_words(from.value, from.low, from.high, from.qualifier),
                        side_letter(from.side),
                        value_words(to.value, to.low, to.high, to.qualifier),
                        side_letter(to.side),
                        source_label(x)
                    ),
                    from,
                    to,
                });
            }
        }
    }
    (conflicts, progressions)
}

/// "a" or "b".
pub(crate) fn side_letter(s: Side) -> &'static str {
    match s {
        Side::A => "a",
        Side::B => "b",
    }
}

/// English month name for notes.
fn month_name(m: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::Span;

    #[test]
    fn qualifiers_widen_values() {
        let fig = |value, qualifier| Figure {
            value,
            low: None,
            high: None,
            qualifier,
            what: FigureKind::Killed,
            unit: None,
            who: None,
            place: None,
            source: None,
            source_key: None,
            as_of: None,
            part_of: None,
            span: Span::new(0, 0),
        };
        assert!(values_agree(
            &fig(7028.0, Qualifier::MoreThan),
            &fig(7100.0, Qualifier::Exact)
        ));
        assert!(!values_agree(
            &fig(1400.0, Qualifier::Exact),
            &fig(1140.0, Qualifier::About)
        ));
        assert!(!values_agree(
            &fig(7028.0, Qualifier::MoreThan),
            &fig(24762.0, Qualifier::Exact)
        ));
        assert!(values_agree(
            &fig(100.0, Qualifier::LessThan),
            &fig(50.0, Qualifier::Exact)
        ));
    }
}
