//! The watcher against a local HTTP server on 127.0.0.1: what it requests, what it skips, what
//! it reports, and what it remembers across polls and runs. Needs nothing outside the repository.

mod common;

use std::path::Path;
use std::time::Duration;

use common::server::{Reply, Server};
use common::site::{self, ATOM_MODIFIED, RSS_ETAG};
use storyline_watch::fetch::{Fetched, Fetcher, Validators};
use storyline_watch::{Config, FeedStatus, Watcher};

/// Fast settings: the behaviour is the same as the defaults, the waits are short.
fn config() -> Config {
    Config {
        per_host_delay: Duration::from_millis(5),
        timeout: Duration::from_millis(300),
        retries: 2,
        backoff: Duration::from_millis(10),
        ..Config::default()
    }
}

/// A fresh store file (the watcher keeps its state beside the store's tables).
fn store(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("watch.sqlite");
    storyline_store::Store::open(&db).expect("a new store");
    db
}

/// A watcher with the test configuration on a new store in a new folder (kept alive by the
/// returned guard).
fn fresh_watcher() -> (tempfile::TempDir, std::path::PathBuf, Watcher) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = store(dir.path());
    let watcher = Watcher::open(&db, config()).expect("the watcher opens");
    (dir, db, watcher)
}

#[test]
fn rss_poll_fetches_pages_politely_and_reports() {
    let server = Server::start(site::route);
    let (_dir, _db, mut watcher) = fresh_watcher();
    let feed = server.url("/rss.xml");
    let polled = watcher.poll(&feed).expect("the state file works");
    let report = &polled.report;
    assert_eq!(report.status, FeedStatus::Fetched, "{report}");
    assert_eq!(report.items, 5, "{report}");
    // budget (page without a date) and flaky (500, then 200 on the retry).
    assert_eq!(report.pages, 2, "{report}");
    // memo (disallowed by robots.txt) and slow (timed out on every attempt) keep their summary.
    assert_eq!(report.summaries, 2, "{report}");
    assert_eq!(report.failed.len(), 1, "{report}");
    assert!(
        report
            .failed
            .iter()
            .any(|f| f.contains("/news/missing.html")
                && f.contains("HTTP 404 Not Found")
                && f.contains("no text of its own")),
        "{report}"
    );
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("/private/memo.html") && n.contains("disallowed by robots.txt")),
        "{report}"
    );
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("/news/slow.html")
                && n.contains("timed out after 300ms (3 attempts)")),
        "{report}"
    );

    // What the server saw: robots.txt once, nothing under the disallowed path, the 500 retried
    // once, the slow page tried 1 + 2 times, the 404 never retried.
    let count = |path: &str| server.hits_of(path).len();
    assert_eq!(count("/robots.txt"), 1);
    assert_eq!(count("/private/memo.html"), 0);
    assert_eq!(count("/news/flaky.html"), 2);
    assert_eq!(count("/news/slow.html"), 3);
    assert_eq!(count("/news/missing.html"), 1);
    assert_eq!(count("/news/budget.html"), 1);
    let hits = server.hits();
    assert!(hits.iter().all(|h| h
        .user_agent
        .as_deref()
        .is_some_and(|ua| ua.starts_with("storyline/"))));
    // The articles: the page's text, with the item's date where the page has none.
    let budget = polled
        .articles
        .iter()
        .find(|a| a.url.as_deref() == Some(server.url("/news/budget.html").as_str()))
        .expect("the budget page became an article");
    assert!(budget.paragraphs.len() >= 3, "{:?}", budget.paragraphs);
    assert_eq!(budget.published.value.as_deref(), Some("2023-03-07"));
    assert_eq!(budget.outlet.as_deref(), Some("La Gazette de Test"));
    let memo = polled
        .articles
        .iter()
        .find(|a| a.url.as_deref() == Some(server.url("/private/memo.html").as_str()))
        .expect("the memo item kept its summary");
    assert_eq!(
        memo.paragraphs,
        ["Une note interne circule à la mairie depuis lundi."]
    );
    assert_eq!(polled.articles.len(), 4);
}

#[test]
fn requests_to_one_host_wait_for_their_turn() {
    let server = Server::start(site::route);
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = store(dir.path());
    let delay = Duration::from_millis(200);
    let config = Config {
        per_host_delay: delay,
        ..config()
    };
    let mut watcher = Watcher::open(&db, config).expect("the watcher opens");
    let polled = watcher
        .poll(&server.url("/feed.json"))
        .expect("the state file works");
    assert_eq!(polled.report.pages, 1, "{}", polled.report);
    // robots.txt, the feed, the page: two waits. The server stamps arrivals on its own thread,
    // so the margin allows for its scheduling on a busy machine.
    let hits = server.hits();
    assert_eq!(hits.len(), 3);
    let span = match (hits.first(), hits.last()) {
        (Some(first), Some(last)) => last.at.duration_since(first.at),
        _ => Duration::ZERO,
    };
    assert!(span >= delay * 2 - Duration::from_millis(100), "{span:?}");
}

#[test]
fn conditional_requests_across_polls_and_runs() {
    let server = Server::start(site::route);
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = store(dir.path());
    let rss = server.url("/rss.xml");
    let atom = server.url("/atom.xml");
    {
        let mut watcher = Watcher::open(&db, config()).expect("the watcher opens");
        for feed in [&rss, &atom] {
            let polled = watcher.poll(feed).expect("the state file works");
            assert_eq!(polled.report.status, FeedStatus::Fetched);
            watcher.remember(&polled).expect("remembered");
        }
        let again = watcher.poll(&rss).expect("the state file works");
        assert_eq!(again.report.status, FeedStatus::NotModified);
        assert!(again.articles.is_empty());
    }
    let rss_hits = server.hits_of("/rss.xml");
    assert_eq!(rss_hits.len(), 2);
    assert_eq!(rss_hits.first().and_then(|h| h.if_none_match.clone()), None);
    assert_eq!(
        rss_hits.get(1).and_then(|h| h.if_none_match.as_deref()),
        Some(RSS_ETAG)
    );

    // A new run on the same file sends the validators it stored.
    server.clear();
    let mut watcher = Watcher::open(&db, config()).expect("the watcher reopens");
    for feed in [&rss, &atom] {
        let polled = watcher.poll(feed).expect("the state file works");
        assert_eq!(polled.report.status, FeedStatus::NotModified, "{feed}");
    }
    let atom_hits = server.hits_of("/atom.xml");
    assert_eq!(
        atom_hits
            .first()
            .and_then(|h| h.if_modified_since.as_deref()),
        Some(ATOM_MODIFIED)
    );
    // Robots.txt is read again once per run, and nothing else was asked.
    let paths: Vec<String> = server.hits().into_iter().map(|h| h.path).collect();
    assert_eq!(paths, ["/robots.txt", "/rss.xml", "/atom.xml"]);
}

#[test]
fn pages_are_never_fetched_twice() {
    let server = Server::start(site::route);
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = store(dir.path());
    // The JSON feed sends no validators, so it is read in full on every poll.
    let feed = server.url("/feed.json");
    let mut watcher = Watcher::open(&db, config()).expect("the watcher opens");
    let first = watcher.poll(&feed).expect("the state file works");
    assert_eq!(
        (first.report.pages, first.report.already_seen),
        (1, 0),
        "{}",
        first.report
    );
    let library = first.articles.first().expect("one article");
    assert_eq!(
        library.title.as_deref(),
        Some("The library extends its hours")
    );
    assert!(library.paragraphs.len() >= 2);
    watcher.remember(&first).expect("remembered");
    let second = watcher.poll(&feed).expect("the state file works");
    assert_eq!(
        (
            second.report.items,
            second.report.pages,
            second.report.already_seen
        ),
        (1, 0, 1),
        "{}",
        second.report
    );
    assert_eq!(server.hits_of("/news/library.html").len(), 1);
    assert_eq!(server.hits_of("/feed.json").len(), 2);
}

#[test]
fn an_atom_entry_without_text_is_fetched_by_its_relative_link() {
    let server = Server::start(site::route);
    let (_dir, _db, mut watcher) = fresh_watcher();
    let polled = watcher
        .poll(&server.url("/atom.xml"))
        .expect("the state file works");
    assert_eq!(polled.report.pages, 1, "{}", polled.report);
    let ferry = polled.articles.first().expect("one article");
    assert_eq!(
        ferry.url.as_deref(),
        Some(server.url("/news/ferry.html").as_str())
    );
    assert_eq!(ferry.published.value.as_deref(), Some("2023-03-08"));
    assert_eq!(ferry.outlet.as_deref(), Some("The Test Harbour Times"));
}

#[test]
fn broken_feeds_are_reported_and_the_others_go_on() {
    let server = Server::start(site::route);
    let (_dir, _db, mut watcher) = fresh_watcher();
    let broken = watcher
        .poll(&server.url("/broken.xml"))
        .expect("the state file works");
    assert_eq!(broken.report.status, FeedStatus::Failed);
    assert!(
        broken
            .report
            .reason
            .as_deref()
            .is_some_and(|r| r.contains("not a readable feed")),
        "{}",
        broken.report
    );
    let down = watcher
        .poll(&server.url("/down.xml"))
        .expect("the state file works");
    assert_eq!(
        down.report.reason.as_deref(),
        Some("HTTP 503 Service Unavailable (3 attempts)")
    );
    assert_eq!(server.hits_of("/down.xml").len(), 3);
    let missing = watcher
        .poll(&server.url("/nowhere.xml"))
        .expect("the state file works");
    assert_eq!(missing.report.reason.as_deref(), Some("HTTP 404 Not Found"));
    assert_eq!(
        server.hits_of("/nowhere.xml").len(),
        1,
        "4xx is not retried"
    );
    let good = watcher
        .poll(&server.url("/feed.json"))
        .expect("the state file works");
    assert_eq!(good.report.status, FeedStatus::Fetched);
    assert_eq!(good.articles.len(), 1);
}

#[test]
fn a_store_is_required() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("empty.sqlite");
    let err = Watcher::open(&db, config()).err().map(|e| e.to_string());
    assert!(
        err.as_deref()
            .is_some_and(|e| e.contains("not a storyline store")),
        "{err:?}"
    );
}

#[test]
fn an_unreachable_robots_txt_closes_its_host() {
    // RFC 9309: robots.txt answering 5xx means nothing may be fetched from the host.
    let server = Server::start(|hit| match hit.path.as_str() {
        "/robots.txt" => Reply::new(500, "broken"),
        _ => site::route(hit),
    });
    let (_dir, _db, mut watcher) = fresh_watcher();
    let polled = watcher
        .poll(&server.url("/feed.json"))
        .expect("the state file works");
    assert_eq!(
        polled.report.reason.as_deref(),
        Some("robots.txt unreachable: HTTP 500 Internal Server Error (3 attempts)")
    );
    let paths: Vec<String> = server.hits().into_iter().map(|h| h.path).collect();
    assert_eq!(paths, ["/robots.txt"; 3]);
}

#[test]
fn retry_after_is_honoured() {
    let server = Server::start(|hit| match hit.path.as_str() {
        "/feed.json" if hit.nth == 1 => Reply::new(503, "busy").header("Retry-After", "1"),
        _ => site::route(hit),
    });
    let (_dir, _db, mut watcher) = fresh_watcher();
    let polled = watcher
        .poll(&server.url("/feed.json"))
        .expect("the state file works");
    assert_eq!(
        polled.report.status,
        FeedStatus::Fetched,
        "{}",
        polled.report
    );
    let hits = server.hits_of("/feed.json");
    let waited = match hits.as_slice() {
        [first, second] => second.at.duration_since(first.at),
        _ => panic!("two requests for the feed: {hits:?}"),
    };
    // The backoff alone would be 10 ms; the margin allows for the server's scheduling.
    assert!(waited >= Duration::from_millis(900), "{waited:?}");
}

#[test]
fn redirects_are_followed_under_the_same_rules() {
    let server = Server::start(|hit| match hit.path.as_str() {
        "/old/ferry.html" => Reply::new(301, "").header("Location", "/news/ferry.html"),
        "/old/memo.html" => Reply::new(302, "").header("Location", "../private/memo.html"),
        "/loop.html" => Reply::new(302, "").header("Location", "/loop.html"),
        _ => site::route(hit),
    });
    let mut fetcher = Fetcher::new(config()).expect("a client");
    let none = Validators::default();
    match fetcher.get(&server.url("/old/ferry.html"), &none) {
        Ok(Fetched::Body { url, .. }) => assert_eq!(url, server.url("/news/ferry.html")),
        other => panic!("{other:?}"),
    }
    let refused = fetcher.get(&server.url("/old/memo.html"), &none).err();
    assert_eq!(
        refused.map(|e| e.reason).as_deref(),
        Some("disallowed by robots.txt")
    );
    let looped = fetcher.get(&server.url("/loop.html"), &none).err();
    assert_eq!(
        looped.map(|e| e.reason).as_deref(),
        Some("more than 5 redirects")
    );
    assert!(server.hits_of("/private/memo.html").is_empty());
    assert_eq!(server.hits_of("/loop.html").len(), 6);
}

#[test]
fn an_item_that_failed_for_now_is_tried_again() {
    const FEED: &str = r#"<rss version="2.0"><channel><title>Pending</title>
<item><title>Behind a failing server</title><link>/news/down.html</link></item>
</channel></rss>"#;
    let server = Server::start(|hit| match hit.path.as_str() {
        "/pending.xml" => Reply::new(200, FEED).header("ETag", "\"p1\""),
        "/news/down.html" => Reply::new(503, "down"),
        _ => site::route(hit),
    });
    let (_dir, _db, mut watcher) = fresh_watcher();
    let feed = server.url("/pending.xml");
    for _ in 0..2 {
        let polled = watcher.poll(&feed).expect("the state file works");
        assert_eq!(polled.report.failed.len(), 1, "{}", polled.report);
        watcher.remember(&polled).expect("remembered");
    }
    // The feed's ETag was not kept (a 304 would hide the item), and the page was tried again.
    let feed_hits = server.hits_of("/pending.xml");
    assert!(feed_hits.iter().all(|h| h.if_none_match.is_none()));
    assert_eq!(server.hits_of("/news/down.html").len(), 6);
}

#[test]
fn a_body_over_the_limit_is_refused() {
    let server = Server::start(site::route);
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = store(dir.path());
    let config = Config {
        max_bytes: 64,
        ..config()
    };
    let mut watcher = Watcher::open(&db, config).expect("the watcher opens");
    let polled = watcher
        .poll(&server.url("/feed.json"))
        .expect("the state file works");
    assert_eq!(
        polled.report.reason.as_deref(),
        Some("larger than the limit of 64 bytes")
    );
    assert_eq!(server.hits_of("/feed.json").len(), 1, "not retried");
}
