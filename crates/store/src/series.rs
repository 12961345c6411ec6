//! The series of one counted thing across stored articles (`storyline figures`): figures that
//! count the same thing in the same place, as points in time, with the conflicts and
//! progressions between them.
//!
//! "The same thing" is decided by the comparison's rules (`storyline_link::compare`): the same
//! kind of count, both totals or parts of the same noun, and compatible regions from
//! `data/compare/places.txt`, so "Palestiniens tués", "personnes tuées à Gaza" and "deaths in
//! Gaza" share a series and the toll in Israel has its own. Values disagree when their
//! qualifiers cannot reconcile them, by the comparison's rule too. Regions are read from each
//! figure's own fields (`where`, counted noun, source); a figure whose place only its sentence
//! names is in the series of unknown place, where conflicts and progressions are only looked for
//! within one story.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use storyline_link::compare::{
    is_count, lexicon, region_from_fields, sub_noun, value_words, values_agree, Lexicon, RegionId,
    Resolution, Stated,
};
use storyline_model::{Figure, FigureKind, Qualifier};

use crate::figures::{FigureFilter, StoredFigure};
use crate::{Store, StoreError};

/// Where a point's date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateFrom {
    /// The date the text says the figure is valid for.
    AsOf,
    /// No such date: the article's publication date stands in.
    Published,
    /// Neither is known.
    None,
}

/// An article that carried a point, with its own wording.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Carrier {
    /// Outlet.
    pub outlet: Option<String>,
    /// Article id.
    pub article: String,
    /// Publication date.
    pub published: Option<String>,
    /// The attribution as this article wrote it (a part's is its whole's); null when none.
    pub source: Option<String>,
    /// The counted noun phrase as written.
    pub who: Option<String>,
    /// The place as written.
    #[serde(rename = "where")]
    pub place: Option<String>,
}

/// One value of a series at one date from one source, carried by one or more articles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Point {
    /// ISO date (or `start/end` range) the value holds for; null when undated.
    pub date: Option<String>,
    /// Where `date` comes from.
    pub date_from: DateFrom,
    /// The value (the low end of a range).
    pub value: f64,
    /// Low end of a range.
    pub low: Option<f64>,
    /// High end of a range.
    pub high: Option<f64>,
    /// Qualifier.
    pub qualifier: Qualifier,
    /// Canonical source key; null when the source has no key or there is no source.
    pub source_key: Option<String>,
    /// The distinct attributions as written, in order of first appearance; empty when no
    /// article attributes the value.
    pub wordings: Vec<String>,
    /// The articles that carried it, by publication date then id.
    pub carried_by: Vec<Carrier>,
}

/// Two points of one series that count the same thing at the same time with values their
/// qualifiers cannot reconcile.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesConflict {
    /// Index of the first point in `points`.
    pub a: usize,
    /// Index of the second point.
    pub b: usize,
    /// The shared date.
    pub date: String,
    /// A neutral sentence: the values and whose they are.
    pub note: String,
}

/// One source's value changing between two dates.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesProgression {
    /// Index of the earlier point in `points`.
    pub from: usize,
    /// Index of the later point.
    pub to: usize,
    /// The shared source key.
    pub source_key: String,
    /// `increase` or `decrease` (a revision).
    pub direction: String,
    /// Change from `from` to `to` in per cent, when `from` is not zero.
    pub growth_pct: Option<f64>,
    /// A neutral sentence.
    pub note: String,
}

/// The series of one counted thing in one place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// What is counted.
    pub what: FigureKind,
    /// The region (`gaza`, `israel`); null when no figure of the series names its place.
    pub region: Option<String>,
    /// The counted sub-group when the series counts a part of a population (`enfants`).
    pub part: Option<String>,
    /// The points, by date (undated last), then value.
    pub points: Vec<Point>,
    /// Conflicting points (looked for only within one story when the region is unknown).
    pub conflicts: Vec<SeriesConflict>,
    /// Changes of one source's value over time (likewise).
    pub progressions: Vec<SeriesProgression>,
}

/// A figure that no article attributes, as listed for its outlet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnsourcedFigure {
    /// What it counts.
    pub what: FigureKind,
    /// The region of its series.
    pub region: Option<String>,
    /// The value with its qualifier in words ("at least 6500").
    pub value: String,
}

/// An article that gives figures without any source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unsourced {
    /// Outlet.
    pub outlet: Option<String>,
    /// Article id.
    pub article: String,
    /// Its unattributed figures.
    pub figures: Vec<UnsourcedFigure>,
}

/// What [`Store::figure_series`] found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureReport {
    /// The series, largest (most carrying articles) first.
    pub series: Vec<Series>,
    /// The articles, by outlet then id, whose figures in `series` carry no source.
    pub unsourced: Vec<Unsourced>,
}

impl Store {
    /// The series of the counted figures that pass `filter`.
    pub fn figure_series(&self, filter: &FigureFilter) -> Result<FigureReport, StoreError> {
        let lex = lexicon();
        if let Some(what) = filter.what.filter(|&w| !is_count(w)) {
            return Err(self.refused(format!(
                "{} figures carry no counted thing two articles can be shown to share; \
                 series are made of counts (killed, injured, captured, hostages, missing, \
                 displaced, arrested)",
                what.as_str()
            )));
        }
        let (region, place_text) = match filter.place.as_deref().map(|p| (p, lex.resolve(p))) {
            None => (None, None),
            Some((_, Resolution::Region(r))) => (Some(r), None),
            Some((p, Resolution::Silent)) => (None, Some(p)),
            Some((p, Resolution::Ambiguous)) => {
                return Err(self.refused(format!(
                    "--where {p:?} names places that exclude each other; give one"
                )))
            }
        };
        let rows = self.stored_figures(filter, place_text)?;
        let mut series = build(lex, rows, filter.story.is_some());
        if let Some(r) = region {
            series.retain(|s| s.region_id.is_some_and(|s| lex.within(s, r)));
        }
        let series: Vec<Series> = series.into_iter().map(|s| s.series).collect();
        let unsourced = unsourced(&series);
        Ok(FigureReport { series, unsourced })
    }

    fn refused(&self, reason: String) -> StoreError {
        StoreError::Input {
            path: self.path.clone(),
            reason,
        }
    }
}

/// A series with the region id it was built for.
struct Built {
    region_id: Option<RegionId>,
    series: Series,
}

/// A stored figure with what grouping needs.
struct Placed {
    row: StoredFigure,
    region: Option<RegionId>,
    part: Option<String>,
    /// The figure's source key, or its whole's.
    source_key: Option<String>,
    /// The figure's attribution as written, or its whole's.
    source: Option<String>,
}

/// The region of a stored figure: its own fields, else its whole's; a region that contains
/// the source's own home narrows to it (the Gaza health ministry's count of "Palestiniens" is
/// a count in Gaza).
fn region(
    lex: &Lexicon,
    f: &Figure,
    whole: Option<&Figure>,
    key: Option<&str>,
) -> Option<RegionId> {
    let own = |f: &Figure| region_from_fields(lex, f.place.as_deref(), f.who.as_deref(), key);
    let found = own(f).or_else(|| whole.and_then(own))?.region;
    match key.and_then(|k| lex.home_of(k)) {
        Some(home) if lex.within(home, found) => Some(home),
        _ => Some(found),
    }
}

fn place(lex: &Lexicon, row: StoredFigure) -> Option<Placed> {
    if !is_count(row.figure.what) {
        return None;
    }
    let whole = row.whole.as_ref();
    let source_key = row
        .figure
        .source_key
        .clone()
        .or_else(|| whole.and_then(|w| w.source_key.clone()));
    let source = row
        .figure
        .source
        .clone()
        .or_else(|| whole.and_then(|w| w.source.clone()));
    let region = region(lex, &row.figure, whole, source_key.as_deref());
    let part = sub_noun(lex, row.figure.who.as_deref(), row.figure.part_of.is_some());
    Some(Placed {
        row,
        region,
        part,
        source_key,
        source,
    })
}

/// Groups the rows into series: by kind, part and region, a region's figures joining the
/// series of the one region inside it when there is exactly one ("Palestiniens" with "Gaza"
/// when no other Palestinian territory is counted).
///
/// Counts whose place is unknown are one thing only within one story (as in the comparison of
/// two articles, when their source is one): across a whole store, one agency's counts of
/// unrelated events would read as revisions of each other. Their series then lists points only.
fn build(lex: &Lexicon, rows: Vec<StoredFigure>, one_story: bool) -> Vec<Built> {
    type Key = (FigureKind, Option<String>, Option<RegionId>);
    let placed: Vec<Placed> = rows.into_iter().filter_map(|r| place(lex, r)).collect();
    let regions: HashSet<Key> = placed
        .iter()
        .map(|p| (p.row.figure.what, p.part.clone(), p.region))
        .collect();
    let target = |(what, part, region): &Key| -> Option<RegionId> {
        let r = (*region)?;
        let mut inside = regions.iter().filter(|(w, p, s)| {
            w == what && p == part && s.is_some_and(|s| s != r && lex.within(s, r))
        });
        match (inside.next(), inside.next()) {
            (Some((_, _, only)), None) => *only,
            _ => Some(r),
        }
    };
    let mut groups: HashMap<Key, Vec<Placed>> = HashMap::new();
    for p in placed {
        let key = (p.row.figure.what, p.part.clone(), p.region);
        let region = target(&key);
        groups.entry((key.0, key.1, region)).or_default().push(p);
    }
    let mut out: Vec<Built> = groups
        .into_iter()
        .map(|((what, part, region_id), members)| {
            let points = points(members);
            let (conflicts, progressions) = if region_id.is_some() || one_story {
                (
                    conflicts(what, region_id, &points, lex),
                    progressions(what, region_id, &points, lex),
                )
            } else {
                (Vec::new(), Vec::new())
            };
            Built {
                region_id,
                series: Series {
                    what,
                    region: region_id.map(|r| lex.name(r).to_string()),
                    part,
                    points,
                    conflicts,
                    progressions,
                },
            }
        })
        .collect();
    let carriers = |s: &Series| s.points.iter().map(|p| p.carried_by.len()).sum::<usize>();
    out.sort_by(|x, y| {
        let (a, b) = (&x.series, &y.series);
        carriers(b)
            .cmp(&carriers(a))
            .then_with(|| a.what.as_str().cmp(b.what.as_str()))
            .then_with(|| (a.region.is_none(), &a.region).cmp(&(b.region.is_none(), &b.region)))
            .then_with(|| a.part.cmp(&b.part))
    });
    out
}

/// What makes two figures one point: value, range, qualifier, date, and the source (its key,
/// else its words, else none).
#[derive(PartialEq, Eq, Hash)]
struct PointKey {
    value: u64,
    low: Option<u64>,
    high: Option<u64>,
    qualifier: Qualifier,
    date: Option<String>,
    date_from: DateFrom,
    source: Option<String>,
}

fn points(members: Vec<Placed>) -> Vec<Point> {
    let mut index: HashMap<PointKey, usize> = HashMap::new();
    let mut points: Vec<Point> = Vec::new();
    for p in members {
        let f = &p.row.figure;
        let (date, date_from) = match (&f.as_of, &p.row.article.published) {
            (Some(d), _) => (Some(d.clone()), DateFrom::AsOf),
            (None, Some(d)) => (Some(d.clone()), DateFrom::Published),
            (None, None) => (None, DateFrom::None),
        };
        let key = PointKey {
            value: f.value.to_bits(),
            low: f.low.map(f64::to_bits),
            high: f.high.map(f64::to_bits),
            qualifier: f.qualifier,
            date: date.clone(),
            date_from,
            source: p.source_key.clone().or_else(|| {
                p.source
                    .as_ref()
                    .map(|s| format!("\"{}\"", s.to_lowercase()))
            }),
        };
        let at = *index.entry(key).or_insert_with(|| {
            points.push(Point {
                date,
                date_from,
                value: f.value,
                low: f.low,
                high: f.high,
                qualifier: f.qualifier,
                source_key: p.source_key.clone(),
                wordings: Vec::new(),
                carried_by: Vec::new(),
            });
            points.len() - 1
        });
        let Some(point) = points.get_mut(at) else {
            continue;
        };
        if let Some(s) = &p.source {
            if !point.wordings.contains(s) {
                point.wordings.push(s.clone());
            }
        }
        // An article that repeats a figure carries it once.
        if !point
            .carried_by
            .iter()
            .any(|c| c.article == p.row.article.id)
        {
            point.carried_by.push(Carrier {
                outlet: p.row.article.outlet,
                article: p.row.article.id,
                published: p.row.article.published,
                source: p.source,
                who: p.row.figure.who,
                place: p.row.figure.place,
            });
        }
    }
    for point in &mut points {
        point
            .carried_by
            .sort_by(|a, b| (&a.published, &a.article).cmp(&(&b.published, &b.article)));
    }
    points.sort_by(|a, b| {
        (a.date.is_none(), &a.date)
            .cmp(&(b.date.is_none(), &b.date))
            .then_with(|| a.value.total_cmp(&b.value))
            .then_with(|| a.source_key.cmp(&b.source_key))
            .then_with(|| a.wordings.cmp(&b.wordings))
    });
    points
}

/// The value a point states, for the comparison's value rules.
fn stated(p: &Point) -> Stated {
    Stated {
        value: p.value,
        low: p.low,
        high: p.high,
        qualifier: p.qualifier,
    }
}

/// The first and last day a date covers, as text that sorts like the dates: a month covers
/// `-00` to `-99` of itself, a year `-00-00` to `-99-99`; a range `a/b` covers a to b.
fn day_bounds(date: &str) -> (String, String) {
    let (a, b) = date.split_once('/').unwrap_or((date, date));
    let pad = |d: &str, fill: &str| match d.len() {
        4 => format!("{d}-{fill}-{fill}"),
        7 => format!("{d}-{fill}"),
        _ => d.to_string(),
    };
    (pad(a, "00"), pad(b, "99"))
}

/// Whether every part of a date is a day.
fn day_precise(date: &str) -> bool {
    date.split('/').all(|d| d.len() == 10)
}

/// Whether two dates name the same time: the same date, or overlapping day dates. A month
/// and a day inside it are not: the month's article may have been written on any other day.
fn same_time(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let ((a0, a1), (b0, b1)) = (day_bounds(a), day_bounds(b));
    day_precise(a) && day_precise(b) && a0 <= b1 && b0 <= a1
}

/// Whether `b` is wholly after `a`.
fn later(a: &str, b: &str) -> bool {
    day_bounds(b).0 > day_bounds(a).1
}

/// The source of a point in a note: its key, else its words, else "unattributed".
fn source_label(p: &Point) -> String {
    match (&p.source_key, p.wordings.first()) {
        (Some(k), _) => k.clone(),
        (None, Some(w)) => format!("\"{w}\""),
        (None, None) => "unattributed".to_string(),
    }
}

fn words(p: &Point) -> String {
    value_words(p.value, p.low, p.high, p.qualifier)
}

fn place_name(lex: &Lexicon, region: Option<RegionId>) -> &str {
    region.map_or("place unknown", |r| lex.name(r))
}

/// Whether one article carries both points: its two values ("6 morts ce jour, 2 009 au
/// total") are two counts, which the comparison of two articles never pairs either.
fn share_an_article(a: &Point, b: &Point) -> bool {
    a.carried_by
        .iter()
        .any(|c| b.carried_by.iter().any(|d| d.article == c.article))
}

/// Points counted at the same time whose values disagree. As in the comparison of two
/// articles: two values valid for one stated day conflict whatever their sources; two values
/// that only share a publication day conflict when their sources differ (one source's count
/// may be updated within a day); and when no figure says where it counts, only one source's
/// own counts are known to be of one thing.
fn conflicts(
    what: FigureKind,
    region: Option<RegionId>,
    points: &[Point],
    lex: &Lexicon,
) -> Vec<SeriesConflict> {
    // Points by first day, so that each is compared only with those that start before it ends.
    let mut dated: Vec<(usize, &str, (String, String))> = points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.date.as_deref().map(|d| (i, d, day_bounds(d))))
        .collect();
    dated.sort_by(|x, y| (&x.2 .0, x.0).cmp(&(&y.2 .0, y.0)));
    let mut out = Vec::new();
    for (k, (i, da, (_, end))) in dated.iter().enumerate() {
        let overlapping = dated
            .iter()
            .skip(k + 1)
            .take_while(|(_, _, (start, _))| start <= end);
        for (j, db, _) in overlapping {
            let (Some(a), Some(b)) = (points.get(*i), points.get(*j)) else {
                continue;
            };
            if !same_time(da, db) || values_agree(stated(a), stated(b)) || share_an_article(a, b) {
                continue;
            }
            let stated = a.date_from == DateFrom::AsOf && b.date_from == DateFrom::AsOf;
            let same_source = a.source_key.is_some() && a.source_key == b.source_key;
            if (!stated && same_source) || (region.is_none() && !same_source) {
                continue;
            }
            let (a_idx, b_idx, a, b) = if i < j {
                (*i, *j, a, b)
            } else {
                (*j, *i, b, a)
            };
            out.push(SeriesConflict {
                a: a_idx,
                b: b_idx,
                date: da.to_string(),
                note: format!(
                    "different values for the same count ({}, {}) on {da}: {} ({}) vs {} ({})",
                    what.as_str(),
                    place_name(lex, region),
                    words(a),
                    source_label(a),
                    words(b),
                    source_label(b)
                ),
            });
        }
    }
    out.sort_by_key(|c| (c.a, c.b));
    out
}

/// For each source key, its value at each later date where it moved beyond what the
/// qualifiers allow, from the previous dated point of that source.
fn progressions(
    what: FigureKind,
    region: Option<RegionId>,
    points: &[Point],
    lex: &Lexicon,
) -> Vec<SeriesProgression> {
    let mut last: HashMap<&str, usize> = HashMap::new();
    let mut out = Vec::new();
    for (j, b) in points.iter().enumerate() {
        let (Some(key), Some(db)) = (b.source_key.as_deref(), b.date.as_deref()) else {
            continue;
        };
        let Some(&i) = last.get(key) else {
            last.insert(key, j);
            continue;
        };
        let Some(a) = points.get(i) else { continue };
        let Some(da) = a.date.as_deref() else {
            continue;
        };
        if !later(da, db) {
            continue;
        }
        last.insert(key, j);
        if values_agree(stated(a), stated(b)) {
            continue;
        }
        let direction = if b.value >= a.value {
            "increase"
        } else {
            "decrease"
        };
        let growth_pct = (a.value > 0.0).then(|| (b.value - a.value) / a.value * 100.0);
        out.push(SeriesProgression {
            from: i,
            to: j,
            source_key: key.to_string(),
            direction: direction.to_string(),
            growth_pct,
            note: format!(
                "{} count ({}) per {key}: {} on {da} to {} on {db}",
                what.as_str(),
                place_name(lex, region),
                words(a),
                words(b)
            ),
        });
    }
    out
}

/// The articles whose figures in `series` no article attributes.
fn unsourced(series: &[Series]) -> Vec<Unsourced> {
    let mut by_article: HashMap<&str, Unsourced> = HashMap::new();
    for s in series {
        for p in &s.points {
            if p.source_key.is_some() {
                continue;
            }
            for c in p.carried_by.iter().filter(|c| c.source.is_none()) {
                let entry = by_article.entry(&c.article).or_insert_with(|| Unsourced {
                    outlet: c.outlet.clone(),
                    article: c.article.clone(),
                    figures: Vec::new(),
                });
                entry.figures.push(UnsourcedFigure {
                    what: s.what,
                    region: s.region.clone(),
                    value: words(p),
                });
            }
        }
    }
    let mut out: Vec<Unsourced> = by_article.into_values().collect();
    out.sort_by(|a, b| (&a.outlet, &a.article).cmp(&(&b.outlet, &b.article)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::FigureArticle;
    use storyline_model::Span;

    fn row(id: &str, date: &str, value: f64, who: &str, place: Option<&str>) -> StoredFigure {
        StoredFigure {
            article: FigureArticle {
                id: id.to_string(),
                outlet: Some(format!("outlet {id}")),
                published: Some(date.to_string()),
            },
            figure: Figure {
                value,
                low: None,
                high: None,
                qualifier: Qualifier::Exact,
                what: FigureKind::Killed,
                unit: None,
                who: Some(who.to_string()),
                place: place.map(str::to_string),
                source: None,
                source_key: None,
                as_of: None,
                part_of: None,
                span: Span::new(0, 0),
            },
            whole: None,
        }
    }

    fn regions(rows: Vec<StoredFigure>) -> Vec<(Option<String>, Vec<f64>)> {
        let mut out: Vec<_> = build(lexicon(), rows, false)
            .into_iter()
            .map(|b| {
                let values = b.series.points.iter().map(|p| p.value).collect();
                (b.series.region, values)
            })
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    #[test]
    fn a_wider_region_joins_its_only_narrower_one() {
        let rows = vec![
            row("a", "2023-10-20", 4137.0, "Palestiniens", None),
            row("b", "2023-10-23", 5087.0, "personnes", Some("Gaza")),
            row("c", "2023-10-23", 1400.0, "personnes", Some("Israël")),
        ];
        assert_eq!(
            regions(rows),
            vec![
                (Some("gaza".to_string()), vec![4137.0, 5087.0]),
                (Some("israel".to_string()), vec![1400.0]),
            ]
        );
        // With the West Bank counted too, "Palestiniens" could be either: it stays apart.
        let rows = vec![
            row("a", "2023-10-20", 4137.0, "Palestiniens", None),
            row("b", "2023-10-23", 5087.0, "personnes", Some("Gaza")),
            row("d", "2023-10-23", 95.0, "personnes", Some("Cisjordanie")),
        ];
        assert_eq!(
            regions(rows),
            vec![
                (Some("gaza".to_string()), vec![5087.0]),
                (Some("palestine".to_string()), vec![4137.0]),
                (Some("west-bank".to_string()), vec![95.0]),
            ]
        );
    }

    #[test]
    fn one_article_giving_two_values_is_no_conflict() {
        let rows = vec![
            row("a", "2023-10-20", 6.0, "morts", Some("Gaza")),
            row("a", "2023-10-20", 4137.0, "morts", Some("Gaza")),
            row("b", "2023-10-20", 4000.0, "morts", Some("Gaza")),
        ];
        let built = build(lexicon(), rows, false);
        let conflicts = &built.first().expect("one series").series.conflicts;
        // 6 and 4 137 are the same article's; each is in conflict with the other outlet's 4 000.
        assert_eq!(conflicts.len(), 2, "{conflicts:?}");
    }

    #[test]
    fn dates_overlap_only_when_they_can_be_one_day() {
        assert!(same_time("2023-10-26", "2023-10-26"));
        assert!(same_time("2023-10-07/2023-10-09", "2023-10-08"));
        assert!(!same_time("2023-10", "2023-10-26"));
        assert!(same_time("2023-10", "2023-10"));
        assert!(later("2023-10-20", "2023-10-23"));
        assert!(!later("2023-10", "2023-10-23"));
        assert!(later("2023-09", "2023-10-01"));
        assert!(!later("2023-10-23", "2023-10-23"));
    }
}
