//! JSON and JSON lines: one object or an array of objects, fields found by their usual names.

use serde_json::{Map, Value};
use storyline_model::Published;

use crate::body::{lang_tag, non_empty, split_paragraphs, Draft};
use crate::{date, lexicon, ExtractError};

/// The objects of a JSON document (one object, or an array of them), or why there are none.
pub fn objects(text: &str, origin: &str) -> Result<Vec<Map<String, Value>>, ExtractError> {
    let fail = |reason: String| ExtractError {
        origin: origin.to_string(),
        reason,
    };
    let value: Value = serde_json::from_str(text).map_err(|e| fail(json_reason(&e)))?;
    match value {
        Value::Object(object) => Ok(vec![object]),
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::Object(object) => Ok(object),
                _ => Err(fail(format!("JSON array item {i} is not an object"))),
            })
            .collect(),
        _ => Err(fail(
            "JSON is neither an object nor an array of objects".into(),
        )),
    }
}

/// "invalid JSON at line L column C: message", without serde_json's own position suffix.
fn json_reason(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(message, _)| message);
    format!(
        "invalid JSON at line {} column {}: {message}",
        e.line(),
        e.column()
    )
}

/// The fields of one object.
pub fn read(object: &Map<String, Value>) -> Draft {
    let keys = &lexicon::fields().json;
    let mut draft = Draft {
        id: first_string(object, &keys.id),
        url: first_string(object, &keys.url),
        outlet: first_string(object, &keys.outlet),
        title: first_string(object, &keys.title),
        lang: first_string(object, &keys.lang)
            .as_deref()
            .and_then(lang_tag),
        ..Draft::default()
    };
    if let Some((key, found)) = keys
        .date
        .iter()
        .find_map(|k| Some((k, date::parse(&text_of(object.get(k)?)?)?)))
    {
        draft.published = Published {
            value: Some(found.value),
            precision: found.precision,
            from: format!("json:{key}"),
        };
    }
    let lead = keys
        .lead
        .iter()
        .find_map(|k| object.get(k))
        .map(paragraphs_of)
        .unwrap_or_default();
    let text = keys
        .text
        .iter()
        .find_map(|k| object.get(k))
        .map(paragraphs_of)
        .unwrap_or_default();
    draft.paragraphs = lead.into_iter().chain(text).collect();
    draft
}

/// The first of `keys` whose value is a non-empty string or number (or an object with a `name`,
/// as JSON-LD publishers are).
fn first_string(object: &Map<String, Value>, keys: &[String]) -> Option<String> {
    keys.iter().find_map(|k| text_of(object.get(k)?))
}

fn text_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => non_empty(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("name").and_then(text_of),
        _ => None,
    }
}

/// Paragraphs of a text field: a string split on blank lines (or lines), a list of strings
/// (one paragraph each), or a list of lists of strings (BASIL: each inner list one paragraph).
fn paragraphs_of(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => split_paragraphs(s),
        Value::Array(items) => items.iter().filter_map(joined).collect(),
        _ => Vec::new(),
    }
}

/// One paragraph from a string or a list of strings.
fn joined(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => non_empty(s),
        Value::Array(parts) => {
            let parts: Vec<&str> = parts
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect();
            non_empty(&parts.join(" "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::Precision;

    fn one(text: &str) -> Draft {
        let objects = objects(text, "t.json").unwrap_or_default();
        objects.first().map(read).unwrap_or_default()
    }

    #[test]
    fn placeholder_ids_give_way_to_content_ids() {
        let id = |text: &str| {
            let doc = storyline_model::RawDoc {
                origin: "t.json".into(),
                format: storyline_model::Format::Json,
                text: text.into(),
            };
            crate::extract(&doc)
                .ok()
                .and_then(|a| a.first().map(|a| a.id.clone()))
        };
        let a = id(r#"{"uuid": "empty", "title": "Un", "text": "Premier texte."}"#);
        let b = id(r#"{"uuid": "Empty", "title": "Deux", "text": "Second texte."}"#);
        assert!(a.is_some() && a.as_deref() != Some("empty"), "{a:?}");
        assert_ne!(a, b, "two articles with a placeholder id stay two articles");
        assert_eq!(
            id(r#"{"uuid": "a1b2", "text": "Texte."}"#).as_deref(),
            Some("a1b2")
        );
    }

    #[test]
    fn field_mapping() {
        let d = one(
            r#"{"uuid": 42, "link": "https://ex.fr/a", "publisher": {"name": "Exemple"},
            "headline": "Titre", "pubDate": "Fri, 19 Jan 2024 10:00:00 +0100", "language": "fr",
            "body": "Un.\n\nDeux."}"#,
        );
        assert_eq!(d.id.as_deref(), Some("42"));
        assert_eq!(d.url.as_deref(), Some("https://ex.fr/a"));
        assert_eq!(d.outlet.as_deref(), Some("Exemple"));
        assert_eq!(d.title.as_deref(), Some("Titre"));
        assert_eq!(d.published.value.as_deref(), Some("2024-01-19"));
        assert_eq!(d.published.from, "json:pubDate");
        assert_eq!(d.lang.as_deref(), Some("fr"));
        assert_eq!(d.paragraphs, ["Un.", "Deux."]);
    }

    #[test]
    fn published_time_is_preferred_and_heading_leads() {
        let d = one(
            r#"{"date": "2020-07-02", "published_time": "2020-07-01T23:09:00+02:00",
            "heading": "Le chapeau.", "article": "Phrase un.Phrase deux."}"#,
        );
        assert_eq!(
            (d.published.value.as_deref(), d.published.precision),
            (Some("2020-07-01"), Precision::Day)
        );
        assert_eq!(d.published.from, "json:published_time");
        assert_eq!(d.paragraphs, ["Le chapeau.", "Phrase un.Phrase deux."]);
    }

    #[test]
    fn unparseable_date_falls_through() {
        let d = one(r#"{"published_time": "hier", "date": "2023-10", "text": "x"}"#);
        assert_eq!(
            (d.published.value.as_deref(), d.published.from.as_str()),
            (Some("2023-10"), "json:date")
        );
    }

    #[test]
    fn basil_body_paragraphs() {
        let d = one(r#"{"body-paragraphs": [["WASHINGTON — A.", "B."], [], ["C."]]}"#);
        assert_eq!(d.paragraphs, ["WASHINGTON — A. B.", "C."]);
    }

    #[test]
    fn arrays_and_errors() {
        assert_eq!(
            objects(r#"[{"text": "a"}, {"text": "b"}]"#, "a.json").map(|o| o.len()),
            Ok(2)
        );
        let err = objects("{\"text\": \n  oops}", "a.json")
            .err()
            .map(|e| e.reason)
            .unwrap_or_default();
        assert_eq!(err, "invalid JSON at line 2 column 3: expected value");
        let err = objects("[1]", "a.json")
            .err()
            .map(|e| e.reason)
            .unwrap_or_default();
        assert_eq!(err, "JSON array item 0 is not an object");
    }
}
