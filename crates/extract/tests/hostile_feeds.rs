//! Hostile feeds, read through sources then extract as `storyline ingest` reads them: empty ones,
//! a web page posing as a feed, a huge item, and entity expansion. Each gives articles or clear
//! errors naming the file, in bounded time and memory. (Feeds that are not XML at all, and cut or
//! corrupted ones, are in warc_feeds.rs.) Cases found by fuzz/ end here as regressions.

use std::path::{Path, PathBuf};
use std::time::Instant;

use storyline_extract::{extract_each, ExtractError};
use storyline_model::Article;
use storyline_sources::{read, Limits};

type Items = Result<Vec<Result<Article, ExtractError>>, String>;

/// Every document of `path` extracted, or the first read or extract error as text.
fn extract_file(dir: &Path, name: &str, content: &str) -> Items {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, content).unwrap();
    let mut all = Vec::new();
    for doc in read(&[path], Limits::default()) {
        let doc = doc.map_err(|e| e.to_string())?;
        all.extend(extract_each(&doc).map_err(|e| e.to_string())?);
    }
    Ok(all)
}

/// A feed without items holds no article, and that is not an error; an empty file is one.
#[test]
fn empty_feeds() {
    let dir = tempfile::tempdir().unwrap();
    let rss =
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Vide</title></channel></rss>";
    let atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Vide</title><id>x</id></feed>";
    let json =
        "{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"Vide\", \"items\": []}";
    for (name, text) in [("e.rss", rss), ("e.atom", atom), ("e.json", json)] {
        let items = extract_file(dir.path(), name, text);
        assert!(items.as_ref().is_ok_and(Vec::is_empty), "{name}: {items:?}");
    }
    for (name, text) in [("z.xml", ""), ("w.rss", " \n\t ")] {
        let err = extract_file(dir.path(), name, text)
            .err()
            .unwrap_or_default();
        assert!(
            err.ends_with(&format!("{name}: empty file")),
            "{name}: {err}"
        );
    }
    // An item with neither text nor title is an error of that item only.
    let rss =
        "<rss version=\"2.0\"><channel><title>O</title><item><link>https://ex.fr/a</link></item>\
               <item><title>T</title><description>Un texte.</description></item></channel></rss>";
    let items = extract_file(dir.path(), "one.rss", rss).unwrap_or_default();
    let origins: Vec<String> = items
        .iter()
        .map(|i| match i {
            Ok(a) => format!("ok:{}", a.origin.rsplit('#').next().unwrap_or("?")),
            Err(e) => format!("err:{}", e.origin.rsplit('#').next().unwrap_or("?")),
        })
        .collect();
    assert_eq!(origins, ["err:item-1", "ok:item-2"]);
}

/// A web page saved under a feed's name is one error for that file, saying it is not a feed.
#[test]
fn an_html_page_named_as_a_feed() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html><head><title>Accueil</title></head>\
                <body><p>Ceci est une page, pas un flux.</p></body></html>";
    let err = extract_file(dir.path(), "news.rss", page)
        .err()
        .unwrap_or_default();
    assert!(err.contains("news.rss: not a readable feed"), "{err}");
}

/// One item of several megabytes (a whole book in `content:encoded`) is read in full, in time
/// proportional to its size.
#[test]
fn a_huge_feed_item() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "<p>Le ministère a publié un nouveau bilan de la situation à Gaza, \
                     selon lequel les chiffres ont encore augmenté depuis la semaine dernière.</p>";
    let count = 40_000; // about 6 MB of HTML
    let body: String = paragraph.repeat(count);
    let rss = format!(
        "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\
         <channel><title>O</title><item><title>Un très long article</title>\
         <link>https://ex.fr/long</link><content:encoded><![CDATA[{body}]]></content:encoded>\
         </item></channel></rss>"
    );
    let start = Instant::now();
    let items = extract_file(dir.path(), "huge.rss", &rss);
    let seconds = start.elapsed().as_secs_f64();
    let article = match items.as_deref() {
        Ok([Ok(article)]) => article,
        other => panic!("{other:?}"),
    };
    assert_eq!(article.paragraphs.len(), count);
    assert_eq!(article.title.as_deref(), Some("Un très long article"));
    // Generous for a debug build on a shared machine; a quadratic step would take minutes.
    assert!(seconds < 60.0, "{seconds:.1} s for one 6 MB item");
}

/// Entities declared in a DTD are not expanded (no "billion laughs"): the feed is read, or
/// refused, without building gigabytes of text.
#[test]
fn entity_expansion_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let mut dtd = String::from("<!DOCTYPE rss [<!ENTITY a0 \"ha\">");
    for i in 1..10 {
        let prev = format!("&a{};", i - 1);
        dtd.push_str(&format!("<!ENTITY a{i} \"{}\">", prev.repeat(10)));
    }
    dtd.push(']');
    dtd.push('>');
    let rss = format!(
        "<?xml version=\"1.0\"?>{dtd}<rss version=\"2.0\"><channel><title>O</title>\
         <item><title>T</title><description>Rire : &a9;</description></item></channel></rss>"
    );
    let start = Instant::now();
    let items = extract_file(dir.path(), "lol.rss", &rss);
    assert!(start.elapsed().as_secs_f64() < 30.0);
    let longest = items
        .iter()
        .flatten()
        .flatten()
        .flat_map(|a| &a.paragraphs)
        .map(String::len)
        .max()
        .unwrap_or(0);
    assert!(
        longest < 10_000,
        "an entity was expanded to {longest} bytes"
    );
}
