//! One HTML response of a WARC file: the page as HTML, with the record's target URI and date
//! as fallbacks for what the page does not say. The record's date is also the day the page was
//! fetched, so no publication date after it is believed.

use chrono::NaiveDate;
use storyline_model::{Precision, Published};

use crate::body::{non_empty, Draft};
use crate::{date, html};

/// Reads the `WARC-*` header lines, the blank line, then the page (the layout
/// `storyline_sources` gives a [`storyline_model::Format::Warc`] document).
pub fn read(text: &str) -> Draft {
    let (head, page) = text.split_once("\n\n").unwrap_or(("", text));
    let field = |name: &str| {
        head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then_some(value)
        })
    };
    let fetched = field("WARC-Date")
        .and_then(date::parse)
        .filter(|d| d.precision == Precision::Day)
        .and_then(|d| NaiveDate::parse_from_str(&d.value, "%Y-%m-%d").ok());
    let mut draft = match fetched {
        Some(day) => html::read_at(page, day),
        None => html::read(page),
    };
    if draft.url.is_none() {
        draft.url = field("WARC-Target-URI").and_then(non_empty);
    }
    if draft.published.value.is_none() {
        if let Some(found) = field("WARC-Date").and_then(date::parse) {
            draft.published = Published {
                value: Some(found.value),
                precision: found.precision,
                from: "warc:WARC-Date".into(),
            };
        }
    }
    draft
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_headers_fill_what_the_page_lacks() {
        let text = "WARC-Type: response\nWARC-Target-URI: https://ex.fr/a\nWARC-Date: 2020-07-02T16:28:39Z\n\n\
            <html><body><p>Un paragraphe.</p></body></html>";
        let d = read(text);
        assert_eq!(d.url.as_deref(), Some("https://ex.fr/a"));
        assert_eq!(d.published.value.as_deref(), Some("2020-07-02"));
        assert_eq!(d.published.from, "warc:WARC-Date");
        assert_eq!(d.paragraphs, ["Un paragraphe."]);
    }

    #[test]
    fn the_page_wins_over_the_record() {
        let text = "WARC-Target-URI: https://ex.fr/a?utm=1\nWARC-Date: 2020-07-03T01:00:00Z\n\n\
            <html><head><link rel=canonical href=\"https://ex.fr/a\">\
            <meta property=\"article:published_time\" content=\"2020-07-01T23:09:00+02:00\"></head>\
            <body><p>Texte.</p></body></html>";
        let d = read(text);
        assert_eq!(d.url.as_deref(), Some("https://ex.fr/a"));
        assert_eq!(d.published.value.as_deref(), Some("2020-07-01"));
        assert_eq!(d.published.from, "html:article:published_time");
    }

    #[test]
    fn a_page_date_after_the_fetch_is_not_believed() {
        let text = "WARC-Target-URI: https://ex.fr/a\nWARC-Date: 2020-07-03T01:00:00Z\n\n\
            <html><head><meta property=\"article:published_time\" content=\"2024-01-01T10:00:00Z\">\
            </head><body><p>Texte.</p></body></html>";
        let d = read(text);
        assert_eq!(d.published.value.as_deref(), Some("2020-07-03"));
        assert_eq!(d.published.from, "warc:WARC-Date");
    }
}
