//! What every format shares once its fields are found: paragraphs, dateline, id, the article.

use storyline_model::{Article, Precision, Published};

use crate::{dateline, id, ExtractError};

/// The fields one input gave, before the shared finishing steps.
#[derive(Debug, Default)]
pub struct Draft {
    /// The input's own id.
    pub id: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Outlet name.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// The byline's people.
    pub author: Option<String>,
    /// Publication date.
    pub published: Published,
    /// Declared language.
    pub lang: Option<String>,
    /// Body paragraphs, dateline still in the first one.
    pub paragraphs: Vec<String>,
}

/// Splits body text into paragraphs: on blank lines, the lines of one paragraph joined by a
/// space (hard-wrapped text); when there is no blank line, each line is a paragraph.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let has_blank = text
        .lines()
        .skip_while(|l| l.trim().is_empty())
        .any(|l| l.trim().is_empty());
    if !has_blank {
        return text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
    }
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// The primary subtag of a declared language, lower-cased (`fr-FR` → `fr`); `None` when it is not a tag.
pub fn lang_tag(declared: &str) -> Option<String> {
    let primary = declared.trim().split(['-', '_']).next()?;
    let ok = (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    ok.then(|| primary.to_ascii_lowercase())
}

/// Trims a field and drops it when nothing is left.
pub fn non_empty(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Takes the dateline off the first paragraph, checks there is text, and sets the id.
pub fn finish(draft: Draft, origin: &str) -> Result<Article, ExtractError> {
    let Draft {
        id,
        url,
        outlet,
        title,
        author,
        mut published,
        lang,
        mut paragraphs,
    } = draft;
    if published.value.is_none() {
        published = Published {
            value: None,
            precision: Precision::Unknown,
            from: "none".into(),
        };
    }
    paragraphs.retain(|p| !p.trim().is_empty());
    let mut dateline = None;
    if let Some(first) = paragraphs.first_mut() {
        if let Some((place, rest)) = dateline::split(first) {
            dateline = Some(place);
            *first = rest;
        }
    }
    paragraphs.retain(|p| !p.is_empty());
    if paragraphs.is_empty() {
        return Err(ExtractError {
            origin: origin.to_string(),
            reason: "no article text".into(),
        });
    }
    let placeholders = &crate::lexicon::fields().placeholder_ids;
    let id = id
        .filter(|id| {
            !placeholders
                .iter()
                .any(|p| p.eq_ignore_ascii_case(id.trim()))
        })
        .unwrap_or_else(|| id::content_id(url.as_deref(), title.as_deref(), &paragraphs));
    Ok(Article {
        id,
        url,
        outlet,
        title,
        author,
        published,
        dateline,
        lang,
        paragraphs,
        origin: origin.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_on_blank_lines_or_lines() {
        assert_eq!(split_paragraphs("a\nb\n\n  \nc\n"), ["a b", "c"]);
        assert_eq!(split_paragraphs("a\nb\nc"), ["a", "b", "c"]);
        assert_eq!(split_paragraphs("\n\na\nb"), ["a", "b"]);
    }

    #[test]
    fn lang_tags() {
        assert_eq!(lang_tag("fr-FR").as_deref(), Some("fr"));
        assert_eq!(lang_tag("EN").as_deref(), Some("en"));
        assert_eq!(lang_tag("français"), None);
    }

    #[test]
    fn empty_body_is_an_error() {
        let draft = Draft {
            paragraphs: vec!["  ".into()],
            ..Draft::default()
        };
        let err = finish(draft, "x.txt").err().map(|e| e.to_string());
        assert_eq!(err.as_deref(), Some("x.txt: no article text"));
    }
}
