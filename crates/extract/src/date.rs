//! Publication dates as written ("2023-10", "19/01/2024", "19 janvier 2024", "Fri, 19 Jan 2024 10:00:00 +0100")
//! to an ISO value truncated to the precision the text gives.

use chrono::NaiveDate;
use storyline_model::Precision;

use crate::lexicon::date_words;

/// A parsed date: ISO value (`2024-01-19`, `2023-10`, `2023`) and its precision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Date {
    /// ISO form truncated to the precision.
    pub value: String,
    /// Day, month or year.
    pub precision: Precision,
}

/// Most whitespace-separated words a written date takes ("vendredi 19 janvier 2024 à 10h30 CET").
const MAX_DATE_WORDS: usize = 8;

/// Parses `text` when all of it is a date (a time of day and zone may follow and are dropped;
/// the date is the one written, not converted to UTC, because the outlet's local day is the
/// publication day). Numeric `a/b/yyyy` is read day first unless `b` cannot be a month.
pub fn parse(text: &str) -> Option<Date> {
    let text = text.trim();
    iso(text).or_else(|| numeric(text)).or_else(|| words(text))
}

/// The longest leading run of words of `text` that is a date, with its length in bytes:
/// for headers whose value shares the line with the body (` date 2023-10 Une délégation…`).
pub fn parse_prefix(text: &str) -> Option<(Date, usize)> {
    let ends: Vec<usize> = word_ends(text).take(MAX_DATE_WORDS).collect();
    ends.iter()
        .rev()
        .find_map(|&end| text.get(..end).and_then(parse).map(|date| (date, end)))
}

/// Byte offsets where each whitespace-separated word of `text` ends.
fn word_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.char_indices().filter_map(move |(i, c)| {
        let next = text
            .get(i + c.len_utf8()..)
            .and_then(|rest| rest.chars().next());
        (!c.is_whitespace() && next.is_none_or(char::is_whitespace)).then_some(i + c.len_utf8())
    })
}

fn day(year: i32, month: u32, day: u32) -> Option<Date> {
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(Date {
        value: date.format("%Y-%m-%d").to_string(),
        precision: Precision::Day,
    })
}

fn month(year: i32, month: u32) -> Option<Date> {
    NaiveDate::from_ymd_opt(year, month, 1)?;
    Some(Date {
        value: format!("{year:04}-{month:02}"),
        precision: Precision::Month,
    })
}

fn year(year: i32) -> Option<Date> {
    (1000..=2999).contains(&year).then(|| Date {
        value: format!("{year:04}"),
        precision: Precision::Year,
    })
}

/// `2024`, `2023-10`, `2024-01-19`, `2024/01/19`, with an optional `T…` or ` hh:mm…` time.
fn iso(text: &str) -> Option<Date> {
    let (date_part, time) = match text.find(['T', ' ']) {
        Some(pos) => (text.get(..pos)?, text.get(pos + 1..)?),
        None => (text, ""),
    };
    if !time.is_empty() && !is_time(time) {
        return None;
    }
    let mut parts = date_part.split(['-', '/']);
    let y = parts.next().filter(|p| p.len() == 4)?;
    let y: i32 = digits(y)?;
    let m = parts.next();
    let d = parts.next();
    if parts.next().is_some() {
        return None;
    }
    match (m, d) {
        (None, None) if time.is_empty() => year(y),
        (Some(m), None) if m.len() == 2 && time.is_empty() => month(y, digits(m)?),
        (Some(m), Some(d)) if m.len() == 2 && d.len() == 2 => day(y, digits(m)?, digits(d)?),
        _ => None,
    }
}

/// `19/01/2024`, `19.01.2024`, `19-01-2024` (day first), or `01/19/2024` when 19 cannot be a month.
fn numeric(text: &str) -> Option<Date> {
    let (date_part, time) = text.split_once(' ').unwrap_or((text, ""));
    if !time.is_empty() && !is_time(time) {
        return None;
    }
    let sep = date_part.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let parts: Vec<&str> = date_part.split(sep).collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || a.is_empty() || a.len() > 2 || b.is_empty() || b.len() > 2 {
        return None;
    }
    let (a, b, y): (u32, u32, i32) = (digits(a)?, digits(b)?, digits(y)?);
    if b > 12 {
        day(y, a, b)
    } else {
        day(y, b, a)
    }
}

/// Dates in words: `19 janvier 2024`, `January 19, 2024`, `Fri, 19 Jan 2024 10:00:00 +0100`, `janvier 2024`.
fn words(text: &str) -> Option<Date> {
    let lexicon = date_words();
    let (mut d, mut m, mut y) = (None, None, None);
    for raw in text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
    {
        let word = raw.to_lowercase();
        let bare = word.trim_end_matches('.');
        let skip = lexicon
            .words
            .weekdays
            .iter()
            .chain(&lexicon.words.fillers)
            .any(|w| w == bare);
        if skip {
            continue;
        }
        if let (None, Some(&month)) = (m, lexicon.months.get(bare)) {
            m = Some(month);
        } else if bare.len() == 4 && y.is_none() && m.is_some() {
            y = Some(digits::<i32>(bare)?);
        } else if let (None, None, Some(n)) = (d, y, day_number(bare)) {
            d = Some(n);
        } else if y.is_none() || !is_time(&word) {
            return None;
        }
    }
    match (d, m, y) {
        (Some(d), Some(m), Some(y)) => day(y, m, d),
        (None, Some(m), Some(y)) => month(y, m),
        _ => None,
    }
}

/// A day number, possibly ordinal ("1er", "19th").
fn day_number(word: &str) -> Option<u32> {
    let lexicon = date_words();
    let number = lexicon
        .words
        .ordinals
        .iter()
        .find_map(|o| word.strip_suffix(o.as_str()))
        .unwrap_or(word);
    digits::<u32>(number).filter(|n| (1..=31).contains(n) && number.len() <= 2)
}

/// Time of day and zone words: `10:00`, `10:00:00+01:00`, `10h30`, `+0100`, `Z`, `UTC`, `am`.
fn is_time(text: &str) -> bool {
    let zones = &date_words().words.zones;
    text.split_whitespace().all(|word| {
        let lower = word.to_lowercase();
        let has_digit = lower.chars().any(|c| c.is_ascii_digit());
        let time_chars = lower
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'z' | 'h'));
        (has_digit && time_chars) || zones.contains(&lower) || lower == "am" || lower == "pm"
    })
}

/// An all-ASCII-digit string as a number.
fn digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Option<(String, Precision)> {
        parse(text).map(|d| (d.value, d.precision))
    }

    fn some(value: &str, precision: Precision) -> Option<(String, Precision)> {
        Some((value.to_string(), precision))
    }

    #[test]
    fn iso_forms() {
        assert_eq!(p("2023-10"), some("2023-10", Precision::Month));
        assert_eq!(p("2024-01-19"), some("2024-01-19", Precision::Day));
        assert_eq!(
            p("2024-01-19T10:00:00+01:00"),
            some("2024-01-19", Precision::Day)
        );
        assert_eq!(
            p("2024-01-19T23:30:00Z"),
            some("2024-01-19", Precision::Day)
        );
        assert_eq!(p("2024-01-19 10:00"), some("2024-01-19", Precision::Day));
        assert_eq!(p("2023"), some("2023", Precision::Year));
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(p("19/01/2024"), some("2024-01-19", Precision::Day));
        assert_eq!(p("19.01.2024"), some("2024-01-19", Precision::Day));
        assert_eq!(p("01/19/2024"), some("2024-01-19", Precision::Day));
        assert_eq!(p("03/04/2024"), some("2024-04-03", Precision::Day));
    }

    #[test]
    fn word_forms() {
        assert_eq!(p("January 19, 2024"), some("2024-01-19", Precision::Day));
        assert_eq!(p("19 janvier 2024"), some("2024-01-19", Precision::Day));
        assert_eq!(
            p("vendredi 1er décembre 2023"),
            some("2023-12-01", Precision::Day)
        );
        assert_eq!(
            p("Fri, 19 Jan 2024 10:00:00 +0100"),
            some("2024-01-19", Precision::Day)
        );
        assert_eq!(p("octobre 2023"), some("2023-10", Precision::Month));
        assert_eq!(
            p("Le 7 oct. 2023 à 10h30"),
            some("2023-10-07", Precision::Day)
        );
    }

    #[test]
    fn not_dates() {
        for text in [
            "",
            "2023-13",
            "2024-02-30",
            "31/31/2024",
            "Une délégation",
            "19 janvier",
            "mars",
            "12345",
        ] {
            assert_eq!(p(text), None, "{text}");
        }
    }

    #[test]
    fn prefix_of_a_line() {
        let (date, len) = parse_prefix("2023-10 Une délégation du Hamas").unwrap_or((
            Date {
                value: String::new(),
                precision: Precision::Unknown,
            },
            0,
        ));
        assert_eq!(
            (date.value.as_str(), date.precision, len),
            ("2023-10", Precision::Month, 7)
        );
        let found = parse_prefix("19 janvier 2024 Moscou");
        assert_eq!(
            found.map(|(d, len)| (d.value, len)),
            Some(("2024-01-19".to_string(), 15))
        );
        assert_eq!(parse_prefix("Une délégation"), None);
    }
}
