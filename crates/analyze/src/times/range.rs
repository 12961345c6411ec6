//! Ranges of two time expressions: "du 24 au 25 octobre 2018", "entre le 1er mars et le 30
//! avril 2020", "2007 to 2014", "April and May", "nuit de mercredi à jeudi 27 février". The
//! value is `start/end`, as the guidelines write a range.

use chrono::{Datelike, Duration};

use super::{match_at, resolve, Ctx, Found, Resolved, TimeLang};
use crate::figures::phrase::Lowered;
use crate::text::Doc;

/// The second end of a range whose first end `found` spans `first..end`: the end token and
/// what the second end says. "et"/"and" join a range only after "entre"/"between" or between
/// two months, so that "lundi et mardi" stay two days.
pub(super) fn second_end(
    l: &TimeLang,
    doc: &Doc,
    low: &Lowered,
    first: usize,
    end: usize,
    found: Found,
) -> Option<(usize, Found)> {
    let is_month = matches!(found, Found::Month { .. });
    let (n, and) = match l.range_to.at(low, end) {
        Some((n, ())) => (n, false),
        None => (l.range_and.at(low, end)?.0, true),
    };
    let k = end + n;
    let second = match_at(l, doc, low, k)
        .filter(|(f, _, _)| *f == k)
        .map(|(_, e, f)| (e, f))
        .or_else(|| bare_month(l, doc, low, k).filter(|_| is_month))?;
    let opened = (1..=2).any(|back| {
        first
            .checked_sub(back)
            .is_some_and(|p| l.range_open.contains(low.get(p)))
    });
    let compatible = matches!(
        (found, second.1),
        (Found::Month { .. }, Found::Month { .. })
            | (Found::Year(_), Found::Year(_))
            | (
                Found::Date { .. } | Found::Weekday(..),
                Found::Date { .. } | Found::Weekday(..)
            )
    );
    (compatible && (!and || opened || is_month)).then_some(second)
}

/// A month name with its year if one follows ("May", "mai 2020"), for the second end of a
/// range of months, which needs no preposition of its own.
fn bare_month(l: &TimeLang, doc: &Doc, low: &Lowered, k: usize) -> Option<(usize, Found)> {
    let month = l.month_at(doc, low, k)?;
    Some(match super::year_at(doc, k + 1) {
        Some(y) => (
            k + 2,
            Found::Month {
                year: Some(y),
                month,
            },
        ),
        None => (k + 1, Found::Month { year: None, month }),
    })
}

/// "24 au 25 octobre 2018", "22 au 28 juillet": a bare day number, a range connector, then a
/// day and month. Gives the end token and both ends.
pub(super) fn day_range(
    l: &TimeLang,
    doc: &Doc,
    low: &Lowered,
    i: usize,
) -> Option<(usize, Found, Found)> {
    let day = super::day_at(doc, i)?;
    let (n, ()) = l.range_to.at(low, i + 1)?;
    let (end, to) = l.day_month(doc, low, i + 1 + n, None)?;
    let Found::Date {
        year,
        month,
        day: day2,
        ..
    } = to
    else {
        return None;
    };
    (day < day2).then_some((
        end,
        Found::Date {
            year,
            month,
            day,
            weekday: None,
        },
        to,
    ))
}

/// A range of two expressions, or None when the two do not make one (an end unresolved, or
/// the first not before the second). A yearless first end takes the year of the second (the
/// year before when its month comes later); a weekday is the latest such day before the
/// second end.
pub(super) fn resolve_pair(from: Found, to: Found, ctx: Ctx) -> Option<Resolved> {
    let (v2, p2, _) = resolve(to, ctx);
    let v2 = v2.filter(|v| !v.contains('/'))?;
    let from = match (from, to) {
        (
            Found::Date {
                year: None,
                month,
                day,
                weekday,
            },
            Found::Date {
                year: Some(y),
                month: m2,
                day: d2,
                ..
            },
        ) => Found::Date {
            year: Some(if (month, day) <= (m2, d2) { y } else { y - 1 }),
            month,
            day,
            weekday,
        },
        (
            Found::Month { year: None, month },
            Found::Month {
                year: Some(y),
                month: m2,
            },
        ) => Found::Month {
            year: Some(if month <= m2 { y } else { y - 1 }),
            month,
        },
        (Found::Weekday(wd, _), _) => {
            let d2 = super::parse_iso_day(&v2)?;
            let back = (d2.weekday().num_days_from_monday() + 7 - wd) % 7;
            let d1 = d2 - Duration::days(i64::from(if back == 0 { 7 } else { back }));
            return Some((Some(format!("{}/{v2}", d1.format("%Y-%m-%d"))), p2, None));
        }
        (other, _) => other,
    };
    let (v1, p1, _) = resolve(from, ctx);
    let v1 = v1.filter(|v| !v.contains('/') && *v < v2)?;
    (p1 == p2).then(|| (Some(format!("{v1}/{v2}")), p1, None))
}
