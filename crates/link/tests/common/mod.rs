//! Test articles. Fixture articles: a first line `id|date|outlet|title`, then paragraphs
//! separated by blank lines; the facts may be real, the sentences are written for these tests.
//! JSON records: the data sets of ../shared (OrangeSum, BASIL).

#![allow(dead_code)] // each test file uses a different part of these helpers

use storyline_analyze::Analyzer;
use storyline_model::{Analysis, Article, Precision, Published};

/// The fixtures of the linking tests: two outlets on one event, the same actors three months
/// later, a wire copy and its original, and unrelated articles (name, language).
pub const EVENT_FIXTURES: [(&str, &str); 7] = [
    ("moscou_visite_a.txt", "fr"),
    ("football.txt", "fr"),
    ("wire_copy.txt", "en"),
    ("moscou_otages_janvier.txt", "fr"),
    ("moscou_visite_b.txt", "fr"),
    ("budget.txt", "fr"),
    ("wire_original.txt", "en"),
];

/// The analyses of the fixtures `names` (name, language), in that order.
pub fn fixtures<'n>(names: impl IntoIterator<Item = &'n (&'n str, &'n str)>) -> Vec<Analysis> {
    let analyzer = Analyzer::new();
    names
        .into_iter()
        .map(|(name, lang)| fixture(&analyzer, name, lang))
        .collect()
}

/// The analysis of fixture `name` (in tests/fixtures), with the language given.
pub fn fixture(analyzer: &Analyzer, name: &str, lang: &str) -> Analysis {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (header, body) = text
        .split_once('\n')
        .unwrap_or_else(|| panic!("{path}: no header line"));
    let fields: Vec<&str> = header.split('|').collect();
    let [id, date, outlet, title] = fields[..] else {
        panic!("{path}: header needs id|date|outlet|title")
    };
    let article = Article {
        id: id.to_string(),
        outlet: Some(outlet.to_string()),
        title: Some(title.to_string()),
        published: Published {
            value: Some(date.to_string()),
            precision: Precision::Day,
            from: "header".to_string(),
        },
        lang: Some(lang.to_string()),
        paragraphs: body
            .split("\n\n")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect(),
        origin: path,
        ..Article::default()
    };
    analyzer.analyze(&article)
}

/// An analysis with the given terms (each counted once), no entity and no fingerprint (so
/// that the near-duplicate detector stays out of the way), published on `date`.
pub fn synthetic(base: &Analysis, id: &str, date: &str, terms: &[String]) -> Analysis {
    let mut a = base.clone();
    a.id = id.to_string();
    a.terms = terms.iter().map(|t| (t.clone(), 1)).collect();
    a.entities.clear();
    a.fingerprint.clear();
    a.published = Published {
        value: Some(date.to_string()),
        precision: Precision::Day,
        from: "test".to_string(),
    };
    a
}

/// `n` distinct terms named after `prefix`.
pub fn words(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i}")).collect()
}

/// The string field `name` of a JSON record.
pub fn json_field(json: &serde_json::Value, name: &str) -> Option<String> {
    json.get(name).and_then(|v| v.as_str()).map(str::to_string)
}

/// An article in language `lang` from a JSON record's `title`, `source` (the outlet) and
/// `date` (a day; unknown when absent).
pub fn json_article(
    json: &serde_json::Value,
    id: String,
    lang: &str,
    paragraphs: Vec<String>,
) -> Article {
    let date = json_field(json, "date");
    Article {
        id,
        title: json_field(json, "title"),
        outlet: json_field(json, "source"),
        published: Published {
            precision: if date.is_some() {
                Precision::Day
            } else {
                Precision::Unknown
            },
            value: date,
            from: "json:date".to_string(),
        },
        lang: Some(lang.to_string()),
        paragraphs,
        ..Article::default()
    }
}
