//! The publication date of a page, from the most to the least reliable place: JSON-LD
//! `datePublished`, publication `<meta>` tags, `<time>` and `itemprop=datePublished`
//! elements, a date in the URL, then a visible dateline or byline. Never a date from a script,
//! and never a date after `today` (the fetch date when known).

use chrono::NaiveDate;
use scraper::Html;
use storyline_model::{Precision, Published};

use super::metadata::{Metadata, Selectors};
use crate::date::{self, Date};
use crate::lexicon;

/// Longest visible text (bytes) read as a dateline: longer texts are prose, not a date line.
const MAX_DATE_TEXT: usize = 120;

/// The publication date; `Published::default()` when none is found.
pub fn published(
    page: &Html,
    sel: &Selectors,
    meta: &Metadata,
    url: Option<&str>,
    today: NaiveDate,
) -> Published {
    let found = |value: &str, from: &str| {
        date::parse(value)
            .filter(|d| !is_future(d, today))
            .map(|d| Published {
                value: Some(d.value),
                precision: d.precision,
                from: from.to_string(),
            })
    };
    let json_ld = || {
        meta.json_ld.iter().find_map(|o| {
            let value = o.get("datePublished").or(o.get("dateCreated"))?.as_str()?;
            found(value, "html:json-ld")
        })
    };
    let metas = || {
        lexicon::fields()
            .html
            .date
            .iter()
            .find_map(|n| found(meta.meta.get(n.as_str())?, &format!("html:{n}")))
    };
    let time = || {
        page.select(&sel.time).find_map(|t| {
            let e = t.value();
            let value = e.attr("datetime").or(e.attr("content"))?;
            found(value, "html:time")
        })
    };
    let from_url = || {
        url.and_then(url_date)
            .filter(|d| !is_future(d, today))
            .map(|d| Published {
                value: Some(d.value),
                precision: d.precision,
                from: "html:url".into(),
            })
    };
    let visible = || {
        page.select(&sel.dated).find_map(|e| {
            let attr = e.value().attr("datetime").or(e.value().attr("content"));
            if let Some(p) = attr.and_then(|a| found(a, "html:itemprop")) {
                return Some(p);
            }
            let text = super::clean::collapse(&e.text().collect::<String>());
            if text.is_empty() || text.len() > MAX_DATE_TEXT {
                return None;
            }
            text_date(&text)
                .filter(|d| !is_future(d, today))
                .map(|d| Published {
                    value: Some(d.value),
                    precision: d.precision,
                    from: "html:byline".into(),
                })
        })
    };
    let found = json_ld()
        .or_else(metas)
        .or_else(time)
        .or_else(from_url)
        .or_else(visible)
        .unwrap_or_default();
    // A URL gives the month at best: a visible date of that month gives the day.
    match (&found.value, found.precision) {
        (Some(month), Precision::Month) => visible()
            .filter(|day| {
                day.value
                    .as_deref()
                    .is_some_and(|d| d.starts_with(month.as_str()))
            })
            .unwrap_or(found),
        _ => found,
    }
}

/// Whether a date begins after `today`.
fn is_future(d: &Date, today: NaiveDate) -> bool {
    let first_day = match d.precision {
        Precision::Day => NaiveDate::parse_from_str(&d.value, "%Y-%m-%d").ok(),
        Precision::Month => NaiveDate::parse_from_str(&format!("{}-01", d.value), "%Y-%m-%d").ok(),
        Precision::Year => {
            NaiveDate::parse_from_str(&format!("{}-01-01", d.value), "%Y-%m-%d").ok()
        }
        Precision::Unknown => None,
    };
    first_day.is_none_or(|day| day > today)
}

/// A `/2019/08/02/`, `/2019-08-02`, `/20190802` or `/2019/08/` date in a URL path.
pub fn url_date(url: &str) -> Option<Date> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let parts: Vec<&str> = path.split(['/', '_', '.']).collect();
    for (i, part) in parts.iter().enumerate() {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if digits(part, 4) {
            let month = parts.get(i + 1).filter(|m| digits(m, 2) || digits(m, 1));
            let day = parts.get(i + 2).filter(|d| digits(d, 2) || digits(d, 1));
            let text = match (month, day) {
                (Some(m), Some(d)) => format!("{part}-{m:0>2}-{d:0>2}"),
                (Some(m), None) => format!("{part}-{m:0>2}"),
                _ => continue,
            };
            if let Some(d) = date::parse(&text) {
                return Some(d);
            }
        }
        if let Some(d) = part
            .get(..10)
            .filter(|p| p.as_bytes().get(4) == Some(&b'-'))
            .and_then(date::parse)
        {
            return Some(d);
        }
        if digits(part, 8) && part.starts_with(['1', '2']) {
            let text = format!("{}-{}-{}", &part[..4], &part[4..6], &part[6..]);
            if let Some(d) = date::parse(&text) {
                return Some(d);
            }
        }
    }
    None
}

/// The first date written in a short visible text ("Publié le 19 janvier 2024 à 10h").
pub(super) fn text_date(text: &str) -> Option<Date> {
    let mut rest = text;
    loop {
        if let Some((d, _)) = date::parse_prefix(rest) {
            if d.precision == Precision::Day {
                return Some(d);
            }
        }
        let next = rest.find(char::is_whitespace)?;
        rest = rest[next..].trim_start();
    }
}
