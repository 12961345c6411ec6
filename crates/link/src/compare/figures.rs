//! Pairs the figures of two articles that count the same thing: conflicts (one count, two
//! values) and progressions (one source's count at two times).
//!
//! "The same thing" means: the same kind of count (`what`), both totals or both sub-counts of
//! the same noun, compatible regions, and compatible dates. Regions come from
//! `data/compare/places.txt`; the Gaza toll and the Israel toll resolve to regions that exclude
//! each other, so they are never paired.

use storyline_model::{Analysis, Figure, FigureKind, Qualifier, Span};

use super::lexicon::{lexicon, words, Lexicon, RegionId, Resolution};
use super::{Conflict, FigureRef, Progression, Side};

/// How far a qualifier lets a value stretch: "quelque 1 140" covers 1 026..1 254 and
/// "plus de 7 028" covers 7 028..7 731. Newsrooms round tolls to a few per cent; a tenth is the
/// customary reading of "about" and keeps "plus de X" from covering any larger number.
const QUALIFIER_SLACK: f64 = 0.10;

/// A date named in a figure's sentence: the day of the event the figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct DayMonth {
    year: Option<i32>,
    month: u8,
    day: u8,
}

impl DayMonth {
    /// Same day and month, and the same year when both say.
    fn matches(&self, other: &DayMonth) -> bool {
        self.month == other.month
            && self.day == other.day
            && (self.year.is_none() || other.year.is_none() || self.year == other.year)
    }
}

/// What this module works out about one figure before pairing.
#[derive(Debug, Clone)]
pub(crate) struct Facts {
    /// The region the count is about.
    pub(crate) region: Option<RegionId>,
    /// Which clue gave `region`: `where`, `who`, `sentence`, `previous sentence`, `part_of`.
    pub(crate) region_from: Option<&'static str>,
    /// The region of the people counted ("Palestiniens"), which must also agree when both say.
    people: Option<RegionId>,
    /// The head noun when the figure counts a part of a population (`enfants`).
    sub_noun: Option<String>,
    /// Event dates of the sentence (or the previous one when the sentence has none).
    anchors: Vec<DayMonth>,
    /// The source key, inherited from the whole for a part ("dont 2 913 enfants").
    source_key: Option<String>,
}

/// The index of the sentence holding byte `pos`.
fn sentence_at(a: &Analysis, pos: usize) -> Option<usize> {
    a.sentences.iter().position(|s| s.start <= pos && pos < s.end)
}

/// The sentence around a figure, or the figure's own span when sentences are missing.
pub(crate) fn sentence_of(a: &Analysis, span: Span) -> &str {
    sentence_at(a, span.start)
        .and_then(|i| a.sentences.get(i))
        .map_or(span.slice(&a.text), |s| s.slice(&a.text))
}

/// A day number as written: `7`, `1er`, `1st`, `7th`.
fn day_number(w: &str) -> Option<u8> {
    let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = w.get(digits.len()..).unwrap_or("");
    if !matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

/// Day-and-month dates written in `text` ("le samedi 7 octobre", "October 7, 2023"), skipping
/// those that start a running count ("depuis le 7 octobre"): those do not name one event.
fn dates_in(lex: &Lexicon, text: &str, year_hints: &[(u8, u8, i32)]) -> Vec<DayMonth> {
    let w = words(text);
    let at = |i: usize| w.get(i).map(String::as_str).unwrap_or("");
    let mut out = Vec::new();
    for i in 0..w.len() {
        let (day, month, next) = match (day_number(at(i)), lex.month(at(i + 1))) {
            (Some(d), Some(m)) => (d, m, i + 2),
            _ => match (lex.month(at(i)), day_number(at(i + 1))) {
                (Some(m), Some(d)) => (d, m, i + 2),
                _ => continue,
            },
        };
        let running = (1..=3).any(|back| i >= back && lex.is_running_marker(at(i - back)));
        if running {
            continue;
        }
        let year = at(next)
            .parse::<i32>()
            .ok()
            // A plausible news year only: "7 octobre, 1400 colons" must not read as year 1400.
            .filter(|y| (1900..=2100).contains(y))
            .or_else(|| {
                year_hints
                    .iter()
                    .find(|h| h.0 == month && h.1 == day)
                    .map(|h| h.2)
            });
        let d = DayMonth { year, month, day };
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

/// Resolved day dates of the time expressions inside `span` as (month, day, year): they give
/// the year the words leave out ("le 7 octobre" resolved to 2023-10-07).
fn year_hints(a: &Analysis, span: Span) -> Vec<(u8, u8, i32)> {
    a.times
        .iter()
        .filter(|t| span.start <= t.span.start && t.span.end <= span.end)
        .filter_map(|t| {
            let v = t.value.as_deref()?;
            let mut p = v.split('-');
            let (y, m, d) = (
                p.next()?.parse().ok()?,
                p.next()?.parse().ok()?,
                p.next()?.get(..2)?.parse().ok()?,
            );
            Some((m, d, y))
        })
        .collect()
}

/// The head noun of a counted phrase: its first word.
fn head_noun(who: &str) -> Option<String> {
    words(who).into_iter().next()
}

/// The region a figure's own fields and sentences point to, and which clue decided.
///
/// Order of trust: the `where` field (the analyzer read a place for this count), then the
/// counted noun's nationality ("Palestiniens", "colons et soldats israéliens"), then the
/// sentence's place words, then the previous sentence's ("the 7 October offensive against the
/// settlements of the Gaza envelope" before "1 400 killed" places the toll in Israel: the Gaza
/// envelope is the Israeli side of the border). A sentence naming places that exclude each
/// other decides nothing, and the previous sentence is then not consulted: the count's own
/// sentence is ambiguous, and an earlier sentence cannot settle it.
fn region_of(
    lex: &Lexicon,
    a: &Analysis,
    f: &Figure,
) -> (Option<RegionId>, Option<&'static str>, Option<RegionId>) {
    let resolve = |t: Option<&str>| match t.map(|t| lex.resolve(t)) {
        Some(Resolution::Region(r)) => Some(r),
        _ => None,
    };
    let people = resolve(f.who.as_deref());
    if let Some(r) = resolve(f.place.as_deref()) {
        return (Some(r), Some("where"), people);
    }
    if let Some(r) = people {
        return (Some(r), Some("who"), people);
    }
    let Some(i) = sentence_at(a, f.span.start) else {
        return (None, None, None);
    };
    let sentence = |i: usize| a.sentences.get(i).map(|s| s.slice(&a.text));
    match sentence(i).map(|s| lex.resolve(s)) {
        Some(Resolution::Region(r)) => (Some(r), Some("sentence"), None),
        Some(Resolution::Silent) => match i.checked_sub(1).and_then(sentence).map(|s| lex.resolve(s)) {
            Some(Resolution::Region(r)) => (Some(r), Some("previous sentence"), None),
            _ => (None, None, None),
        },
        _ => (None, None, None),
    }
}

/// Event dates for a figure: those of its sentence, else of the previous sentence (the date of
/// an offensive is often given just before its toll).
fn anchors_of(lex: &Lexicon, a: &Analysis, f: &Figure) -> Vec<DayMonth> {
    let Some(i) = sentence_at(a, f.span.start) else {
        return Vec::new();
    };
    let dates = |i: usize| {
        a.sentences
            .get(i)
            .map_or_else(Vec::new, |s| dates_in(lex, s.slice(&a.text), &year_hints(a, *s)))
    };
    let own = dates(i);
    if own.is_empty() {
        i.checked_sub(1).map_or_else(Vec::new, dates)
    } else {
        own
    }
}

/// The facts of every figure of `a`, parts inheriting what they lack from their whole.
pub(crate) fn facts(a: &Analysis) -> Vec<Facts> {
    let lex = lexicon();
    let own: Vec<Facts> = a
        .figures
        .iter()
        .map(|f| {
            let (region, region_from, people) = region_of(lex, a, f);
            let head = f.who.as_deref().and_then(head_noun);
            let sub_noun = if f.part_of.is_some() || head.as_deref().is_some_and(|h| lex.is_subgroup(h)) {
                Some(head.unwrap_or_default())
            } else {
                None
            };
            Facts {
                region,
                region_from,
                people,
                sub_noun,
                anchors: anchors_of(lex, a, f),
                source_key: f.source_key.clone(),
            }
        })
        .collect();
    own.iter()
        .zip(&a.figures)
        .enumerate()
        .map(|(i, (facts, f))| {
            let mut facts = facts.clone();
            if let Some(whole) = f.part_of.filter(|&p| p != i).and_then(|p| own.get(p)) {
                // A part is counted where its whole is: that beats the sentence's place words,
                // not the part's own `where` or nationality.
                let own_clue = matches!(facts.region_from, Some("where" | "who"));
                if !own_clue && whole.region.is_some() {
                    facts.region = whole.region;
                    facts.region_from = Some("part_of");
                }
                if facts.source_key.is_none() {
                    facts.source_key.clone_from(&whole.source_key);
                }
                if facts.anchors.is_empty() {
                    facts.anchors.clone_from(&whole.anchors);
                }
            }
            facts
        })
        .collect()
}

/// Counts that only grow: the larger of two such tolls from one source is the later one.
pub(crate) fn is_monotone(kind: FigureKind) -> bool {
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
fn is_count(kind: FigureKind) -> bool {
    !matches!(kind, FigureKind::Money | FigureKind::Percent | FigureKind::Other)
}

/// The values a figure allows, given its qualifier or range.
fn interval(f: &Figure) -> (f64, f64) {
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

/// Whether the two figures' allowed values overlap.
fn values_agree(x: &Figure, y: &Figure) -> bool {
    let ((a0, a1), (b0, b1)) = (interval(x), interval(y));
    a0 <= b1 && b0 <= a1
}

/// How two counts of the same thing relate in time.
enum Timing {
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
pub(crate) fn value_words(value: f64, low: Option<f64>, high: Option<f64>, q: Qualifier) -> String {
    if let (Some(lo), Some(hi)) = (low, high) {
        return format!("{lo}-{hi}");
    }
    let word = match q {
        Qualifier::Exact => "",
        Qualifier::MoreThan => "more than ",
        Qualifier::AtLeast => "at least ",
        Qualifier::About => "about ",
        Qualifier::Nearly => "nearly ",
        Qualifier::UpTo => "up to ",
        Qualifier::LessThan => "less than ",
    };
    format!("{word}{value}")
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
    let unknown = |an: &Analysis| an.published.value.as_deref().unwrap_or("unknown").to_string();
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
pub(crate) fn pair(a: &Analysis, b: &Analysis, days_apart: Option<i64>) -> (Vec<Conflict>, Vec<Progression>) {
    let lex = lexicon();
    let (fa, fb) = (facts(a), facts(b));
    let mut conflicts = Vec::new();
    let mut progressions = Vec::new();
    for (i, (x, fx)) in a.figures.iter().zip(&fa).enumerate() {
        for (j, (y, fy)) in b.figures.iter().zip(&fb).enumerate() {
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
                format!("sources differ ({} vs {})", source_label(x), source_label(y))
            };
            let what = x.what.as_str();
            let place = region.clone().unwrap_or_else(|| "place unknown".to_string());
            let values = format!(
                "{} vs {}",
                value_words(x.value, x.low, x.high, x.qualifier),
                value_words(y.value, y.low, y.high, y.qualifier)
            );
            let timing_words = match &timing {
                Timing::SameEvent(d) => format!("same event date ({} {})", d.day, month_name(d.month)),
                Timing::Running => "running count, no event date".to_string(),
            };
            let is_conflict = match timing {
                Timing::SameEvent(_) => !same_source || same_day,
                Timing::Running => !same_source && same_day,
            };
            if is_conflict {
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
                    (Some(s), Some(t)) if words(s) != words(t) => {
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
    NAMES.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_event_dates_and_skips_running_starts() {
        let lex = lexicon();
        let d = dates_in(lex, "le samedi 7 octobre, contre les colonies", &[]);
        assert_eq!(
            d,
            vec![DayMonth {
                year: None,
                month: 10,
                day: 7
            }]
        );
        let d = dates_in(lex, "on October 7, 2023 in the south", &[]);
        assert_eq!(
            d,
            vec![DayMonth {
                year: Some(2023),
                month: 10,
                day: 7
            }]
        );
        assert!(dates_in(lex, "tués depuis le 7 octobre", &[]).is_empty());
        assert!(dates_in(lex, "publié vendredi", &[]).is_empty());
        let d = dates_in(lex, "le 1er mai", &[(5, 1, 2024)]);
        assert_eq!(
            d,
            vec![DayMonth {
                year: Some(2024),
                month: 5,
                day: 1
            }]
        );
    }

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
