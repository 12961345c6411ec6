//! Tests of as-of dates: sentences written for these tests.

use storyline_model::{Precision, Published};

use super::*;
use crate::figures::FigureRules;
use crate::quotes::QuoteRules;

fn day(v: &str) -> Published {
    Published {
        value: Some(v.to_string()),
        precision: Precision::Day,
        from: "test".to_string(),
    }
}

/// Figures of `text` with their as-of dates, after the time rules dated them.
fn figures_dated(text: &str, lang: &str, p: &Published) -> Vec<(f64, Option<String>)> {
    let doc = Doc::new(text);
    let rules = TimeRules::bundled();
    let times = rules.find(&doc, lang, p);
    let mut figures = FigureRules::bundled().find(&doc, lang, &times, &[]);
    date(&rules, &doc, lang, &times, &mut figures, &mut []);
    figures.into_iter().map(|f| (f.value, f.as_of)).collect()
}

#[test]
fn figures_take_the_day_their_sentence_dates() {
    let pubd = day("2024-01-19");
    assert_eq!(
        figures_dated(
            "Mardi soir, 17 personnes ont été interpellées à Lyon.",
            "fr",
            &pubd
        ),
        [(17.0, Some("2024-01-16".to_string()))]
    );
    // Two dates in one sentence: each figure takes the nearest.
    assert_eq!(
        figures_dated(
            "Trafic de 35 % le 1er février et de 50 % le 2 février.",
            "fr",
            &pubd
        ),
        [
            (35.0, Some("2024-02-01".to_string())),
            (50.0, Some("2024-02-02".to_string()))
        ]
    );
    // A date that starts a period does not date the count, nor does another sentence's.
    assert_eq!(
        figures_dated(
            "Depuis le 7 octobre, 1 400 personnes ont été tuées.",
            "fr",
            &pubd
        ),
        [(1400.0, None)]
    );
    assert_eq!(
        figures_dated(
            "The vote was on Tuesday. 300 people were arrested.",
            "en",
            &pubd
        ),
        [(300.0, None)]
    );
}

/// Quotes of `text` (their words) with their as-of dates.
fn quotes_dated(text: &str, lang: &str, p: &Published) -> Vec<(String, Option<String>)> {
    let doc = Doc::new(text);
    let rules = TimeRules::bundled();
    let times = rules.find(&doc, lang, p);
    let mut quotes = QuoteRules::bundled().find(&doc, lang, &[]);
    date(&rules, &doc, lang, &times, &mut [], &mut quotes);
    quotes.into_iter().map(|q| (q.text, q.as_of)).collect()
}

fn said(text: &str, as_of: Option<&str>) -> (String, Option<String>) {
    (text.to_string(), as_of.map(str::to_string))
}

#[test]
fn quotes_take_the_day_their_sentence_dates() {
    let pubd = day("2024-01-19");
    assert_eq!(
        quotes_dated(
            "« Nous ne reculerons pas », a déclaré mardi le ministre.",
            "fr",
            &pubd
        ),
        [said("Nous ne reculerons pas", Some("2024-01-16"))]
    );
    assert_eq!(
        quotes_dated(
            "On Jan. 10, the minister said: \"We will not back down.\"",
            "en",
            &pubd
        ),
        [said("We will not back down.", Some("2024-01-10"))]
    );
    // Another sentence's day does not date the quote.
    assert_eq!(
        quotes_dated(
            "The vote was on Tuesday. \"We will not back down,\" the minister said.",
            "en",
            &pubd
        ),
        [said("We will not back down,", None)]
    );
}

#[test]
fn a_day_inside_the_quoted_words_is_what_is_said_not_when() {
    let pubd = day("2024-01-19");
    assert_eq!(
        quotes_dated(
            "« Nous partirons lundi prochain », a déclaré le ministre.",
            "fr",
            &pubd
        ),
        [said("Nous partirons lundi prochain", None)]
    );
    // With a day outside too, that one is taken even though the inner one is nearer.
    assert_eq!(
        quotes_dated(
            "Hier, le ministre a dit : « Nous partirons lundi prochain ».",
            "fr",
            &pubd
        ),
        [said("Nous partirons lundi prochain", Some("2024-01-18"))]
    );
}
