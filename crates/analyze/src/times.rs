//! Time expressions and their resolution against the publication date.
//!
//! Absolute dates ("7 octobre 2023", "January 19, 2024", "2024-01-19"), months ("en octobre
//! 2023"), years ("en 2023"), weekdays ("mercredi soir", "last Tuesday"), relative days
//! ("hier", "yesterday") and days counted from an earlier date ("la veille"). A date without
//! its year takes the year that puts it nearest the publication date, checked against the
//! weekday when one is written. Whatever cannot be resolved keeps `value` null and says why:
//! a reader must see the gap, never a guess. Words live in `data/times/<lang>.toml`.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Deserialize;
use storyline_model::{Precision, Published, Span, TimeExpr};

use crate::figures::phrase::{phrase_tokens, Lowered, PhraseMap};
use crate::lexicon;
use crate::text::{Doc, TokenKind};

const BUNDLED: &[(&str, &str)] = &[
    ("fr", include_str!("../../../data/times/fr.toml")),
    ("en", include_str!("../../../data/times/en.toml")),
];

#[derive(Deserialize)]
struct LangFile {
    months: BTreeMap<String, u32>,
    weekdays: BTreeMap<String, u32>,
    relative: BTreeMap<String, i64>,
    anchored: BTreeMap<String, i64>,
    weeks: BTreeMap<String, i64>,
    weekends: BTreeMap<String, i64>,
    month_offsets: BTreeMap<String, i64>,
    year_offsets: BTreeMap<String, i64>,
    vague: Vec<String>,
    future: Vec<String>,
    not_year_after: Vec<String>,
    counts: BTreeMap<String, i64>,
    ago_days: BTreeMap<String, i64>,
    ago_months: BTreeMap<String, i64>,
    ago_before: Vec<String>,
    ago_after: Vec<String>,
    next_after: Vec<String>,
    last_after: Vec<String>,
    next_before: Vec<String>,
    last_before: Vec<String>,
    day_parts: Vec<String>,
    ordinals: Vec<String>,
    year_before: Vec<String>,
    month_before: Vec<String>,
    capitalized_months: bool,
    range_to: Vec<String>,
    range_and: Vec<String>,
    range_open: Vec<String>,
    nights: BTreeMap<String, i64>,
    named: BTreeMap<String, String>,
    named_days: BTreeMap<String, i32>,
    event_words: Vec<String>,
    rolling: BTreeMap<String, i64>,
    preceding: BTreeMap<String, String>,
    holiday_months: BTreeMap<String, u32>,
    after_words: Vec<String>,
    year_anchored: BTreeMap<String, i64>,
    seasons: BTreeMap<String, u32>,
    season_before: Vec<String>,
    easter: Vec<String>,
    day_part_links: Vec<String>,
    not_as_of_after: Vec<String>,
    month_prefixes: Vec<String>,
    future_suffixes: Vec<String>,
    not_future: Vec<String>,
    later: BTreeMap<String, i64>,
    decade_before: Vec<String>,
    day_alone_before: Vec<String>,
    day_alone_after: Vec<String>,
    day_month_links: Vec<String>,
    day_alone_ordinal: bool,
    anchor_events: Vec<String>,
}

struct TimeLang {
    months: FxHashMap<String, u32>,
    weekdays: FxHashMap<String, u32>,
    relative: PhraseMap<i64>,
    anchored: PhraseMap<i64>,
    /// Calendar periods counted from the publication date, in their own unit.
    periods: PhraseMap<Period>,
    /// Words and phrases that put a later weekday of their sentence in the future ("will",
    /// "doit", "is to be").
    future: PhraseMap<()>,
    /// Endings of verbs in the future tense ("rendra").
    future_suffixes: Vec<String>,
    /// Words with those endings that are not verbs ("caméra").
    not_future: FxHashSet<String>,
    /// After a count and unit, the direction it counts from the last day given ("plus tard" = 1).
    later: PhraseMap<i64>,
    /// Words before a year that make it a decade ("années").
    decade_before: FxHashSet<String>,
    /// Words before a day number alone that make it a day of the month ("the", "le").
    day_alone_before: FxHashSet<String>,
    /// Words after such a day number that let it stand alone ("and", "au").
    day_alone_after: FxHashSet<String>,
    /// Words between a day and its month ("of").
    day_month_links: FxHashSet<String>,
    /// Whether a day number alone needs its ordinal suffix ("the 15th", not "the 15").
    day_alone_ordinal: bool,
    /// Words after a day counted from another that start the event it counts from ("the day
    /// after the primary").
    anchor_events: FxHashSet<String>,
    /// Words after a bare four-digit number that make it a count, not a year ("2000 euros").
    not_year_after: FxHashSet<String>,
    /// Small counts written as words ("cinq", "a").
    counts: FxHashMap<String, i64>,
    /// Units of an offset back from the publication date, in days ("semaine" = 7).
    ago_days: FxHashMap<String, i64>,
    /// Units of an offset back from the publication date, in months ("ans" = 12).
    ago_months: FxHashMap<String, i64>,
    /// Words before a count that make it an offset back ("il y a trois mois").
    ago_before: PhraseMap<()>,
    /// Words after a count and unit that make it an offset back ("two years ago").
    ago_after: FxHashSet<String>,
    next_after: FxHashSet<String>,
    last_after: FxHashSet<String>,
    next_before: FxHashSet<String>,
    last_before: FxHashSet<String>,
    day_parts: FxHashSet<String>,
    ordinals: FxHashSet<String>,
    year_before: FxHashSet<String>,
    /// Words that make a bare month name a time expression ("en mars", "d'avril").
    month_before: FxHashSet<String>,
    /// The same as phrases, for those of several words ("mois de mai").
    month_before_phrases: PhraseMap<()>,
    capitalized_months: bool,
    /// Connectors that join two expressions into a range ("du 24 au 25", "2007 to 2014").
    range_to: PhraseMap<()>,
    /// Connectors that make a range only after an opening word or between months ("et").
    range_and: PhraseMap<()>,
    /// Words before the first end of a range joined by `range_and` ("entre", "between").
    range_open: FxHashSet<String>,
    /// Nights named alone, as the night ending on this many days after the day of the passage.
    nights: PhraseMap<i64>,
    /// Names that stand for one date ("9/11").
    named: PhraseMap<NaiveDate>,
    /// Year of a yearless month and day when an event word is next to it ("Sept. 11 attacks").
    named_days: FxHashMap<(u32, u32), i32>,
    /// Words that make a yearless date the name of an event ("attacks", "attentats").
    event_words: FxHashSet<String>,
    /// After a count: the days ending on the publication day, in this unit ("7 derniers
    /// jours"); 0 for a rolling period no calendar value stands for ("12 derniers mois").
    rolling: PhraseMap<i64>,
    /// Periods counted back from the date of the passage ("la semaine précédente").
    preceding: PhraseMap<Period>,
    /// Holidays that stand for a month ("les fêtes de fin d'année").
    holiday_months: PhraseMap<u32>,
    /// Words after a count of days that date the earlier event the sentence counts from
    /// ("a day after", "trois jours après").
    after_words: FxHashSet<String>,
    /// Years counted from the last year the text gave ("a year later", "that same year").
    year_anchored: PhraseMap<i64>,
    /// Seasons and their first month ("fall" = 9); a season lasts three months.
    seasons: FxHashMap<String, u32>,
    /// Words before a season that make it a time expression ("the fall", "cet été").
    season_before: FxHashSet<String>,
    /// Names of Easter Sunday.
    easter: FxHashSet<String>,
    /// Words between a part of a day and its day ("l'après-midi de mercredi 31 juillet").
    day_part_links: FxHashSet<String>,
    /// Words before a date that make it the start or bound of a period, not the date a figure
    /// is valid for ("depuis le 7 octobre").
    not_as_of_after: FxHashSet<String>,
    /// Prefixes glued to a month name that make it a part of that month ("mi-mars").
    month_prefixes: Vec<String>,
    /// Every word that can start an expression, so that most tokens are passed over with one lookup.
    starts: FxHashSet<String>,
}

fn phrase_map(m: BTreeMap<String, i64>) -> PhraseMap<i64> {
    let mut map = PhraseMap::default();
    for (p, v) in m {
        map.insert(&p, v);
    }
    map
}

/// A period named relative to the publication date ("last week", "cette année", "recently").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Period {
    /// Monday to Sunday, this many weeks from the publication week.
    Week(i64),
    /// Saturday and Sunday: -1 the last one before, 0 the latest, 1 the next one.
    Weekend(i64),
    /// The month, this many months from the publication month.
    Month(i64),
    /// The year, this many years from the publication year.
    Year(i64),
    /// No date can be given ("recently", "ces derniers mois").
    Vague,
}

/// The phrases of periods before the one of the passage, by unit ("week", "month", "year");
/// an unknown unit is left out.
fn preceding_map(m: &BTreeMap<String, String>) -> PhraseMap<Period> {
    let mut map = PhraseMap::default();
    for (p, unit) in m {
        let period = match unit.as_str() {
            "week" => Period::Week(-1),
            "month" => Period::Month(-1),
            "year" => Period::Year(-1),
            _ => continue,
        };
        map.insert(p, period);
    }
    map
}

/// Named dates ("9/11" = "2001-09-11"); a value that is not an ISO day is left out.
fn named_map(m: &BTreeMap<String, String>) -> PhraseMap<NaiveDate> {
    let mut map = PhraseMap::default();
    for (p, v) in m {
        if let Some(d) = parse_iso_day(v) {
            map.insert(p, d);
        }
    }
    map
}

/// The period phrases of a language file, one map for every unit.
fn period_map(f: &LangFile) -> PhraseMap<Period> {
    let mut map = PhraseMap::default();
    let units = [
        (&f.weeks, Period::Week as fn(i64) -> Period),
        (&f.weekends, Period::Weekend),
        (&f.month_offsets, Period::Month),
        (&f.year_offsets, Period::Year),
    ];
    for (m, unit) in units {
        for (p, v) in m {
            map.insert(p, unit(*v));
        }
    }
    for p in &f.vague {
        map.insert(p, Period::Vague);
    }
    map
}

impl From<LangFile> for TimeLang {
    fn from(f: LangFile) -> Self {
        let set = |v: Vec<String>| v.into_iter().collect::<FxHashSet<_>>();
        let first_words = |m: &BTreeMap<String, i64>| {
            m.keys()
                .filter_map(|p| phrase_tokens(p).into_iter().next())
                .collect::<Vec<_>>()
        };
        let periods = period_map(&f);
        let period_starts = [&f.weeks, &f.weekends, &f.month_offsets, &f.year_offsets]
            .into_iter()
            .flat_map(first_words)
            .chain(
                f.vague
                    .iter()
                    .filter_map(|p| phrase_tokens(p).into_iter().next()),
            )
            .collect::<Vec<_>>();
        let preceding = preceding_map(&f.preceding);
        let named = named_map(&f.named);
        let starts = f
            .months
            .keys()
            .chain(f.weekdays.keys())
            .chain(&f.next_before)
            .chain(&f.last_before)
            .chain(&f.year_before)
            .cloned()
            .chain(first_words(&f.relative))
            .chain(first_words(&f.anchored))
            .chain(first_words(&f.nights))
            .chain(first_words(&f.year_anchored))
            .chain(f.seasons.keys().cloned())
            .chain(f.easter.iter().cloned())
            .chain(f.decade_before.iter().cloned())
            .chain(
                f.named
                    .keys()
                    .chain(f.preceding.keys())
                    .chain(f.holiday_months.keys())
                    .filter_map(|p| phrase_tokens(p).into_iter().next()),
            )
            .chain(period_starts)
            .chain(f.counts.keys().cloned())
            .chain(
                f.ago_before
                    .iter()
                    .filter_map(|p| phrase_tokens(p).into_iter().next()),
            )
            .collect();
        TimeLang {
            starts,
            months: f.months.into_iter().collect(),
            weekdays: f.weekdays.into_iter().collect(),
            relative: phrase_map(f.relative),
            anchored: phrase_map(f.anchored),
            periods,
            future: PhraseMap::from_phrases(&f.future),
            future_suffixes: f.future_suffixes,
            not_future: set(f.not_future),
            later: phrase_map(f.later),
            decade_before: set(f.decade_before),
            day_alone_before: set(f.day_alone_before),
            day_alone_after: set(f.day_alone_after),
            day_month_links: set(f.day_month_links),
            day_alone_ordinal: f.day_alone_ordinal,
            anchor_events: set(f.anchor_events),
            not_year_after: set(f.not_year_after),
            counts: f.counts.into_iter().collect(),
            ago_days: f.ago_days.into_iter().collect(),
            ago_months: f.ago_months.into_iter().collect(),
            ago_before: PhraseMap::from_phrases(&f.ago_before),
            ago_after: set(f.ago_after),
            next_after: set(f.next_after),
            last_after: set(f.last_after),
            next_before: set(f.next_before),
            last_before: set(f.last_before),
            day_parts: set(f.day_parts),
            ordinals: set(f.ordinals),
            year_before: set(f.year_before),
            month_before_phrases: PhraseMap::from_phrases(&f.month_before),
            month_before: set(f.month_before),
            capitalized_months: f.capitalized_months,
            range_to: PhraseMap::from_phrases(&f.range_to),
            range_and: PhraseMap::from_phrases(&f.range_and),
            range_open: set(f.range_open),
            nights: phrase_map(f.nights),
            named,
            named_days: f
                .named_days
                .iter()
                .filter_map(|(md, y)| {
                    let (m, d) = md.split_once('-')?;
                    Some(((m.parse().ok()?, d.parse().ok()?), *y))
                })
                .collect(),
            event_words: set(f.event_words),
            rolling: phrase_map(f.rolling),
            preceding,
            after_words: set(f.after_words),
            year_anchored: phrase_map(f.year_anchored),
            seasons: f.seasons.into_iter().collect(),
            season_before: set(f.season_before),
            easter: set(f.easter),
            day_part_links: set(f.day_part_links),
            not_as_of_after: set(f.not_as_of_after),
            month_prefixes: f.month_prefixes,
            holiday_months: {
                let mut map = PhraseMap::default();
                for (p, m) in f.holiday_months {
                    map.insert(&p, m);
                }
                map
            },
        }
    }
}

/// How many tokens before a weekday a future word may stand ("will meet with X on Thursday").
const FUTURE_WINDOW: usize = 8;

/// How many days after the publication a yearless date of a sentence without a future word
/// may lie ("le 1er janvier" in late December); beyond, it is the previous year's.
const PAST_TENSE_AHEAD: i64 = 60;

/// How far from the publication a yearless date is kept though its weekday does not match.
const WEEKDAY_SLIP: i64 = 7;

/// Years a four-digit number written alone is taken for.
const BARE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2099;

/// Which occurrence of a weekday is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// The most recent, on or before the publication day (past-tense news).
    Recent,
    /// Strictly before ("vendredi dernier", "last Friday").
    Last,
    /// Strictly after ("vendredi prochain", "next Friday").
    Next,
    /// The first on or after the publication day (future-tense news).
    Upcoming,
}

/// What a matched expression says, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    Date {
        year: Option<i32>,
        month: u32,
        day: u32,
        weekday: Option<u32>,
    },
    Month {
        year: Option<i32>,
        month: u32,
    },
    Year(i32),
    /// The ten years from this one.
    Decade(i32),
    Weekday(u32, Direction),
    Relative(i64),
    Anchored(i64),
    Period(Period),
    /// This many days back from the publication date.
    DaysAgo(i64),
    /// This many months back from the publication date; whole years keep year precision.
    MonthsAgo(i64),
    /// A date named by an event ("9/11").
    Named(NaiveDate),
    /// The night ending this many days after the day of the passage.
    Night(i64),
    /// The days ending on the publication day.
    Rolling(i64),
    /// A period counted from the day of the passage ("la semaine précédente").
    Preceding(Period),
    /// The day this many days before the day of the sentence ("a day after X": X's day).
    DaysBefore(i64),
    /// The year this many years from the last year the text gave.
    YearAnchored(i64),
    /// The season starting in this month: -1 the last one before, 0 this year's, 1 the next.
    Season(u32, i64),
    /// Easter Sunday of the publication year.
    Easter,
    /// The season starting in this month of this year ("the summer of 2018").
    SeasonOf(u32, i32),
    /// A day of the month the passage is about ("on the 15th", "vendredi 29").
    DayOfMonth {
        day: u32,
        weekday: Option<u32>,
    },
    /// This many days, or months, from the last day the text gave ("two days later", "trois
    /// mois plus tôt").
    Counted {
        days: i64,
        months: i64,
    },
}

/// The publication date as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PubDate {
    Day(NaiveDate),
    Month(i32, u32),
    Year(i32),
    Unknown,
}

impl PubDate {
    fn of(p: &Published) -> Self {
        let Some(v) = p.value.as_deref() else {
            return PubDate::Unknown;
        };
        let mut parts = v
            .get(..10)
            .unwrap_or(v)
            .split('-')
            .map(|s| s.parse::<u32>().ok());
        let (y, m, d) = (
            parts.next().flatten(),
            parts.next().flatten(),
            parts.next().flatten(),
        );
        let Some(y) = y.and_then(|y| i32::try_from(y).ok()) else {
            return PubDate::Unknown;
        };
        match (p.precision, m, d) {
            (Precision::Unknown, _, _) => PubDate::Unknown,
            (Precision::Day, Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(y, m, d).map_or(PubDate::Unknown, PubDate::Day)
            }
            (Precision::Day | Precision::Month, Some(m), _) if (1..=12).contains(&m) => {
                PubDate::Month(y, m)
            }
            _ => PubDate::Year(y),
        }
    }

    /// Year and month, when known.
    fn month(self) -> Option<(i32, u32)> {
        match self {
            PubDate::Day(d) => Some((d.year(), d.month())),
            PubDate::Month(y, m) => Some((y, m)),
            PubDate::Year(_) | PubDate::Unknown => None,
        }
    }

    /// The year, when known.
    fn year(self) -> Option<i32> {
        match self {
            PubDate::Day(d) => Some(d.year()),
            PubDate::Month(y, _) | PubDate::Year(y) => Some(y),
            PubDate::Unknown => None,
        }
    }

    fn precision(self) -> Precision {
        match self {
            PubDate::Day(_) => Precision::Day,
            PubDate::Month(..) => Precision::Month,
            PubDate::Year(_) => Precision::Year,
            PubDate::Unknown => Precision::Unknown,
        }
    }
}

/// Resolution of one expression: value, precision, why.
type Resolved = (Option<String>, Precision, Option<String>);

fn unresolved(why: String) -> Resolved {
    (None, Precision::Unknown, Some(why))
}

fn day_value(d: NaiveDate, why: Option<String>) -> Resolved {
    (Some(d.format("%Y-%m-%d").to_string()), Precision::Day, why)
}

/// Time rules per language.
pub struct TimeRules {
    langs: FxHashMap<String, TimeLang>,
}

impl TimeRules {
    /// With the bundled data (`data/times/fr.toml`, `data/times/en.toml`).
    pub fn bundled() -> Self {
        let langs = BUNDLED
            .iter()
            .map(|(lang, text)| {
                let file: LangFile = lexicon::bundled(&format!("data/times/{lang}.toml"), text);
                ((*lang).to_string(), TimeLang::from(file))
            })
            .collect();
        TimeRules { langs }
    }

    /// All time expressions of `doc`, resolved against `published`. Languages without time
    /// words yield none (the analysis reports them as missing).
    pub fn find(&self, doc: &Doc, lang: &str, published: &Published) -> Vec<TimeExpr> {
        let Some(l) = self.langs.get(lang) else {
            return Vec::new();
        };
        let low = doc.lowered();
        let pubdate = PubDate::of(published);
        let mut out: Vec<TimeExpr> = Vec::new();
        let mut ctx = Ctx {
            pubdate,
            last_day: None,
            sentence_day: None,
            last_year: None,
            future: false,
        };
        let mut day_sentence: Option<usize> = None;
        // The sentence of the latest expression that says it lies ahead ("la semaine
        // prochaine"): a weekday after it in that sentence is in the future too.
        let mut future_sentence: Option<usize> = None;
        // The weekdays the text has put ahead of the publication day, Monday first.
        let mut upcoming = [false; 7];
        // The sentence and end token of the latest weekday put ahead.
        let mut upcoming_end: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < doc.tokens.len() {
            let matched =
                match_at(l, doc, low, i).map(|(first, end, found)| (first, end, found, None));
            let Some((first, end, found, to)) = matched.or_else(|| {
                range::day_range(l, doc, low, i).map(|(end, from, to)| (i, end, from, Some(to)))
            }) else {
                i += 1;
                continue;
            };
            let sentence = doc
                .tokens
                .get(first)
                .map_or(0, |t| doc.sentence_at(t.span.start));
            if day_sentence != Some(sentence) {
                ctx.sentence_day = None;
            }
            let found = match found {
                Found::Weekday(wd, Direction::Recent)
                    if future_sentence == Some(sentence)
                        || upcoming.get(wd as usize).is_some_and(|u| *u)
                        || upcoming_end
                            .is_some_and(|(s, e)| s == sentence && first <= e + FUTURE_WINDOW)
                        || l.future_before(doc, low, first) =>
                {
                    Found::Weekday(wd, Direction::Upcoming)
                }
                other => l.named_day(low, first, end, other),
            };
            // A weekday found ahead puts a weekday shortly after it ahead too ("on Wednesday,
            // followed by the House on Thursday"), and the same weekday named again later is
            // that day.
            if let Found::Weekday(wd, Direction::Upcoming) = found {
                if let Some(u) = upcoming.get_mut(wd as usize) {
                    *u = true;
                }
                upcoming_end = Some((sentence, end));
            }
            ctx.future = matches!(
                found,
                Found::Date { year: None, .. }
                    | Found::Month { year: None, .. }
                    | Found::DayOfMonth { .. }
                    | Found::Period(Period::Weekend(0))
            ) && (future_sentence == Some(sentence)
                || l.future_in_sentence(doc, low, first));
            let second = match to {
                Some(to) => Some((end, to)),
                None => range::second_end(l, doc, low, first, end, found),
            };
            let (end, (value, precision, why)) = match second
                .and_then(|(end2, to)| Some((end2, range::resolve_pair(found, to, ctx)?)))
            {
                Some(r) => r,
                None => (end, resolve(found, ctx)),
            };
            if precision == Precision::Day {
                if let Some(d) = range_last_day(value.as_deref()) {
                    ctx.last_day = Some(d);
                    ctx.sentence_day = Some(d);
                    day_sentence = Some(sentence);
                }
            }
            if let Some(v) = value.as_deref() {
                ctx.last_year = v
                    .rsplit('/')
                    .next()
                    .and_then(|v| v.get(..4)?.parse().ok())
                    .or(ctx.last_year);
                let ahead = published.value.as_deref().is_some_and(|p| {
                    pubdate != PubDate::Unknown
                        && v.get(..10).unwrap_or(v) > p.get(..10).unwrap_or(p)
                });
                if ahead && matches!(found, Found::Period(_) | Found::Relative(_)) {
                    future_sentence = Some(sentence);
                }
            }
            out.push(expr(doc, first, end, value, precision, why));
            i = end.max(i + 1);
        }
        out
    }
}

/// The expression over tokens `first..end`.
fn expr(
    doc: &Doc,
    first: usize,
    end: usize,
    value: Option<String>,
    precision: Precision,
    why: Option<String>,
) -> TimeExpr {
    let start = doc.tokens.get(first).map_or(0, |t| t.span.start);
    let stop = doc
        .tokens
        .get(end.saturating_sub(1))
        .map_or(start, |t| t.span.end.max(start));
    let span = Span::new(start, stop);
    TimeExpr {
        text: span.slice(doc.text).to_string(),
        value,
        precision,
        why,
        span,
    }
}

/// The day a value ends on, when it is known to the day ("2024-01-19", or a range's end).
fn range_last_day(v: Option<&str>) -> Option<NaiveDate> {
    let v = v?;
    parse_iso_day(v.rsplit('/').next().unwrap_or(v))
}

impl TimeRules {
    /// The expressions of `times` that date an event to one day, each with its sentence: known
    /// to the day, not a range, and not the bound of a period ("depuis le 7 octobre": a count
    /// runs from that day, it is not valid for it). Figures and quotes take their as-of date
    /// from these (crate::as_of).
    pub(crate) fn event_days<'t>(
        &self,
        doc: &Doc,
        lang: &str,
        times: &'t [TimeExpr],
    ) -> Vec<(usize, &'t TimeExpr)> {
        let Some(l) = self.langs.get(lang) else {
            return Vec::new();
        };
        let low = doc.lowered();
        times
            .iter()
            .filter(|t| {
                t.precision == Precision::Day
                    && t.value.as_deref().is_some_and(|v| !v.contains('/'))
            })
            .filter(|t| {
                let first = doc.tokens.partition_point(|x| x.span.start < t.span.start);
                let before = (1..=2).filter_map(|b| first.checked_sub(b));
                !before
                    .into_iter()
                    .any(|k| l.not_as_of_after.contains(low.get(k)))
            })
            .map(|t| (doc.sentence_at(t.span.start), t))
            .collect()
    }
}

fn parse_iso_day(v: &str) -> Option<NaiveDate> {
    let mut p = v.split('-').map(|s| s.parse::<u32>().ok());
    let (y, m, d) = (p.next()??, p.next()??, p.next()??);
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A plain integer token (no separators) of at most `max_len` digits.
fn int_at(doc: &Doc, i: usize, max_len: usize) -> Option<u32> {
    let t = doc.tokens.get(i)?;
    let s = t.span.slice(doc.text);
    if t.kind != TokenKind::Number || s.len() > max_len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn year_at(doc: &Doc, i: usize) -> Option<i32> {
    let s = doc.tokens.get(i)?.span.slice(doc.text);
    let y = int_at(doc, i, 4).filter(|y| (1000..=2999).contains(y) && s.len() == 4)?;
    i32::try_from(y).ok()
}

/// The first year of a decade written with two digits ("années 90", "'90s"): this century's
/// for the first two decades, else the last century's.
fn two_digit_decade(n: u32) -> i32 {
    let n = i32::try_from(n).unwrap_or(0);
    if n <= 20 {
        2000 + n
    } else {
        1900 + n
    }
}

fn day_at(doc: &Doc, i: usize) -> Option<u32> {
    int_at(doc, i, 2).filter(|d| (1..=31).contains(d))
}

/// Whether tokens `a` and `b` touch.
fn touch(doc: &Doc, a: usize, b: usize) -> bool {
    match (doc.tokens.get(a), doc.tokens.get(b)) {
        (Some(x), Some(y)) => x.span.end == y.span.start,
        _ => false,
    }
}

/// Token `j` is the punctuation `p`, glued to `j - 1` and `j + 1`.
fn glued_punct(doc: &Doc, j: usize, p: &str) -> bool {
    doc.tokens
        .get(j)
        .is_some_and(|t| t.kind == TokenKind::Punct && t.span.slice(doc.text) == p)
        && touch(doc, j - 1, j)
        && touch(doc, j, j + 1)
}

impl TimeLang {
    /// Whether a future word comes shortly before token `i`, in its sentence and clause: the
    /// guidelines resolve a weekday of a future-tense sentence forward. The window is short so
    /// that a future verb of another clause does not turn a past weekday around.
    fn future_before(&self, doc: &Doc, low: &Lowered, i: usize) -> bool {
        let Some(t) = doc.tokens.get(i) else {
            return false;
        };
        let start = doc
            .sentences
            .get(doc.sentence_at(t.span.start))
            .map_or(i, |s| s.first.min(i))
            .max(i.saturating_sub(FUTURE_WINDOW));
        (start..i)
            .rev()
            .take_while(|&k| !matches!(low.get(k), "," | ";" | ":"))
            .any(|k| self.future_at(doc, low, k))
    }

    /// Whether a future word stands anywhere in the sentence of token `i`: a yearless date of
    /// such a sentence may lie months ahead; in any other it is not put far in the future.
    fn future_in_sentence(&self, doc: &Doc, low: &Lowered, i: usize) -> bool {
        let Some(t) = doc.tokens.get(i) else {
            return false;
        };
        let Some(s) = doc.sentences.get(doc.sentence_at(t.span.start)) else {
            return false;
        };
        (s.first..s.end).any(|k| self.future_at(doc, low, k))
    }

    /// Whether token `k` says the future: a future word or phrase starts there, or it is a
    /// lower-case verb with a future ending ("se rendra"; a capital marks a name, "Laura").
    fn future_at(&self, doc: &Doc, low: &Lowered, k: usize) -> bool {
        if self.future.at(low, k).is_some() {
            return true;
        }
        let word = low.get(k);
        word.chars().count() >= 4
            && self
                .future_suffixes
                .iter()
                .any(|x| word.ends_with(x.as_str()))
            && !self.not_future.contains(word)
            && doc.tok(k).starts_with(char::is_lowercase)
    }

    /// "on the 15th", "le 1er", "le 15,": a day number alone after an article, followed by
    /// punctuation or a linking word (not "the 15th century", "le 15 de France").
    fn day_alone(&self, doc: &Doc, low: &Lowered, i: usize) -> Option<(usize, Found)> {
        if !self.day_alone_before.contains(low.get(i.checked_sub(1)?)) {
            return None;
        }
        let day = day_at(doc, i)?;
        let j = self.skip_ordinal(doc, low, i + 1);
        if self.day_alone_ordinal && j == i + 1 {
            return None;
        }
        self.day_stands_alone(doc, low, j)
            .then_some((j, Found::DayOfMonth { day, weekday: None }))
    }

    /// Whether what follows a day number at token `j` lets the day stand without its month:
    /// the end of the text, punctuation of a clause, or a linking word.
    fn day_stands_alone(&self, doc: &Doc, low: &Lowered, j: usize) -> bool {
        j >= doc.tokens.len()
            || matches!(low.get(j), "," | "." | ";" | ":" | ")" | "!" | "?")
            || self.day_alone_after.contains(low.get(j))
    }

    /// "les années 1990", "les années 90", "the '90s": a decade.
    fn decade(&self, doc: &Doc, low: &Lowered, i: usize) -> Option<(usize, usize, Found)> {
        if self.decade_before.contains(low.get(i)) {
            if let Some(y) = year_at(doc, i + 1).filter(|y| y % 10 == 0) {
                return Some((i, i + 2, Found::Decade(y)));
            }
            let n = int_at(doc, i + 1, 2).filter(|n| n % 10 == 0)?;
            return Some((i, i + 2, Found::Decade(two_digit_decade(n))));
        }
        // "'90s": the apostrophe, two digits and "s" glued together.
        let n = int_at(doc, i, 2).filter(|n| n % 10 == 0 && doc.tok(i).len() == 2)?;
        let apostrophe = i
            .checked_sub(1)
            .is_some_and(|p| matches!(low.get(p), "'" | "’") && touch(doc, p, i));
        (apostrophe && low.get(i + 1) == "s" && touch(doc, i, i + 1))
            .then(|| (i - 1, i + 2, Found::Decade(two_digit_decade(n))))
    }

    /// A yearless date that names an event ("Sept. 11 attacks", "attentats du 13 novembre")
    /// takes the year of that event; anything else is returned as it is.
    fn named_day(&self, low: &Lowered, first: usize, end: usize, found: Found) -> Found {
        let Found::Date {
            year: None,
            month,
            day,
            weekday,
        } = found
        else {
            return found;
        };
        let Some(&year) = self.named_days.get(&(month, day)) else {
            return found;
        };
        let near = (end..end + 2).chain(first.saturating_sub(3)..first);
        if near
            .into_iter()
            .any(|k| self.event_words.contains(low.get(k)))
        {
            Found::Date {
                year: Some(year),
                month,
                day,
                weekday,
            }
        } else {
            found
        }
    }

    /// A four-digit number standing alone as a year ("the 2016 campaign", "par rapport à
    /// 2012"): plain digits in the years news speaks of, not glued to other digits or signs,
    /// not a count of the words after it, not an amount after a currency sign. A decade
    /// ("the 1940s") is the range of its years.
    fn bare_year(&self, doc: &Doc, low: &Lowered, i: usize) -> Option<(usize, Found)> {
        let y = year_at(doc, i).filter(|y| BARE_YEARS.contains(y))?;
        if y % 10 == 0 && low.get(i + 1) == "s" && touch(doc, i, i + 1) {
            return Some((i + 2, Found::Decade(y)));
        }
        // Part of a longer numeric form: "2015-2016", "10/2015", "1.2015".
        let glued = |j: usize, beyond: Option<usize>| {
            let touching = touch(doc, j.min(i), j.max(i));
            let number = |k: usize| {
                doc.tokens
                    .get(k)
                    .is_some_and(|t| t.kind == TokenKind::Number)
            };
            touching
                && (number(j)
                    || (matches!(low.get(j), "/" | "-" | ":" | "." | ",")
                        && beyond.is_some_and(|k| number(k) && touch(doc, j.min(k), j.max(k)))))
        };
        let after_sign = i
            .checked_sub(1)
            .is_some_and(|p| matches!(low.get(p), "$" | "€" | "£" | "n°" | "no" | "#"));
        let glued_before = i.checked_sub(1).is_some_and(|j| glued(j, j.checked_sub(1)));
        if glued(i + 1, Some(i + 2)) || glued_before || after_sign {
            return None;
        }
        (!self.not_year_after.contains(low.get(i + 1))).then_some((i + 1, Found::Year(y)))
    }

    /// A count at token `i` (digits or a word) and the unit after it, in days or months.
    fn count_unit(&self, doc: &Doc, low: &Lowered, i: usize) -> Option<Found> {
        let n = match int_at(doc, i, 3) {
            Some(n) => i64::from(n),
            None => *self.counts.get(low.get(i))?,
        };
        let unit = low.get(i + 1);
        if let Some(d) = self.ago_days.get(unit) {
            return Some(Found::DaysAgo(n * d));
        }
        self.ago_months.get(unit).map(|m| Found::MonthsAgo(n * m))
    }

    /// "the fall", "last fall", "cet été", "l'été dernier": a season after a word that makes
    /// it one, not a noun of its own ("the fall of the regime").
    fn season(&self, doc: &Doc, low: &Lowered, s: usize) -> Option<(usize, usize, Found)> {
        let month = *self.seasons.get(low.get(s))?;
        let of = usize::from(low.get(s + 1) == "of");
        if let Some(y) = year_at(doc, s + 1 + of) {
            return Some((s, s + 2 + of, Found::SeasonOf(month, y)));
        }
        let before = low.get(s.checked_sub(1)?);
        if !self.season_before.contains(before) || matches!(low.get(s + 1), "of" | "in" | "de") {
            return None;
        }
        let after = low.get(s + 1);
        let (dir, end) = if self.last_before.contains(before) {
            (-1, s + 1)
        } else if self.next_before.contains(before) {
            (1, s + 1)
        } else if self.last_after.contains(after) {
            (-1, s + 2)
        } else if self.next_after.contains(after) {
            (1, s + 2)
        } else {
            (0, s + 1)
        };
        Some((s, end, Found::Season(month, dir)))
    }

    /// "mi-mars", "mid-March [2019]": a month with a prefix glued to it.
    fn prefixed_month(&self, doc: &Doc, low: &Lowered, i: usize) -> Option<(usize, Found)> {
        let word = low.get(i);
        let p = self
            .month_prefixes
            .iter()
            .find(|p| word.starts_with(p.as_str()))?;
        let month = *self.months.get(word.get(p.len()..)?)?;
        let written = doc.tok(i).get(p.len()..)?;
        if self.capitalized_months && !written.starts_with(char::is_uppercase) {
            return None;
        }
        Some(match year_at(doc, i + 1) {
            Some(y) => (
                i + 2,
                Found::Month {
                    year: Some(y),
                    month,
                },
            ),
            None => (i + 1, Found::Month { year: None, month }),
        })
    }

    /// "7 derniers jours": a count, then a rolling period.
    fn rolling_at(&self, doc: &Doc, low: &Lowered, i: usize) -> Option<(usize, Found)> {
        let n = match int_at(doc, i, 3) {
            Some(n) => i64::from(n),
            None => *self.counts.get(low.get(i))?,
        };
        let (len, unit) = self.rolling.at(low, i + 1)?;
        let found = match unit {
            0 => Found::Period(Period::Vague),
            u => Found::Rolling(n * u),
        };
        Some((i + 1 + len, found))
    }

    /// "il y a trois mois", "voilà une semaine", "two years ago".
    fn ago(&self, doc: &Doc, low: &Lowered, i: usize) -> Option<(usize, Found)> {
        if let Some((n, ())) = self.ago_before.at(low, i) {
            return self.count_unit(doc, low, i + n).map(|f| (i + n + 2, f));
        }
        if let Some(f) = self.rolling_at(doc, low, i) {
            return Some(f);
        }
        let found = self.count_unit(doc, low, i)?;
        if let (Found::DaysAgo(n), true) = (found, self.after_words.contains(low.get(i + 2))) {
            return Some((i + 3, Found::DaysBefore(n)));
        }
        if let Some((n, dir)) = self.later.at(low, i + 2) {
            let counted = match found {
                Found::DaysAgo(d) => Found::Counted {
                    days: d * dir,
                    months: 0,
                },
                Found::MonthsAgo(m) => Found::Counted {
                    days: 0,
                    months: m * dir,
                },
                _ => return None,
            };
            return Some((i + 2 + n, counted));
        }
        self.ago_after
            .contains(low.get(i + 2))
            .then_some((i + 3, found))
    }

    fn month_at(&self, doc: &Doc, low: &Lowered, i: usize) -> Option<u32> {
        let m = *self.months.get(low.get(i))?;
        if self.capitalized_months && !doc.tok(i).starts_with(char::is_uppercase) {
            return None;
        }
        Some(m)
    }

    /// Skips the dot of an abbreviated month before a day or year ("Jan. 19", "janv. 2024"),
    /// not a sentence's final dot.
    fn skip_dot(&self, doc: &Doc, low: &Lowered, j: usize) -> usize {
        let before_number = doc
            .tokens
            .get(j + 1)
            .is_some_and(|t| t.kind == TokenKind::Number);
        if low.get(j) == "." && touch(doc, j - 1, j) && before_number {
            j + 1
        } else {
            j
        }
    }

    fn skip_ordinal(&self, doc: &Doc, low: &Lowered, j: usize) -> usize {
        if self.ordinals.contains(low.get(j)) && touch(doc, j - 1, j) {
            j + 1
        } else {
            j
        }
    }

    /// "7 octobre [2023]", "1er janvier", "19 January 2024".
    fn day_month(
        &self,
        doc: &Doc,
        low: &Lowered,
        i: usize,
        weekday: Option<u32>,
    ) -> Option<(usize, Found)> {
        let day = day_at(doc, i)?;
        let j = self.skip_ordinal(doc, low, i + 1);
        let j = j + usize::from(j > i + 1 && self.day_month_links.contains(low.get(j)));
        let month = self.month_at(doc, low, j)?;
        let j = self.skip_dot(doc, low, j + 1);
        let year = year_at(doc, j);
        let end = if year.is_some() { j + 1 } else { j };
        Some((
            end,
            Found::Date {
                year,
                month,
                day,
                weekday,
            },
        ))
    }

    /// "October 7[, 2023]", "Jan. 19", "October 2023".
    fn month_first(
        &self,
        doc: &Doc,
        low: &Lowered,
        i: usize,
        weekday: Option<u32>,
    ) -> Option<(usize, Found)> {
        let month = self.month_at(doc, low, i)?;
        let j = self.skip_dot(doc, low, i + 1);
        if let Some(year) = year_at(doc, j) {
            return weekday.is_none().then_some((
                j + 1,
                Found::Month {
                    year: Some(year),
                    month,
                },
            ));
        }
        if let Some(day) = day_at(doc, j) {
            let k = self.skip_ordinal(doc, low, j + 1);
            let comma = usize::from(low.get(k) == ",");
            return Some(match year_at(doc, k + comma) {
                Some(y) => (
                    k + comma + 1,
                    Found::Date {
                        year: Some(y),
                        month,
                        day,
                        weekday,
                    },
                ),
                None => (
                    k,
                    Found::Date {
                        year: None,
                        month,
                        day,
                        weekday,
                    },
                ),
            });
        }
        let after_prep = i
            .checked_sub(1)
            .is_some_and(|p| self.month_before.contains(low.get(p)))
            || self.month_before_phrases.ending_at(low, 0, i).is_some();
        (after_prep && weekday.is_none()).then_some((j, Found::Month { year: None, month }))
    }

    /// "samedi 7 octobre", "mercredi soir", "vendredi prochain", "last Tuesday", "Saturday, October 7".
    fn weekday(&self, doc: &Doc, low: &Lowered, i: usize) -> Option<(usize, usize, Found)> {
        let before_next = self.next_before.contains(low.get(i));
        let before_last = self.last_before.contains(low.get(i));
        let w = i + usize::from(before_next || before_last);
        let word = low.get(w);
        let possessive = word.strip_suffix("'s");
        let wd = *self.weekdays.get(possessive.unwrap_or(word))?;
        let mut j = w + 1;
        if possessive.is_some() {
            // "Tuesday's primaries": the day, with nothing after it.
            let dir = match (before_next, before_last) {
                (true, _) => Direction::Next,
                (_, true) => Direction::Last,
                _ => Direction::Recent,
            };
            return Some((i, j, Found::Weekday(wd, dir)));
        }
        if !(before_next || before_last) {
            let comma = usize::from(low.get(j) == ",");
            let article = usize::from(matches!(low.get(j + comma), "le" | "the"));
            let k = j + comma + article;
            if let Some((end, found)) = self
                .day_month(doc, low, k, Some(wd))
                .or_else(|| self.month_first(doc, low, k, Some(wd)))
            {
                return Some((i, end, found));
            }
            // "vendredi 29": the day of the month, without the month.
            if let Some(day) = day_at(doc, k).filter(|_| comma == 0) {
                let after = self.skip_ordinal(doc, low, k + 1);
                if self.day_stands_alone(doc, low, after) || self.day_parts.contains(low.get(after))
                {
                    let weekday = Some(wd);
                    return Some((i, after, Found::DayOfMonth { day, weekday }));
                }
            }
        }
        let mut dir = if before_next {
            Direction::Next
        } else if before_last {
            Direction::Last
        } else {
            Direction::Recent
        };
        if self.next_after.contains(low.get(j)) {
            dir = Direction::Next;
            j += 1;
        } else if self.last_after.contains(low.get(j)) {
            dir = Direction::Last;
            j += 1;
        }
        if self.day_parts.contains(low.get(j)) {
            j += 1;
        }
        Some((i, j, Found::Weekday(wd, dir)))
    }
}

/// The expression that starts at token `i`: first token, end token, what it says.
fn match_at(l: &TimeLang, doc: &Doc, low: &Lowered, i: usize) -> Option<(usize, usize, Found)> {
    let word = low.get(i);
    let unpossessed = word.strip_suffix("'s").unwrap_or(word);
    let prefixed = || {
        l.month_prefixes
            .iter()
            .any(|p| word.starts_with(p.as_str()))
    };
    if doc.tokens.get(i)?.kind != TokenKind::Number
        && !l.starts.contains(unpossessed)
        && !prefixed()
    {
        return None;
    }
    if let Some((end, f)) = l.prefixed_month(doc, low, i) {
        return Some((i, end, f));
    }
    if let Some((n, d)) = l.named.at(low, i) {
        return Some((i, i + n, Found::Named(*d)));
    }
    if let Some(f) = iso_or_numeric(doc, i) {
        return Some(f);
    }
    if let Some(f) = l.weekday(doc, low, i) {
        return Some(f);
    }
    if let Some((end, f)) = l
        .day_month(doc, low, i, None)
        .or_else(|| l.month_first(doc, low, i, None))
    {
        return Some((i, end, f));
    }
    if l.year_before.contains(low.get(i)) {
        if let Some(y) = year_at(doc, i + 1) {
            return Some((i + 1, i + 2, Found::Year(y)));
        }
    }
    if let Some((end, found)) = l.ago(doc, low, i) {
        return Some((i, end, found));
    }
    if let Some(f) = l.decade(doc, low, i) {
        return Some(f);
    }
    if let Some((end, found)) = l.day_alone(doc, low, i) {
        return Some((i, end, found));
    }
    if let Some((end, found)) = l.bare_year(doc, low, i) {
        return Some((i, end, found));
    }
    if let Some((n, period)) = l.periods.at(low, i) {
        return Some((i, i + n, Found::Period(*period)));
    }
    if let Some((n, off)) = l.relative.at(low, i) {
        return Some((i, i + n, Found::Relative(*off)));
    }
    if let Some((n, off)) = l.anchored.at(low, i) {
        // A part of a day followed by its day: the day ("l'après-midi de mercredi 31 juillet").
        let k = i + n + 1;
        let day_of_part = (*off == 0 && l.day_part_links.contains(low.get(i + n)))
            .then(|| match_at(l, doc, low, k))
            .flatten()
            .filter(|(f, _, found)| {
                *f == k && matches!(found, Found::Date { .. } | Found::Weekday(..))
            });
        if let Some((_, end, found)) = day_of_part {
            return Some((i, end, found));
        }
        // "the day after the primary": counted from the event named, dated only if the text
        // gave a day before.
        if l.anchor_events.contains(low.get(i + n)) {
            let counted = Found::Counted {
                days: *off,
                months: 0,
            };
            return Some((i, i + n, counted));
        }
        return Some((i, i + n, Found::Anchored(*off)));
    }
    if let Some((n, off)) = l.year_anchored.at(low, i) {
        return Some((i, i + n, Found::YearAnchored(*off)));
    }
    if let Some(f) = l.season(doc, low, i) {
        return Some(f);
    }
    if l.easter.contains(low.get(i)) {
        return Some((i, i + 1, Found::Easter));
    }
    if let Some((n, off)) = l.nights.at(low, i) {
        return Some((i, i + n, Found::Night(*off)));
    }
    if let Some((n, period)) = l.preceding.at(low, i) {
        return Some((i, i + n, Found::Preceding(*period)));
    }
    if let Some((n, month)) = l.holiday_months.at(low, i) {
        let month = *month;
        return Some((i, i + n, Found::Month { year: None, month }));
    }
    None
}

/// "2024-01-19" and, day first, "19/01/2024".
fn iso_or_numeric(doc: &Doc, i: usize) -> Option<(usize, usize, Found)> {
    let iso =
        year_at(doc, i).filter(|_| glued_punct(doc, i + 1, "-") && glued_punct(doc, i + 3, "-"));
    if let Some(year) = iso {
        let month = int_at(doc, i + 2, 2)?;
        let day = day_at(doc, i + 4)?;
        return Some((
            i,
            i + 5,
            Found::Date {
                year: Some(year),
                month,
                day,
                weekday: None,
            },
        ));
    }
    let day = day_at(doc, i)?;
    if !(glued_punct(doc, i + 1, "/") && glued_punct(doc, i + 3, "/")) {
        return None;
    }
    let month = int_at(doc, i + 2, 2)?;
    let year = year_at(doc, i + 4)?;
    Some((
        i,
        i + 5,
        Found::Date {
            year: Some(year),
            month,
            day,
            weekday: None,
        },
    ))
}

/// What the text around an expression gives to resolve it.
#[derive(Debug, Clone, Copy)]
struct Ctx {
    pubdate: PubDate,
    /// The last day the text gave, known to the day.
    last_day: Option<NaiveDate>,
    /// The last day given in the expression's own sentence.
    sentence_day: Option<NaiveDate>,
    /// The year of the last value the text gave.
    last_year: Option<i32>,
    /// Whether its sentence speaks of the future (a yearless date may then lie months ahead).
    future: bool,
}

/// What `found` stands for in its context.
fn resolve(found: Found, ctx: Ctx) -> Resolved {
    let Ctx {
        pubdate,
        last_day,
        future,
        ..
    } = ctx;
    match found {
        Found::Year(y) => (Some(y.to_string()), Precision::Year, None),
        Found::Decade(y) => (
            Some(format!("{y}/{}", y + 9)),
            Precision::Year,
            Some("decade".to_string()),
        ),
        Found::Month {
            year: Some(y),
            month,
        } if (1..=12).contains(&month) => {
            (Some(format!("{y:04}-{month:02}")), Precision::Month, None)
        }
        Found::Month { year: None, month } => match nearest_year(month, 1, None, pubdate, future) {
            Ok((d, why)) => (
                Some(format!("{:04}-{:02}", d.year(), d.month())),
                Precision::Month,
                why,
            ),
            Err(why) => unresolved(why),
        },
        Found::Month { .. } => unresolved("no such month".to_string()),
        Found::Date {
            year: Some(y),
            month,
            day,
            weekday,
        } => match NaiveDate::from_ymd_opt(y, month, day) {
            Some(d) if weekday.is_some_and(|w| d.weekday().num_days_from_monday() != w) => {
                day_value(
                    d,
                    Some("the weekday written does not match the date".to_string()),
                )
            }
            Some(d) => day_value(d, None),
            None => unresolved("no such date".to_string()),
        },
        Found::Date {
            year: None,
            month,
            day,
            weekday,
        } => match nearest_year(month, day, weekday, pubdate, future) {
            Ok((d, why)) => day_value(d, why),
            Err(why) => unresolved(why),
        },
        Found::Weekday(wd, dir) => {
            let PubDate::Day(p) = pubdate else {
                return publication_month(pubdate, "weekday");
            };
            let back = i64::from((p.weekday().num_days_from_monday() + 7 - wd) % 7);
            let offset = match dir {
                Direction::Recent => -back,
                Direction::Last if back == 0 => -7,
                Direction::Last => -back,
                Direction::Next if back == 0 => 7,
                Direction::Next => 7 - back,
                Direction::Upcoming => (7 - back) % 7,
            };
            day_value(p + Duration::days(offset), None)
        }
        // A weekend named in a future sentence, or on a Friday, is the coming one.
        Found::Period(Period::Weekend(0))
            if future || matches!(pubdate, PubDate::Day(p) if p.weekday() == Weekday::Fri) =>
        {
            resolve_period(Period::Weekend(1), pubdate)
        }
        Found::Period(period) => resolve_period(period, pubdate),
        Found::DaysAgo(n) => match pubdate {
            PubDate::Day(p) => day_value(
                p - Duration::days(n),
                Some("approximate offset".to_string()),
            ),
            other => publication_month(other, "offset in days"),
        },
        // "two years ago" is a year; "a year ago" is still the month of a year before.
        Found::MonthsAgo(n) if n % 12 == 0 && n > 12 => match pubdate.year() {
            Some(y) => (
                Some((i64::from(y) - n / 12).to_string()),
                Precision::Year,
                Some("approximate offset".to_string()),
            ),
            None => unresolved("offset in years needs a known publication year".to_string()),
        },
        Found::MonthsAgo(n) => match resolve_period(Period::Month(-n), pubdate) {
            (Some(v), p, _) => (Some(v), p, Some("approximate offset".to_string())),
            other => other,
        },
        Found::Relative(off) => match pubdate {
            PubDate::Day(p) => day_value(p + Duration::days(off), None),
            other => publication_month(other, "relative day"),
        },
        Found::Anchored(off) => match (last_day, pubdate) {
            (Some(d), _) => day_value(
                d + Duration::days(off),
                Some("counted from the previous date in the text".to_string()),
            ),
            (None, PubDate::Day(p)) => day_value(
                p + Duration::days(off),
                Some("counted from the publication date".to_string()),
            ),
            (None, other) => publication_month(other, "day counted from another"),
        },
        Found::Night(off) => match last_day.or(match pubdate {
            PubDate::Day(p) => Some(p),
            _ => None,
        }) {
            Some(d) => {
                let morning = d + Duration::days(off);
                (
                    Some(format!(
                        "{}/{}",
                        (morning - Duration::days(1)).format("%Y-%m-%d"),
                        morning.format("%Y-%m-%d")
                    )),
                    Precision::Day,
                    Some("night".to_string()),
                )
            }
            None => unresolved("night needs a date known to the day".to_string()),
        },
        Found::Named(d) => day_value(d, Some("date naming an event".to_string())),
        Found::Rolling(days) => match pubdate {
            PubDate::Day(p) => (
                Some(format!(
                    "{}/{}",
                    (p - Duration::days(days - 1)).format("%Y-%m-%d"),
                    p.format("%Y-%m-%d")
                )),
                Precision::Day,
                Some("rolling period".to_string()),
            ),
            other => unresolved(format!(
                "rolling period needs a publication date known to the day (have: {})",
                other.precision().as_str()
            )),
        },
        // "a day after X" in a sentence that dates nothing: its event is taken to be of the
        // publication day, as the guidelines' annotators read news.
        Found::DaysBefore(n) => match ctx.sentence_day.or(match pubdate {
            PubDate::Day(p) => Some(p),
            _ => None,
        }) {
            Some(d) => day_value(
                d - Duration::days(n),
                Some("date of the event it counts from".to_string()),
            ),
            None => unresolved("needs a date known to the day to count from".to_string()),
        },
        Found::YearAnchored(off) => match ctx.last_year.or(pubdate.year()) {
            Some(y) => (
                Some((i64::from(y) + off).to_string()),
                Precision::Year,
                Some("counted from the previous year in the text".to_string()),
            ),
            None => unresolved("needs a year to count from".to_string()),
        },
        Found::Season(month, dir) => resolve_season(month, dir, pubdate),
        Found::SeasonOf(month, y) => season_value(y, month),
        Found::Easter => match pubdate.year().and_then(easter_sunday) {
            Some(d) => day_value(d, Some("Easter Sunday of the publication year".to_string())),
            None => unresolved("Easter needs a known publication year".to_string()),
        },
        Found::Preceding(period) => resolve_period(period, last_day.map_or(pubdate, PubDate::Day)),
        Found::DayOfMonth { day, weekday } => resolve_day_of_month(day, weekday, ctx),
        Found::Counted { days, months } => resolve_counted(days, months, ctx),
    }
}

/// What a day-relative expression gives when the publication is known only to the month: that
/// month (the guidelines' rule for weekdays); unresolved when the month is not known either.
fn publication_month(pubdate: PubDate, what: &str) -> Resolved {
    match pubdate {
        PubDate::Month(y, m) => (
            Some(format!("{y:04}-{m:02}")),
            Precision::Month,
            Some("publication date known to the month".to_string()),
        ),
        other => unresolved(format!(
            "{what} needs a publication date known to the day (have: {})",
            other.precision().as_str()
        )),
    }
}

/// A day of the month written without its month: in the month of the last day the text gave;
/// else, with a weekday, the nearest such date that falls on it; else in the publication month,
/// or the one before (after, in a future sentence) when the day is not yet (already) past.
fn resolve_day_of_month(day: u32, weekday: Option<u32>, ctx: Ctx) -> Resolved {
    let in_month = |d: NaiveDate, off: i32| -> Option<NaiveDate> {
        let index = d.year() * 12 + i32::try_from(d.month0()).ok()? + off;
        NaiveDate::from_ymd_opt(
            index.div_euclid(12),
            u32::try_from(index.rem_euclid(12)).ok()? + 1,
            day,
        )
    };
    let reference = match (ctx.last_day, ctx.pubdate) {
        (Some(d), _) if weekday.is_none() => {
            return match in_month(d, 0) {
                Some(d) => day_value(
                    d,
                    Some("month of the previous date in the text".to_string()),
                ),
                None => unresolved("no such date".to_string()),
            };
        }
        (_, PubDate::Day(p)) => p,
        (_, other) => return publication_month(other, "day without its month"),
    };
    let found = match weekday {
        Some(w) => (-1..=1)
            .filter_map(|off| in_month(reference, off))
            .filter(|d| d.weekday().num_days_from_monday() == w)
            .min_by_key(|d| (*d - reference).num_days().abs()),
        None if ctx.future => [0, 1]
            .into_iter()
            .filter_map(|off| in_month(reference, off))
            .find(|d| *d >= reference),
        None => [0, -1]
            .into_iter()
            .filter_map(|off| in_month(reference, off))
            .find(|d| *d <= reference),
    };
    match found {
        Some(d) => day_value(d, None),
        None => unresolved("no such date near the publication".to_string()),
    }
}

/// Days or months counted from the last day the text gave ("two days later"); years from the
/// last year. Null when the text never dates what they count from: no guess from the
/// publication date.
fn resolve_counted(days: i64, months: i64, ctx: Ctx) -> Resolved {
    let why = Some("counted from the previous date in the text".to_string());
    if months != 0 && months % 12 == 0 {
        return match ctx.last_year {
            Some(y) => (
                Some((i64::from(y) + months / 12).to_string()),
                Precision::Year,
                why,
            ),
            None => unresolved("counted from an event the text does not date".to_string()),
        };
    }
    let Some(d) = ctx.last_day else {
        return unresolved("counted from an event the text does not date".to_string());
    };
    if months == 0 {
        return day_value(d + Duration::days(days), why);
    }
    let index = i64::from(d.year()) * 12 + i64::from(d.month0()) + months;
    (
        Some(format!(
            "{:04}-{:02}",
            index.div_euclid(12),
            index.rem_euclid(12) + 1
        )),
        Precision::Month,
        why,
    )
}

/// A period counted from the publication date: weeks and weekends as day ranges (the
/// guidelines' Monday to Sunday), months and years as such.
fn resolve_period(period: Period, pubdate: PubDate) -> Resolved {
    let range = |a: NaiveDate, b: NaiveDate, why: &str| {
        (
            Some(format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d"))),
            Precision::Day,
            Some(why.to_string()),
        )
    };
    let needs_day = || {
        unresolved(format!(
            "week needs a publication date known to the day (have: {})",
            pubdate.precision().as_str()
        ))
    };
    match (period, pubdate) {
        (Period::Vague, _) => unresolved("vague period".to_string()),
        (Period::Week(off), PubDate::Day(p)) => {
            let monday = p - Duration::days(i64::from(p.weekday().num_days_from_monday()))
                + Duration::weeks(off);
            range(monday, monday + Duration::days(6), "week range")
        }
        (Period::Weekend(off), PubDate::Day(p)) => {
            // The latest Saturday on or before the publication day, or the one a week off.
            let back = i64::from((p.weekday().num_days_from_monday() + 7 - 5) % 7);
            let saturday = match off {
                0 => p - Duration::days(back),
                o if o < 0 => p - Duration::days(if back == 0 { 7 } else { back }),
                _ => p + Duration::days(7 - back),
            };
            range(saturday, saturday + Duration::days(1), "weekend")
        }
        (Period::Week(0) | Period::Weekend(0), PubDate::Month(..)) => {
            publication_month(pubdate, "week")
        }
        (Period::Week(_) | Period::Weekend(_), _) => needs_day(),
        (Period::Month(off), _) => match pubdate.month() {
            Some((y, m)) => {
                let index = i64::from(y) * 12 + i64::from(m) - 1 + off;
                match i32::try_from(index.div_euclid(12)) {
                    Ok(y) => (
                        Some(format!("{y:04}-{:02}", index.rem_euclid(12) + 1)),
                        Precision::Month,
                        None,
                    ),
                    Err(_) => unresolved("no such month".to_string()),
                }
            }
            None => unresolved(format!(
                "month needs a publication date known to the month (have: {})",
                pubdate.precision().as_str()
            )),
        },
        (Period::Year(off), _) => match pubdate.year() {
            Some(y) => (
                Some((i64::from(y) + off).to_string()),
                Precision::Year,
                None,
            ),
            None => unresolved("year needs a known publication year".to_string()),
        },
    }
}

/// A season of three months starting in `month`: this year's, the last one ended before the
/// publication month, or the next one starting after it.
fn resolve_season(month: u32, dir: i64, pubdate: PubDate) -> Resolved {
    let Some((y, m)) = pubdate.month() else {
        return unresolved(format!(
            "season needs a publication date known to the month (have: {})",
            pubdate.precision().as_str()
        ));
    };
    let index = |y: i32, m: u32| i64::from(y) * 12 + i64::from(m) - 1;
    let now = index(y, m);
    let start = |y: i32| index(y, month);
    let year = match dir {
        0 => y,
        d if d < 0 && start(y) + 2 < now => y,
        d if d < 0 => y - 1,
        _ if start(y) > now => y,
        _ => y + 1,
    };
    season_value(year, month)
}

/// The three months of the season starting in `month` of `year`.
fn season_value(year: i32, month: u32) -> Resolved {
    let start = i64::from(year) * 12 + i64::from(month) - 1;
    let month_of = |i: i64| format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1);
    (
        Some(format!("{}/{}", month_of(start), month_of(start + 2))),
        Precision::Month,
        Some("season".to_string()),
    )
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm).
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let (b, c) = (year.div_euclid(100), year.rem_euclid(100));
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The date with this month and day nearest the publication date (previous, same or next
/// year), keeping only years where the written weekday matches. Err gives why not.
fn nearest_year(
    month: u32,
    day: u32,
    weekday: Option<u32>,
    pubdate: PubDate,
    future: bool,
) -> Result<(NaiveDate, Option<String>), String> {
    let reference = match pubdate {
        PubDate::Day(d) => d,
        PubDate::Month(y, m) => {
            NaiveDate::from_ymd_opt(y, m, 15).ok_or("publication date is invalid")?
        }
        PubDate::Year(y) => {
            let d = NaiveDate::from_ymd_opt(y, month, day).ok_or("no such date")?;
            return Ok((d, Some("year taken from the publication year".to_string())));
        }
        PubDate::Unknown => return Err("no year: publication date unknown".to_string()),
    };
    let y = reference.year();
    // Outside a future-tense sentence, news does not date its events months ahead.
    let candidates: Vec<NaiveDate> = [y - 1, y, y + 1]
        .iter()
        .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day))
        .filter(|d| future || (*d - reference).num_days() <= PAST_TENSE_AHEAD)
        .collect();
    let distance = |d: &NaiveDate| (*d - reference).num_days().abs();
    // A date a few days from the publication is meant even when its weekday is miswritten.
    let nearest = candidates.iter().min_by_key(|d| distance(d));
    let matching = match nearest {
        Some(d) if distance(d) <= WEEKDAY_SLIP => Some(d),
        _ => candidates
            .iter()
            .filter(|d| weekday.is_none_or(|w| d.weekday().num_days_from_monday() == w))
            .min_by_key(|d| distance(d)),
    };
    match matching.or(nearest) {
        Some(d) if weekday.is_none_or(|w| d.weekday().num_days_from_monday() == w) => {
            Ok((*d, None))
        }
        Some(d) => Ok((
            *d,
            Some("the weekday written does not match the date".to_string()),
        )),
        None => Err("no such date".to_string()),
    }
}

mod range;
#[cfg(test)]
mod tests;
