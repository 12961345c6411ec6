//! How an article's paragraphs are kept: `articles.text` holds them joined by a blank line (what
//! a user reads in sqlite3); `articles.paragraphs` holds them as JSON only when splitting the
//! text would not give them back, so the body is not stored twice in the usual case.

/// Separator between paragraphs in `articles.text`, as in `Analysis::text`.
pub(crate) const PARAGRAPH_BREAK: &str = "\n\n";

/// The `articles.paragraphs` value: `NULL` when splitting the joined text gives the paragraphs
/// back, else the paragraphs as a JSON array.
pub(crate) fn column(paragraphs: &[String]) -> Option<String> {
    let splits_back = !paragraphs.is_empty()
        && paragraphs.iter().all(|p| {
            !p.is_empty()
                && !p.contains(PARAGRAPH_BREAK)
                && !p.starts_with('\n')
                && !p.ends_with('\n')
        });
    if splits_back {
        None
    } else {
        // Serializing a list of strings cannot fail; "[]" keeps the row valid if it ever did.
        Some(serde_json::to_string(paragraphs).unwrap_or_else(|_| "[]".to_string()))
    }
}

/// The paragraphs of a stored article from its `text` and `paragraphs` columns.
pub(crate) fn restore(text: &str, column: Option<&str>) -> Result<Vec<String>, serde_json::Error> {
    match column {
        Some(json) => serde_json::from_str(json),
        None if text.is_empty() => Ok(Vec::new()),
        None => Ok(text.split(PARAGRAPH_BREAK).map(str::to_string).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(ps: &[&str]) -> (Option<String>, Vec<String>) {
        let ps: Vec<String> = ps.iter().map(|p| p.to_string()).collect();
        let col = column(&ps);
        let back = restore(&ps.join(PARAGRAPH_BREAK), col.as_deref()).unwrap_or_default();
        assert_eq!(back, ps);
        (col, back)
    }

    #[test]
    fn plain_paragraphs_are_not_stored_twice() {
        let (col, _) = round_trip(&["Une délégation du Hamas.", "Moscou appelle\nau calme."]);
        assert_eq!(col, None);
    }

    #[test]
    fn awkward_paragraphs_come_back_exactly() {
        for ps in [
            &[][..],
            &[""][..],
            &["a", ""][..],
            &["a\n\nb"][..],
            &["a\n", "b"][..],
            &["a", "\nb"][..],
        ] {
            let (col, _) = round_trip(ps);
            assert!(col.is_some(), "{ps:?} needs the JSON column");
        }
    }
}
