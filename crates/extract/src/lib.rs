//! Stage 2, extract: decoded documents to articles.
//!
//! Each format has its own reader (`txt`, `json`, `html`) that fills a draft with the fields it
//! finds; shared steps then take the dateline off the first paragraph, refuse empty articles and
//! give articles without an input id a stable content hash. Field names, header keys and date
//! words are data (data/extract/*.toml).

mod body;
mod date;
mod dateline;
mod feed;
mod html;
mod id;
mod json;
mod lexicon;
mod txt;
mod warc;

use storyline_model::{Article, Format, RawDoc};

/// A document that held no usable article: the origin and the reason, shown as one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct ExtractError {
    /// The file (or `path:line`).
    pub origin: String,
    /// Why, in a few words.
    pub reason: String,
}

/// The articles of one document (a JSON array gives several).
/// Fails on the first unusable one; [`extract_each`] reports them one by one instead.
pub fn extract(doc: &RawDoc) -> Result<Vec<Article>, ExtractError> {
    extract_each(doc)?.into_iter().collect()
}

/// The articles of one document, each a result of its own, so that one empty item of a JSON
/// array or a feed does not hide the others. The outer error is for a document that cannot be
/// read at all (invalid JSON, a feed that is not one). Errors about array items name them
/// `origin[index]`; feed items are `origin#item-N` (N from 1), as articles and in errors.
pub fn extract_each(doc: &RawDoc) -> Result<Vec<Result<Article, ExtractError>>, ExtractError> {
    let origin = doc.origin.as_str();
    Ok(match doc.format {
        Format::Txt => vec![body::finish(txt::read(&doc.text), origin)],
        Format::Html => vec![body::finish(html::read(&doc.text), origin)],
        Format::Warc => vec![body::finish(warc::read(&doc.text), origin)],
        Format::Feed => feed::read_all(&doc.text, origin)?,
        Format::Json | Format::Jsonl => {
            let objects = json::objects(&doc.text, origin)?;
            let many = objects.len() > 1;
            objects
                .iter()
                .enumerate()
                .map(|(i, object)| {
                    body::finish(json::read(object), origin).map_err(|e| match many {
                        true => ExtractError {
                            origin: format!("{origin}[{i}]"),
                            reason: e.reason,
                        },
                        false => e,
                    })
                })
                .collect()
        }
    })
}

/// Parses a written publication date (`2023-10`, `19/01/2024`, `19 janvier 2024`, RFC 3339, RFC 2822)
/// into its ISO value truncated to the precision it gives; `None` when it is not a date.
pub fn parse_date(text: &str) -> Option<(String, storyline_model::Precision)> {
    date::parse(text).map(|d| (d.value, d.precision))
}
