//! `storyline watch` end to end through the real binary, against a local HTTP server on
//! 127.0.0.1 that serves the watcher's test site. Needs nothing outside the repository.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;
#[path = "../../watch/tests/common/mod.rs"]
mod watch_site;

use common::json_lines;
use watch_site::server::Server;

/// Runs `storyline watch --once` on `feeds` with fast politeness settings; returns stdout.
fn watch_once(feeds: &Path, db: &Path, extra: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .arg("watch")
        .arg(feeds)
        .arg("--db")
        .arg(db)
        .args([
            "--once",
            "--per-host-delay",
            "5ms",
            "--timeout",
            "300ms",
            "--retries",
            "1",
            "--backoff",
            "10ms",
        ])
        .args(extra)
        .env_remove("STORYLINE_DB")
        .output()
        .expect("the storyline binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The report line of the feed whose URL ends with `path`.
fn report<'a>(lines: &'a [Value], path: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["feed"].as_str().is_some_and(|f| f.ends_with(path)))
        .unwrap_or_else(|| panic!("no report for {path}: {lines:?}"))
}

#[test]
fn watch_stores_new_pages_and_reports_each_feed() {
    let server = Server::start(watch_site::site::route);
    let dir = tempfile::tempdir().expect("a temp dir");
    let feeds = dir.path().join("feeds.txt");
    let list = format!(
        "# the test site\n{}\n{}  # Atom\n{}\n\n{}\n{}\n",
        server.url("/rss.xml"),
        server.url("/atom.xml"),
        server.url("/feed.json"),
        server.url("/broken.xml"),
        server.url("/down.xml"),
    );
    std::fs::write(&feeds, list).expect("write the feed list");
    let db = dir.path().join("watch.sqlite");

    let lines = json_lines(&watch_once(&feeds, &db, &["--json"]));
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert!(lines.iter().all(|l| l["round"] == 1));
    let rss = report(&lines, "/rss.xml");
    assert_eq!(rss["status"], "fetched");
    // Two pages (one after a retry), two summaries (robots.txt, timeout), one 404 without text.
    assert_eq!(
        (&rss["new"], &rss["pages"], &rss["summaries"]),
        (&Value::from(4), &Value::from(2), &Value::from(2)),
        "{rss}"
    );
    assert_eq!(rss["failed"].as_array().map(Vec::len), Some(1), "{rss}");
    assert_eq!(report(&lines, "/atom.xml")["new"], 1);
    assert_eq!(report(&lines, "/feed.json")["new"], 1);
    let broken = report(&lines, "/broken.xml");
    assert_eq!(broken["status"], "failed");
    assert!(broken["reason"]
        .as_str()
        .is_some_and(|r| r.contains("not a readable feed")));
    assert_eq!(
        report(&lines, "/down.xml")["reason"],
        "HTTP 503 Service Unavailable (2 attempts)"
    );
    let store = storyline_store::Store::open(&db).expect("the store opens");
    assert_eq!(store.count_articles().ok(), Some(6));

    // A second run: the feeds with validators answer 304, the other is read again, and no
    // page is fetched a second time.
    let pages = |s: &Server| {
        s.hits()
            .iter()
            .filter(|h| h.path.starts_with("/news/"))
            .count()
    };
    let pages_before = pages(&server);
    let text = watch_once(&feeds, &db, &[]);
    assert!(text.contains("/rss.xml: not modified"), "{text}");
    assert!(text.contains("/atom.xml: not modified"), "{text}");
    assert!(
        text.contains("/feed.json: fetched; items 1, new 0, duplicates 0, already seen 1"),
        "{text}"
    );
    assert!(text.contains("/down.xml: failed: HTTP 503"), "{text}");
    assert!(
        text.contains("round 1: 5 feeds polled, nothing new"),
        "{text}"
    );
    assert_eq!(pages(&server), pages_before);
    assert_eq!(store.count_articles().ok(), Some(6));
}

#[test]
fn a_bad_feed_list_names_its_line() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let feeds = dir.path().join("feeds.txt");
    std::fs::write(&feeds, "https://example.org/feed.xml\nnot a feed url\n").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .arg("watch")
        .arg(&feeds)
        .arg("--db")
        .arg(dir.path().join("db.sqlite"))
        .arg("--once")
        .output()
        .expect("the storyline binary runs");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("feeds.txt: line 2"), "{stderr}");
}

#[test]
fn rounds_repeat_and_read_the_list_again() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;

    let server = Server::start(watch_site::site::route);
    let dir = tempfile::tempdir().expect("a temp dir");
    let feeds = dir.path().join("feeds.txt");
    std::fs::write(&feeds, format!("{}\n", server.url("/feed.json"))).expect("write");
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyline"))
        .arg("watch")
        .arg(&feeds)
        .arg("--db")
        .arg(dir.path().join("watch.sqlite"))
        .args(["--every", "2s", "--per-host-delay", "5ms"])
        .env_remove("STORYLINE_DB")
        .stdout(Stdio::piped())
        .spawn()
        .expect("the storyline binary runs");
    // Lines come through a channel, so that a watch that never prints round 2 fails the test
    // after a while instead of hanging it.
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    while let Ok(line) = rx.recv_timeout(std::time::Duration::from_secs(60)) {
        let done = line.starts_with("round 2:");
        if line.starts_with("round 1:") {
            // Before round 2 starts (2 s after round 1 did): one more feed.
            let list = format!(
                "{}\n{}\n",
                server.url("/feed.json"),
                server.url("/atom.xml")
            );
            std::fs::write(&feeds, list).expect("rewrite the list");
        }
        lines.push(line);
        if done {
            break;
        }
    }
    // The watch runs until stopped: stop this one (the child this test started).
    let _ = child.kill();
    let _ = child.wait();
    let text = lines.join("\n");
    assert!(
        text.contains("round 1: 1 feed polled, new articles 1"),
        "{text}"
    );
    assert!(
        text.contains("/feed.json: fetched; items 1, new 0"),
        "{text}"
    );
    assert!(
        text.contains("/atom.xml: fetched; items 1, new 1"),
        "{text}"
    );
    assert!(
        text.contains("round 2: 2 feeds polled, new articles 1"),
        "{text}"
    );
}
