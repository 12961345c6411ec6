//! The acceptance seeds and the shared datasets, read through sources then extract.
//! Each test skips (and passes) when ../shared is absent, as in a fresh clone.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use storyline_extract::extract;
use storyline_model::{Article, Precision};
use storyline_sources::{read, Limits};

mod common;
use common::shared;

/// All articles of the inputs under `path` (every read and extract must succeed).
fn articles(path: &Path, take: usize) -> Vec<Article> {
    read(&[path.to_path_buf()], Limits::default())
        .take(take)
        .flat_map(|doc| {
            let doc = doc.unwrap_or_else(|e| panic!("{e}"));
            extract(&doc).unwrap_or_else(|e| panic!("{e}"))
        })
        .collect()
}

#[test]
fn seed_000_inline_date_header() {
    let Some(path) = shared("seeds/000_bee2e0c6c9ed2ed4.txt") else {
        return;
    };
    let a = articles(&path, 1).remove(0);
    assert_eq!(a.published.value.as_deref(), Some("2023-10"));
    assert_eq!(a.published.precision, Precision::Month);
    assert_eq!(a.dateline, None);
    assert!(a
        .paragraphs
        .first()
        .is_some_and(|p| p.starts_with("Une délégation du Hamas a atterri")));
}

#[test]
fn seed_003_dateline() {
    let Some(path) = shared("seeds/003_416032a989ebdd06.txt") else {
        return;
    };
    let a = articles(&path, 1).remove(0);
    assert_eq!(
        (a.published.value.as_deref(), a.published.precision),
        (None, Precision::Unknown)
    );
    assert_eq!(a.dateline.as_deref(), Some("Moscou"));
    assert_eq!(a.title, None);
    assert!(a
        .paragraphs
        .first()
        .is_some_and(|p| p.starts_with("La diplomatie russe")));
}

#[test]
fn orangesum_first_100_lines() {
    let Some(path) = shared("data/orangesum-fr/orangesum_articles.jsonl.gz") else {
        return;
    };
    let all = articles(&path, 100);
    assert_eq!(all.len(), 100);
    let first = all.first().unwrap();
    assert_eq!(first.id, "2");
    assert_eq!(first.published.value.as_deref(), Some("2020-07-02"));
    assert_eq!(first.published.from, "json:published_time");
    assert_eq!(first.outlet.as_deref(), Some("Orange avec Media Services"));
    assert!(first
        .title
        .as_deref()
        .is_some_and(|t| t.starts_with("Olivier Véran : 400 millions")));
    assert!(first
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://actu.orange.fr/")));
    // The heading is the first paragraph; the glued article text stays one paragraph.
    assert!(first
        .paragraphs
        .first()
        .is_some_and(|p| p.starts_with("Cela porte à 7 milliards")));
    assert_eq!(first.paragraphs.len(), 2);
    assert!(all
        .iter()
        .all(|a| a.title.is_some() && a.url.is_some() && a.published.precision == Precision::Day));
    assert!(all
        .iter()
        .all(|a| a.origin.contains("orangesum_articles.jsonl.gz:")));
}

#[test]
fn basil_three_files() {
    let Some(dir) = shared("data/basil-media-bias/articles/2010") else {
        return;
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    files.sort();
    for file in files.iter().take(3) {
        let a = articles(file, 1).remove(0);
        let raw: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        assert_eq!(Some(a.id.as_str()), raw["uuid"].as_str());
        assert_eq!(a.title.as_deref(), raw["title"].as_str());
        assert_eq!(a.published.value.as_deref(), raw["date"].as_str());
        assert_eq!(a.outlet.as_deref(), raw["source"].as_str());
        let raw_paragraphs = raw["body-paragraphs"].as_array().map_or(0, Vec::len);
        assert!(!a.paragraphs.is_empty() && a.paragraphs.len() <= raw_paragraphs);
    }
    // The first NYT file opens "WASHINGTON — Michael Steele…".
    let first = articles(files.first().unwrap(), 1).remove(0);
    assert_eq!(first.dateline.as_deref(), Some("WASHINGTON"));
    assert!(first
        .paragraphs
        .first()
        .is_some_and(|p| p.starts_with("Michael Steele")));
}

/// Title agreement with the OrangeSum authors' own parse of the 300 sample pages.
#[test]
fn orangesum_html_titles() {
    let Some(dir) = shared("data/orangesum-fr/html-sample") else {
        return;
    };
    let truth: HashMap<String, serde_json::Value> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("parsed-ground-truth.json")).unwrap(),
    )
    .unwrap();
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let (mut pages, mut same, mut with_text, mut with_date) = (0, 0, 0, 0);
    for doc in read(std::slice::from_ref(&dir), Limits::default()) {
        let doc = doc.unwrap_or_else(|e| panic!("{e}"));
        let name = doc
            .origin
            .rsplit('/')
            .next()
            .unwrap_or("")
            .trim_end_matches(".html.gz")
            .to_string();
        let Some(expected) = truth.get(&name).and_then(|t| t["title"].as_str()) else {
            continue;
        };
        pages += 1;
        let Ok(found) = extract(&doc) else { continue };
        let Some(a) = found.first() else { continue };
        with_text += 1;
        with_date += usize::from(a.published.precision == Precision::Day);
        same += usize::from(a.title.as_deref().map(norm) == Some(norm(expected)));
    }
    println!("orangesum html: {pages} pages, titles equal {same}, with text {with_text}, with day date {with_date}");
    assert_eq!(pages, 300);
    assert!(same * 2 > pages, "titles equal on {same} of {pages} pages");
}
