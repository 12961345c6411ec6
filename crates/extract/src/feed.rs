//! RSS 2.0 (and 0.9x, 1.0), Atom and JSON Feed documents, parsed by `feed-rs`: one article per item.

use feed_rs::model::{Entry, Feed, Link, Text};
use storyline_model::{Article, Precision, Published};

use crate::body::{finish, lang_tag, non_empty, split_paragraphs, Draft};
use crate::{html, ExtractError};

/// The articles of a feed, one result per item (named `origin#item-N`, N from 1); the outer
/// error is for a document that is not a feed at all.
pub fn read_all(
    text: &str,
    origin: &str,
) -> Result<Vec<Result<Article, ExtractError>>, ExtractError> {
    let feed =
        feed_rs::parser::parse(without_prolog(text).as_bytes()).map_err(|e| ExtractError {
            origin: origin.to_string(),
            reason: format!("not a readable feed: {e}"),
        })?;
    let outlet = feed.title.as_ref().and_then(|t| non_empty(&t.content));
    Ok(feed
        .entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let draft = item(entry, &feed, outlet.clone());
            finish(draft, &format!("{origin}#item-{}", i + 1))
        })
        .collect())
}

/// The fields of one item; the feed gives the outlet and a default language. feed-rs gives
/// dates in UTC, so the day is the UTC day (an item sent at 00:30 +02:00 is dated the day before).
fn item(entry: &Entry, feed: &Feed, outlet: Option<String>) -> Draft {
    let dated = entry
        .published
        .map(|d| (d, "feed:published"))
        .or_else(|| entry.updated.map(|d| (d, "feed:updated")));
    let published = dated
        .map(|(date, from)| Published {
            value: Some(date.format("%Y-%m-%d").to_string()),
            precision: Precision::Day,
            from: from.into(),
        })
        .unwrap_or_default();
    let body = entry
        .content
        .as_ref()
        .and_then(|c| Some((c.body.as_deref()?, c.content_type.essence().to_string())))
        .filter(|(body, _)| !body.trim().is_empty())
        .or_else(|| {
            let summary = entry.summary.as_ref()?;
            Some((
                summary.content.as_str(),
                summary.content_type.essence().to_string(),
            ))
        });
    let paragraphs = match body {
        Some((body, kind)) if kind.contains("html") => html::fragment_paragraphs(body),
        Some((body, _)) => split_paragraphs(body),
        None => Vec::new(),
    };
    Draft {
        id: non_empty(&entry.id),
        url: page_link(&entry.links).and_then(|l| non_empty(&l.href)),
        outlet,
        title: entry.title.as_ref().and_then(text_of),
        author: html::author::people(
            &entry
                .authors
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join("; "),
        ),
        published,
        lang: entry
            .language
            .as_deref()
            .or(feed.language.as_deref())
            .and_then(lang_tag),
        paragraphs,
    }
}

/// The item's page: the first `alternate` (or untyped) link, else the first link.
fn page_link(links: &[Link]) -> Option<&Link> {
    links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| links.first())
}

/// A title as plain text: HTML titles lose their tags.
fn text_of(text: &Text) -> Option<String> {
    if text.content_type.essence().to_string().contains("html") && text.content.contains('<') {
        return non_empty(&html::fragment_paragraphs(&text.content).join(" "));
    }
    non_empty(&text.content)
}

/// The text without its `<?xml … ?>` declaration. The text is already UTF-8 (sources decoded it
/// by that very declaration); left in place, an `encoding="ISO-8859-1"` would make the parser
/// decode it a second time.
fn without_prolog(text: &str) -> &str {
    let trimmed = text.trim_start();
    match trimmed
        .strip_prefix("<?xml")
        .and_then(|rest| rest.split_once("?>"))
    {
        Some((_, rest)) => rest,
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Le Quotidien</title><language>fr-FR</language>
<item><title>Le Hamas à Moscou</title><link>https://ex.fr/a</link><guid>https://ex.fr/a</guid>
<pubDate>Fri, 26 Oct 2023 09:00:00 +0200</pubDate>
<description>&lt;p&gt;Une délégation est arrivée.&lt;/p&gt;&lt;p&gt;Le Kremlin a confirmé.&lt;/p&gt;</description></item>
<item><title>Sans texte</title><link>https://ex.fr/b</link></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_articles() {
        let items = read_all(RSS, "f.xml").unwrap_or_default();
        assert_eq!(items.len(), 2);
        let Some(Ok(a)) = items.first() else {
            panic!("first item: {:?}", items.first())
        };
        assert_eq!(a.title.as_deref(), Some("Le Hamas à Moscou"));
        assert_eq!(a.url.as_deref(), Some("https://ex.fr/a"));
        assert_eq!(a.outlet.as_deref(), Some("Le Quotidien"));
        assert_eq!(a.lang.as_deref(), Some("fr"));
        assert_eq!(
            (
                a.published.value.as_deref(),
                a.published.precision,
                a.published.from.as_str()
            ),
            (Some("2023-10-26"), Precision::Day, "feed:published")
        );
        assert_eq!(
            a.paragraphs,
            ["Une délégation est arrivée.", "Le Kremlin a confirmé."]
        );
        assert_eq!(a.origin, "f.xml#item-1");
        let err = items
            .get(1)
            .and_then(|r| r.as_ref().err())
            .map(ToString::to_string);
        assert_eq!(err.as_deref(), Some("f.xml#item-2: no article text"));
    }

    #[test]
    fn atom_and_json_feed() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Site</title><id>x</id>
            <entry><id>e1</id><title type="html">&lt;b&gt;Gros&lt;/b&gt; titre</title>
            <link rel="alternate" href="https://ex.org/e1"/><updated>2024-01-19T10:00:00Z</updated>
            <content type="text">Premier.

Second.</content></entry></feed>"#;
        let items = read_all(atom, "a.atom").unwrap_or_default();
        let Some(Ok(a)) = items.first() else {
            panic!("{items:?}")
        };
        assert_eq!(a.title.as_deref(), Some("Gros titre"));
        assert_eq!(a.published.from, "feed:updated");
        assert_eq!(a.paragraphs, ["Premier.", "Second."]);
        let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "J",
            "items": [{"id": "1", "url": "https://ex.org/1", "title": "T", "content_text": "Un texte.",
            "date_published": "2024-01-19T10:00:00+01:00"}]}"#;
        let items = read_all(json, "j.json").unwrap_or_default();
        let Some(Ok(a)) = items.first() else {
            panic!("{items:?}")
        };
        assert_eq!(
            (a.title.as_deref(), a.outlet.as_deref()),
            (Some("T"), Some("J"))
        );
        assert_eq!(a.paragraphs, ["Un texte."]);
        assert_eq!(a.published.value.as_deref(), Some("2024-01-19"));
    }

    #[test]
    fn entry_authors_are_kept_when_they_are_people() {
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Site</title><id>x</id>
            <entry><id>e1</id><title>Titre</title><link href="https://ex.org/e1"/>
            <author><name>Claire Dubois</name></author><author><name>AFP</name></author>
            <content type="text">Un texte.</content></entry>
            <entry><id>e2</id><title>Autre</title><link href="https://ex.org/e2"/>
            <author><name>La Rédaction</name></author>
            <content type="text">Un autre texte.</content></entry></feed>"#;
        let items = read_all(atom, "a.atom").unwrap_or_default();
        let authors: Vec<Option<&str>> = items
            .iter()
            .map(|i| i.as_ref().ok().and_then(|a| a.author.as_deref()))
            .collect();
        assert_eq!(authors, [Some("Claire Dubois"), None]);
    }

    #[test]
    fn not_a_feed() {
        let err = read_all("this is not XML at all", "bad.rss").err();
        assert!(err
            .is_some_and(|e| e.origin == "bad.rss" && e.reason.starts_with("not a readable feed")));
        let err = read_all("<rss version=\"2.0\"><channel><item><title>x", "cut.rss").err();
        assert!(err.is_some(), "a feed cut short is not read");
    }
}
