//! The public API on fixtures of our own: formats, errors and ids.

use storyline_extract::{extract, extract_each};
use storyline_model::{Format, Precision, RawDoc};

fn doc(format: Format, text: &str) -> RawDoc {
    RawDoc {
        origin: "fixture".into(),
        format,
        text: text.into(),
    }
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn seed_shaped_inline_header() {
    let articles = extract(&doc(Format::Txt, &fixture("inline_header.txt"))).unwrap();
    let [a] = articles.as_slice() else {
        panic!("one article expected")
    };
    assert_eq!(a.published.value.as_deref(), Some("2024-03"));
    assert_eq!(
        (a.published.precision, a.published.from.as_str()),
        (Precision::Month, "header")
    );
    assert_eq!(a.dateline, None);
    assert_eq!(a.title, None);
    assert_eq!(a.paragraphs.len(), 3);
    assert!(a
        .paragraphs
        .first()
        .is_some_and(|p| p.starts_with("Une mission de la Croix-Rouge")));
    assert_eq!(a.origin, "fixture");
}

#[test]
fn bracket_dateline_and_unknown_date() {
    let articles = extract(&doc(Format::Txt, &fixture("bracket_dateline.txt"))).unwrap();
    let a = articles.first().unwrap();
    assert_eq!(a.dateline.as_deref(), Some("Genève"));
    assert!(a
        .paragraphs
        .first()
        .is_some_and(|p| p.starts_with("La Croix-Rouge a réclamé")));
    assert_eq!(
        (a.published.value.as_deref(), a.published.precision),
        (None, Precision::Unknown)
    );
    assert_eq!(a.published.from, "none");
}

#[test]
fn ids_are_input_ids_or_stable_hashes() {
    let with_id = extract(&doc(Format::Json, r#"{"id": 7, "text": "Un."}"#)).unwrap();
    assert_eq!(with_id.first().map(|a| a.id.as_str()), Some("7"));
    let text = "Titre court\n\nUn paragraphe.";
    let first = extract(&doc(Format::Txt, text)).unwrap();
    let again = extract(&doc(Format::Txt, text)).unwrap();
    let other = extract(&doc(Format::Txt, "Titre court\n\nUn autre paragraphe.")).unwrap();
    let id = first.first().map(|a| a.id.clone()).unwrap_or_default();
    assert_eq!(id.len(), 16);
    assert!(id.chars().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(Some(&id), again.first().map(|a| &a.id));
    assert_ne!(Some(&id), other.first().map(|a| &a.id));
}

#[test]
fn json_array_gives_several_articles() {
    let articles = extract(&doc(
        Format::Json,
        r#"[{"title": "A", "text": "Un."}, {"title": "B", "text": "Deux."}]"#,
    ))
    .unwrap();
    let titles: Vec<_> = articles.iter().filter_map(|a| a.title.as_deref()).collect();
    assert_eq!(titles, ["A", "B"]);
}

#[test]
fn errors_name_the_origin_and_reason() {
    let err = extract(&doc(Format::Txt, "\n\n")).unwrap_err();
    assert_eq!(err.to_string(), "fixture: no article text");
    let err = extract(&doc(Format::Jsonl, r#"{"title": "A", "text": "#)).unwrap_err();
    assert!(
        err.reason.starts_with("invalid JSON at line 1 column 23: "),
        "{}",
        err.reason
    );
    let err = extract(&doc(Format::Html, "<html><nav><p>Menu</p></nav></html>")).unwrap_err();
    assert_eq!(err.reason, "no article text");
}

#[test]
fn one_empty_array_item_does_not_hide_the_others() {
    let raw = doc(
        Format::Json,
        r#"[{"text": "Un."}, {"title": "vide"}, {"text": "Trois."}]"#,
    );
    let each = extract_each(&raw).unwrap();
    let summary: Vec<String> = each
        .iter()
        .map(|r| match r {
            Ok(a) => a.paragraphs.join(" "),
            Err(e) => e.to_string(),
        })
        .collect();
    assert_eq!(summary, ["Un.", "fixture[1]: no article text", "Trois."]);
    assert_eq!(extract(&raw).unwrap_err().origin, "fixture[1]");
}

#[test]
fn english_wire_dateline_in_json() {
    let raw = doc(
        Format::Jsonl,
        r#"{"text": "WASHINGTON (Reuters) - The Senate voted on Tuesday.\nA second paragraph."}"#,
    );
    let a = extract(&raw).unwrap().remove(0);
    assert_eq!(a.dateline.as_deref(), Some("WASHINGTON (Reuters)"));
    assert_eq!(
        a.paragraphs,
        ["The Senate voted on Tuesday.", "A second paragraph."]
    );
}
