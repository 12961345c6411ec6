//! Plain text: an optional `key value` / `key: value` header, an optional title line, the body.

use storyline_model::Published;

use crate::body::{lang_tag, non_empty, split_paragraphs, Draft};
use crate::{date, lexicon};

/// Longest first line still taken for a title, in characters: headlines are short.
const MAX_TITLE_CHARS: usize = 200;

/// Reads the header, title and paragraphs of a plain-text document.
pub fn read(text: &str) -> Draft {
    let mut draft = Draft::default();
    let body = read_header(text, &mut draft);
    let body = match draft.title {
        Some(_) => body,
        None => take_title(body, &mut draft),
    };
    draft.paragraphs = split_paragraphs(body);
    draft
}

/// Fills `draft` from the header lines and returns the text after them. A header line is a
/// known key (lower-case as written, or followed by a colon) with a value that fits the key.
/// The date key may share its line with the body (` date 2023-10 Une délégation…`).
fn read_header<'a>(text: &'a str, draft: &mut Draft) -> &'a str {
    let keys = &lexicon::fields().header;
    let mut rest = text;
    loop {
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let line = rest.get(..line_end).unwrap_or("");
        let after_line = rest.get(line_end..).unwrap_or("");
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            if line_end == rest.len() {
                return rest;
            }
            rest = after_line.strip_prefix('\n').unwrap_or(after_line);
            continue;
        }
        let word_end = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        let word = trimmed.get(..word_end).unwrap_or("");
        let value = trimmed.get(word_end..).unwrap_or("").trim_start();
        let (key, colon) = match word.strip_suffix(':') {
            Some(key) => (key, true),
            None => (word, false),
        };
        let field = keys
            .get(&key.to_lowercase())
            .filter(|_| colon || key.chars().all(|c| !c.is_uppercase()));
        let Some(field) = field else { return rest };
        if field == "date" {
            let Some((found, len)) = date::parse_prefix(value) else {
                return rest;
            };
            draft.published = Published {
                value: Some(found.value),
                precision: found.precision,
                from: "header".into(),
            };
            let tail = value.get(len..).unwrap_or("").trim_start();
            if !tail.is_empty() {
                // The body starts on the header line: keep it with what follows.
                let start = line_end.saturating_sub(tail.len());
                return rest.get(start..).unwrap_or(rest);
            }
        } else if !set_field(draft, field, value) {
            return rest;
        }
        rest = after_line.strip_prefix('\n').unwrap_or(after_line);
    }
}

/// Sets one non-date header field when its value fits; false when it does not (then the line is body).
fn set_field(draft: &mut Draft, field: &str, value: &str) -> bool {
    let Some(value) = non_empty(value) else {
        return false;
    };
    let slot = match field {
        "url" if value.starts_with("http://") || value.starts_with("https://") => &mut draft.url,
        "lang" => match lang_tag(&value) {
            Some(tag) => {
                draft.lang = Some(tag);
                return true;
            }
            None => return false,
        },
        "id" if !value.contains(char::is_whitespace) => &mut draft.id,
        "title" => &mut draft.title,
        "outlet" => &mut draft.outlet,
        _ => return false,
    };
    *slot = Some(value);
    true
}

/// Takes the first line as the title when it looks like one: short, not ending like a sentence
/// or clause, not opening with a dateline, and followed by more text.
fn take_title<'a>(body: &'a str, draft: &mut Draft) -> &'a str {
    let body = body.trim_start_matches(['\n', ' ', '\t']);
    let Some((first, rest)) = body.split_once('\n') else {
        return body;
    };
    let first = first.trim();
    let looks_like_title = first.chars().count() <= MAX_TITLE_CHARS
        && !first.ends_with(['.', ':', ';', ',', '…'])
        && crate::dateline::split(first).is_none()
        && !rest.trim().is_empty();
    if looks_like_title {
        draft.title = non_empty(first);
        rest
    } else {
        body
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::Precision;

    #[test]
    fn header_forms() {
        let d = read("title: Le Hamas à Moscou\ndate 2024-01-19\nurl https://ex.fr/a\noutlet: Exemple\nlang fr-FR\nid abc-1\n\nCorps.");
        assert_eq!(d.title.as_deref(), Some("Le Hamas à Moscou"));
        assert_eq!(d.published.value.as_deref(), Some("2024-01-19"));
        assert_eq!(
            (d.published.precision, d.published.from.as_str()),
            (Precision::Day, "header")
        );
        assert_eq!(d.url.as_deref(), Some("https://ex.fr/a"));
        assert_eq!(d.outlet.as_deref(), Some("Exemple"));
        assert_eq!(d.lang.as_deref(), Some("fr"));
        assert_eq!(d.id.as_deref(), Some("abc-1"));
        assert_eq!(d.paragraphs, ["Corps."]);
    }

    #[test]
    fn inline_date_header_shares_the_first_line() {
        let d =
            read(" date 2023-10 Une délégation est arrivée à Moscou.\n\nElle est repartie jeudi.");
        assert_eq!(d.published.value.as_deref(), Some("2023-10"));
        assert_eq!(d.published.precision, Precision::Month);
        assert_eq!(d.title, None);
        assert_eq!(
            d.paragraphs,
            [
                "Une délégation est arrivée à Moscou.",
                "Elle est repartie jeudi."
            ]
        );
    }

    #[test]
    fn capitalised_key_without_colon_is_body() {
        let d = read("Source de tensions à Gaza, la trêve tient.\n\nSuite.");
        assert_eq!(d.outlet, None);
        assert_eq!(
            d.paragraphs.first().map(String::as_str),
            Some("Source de tensions à Gaza, la trêve tient.")
        );
        let d = read("date limite dépassée hier.\n\nSuite.");
        assert_eq!(d.published.value, None);
    }

    #[test]
    fn title_line() {
        let d = read("Le Hamas reçu à Moscou\n\nUne délégation est arrivée.\n\nElle repart.");
        assert_eq!(d.title.as_deref(), Some("Le Hamas reçu à Moscou"));
        assert_eq!(d.paragraphs.len(), 2);
        let d = read("Une délégation est arrivée.\n\nElle repart.");
        assert_eq!(d.title, None);
        let d = read("Un titre seul");
        assert_eq!((d.title, d.paragraphs.len()), (None, 1));
    }
}
