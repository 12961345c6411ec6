//! Feed bodies to items, and item pages to articles, through `storyline_extract`.

use feed_rs::model::{Entry, Feed, Link, Text};
use storyline_extract::ExtractError;
use storyline_model::{Article, Format, Published};
use url::Url;

/// One feed item: the page to fetch and the article its own summary gives.
pub(crate) struct Item {
    /// The item's page, resolved against the feed URL.
    pub link: Option<String>,
    /// The article from the item's own text (an error when it has none).
    pub summary: Result<Article, ExtractError>,
    /// What the item says of its page (title, date, outlet, language): the summary's article
    /// when there is one, else the few fields read here.
    pub about: Article,
}

/// The items of a feed body fetched from `feed_url`, in feed order, or why it is not a feed.
pub(crate) fn feed_items(bytes: &[u8], feed_url: &str) -> Result<Vec<Item>, String> {
    let doc =
        storyline_sources::decode_bytes(bytes, Format::Feed, feed_url).map_err(|e| e.reason)?;
    let summaries = storyline_extract::extract_each(&doc).map_err(|e| e.reason)?;
    // The extractor drops an item without text, link and all; the links are read here so that
    // such an item's page is still fetched. Both parse the same decoded text, so the items
    // line up (only the links are read here, and links are ASCII in practice, so a leftover
    // `encoding` declaration cannot change them).
    let feed = feed_rs::parser::parse(doc.text.as_bytes())
        .map_err(|e| format!("not a readable feed: {e}"))?;
    if feed.entries.len() != summaries.len() {
        return Err(format!(
            "the feed's items could not be matched ({} entries, {} articles)",
            feed.entries.len(),
            summaries.len()
        ));
    }
    let base = Url::parse(feed_url).ok();
    Ok(feed
        .entries
        .iter()
        .zip(summaries)
        .map(|(entry, summary)| Item {
            link: page_link(&entry.links).and_then(|l| resolve(base.as_ref(), &l.href)),
            about: match &summary {
                Ok(article) => article.clone(),
                Err(_) => bare_item(entry, &feed),
            },
            summary,
        })
        .collect())
}

/// The title, date and outlet of an item that has no text, for the page to fall back on (the
/// extractor gives no article for such an item, so none of its fields).
fn bare_item(entry: &Entry, feed: &Feed) -> Article {
    let plain = |text: &Option<Text>| {
        let content = text.as_ref()?.content.trim();
        (!content.is_empty()).then(|| content.to_string())
    };
    let dated = entry
        .published
        .map(|d| (d, "feed:published"))
        .or_else(|| entry.updated.map(|d| (d, "feed:updated")));
    let published = dated
        .and_then(|(date, from)| {
            let (value, precision) = storyline_extract::parse_date(&date.to_rfc3339())?;
            Some(Published {
                value: Some(value),
                precision,
                from: from.into(),
            })
        })
        .unwrap_or_default();
    Article {
        title: plain(&entry.title),
        outlet: plain(&feed.title),
        published,
        ..Article::default()
    }
}

/// The item's page: the first `alternate` (or untyped) link, else the first link; the same
/// choice the extractor makes for an item's URL.
fn page_link(links: &[Link]) -> Option<&Link> {
    links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| links.first())
}

/// `href` as an absolute http(s) URL (feeds may give links relative to themselves).
fn resolve(base: Option<&Url>, href: &str) -> Option<String> {
    let href = href.trim();
    let url = match base {
        Some(base) => base.join(href).ok()?,
        None => Url::parse(href).ok()?,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// The article of a fetched page, as `storyline ingest` reads an HTML file (decoded first by
/// the charset of its `Content-Type`, when the server gave one); what the page does not say
/// (URL, title, date, outlet, language) is taken from what the item says of it.
pub(crate) fn page_article(
    bytes: &[u8],
    page_url: &str,
    content_type: Option<&str>,
    item: &Article,
) -> Result<Article, String> {
    let doc = storyline_sources::decode_http_body(bytes, Format::Html, page_url, content_type)
        .map_err(|e| e.reason)?;
    let mut article = storyline_extract::extract(&doc)
        .map_err(|e| e.reason)?
        .into_iter()
        .next()
        .ok_or_else(|| "no article in the page".to_string())?;
    if article.url.is_none() {
        article.url = Some(page_url.to_string());
    }
    if article.title.is_none() {
        article.title.clone_from(&item.title);
    }
    if article.published.value.is_none() && item.published.value.is_some() {
        article.published = item.published.clone();
    }
    if article.outlet.is_none() {
        article.outlet.clone_from(&item.outlet);
    }
    if article.lang.is_none() {
        article.lang.clone_from(&item.lang);
    }
    Ok(article)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>La Gazette du Test</title><language>fr</language>
<item><title>Premier article</title><link>/a/1</link>
<pubDate>Tue, 07 Mar 2023 09:00:00 +0000</pubDate>
<description>Le conseil municipal a voté le budget mardi soir.</description></item>
<item><title>Sans résumé</title><link>https://ex.fr/a/2</link></item>
</channel></rss>"#;

    #[test]
    fn items_keep_their_links_even_without_text() {
        let items = feed_items(RSS.as_bytes(), "https://ex.fr/rss.xml").unwrap_or_default();
        let links: Vec<_> = items.iter().map(|i| i.link.as_deref()).collect();
        assert_eq!(
            links,
            [Some("https://ex.fr/a/1"), Some("https://ex.fr/a/2")]
        );
        assert!(items.first().is_some_and(|i| i.summary.is_ok()));
        assert!(items.get(1).is_some_and(|i| i.summary.is_err()));
        // The textless item still says what its page is about.
        let about = items.get(1).map(|i| &i.about);
        assert_eq!(about.and_then(|a| a.title.as_deref()), Some("Sans résumé"));
        assert_eq!(
            about.and_then(|a| a.outlet.as_deref()),
            Some("La Gazette du Test")
        );
    }

    #[test]
    fn not_a_feed() {
        let err = feed_items(b"<html><body>Nope</body></html>", "https://ex.fr/f").err();
        assert!(
            err.as_deref()
                .is_some_and(|e| e.contains("not a readable feed")),
            "{err:?}"
        );
    }

    #[test]
    fn the_page_wins_and_the_item_fills_in() {
        let items = feed_items(RSS.as_bytes(), "https://ex.fr/rss.xml").unwrap_or_default();
        let Some(item) = items.first() else {
            panic!("an item")
        };
        let page = "<html><head><title>Le budget voté</title></head><body><article>\
            <p>Le conseil municipal a adopté mardi soir un budget de 12 millions d'euros.</p>\
            <p>L'opposition a voté contre.</p></article></body></html>";
        let article = page_article(page.as_bytes(), "https://ex.fr/a/1", None, &item.about);
        let Ok(article) = article else {
            panic!("{article:?}")
        };
        assert_eq!(article.title.as_deref(), Some("Le budget voté"));
        assert_eq!(article.url.as_deref(), Some("https://ex.fr/a/1"));
        assert_eq!(article.published.value.as_deref(), Some("2023-03-07"));
        assert_eq!(article.outlet.as_deref(), Some("La Gazette du Test"));
        assert_eq!(article.lang.as_deref(), Some("fr"));
        assert!(article.paragraphs.len() >= 2, "{:?}", article.paragraphs);
    }

    /// The server's charset decodes a page that declares none: in ISO-8859-15 the byte 0xA4 is
    /// the euro sign, where a guess of Windows-1252 would read it as '¤'.
    #[test]
    fn the_content_type_charset_decodes_the_page() {
        let items = feed_items(RSS.as_bytes(), "https://ex.fr/rss.xml").unwrap_or_default();
        let Some(item) = items.first() else {
            panic!("an item")
        };
        let page = b"<html><body><article><p>Le ticket co\xfbte d\xe9sormais 2 \xa4, \
            a annonc\xe9 la r\xe9gie des transports.</p></article></body></html>"
            .to_vec();
        let text = |content_type| {
            page_article(&page, "https://ex.fr/a/1", content_type, &item.about)
                .map(|a| a.paragraphs.join(" "))
                .unwrap_or_default()
        };
        assert!(
            text(Some("text/html; charset=ISO-8859-15")).contains("2 €"),
            "{}",
            text(Some("text/html; charset=ISO-8859-15"))
        );
        assert!(text(None).contains("2 ¤"), "{}", text(None));
    }

    /// The real feeds of ../shared/data/feed-rs-news-feed-fixtures: every entry becomes an item
    /// whose link is the one feed-rs's own expected output gives first.
    #[test]
    fn real_feeds_give_their_items_and_links() {
        let dir = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/feed-rs-news-feed-fixtures"
        );
        let Ok(entries) = std::fs::read_dir(dir) else {
            println!("skipped: ../shared/data/feed-rs-news-feed-fixtures absent");
            return;
        };
        let mut feeds = 0;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("xml") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap_or_default();
            let expected_path = path.with_extension("expected.serde.json");
            let expected: serde_json::Value = std::fs::read(&expected_path)
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .unwrap_or_else(|| panic!("{}: unreadable", expected_path.display()));
            let items = feed_items(&bytes, "https://feeds.example.org/feed.xml");
            let Ok(items) = items else {
                panic!("{}: {:?}", path.display(), items.err())
            };
            let expected = expected["entries"].as_array().cloned().unwrap_or_default();
            assert_eq!(items.len(), expected.len(), "{}", path.display());
            for (item, entry) in items.iter().zip(&expected) {
                let href = entry["links"][0]["href"].as_str();
                let want = href.and_then(|h| Url::parse(h).ok()).map(String::from);
                assert_eq!(item.link, want, "{}", path.display());
                assert!(item.summary.is_ok(), "{}", path.display());
            }
            feeds += 1;
        }
        assert!(feeds >= 7, "{feeds} feeds read");
    }
}
