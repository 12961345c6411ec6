//! A small news site for the watcher's tests, served by [`super::server::Server`]: feeds in
//! RSS 2.0, Atom and JSON Feed, article pages, and the broken cases a watcher meets (a path
//! robots.txt disallows, a 500 that passes, a page slower than any timeout, a 404, a feed that
//! is not a feed, a feed that is down). Every sentence was written for these tests.

// Each test file uses only some of these fixtures.
#![allow(dead_code)]

use std::time::Duration;

use super::server::{Hit, Reply};

/// The RSS feed's ETag.
pub const RSS_ETAG: &str = "\"rss-v1\"";
/// The Atom feed's Last-Modified date.
pub const ATOM_MODIFIED: &str = "Tue, 07 Mar 2023 10:00:00 GMT";
/// How long the slow page takes: longer than any timeout the tests set.
pub const SLOW: Duration = Duration::from_secs(2);

const ROBOTS: &str = "User-agent: *\nDisallow: /private/\n";

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>La Gazette de Test</title><link>/</link><language>fr</language>
<item><title>Le conseil municipal adopte le budget</title><link>/news/budget.html</link>
<guid>budget-2023</guid><pubDate>Tue, 07 Mar 2023 09:00:00 +0000</pubDate>
<description>Le budget de la ville a été adopté mardi soir.</description></item>
<item><title>Note interne</title><link>/private/memo.html</link>
<guid>memo-2023</guid><pubDate>Tue, 07 Mar 2023 09:30:00 +0000</pubDate>
<description>Une note interne circule à la mairie depuis lundi.</description></item>
<item><title>Travaux sur la ligne de tramway</title><link>/news/flaky.html</link>
<guid>tram-2023</guid><pubDate>Tue, 07 Mar 2023 10:00:00 +0000</pubDate>
<description>Les travaux du tramway reprennent la semaine prochaine.</description></item>
<item><title>La piscine rouvre ses portes</title><link>/news/slow.html</link>
<guid>piscine-2023</guid><pubDate>Tue, 07 Mar 2023 11:00:00 +0000</pubDate>
<description>La piscine municipale rouvre samedi après six mois de travaux.</description></item>
<item><title>Article retiré</title><link>/news/missing.html</link>
<guid>retire-2023</guid><pubDate>Tue, 07 Mar 2023 12:00:00 +0000</pubDate></item>
</channel></rss>"#;

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>The Test Harbour Times</title><id>urn:test:harbour</id>
<updated>2023-03-08T08:00:00Z</updated>
<entry><id>urn:test:harbour:ferry</id><title>Ferry service resumes after the storm</title>
<link rel="alternate" href="news/ferry.html"/><updated>2023-03-08T08:00:00Z</updated></entry>
</feed>"#;

const JSON_FEED: &str = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Test Valley Radio",
"items": [{"id": "library-2023", "url": "/news/library.html", "title": "The library extends its hours",
"content_text": "The town library will open on Sundays from April.",
"date_published": "2023-03-09T07:00:00+00:00"}]}"#;

/// A page with a title and paragraphs but no date: the item's date must fill it in.
const BUDGET: &str =
    "<html lang=\"fr\"><head><title>Le conseil municipal adopte le budget</title></head>\
<body><nav><a href=\"/\">Accueil</a></nav><article>\
<p>Le conseil municipal a adopté mardi soir un budget de 48 millions d'euros pour l'année.</p>\
<p>La maire a expliqué que la rénovation des écoles restait la première dépense de la ville.</p>\
<p>L'opposition a voté contre, jugeant la hausse de la taxe foncière trop forte.</p>\
</article></body></html>";

const TRAM: &str = "<html lang=\"fr\"><head><title>Travaux sur la ligne de tramway</title>\
<meta property=\"article:published_time\" content=\"2023-03-07T10:00:00+01:00\"></head>\
<body><article>\
<p>Les travaux de la ligne de tramway reprendront lundi prochain entre la gare et le port.</p>\
<p>Des bus de remplacement circuleront toutes les dix minutes pendant trois semaines.</p>\
</article></body></html>";

const FERRY: &str =
    "<html lang=\"en\"><head><title>Ferry service resumes after the storm</title></head>\
<body><article>\
<p>The harbour ferry carried its first passengers in four days on Wednesday morning.</p>\
<p>The operator said the storm had damaged one of the two landing stages.</p>\
</article></body></html>";

const LIBRARY: &str = "<html lang=\"en\"><head><title>The library extends its hours</title></head>\
<body><article>\
<p>The town library will open on Sundays from April, the council announced on Thursday.</p>\
<p>Two new librarians will be hired to cover the extra hours.</p>\
</article></body></html>";

const MEMO: &str = "<html><body><p>This page must never be fetched.</p></body></html>";

/// Answers every path of the site.
pub fn route(hit: &Hit) -> Reply {
    match hit.path.as_str() {
        "/robots.txt" => Reply::new(200, ROBOTS).header("Content-Type", "text/plain"),
        "/rss.xml" if hit.if_none_match.as_deref() == Some(RSS_ETAG) => Reply::new(304, ""),
        "/rss.xml" => Reply::new(200, RSS)
            .header("Content-Type", "application/rss+xml")
            .header("ETag", RSS_ETAG),
        "/atom.xml" if hit.if_modified_since.as_deref() == Some(ATOM_MODIFIED) => {
            Reply::new(304, "")
        }
        "/atom.xml" => Reply::new(200, ATOM)
            .header("Content-Type", "application/atom+xml")
            .header("Last-Modified", ATOM_MODIFIED),
        // No validators: answered in full every time.
        "/feed.json" => Reply::new(200, JSON_FEED).header("Content-Type", "application/feed+json"),
        "/broken.xml" => Reply::new(200, "This is plain text, and certainly not a feed.")
            .header("Content-Type", "application/rss+xml"),
        "/down.xml" => Reply::new(503, "down for maintenance"),
        "/news/budget.html" => html(BUDGET),
        "/news/flaky.html" if hit.nth == 1 => Reply::new(500, "try again"),
        "/news/flaky.html" => html(TRAM),
        "/news/slow.html" => html(TRAM).after(SLOW),
        "/news/ferry.html" => html(FERRY),
        "/news/library.html" => html(LIBRARY),
        "/private/memo.html" => html(MEMO),
        _ => Reply::new(404, "not found"),
    }
}

fn html(page: &str) -> Reply {
    Reply::new(200, page).header("Content-Type", "text/html; charset=utf-8")
}
