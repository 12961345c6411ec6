//! WARC and feed input on the shared datasets, read through sources then extract.
//! Each test skips (and passes) when ../shared is absent, as in a fresh clone.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use storyline_extract::extract_each;
use storyline_model::{Article, Format, Precision};
use storyline_sources::{read, read_with_stats, Limits, Stats};

mod common;
use common::shared;

/// Lower-cased alphanumeric words with their counts.
fn bag(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(word.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// F1 of the word multisets of `found` and `expected`.
fn token_f1(found: &str, expected: &str) -> f64 {
    let (found, expected) = (bag(found), bag(expected));
    let common: usize = found
        .iter()
        .map(|(w, n)| (*n).min(expected.get(w).copied().unwrap_or(0)))
        .sum();
    let (f, e) = (
        found.values().sum::<usize>(),
        expected.values().sum::<usize>(),
    );
    if common == 0 || f == 0 || e == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / f as f64, common as f64 / e as f64);
    2.0 * p * r / (p + r)
}

/// The value of one `Name: value` line of a WARC document's header block.
fn warc_header<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let head = text.split_once("\n\n")?.0;
    head.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

/// The 300 OrangeSum pages as a WARC: every response read, the warcinfo record skipped and
/// counted, each article the same as the one read from the same page as an HTML file, and
/// title and text agreement with the OrangeSum authors' own parse measured.
///
/// The agreement is the HTML extractor's, which the WARC path shares; it is printed, not
/// asserted: the main-text extractor has its own checks and work item.
#[test]
fn orangesum_warc_matches_the_parsed_ground_truth() {
    let (Some(warc), Some(truth)) = (
        shared("data/orangesum-fr/orangesum-sample-300.warc.gz"),
        shared("data/orangesum-fr/html-sample/parsed-ground-truth.json"),
    ) else {
        return;
    };
    let truth: HashMap<String, serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(truth).unwrap()).unwrap();
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let stats = Stats::default();
    let start = Instant::now();
    let mut found: Vec<(String, Article)> = Vec::new();
    for doc in read_with_stats(std::slice::from_ref(&warc), Limits::default(), &stats) {
        let doc = doc.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(doc.format, Format::Warc);
        let id = warc_header(&doc.text, "X-OrangeSum-Id")
            .unwrap_or_else(|| panic!("{}: no X-OrangeSum-Id", doc.origin))
            .to_string();
        for article in extract_each(&doc).unwrap_or_else(|e| panic!("{e}")) {
            let article = article.unwrap_or_else(|e| panic!("{e}"));
            // The page's canonical link wins over WARC-Target-URI (og:url here); one is always there.
            assert!(article.url.is_some(), "{}", article.origin);
            found.push((id.clone(), article));
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(found.len(), 300);
    assert_eq!(stats.skipped_records(), 1, "the warcinfo record");
    let (mut exact, mut same, mut day, mut f1_sum) = (0, 0, 0, 0.0);
    let pages = warc.with_file_name("html-sample");
    for (id, article) in &found {
        let page = pages.join(format!("{id}.html.gz"));
        let from_file = read(&[page], Limits::default())
            .flat_map(|doc| {
                extract_each(&doc.unwrap_or_else(|e| panic!("{e}"))).unwrap_or_default()
            })
            .next()
            .and_then(Result::ok)
            .unwrap_or_else(|| panic!("page {id} gives no article"));
        assert_eq!(
            (&article.title, &article.paragraphs, &article.lang),
            (&from_file.title, &from_file.paragraphs, &from_file.lang),
            "{}",
            article.origin
        );
        if from_file.published.value.is_some() {
            assert_eq!(article.published, from_file.published, "{}", article.origin);
        }
        let expected = truth
            .get(id)
            .unwrap_or_else(|| panic!("id {id} not in the truth"));
        let title = expected["title"].as_str().unwrap_or_default();
        exact += usize::from(article.title.as_deref() == Some(title));
        same += usize::from(article.title.as_deref().map(norm) == Some(norm(title)));
        day += usize::from(article.published.precision == Precision::Day);
        let text = format!(
            "{} {}",
            expected["heading"].as_str().unwrap_or_default(),
            expected["article"].as_str().unwrap_or_default()
        );
        let ours = format!(
            "{} {}",
            article.dateline.as_deref().unwrap_or_default(),
            article.paragraphs.join(" ")
        );
        f1_sum += token_f1(&ours, &text);
    }
    let n = found.len() as f64;
    let f1 = f1_sum / n;
    println!(
        "orangesum warc: {} records in {seconds:.2} s ({:.0} records/s, debug build unless --release), \
         title exact {exact}/300, equal after whitespace {same}/300, day dates {day}/300, \
         text token F1 (heading + article) {f1:.3}",
        found.len(),
        n / seconds
    );
    assert_eq!(
        day, 300,
        "article:published_time or WARC-Date gives every record a day"
    );
}

/// feed-rs's own fixtures (6 RSS 2.0, 1 Atom): one article per item, with the title and the
/// day of the date that feed-rs's expected parse gives.
#[test]
fn feed_fixtures_match_their_expected_parse() {
    let Some(dir) = shared("data/feed-rs-news-feed-fixtures") else {
        return;
    };
    let mut feeds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    feeds.sort();
    assert_eq!(feeds.len(), 7);
    let (mut items, mut with_text) = (0, 0);
    for feed in &feeds {
        let expected_path = feed.with_extension("expected.serde.json");
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        let entries = expected["entries"].as_array().unwrap();
        let docs: Vec<_> = read(std::slice::from_ref(feed), Limits::default()).collect();
        let [Ok(doc)] = docs.as_slice() else {
            panic!("{}: {docs:?}", feed.display())
        };
        assert_eq!(doc.format, Format::Feed, "{}", feed.display());
        let found = extract_each(doc).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(found.len(), entries.len(), "{}", feed.display());
        for (i, (item, entry)) in found.iter().zip(entries).enumerate() {
            items += 1;
            let origin = format!("{}#item-{}", feed.display(), i + 1);
            let Ok(article) = item else {
                // An item without text is an error of its own, never a silent gap.
                assert_eq!(item.as_ref().err().map(|e| &e.origin), Some(&origin));
                continue;
            };
            with_text += 1;
            assert_eq!(article.origin, origin);
            let title = entry["title"]["content"].as_str().map(str::trim);
            assert_eq!(article.title.as_deref(), title, "{origin}");
            let date = entry["published"]
                .as_str()
                .or_else(|| entry["updated"].as_str())
                .and_then(|d| d.get(..10));
            assert_eq!(article.published.value.as_deref(), date, "{origin}");
            let link = entry["links"][0]["href"].as_str();
            assert_eq!(article.url.as_deref(), link, "{origin}");
            let outlet = expected["title"]["content"].as_str();
            assert_eq!(article.outlet.as_deref(), outlet, "{origin}");
        }
    }
    println!(
        "feed fixtures: {} feeds, {items} items, {with_text} with text",
        feeds.len()
    );
}

/// A feed file that is not XML is one clear error for that file; the next file is still read.
#[test]
fn a_feed_that_is_not_xml_is_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("a.rss");
    std::fs::write(&bad, "this is { not a feed").unwrap();
    let good = dir.path().join("b.xml");
    let rss = "<rss version=\"2.0\"><channel><title>O</title><item><title>T</title>\
               <description>Un texte.</description></item></channel></rss>";
    std::fs::write(&good, rss).unwrap();
    let results: Vec<_> = read(&[bad, good], Limits::default())
        .map(|doc| extract_each(&doc.unwrap_or_else(|e| panic!("{e}"))))
        .collect();
    let [Err(e), Ok(items)] = results.as_slice() else {
        panic!("{results:?}")
    };
    assert!(e.origin.ends_with("a.rss"), "{e}");
    assert!(e.reason.starts_with("not a readable feed"), "{e}");
    assert_eq!(items.len(), 1);
    assert!(items.iter().all(Result::is_ok));
}

/// Every truncation and many single-byte corruptions of a small feed give articles or errors,
/// never a panic (feed-rs parses untrusted XML for us).
#[test]
fn every_cut_and_flipped_byte_of_a_feed_is_survived() {
    let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>O</title>\
               <item><title>T</title><link>https://ex.fr/a</link>\
               <pubDate>Fri, 19 Jan 2024 10:00:00 +0100</pubDate>\
               <description>&lt;p&gt;Un texte.&lt;/p&gt;</description></item></channel></rss>";
    let doc = |text: &str| storyline_model::RawDoc {
        origin: "f.rss".into(),
        format: Format::Feed,
        text: text.into(),
    };
    assert!(matches!(extract_each(&doc(rss)).as_deref(), Ok([Ok(_)])));
    for cut in (0..rss.len()).filter(|&i| rss.is_char_boundary(i)) {
        let _ = extract_each(&doc(rss.get(..cut).unwrap_or_default()));
    }
    for at in 0..rss.len() {
        for c in ['<', '>', '&', '"', 'x'] {
            let mut text = rss.to_string();
            if text.is_char_boundary(at) && text.is_char_boundary(at + 1) {
                text.replace_range(at..at + 1, c.encode_utf8(&mut [0; 4]));
            }
            let _ = extract_each(&doc(&text));
        }
    }
}
