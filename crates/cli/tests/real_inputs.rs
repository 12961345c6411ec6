//! Ingest of the real WARC and feed files of ../shared/data through the binary.
//! Skipped, with a message, when ../shared/data is absent.

mod common;

use std::path::Path;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

#[test]
fn warc_pages_and_feed_items_are_stored_and_non_pages_counted() {
    let warc = Path::new(DATA).join("orangesum-fr/orangesum-sample-300.warc.gz");
    let feed = Path::new(DATA).join("feed-rs-news-feed-fixtures/rss_2.0_bbc.xml");
    if !warc.exists() || !feed.exists() {
        println!("skipped: ../shared/data/orangesum-fr or feed-rs-news-feed-fixtures absent");
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.sqlite");
    let summary = common::json([
        "ingest".as_ref(),
        warc.as_os_str(),
        feed.as_os_str(),
        "--db".as_ref(),
        db.as_os_str(),
        "--json".as_ref(),
    ]);
    // 300 response records and one warcinfo record; the BBC fixture feed has one item.
    assert_eq!(summary["stored"], 301, "{summary}");
    assert_eq!(summary["skipped_records"], 1, "{summary}");
    assert_eq!(
        summary["failed"].as_array().map(Vec::len),
        Some(0),
        "{summary}"
    );
}
