//! What the `sources` and `extract` stages produce.

use serde::{Deserialize, Serialize};

/// One input unit as read from disk or stdin, already decoded to clean UTF-8 (NFC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawDoc {
    /// Where it came from: a file path, `path:line` for JSON lines, or `-` for stdin.
    pub origin: String,
    /// The format the reader detected from the name or content.
    pub format: Format,
    /// The decoded text of the whole unit.
    pub text: String,
}

/// Input formats the extractor understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text with an optional `key value` header.
    Txt,
    /// One JSON object, or an array of them.
    Json,
    /// One JSON object per line (a RawDoc then holds one line).
    Jsonl,
    /// An HTML page.
    Html,
    /// An RSS, Atom or JSON feed: one article per item.
    Feed,
    /// One HTML response of a WARC file: its `WARC-*` header lines, a blank line, then the page.
    Warc,
}

/// How precisely a date is known.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// Known to the day (`2024-01-19`).
    Day,
    /// Known to the month (`2023-10`).
    Month,
    /// Known to the year (`2023`).
    Year,
    /// Not known.
    #[default]
    Unknown,
}

impl Precision {
    /// The name used in JSON and in the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Unknown => "unknown",
        }
    }
}

/// A publication date with its precision and where it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Published {
    /// ISO form truncated to the precision: `2024-01-19`, `2023-10`, `2023`, or null.
    pub value: Option<String>,
    /// How precisely the date is known.
    pub precision: Precision,
    /// Where it was read: `header`, `json:<field>`, `html:<meta name>`, or `none`.
    pub from: String,
}

/// An article as the `extract` stage produces it: metadata and clean paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Article {
    /// Stable id: the input's own id when it has one, otherwise a hash of url and text.
    pub id: String,
    /// Canonical URL, when known.
    pub url: Option<String>,
    /// The outlet (publisher) name, when known.
    pub outlet: Option<String>,
    /// The headline, when known.
    pub title: Option<String>,
    /// The byline: the people who wrote the article (`A; B`), never an agency or a desk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Publication date with its precision.
    pub published: Published,
    /// Dateline such as `Moscou` or `WASHINGTON (Reuters)`, kept apart from the text.
    pub dateline: Option<String>,
    /// Language declared by the input (`fr`, `en`, …); analysis detects it when absent.
    pub lang: Option<String>,
    /// Body paragraphs, without title and dateline.
    pub paragraphs: Vec<String>,
    /// Where the article was read from (file path, `path:line`).
    pub origin: String,
}
