//! HTML pages: metadata from `<meta>`, JSON-LD and `<time>`, and a simple main-text pick.
//! A serious main-content extractor is a later issue; this one is small and predictable.

use std::collections::HashMap;
use std::sync::OnceLock;

use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use storyline_model::Published;

use crate::body::{lang_tag, non_empty, split_paragraphs, Draft};
use crate::{date, lexicon};

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "nav", "footer", "aside", "script", "style", "form", "noscript", "template",
];
/// Elements that hold one paragraph each.
const BLOCKS: &[&str] = &["p", "blockquote", "li"];

/// Elements that end a line of text: their content never runs into its neighbours'.
const BREAKING: &[&str] = &[
    "p",
    "div",
    "li",
    "blockquote",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "table",
    "dd",
    "dt",
    "figcaption",
];

/// Selectors compiled once.
struct Selectors {
    meta: Selector,
    title: Selector,
    h1: Selector,
    canonical: Selector,
    json_ld: Selector,
    time: Selector,
    article: Selector,
    p: Selector,
}

/// The compiled selectors; `None` only if a literal below failed to parse (a bug caught by tests).
fn selectors() -> Option<&'static Selectors> {
    static SELECTORS: OnceLock<Option<Selectors>> = OnceLock::new();
    SELECTORS
        .get_or_init(|| {
            let s = |css: &str| Selector::parse(css).ok();
            Some(Selectors {
                meta: s("meta[content]")?,
                title: s("title")?,
                h1: s("h1")?,
                canonical: s("link[rel=canonical][href]")?,
                json_ld: s("script[type=\"application/ld+json\"]")?,
                time: s("time[datetime]")?,
                article: s("article")?,
                p: s("p")?,
            })
        })
        .as_ref()
}

/// Reads the metadata and main text of a page.
pub fn read(text: &str) -> Draft {
    let Some(sel) = selectors() else {
        return Draft::default();
    };
    let page = Html::parse_document(text);
    let meta = meta_map(&page, sel);
    let keys = &lexicon::fields().html;
    let from_meta = |names: &[String]| {
        names
            .iter()
            .find_map(|n| meta.get(n.as_str()).and_then(|v| non_empty(v)))
    };
    let first_text =
        |selector: &Selector| page.select(selector).find_map(|e| non_empty(&text_of(e)));
    let canonical = page
        .select(&sel.canonical)
        .find_map(|e| e.attr("href"))
        .filter(|h| h.starts_with("http"));
    Draft {
        title: from_meta(&keys.title)
            .or_else(|| first_text(&sel.title))
            .or_else(|| first_text(&sel.h1)),
        url: canonical
            .and_then(non_empty)
            .or_else(|| from_meta(&keys.url)),
        outlet: from_meta(&keys.outlet),
        lang: page.root_element().attr("lang").and_then(lang_tag),
        published: published(&page, sel, &meta, &keys.date),
        paragraphs: main_paragraphs(&page, sel),
        id: None,
        author: None,
    }
}

/// The main-text paragraphs of an HTML fragment (a feed item's content), chosen as for a page.
pub fn fragment_paragraphs(text: &str) -> Vec<String> {
    let Some(sel) = selectors() else {
        return Vec::new();
    };
    main_paragraphs(&Html::parse_fragment(text), sel)
}

/// `<meta>` contents by lower-cased `property`, `name` or `itemprop`; the first one of a name wins.
fn meta_map<'a>(page: &'a Html, sel: &Selectors) -> HashMap<String, &'a str> {
    let mut map = HashMap::new();
    for element in page.select(&sel.meta) {
        let name = element
            .attr("property")
            .or_else(|| element.attr("name"))
            .or_else(|| element.attr("itemprop"));
        if let (Some(name), Some(content)) = (name, element.attr("content")) {
            map.entry(name.to_ascii_lowercase()).or_insert(content);
        }
    }
    map
}

/// The publication date from meta names in order, then JSON-LD `datePublished`, then `<time datetime>`.
/// Other scripts are never read.
fn published(
    page: &Html,
    sel: &Selectors,
    meta: &HashMap<String, &str>,
    names: &[String],
) -> Published {
    let found = |value: &str, from: String| {
        date::parse(value).map(|d| Published {
            value: Some(d.value),
            precision: d.precision,
            from,
        })
    };
    names
        .iter()
        .find_map(|n| found(meta.get(n.as_str())?, format!("html:{n}")))
        .or_else(|| {
            page.select(&sel.json_ld)
                .filter_map(|s| serde_json::from_str::<Value>(&s.text().collect::<String>()).ok())
                .find_map(|v| date_published(&v).and_then(|d| found(d, "html:json-ld".into())))
        })
        .or_else(|| {
            page.select(&sel.time)
                .find_map(|t| found(t.attr("datetime")?, "html:time".into()))
        })
        .unwrap_or_default()
}

/// The first `datePublished` string anywhere in a JSON-LD value (objects, arrays, `@graph`).
fn date_published(value: &Value) -> Option<&str> {
    match value {
        Value::Object(object) => object
            .get("datePublished")
            .and_then(Value::as_str)
            .or_else(|| object.values().find_map(date_published)),
        Value::Array(items) => items.iter().find_map(date_published),
        _ => None,
    }
}

/// Paragraphs of the main text: the `<article>` with the most paragraph text, unless some other
/// element's own `<p>` children hold more (then `<article>` marks teasers, not the story); then
/// the `<p>`, `<blockquote>` and `<li>` blocks of that container outside navigation, forms and
/// scripts. Pages without such blocks fall back to the element with the most direct text,
/// split at line breaks.
fn main_paragraphs(page: &Html, sel: &Selectors) -> Vec<String> {
    let article = page
        .select(&sel.article)
        .map(|a| (p_text_len(a, sel), a))
        .max_by_key(|(len, _)| *len);
    let densest = densest_parent(page, sel);
    let container = match (article, densest) {
        (Some((article_len, article)), Some((parent_len, _))) if article_len >= parent_len => {
            Some(article)
        }
        (_, Some((_, parent))) => Some(parent),
        (Some((_, article)), None) => Some(article),
        (None, None) => None,
    };
    let blocks: Vec<String> = container
        .map(|container| {
            container
                .descendent_elements()
                .filter(|e| BLOCKS.contains(&e.value().name()))
                .filter(|e| {
                    !inside(*e, container, |name| {
                        SKIP.contains(&name) || BLOCKS.contains(&name)
                    })
                })
                .filter_map(|e| non_empty(&text_of(e)))
                .collect()
        })
        .unwrap_or_default();
    if !blocks.is_empty() {
        return blocks;
    }
    densest_text(page)
        .map(|e| split_paragraphs(&text_with_breaks(e)))
        .unwrap_or_default()
}

fn p_text_len(element: ElementRef, sel: &Selectors) -> usize {
    element.select(&sel.p).map(text_len).sum()
}

/// The parent element of the most `<p>` text with that length, paragraphs in skipped elements not counted.
fn densest_parent<'a>(page: &'a Html, sel: &Selectors) -> Option<(usize, ElementRef<'a>)> {
    let root = page.root_element();
    let mut by_parent = HashMap::new();
    for p in page.select(&sel.p) {
        if inside(p, root, |name| SKIP.contains(&name)) {
            continue;
        }
        if let Some(parent) = p.parent() {
            *by_parent.entry(parent.id()).or_insert(0usize) += text_len(p);
        }
    }
    let (id, len) = most(by_parent)?;
    page.tree
        .get(id)
        .and_then(ElementRef::wrap)
        .map(|e| (len, e))
}

/// The element whose own text nodes hold the most text, outside skipped elements and `<head>`.
fn densest_text(page: &Html) -> Option<ElementRef<'_>> {
    let root = page.root_element();
    let mut by_parent = HashMap::new();
    for node in page.tree.nodes() {
        let Node::Text(text) = node.value() else {
            continue;
        };
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else {
            continue;
        };
        let skipped = |name: &str| SKIP.contains(&name) || name == "head" || name == "title";
        if skipped(parent.value().name()) || inside(parent, root, skipped) {
            continue;
        }
        *by_parent.entry(parent.id()).or_insert(0usize) += text.trim().len();
    }
    let (id, _) = most(by_parent)?;
    page.tree.get(id).and_then(ElementRef::wrap)
}

/// The node with the largest count (the earliest in the document on a tie), when it is above zero.
fn most<K: Ord + Copy>(counts: HashMap<K, usize>) -> Option<(K, usize)> {
    counts
        .into_iter()
        .filter(|&(_, len)| len > 0)
        .max_by_key(|&(id, len)| (len, std::cmp::Reverse(id)))
}

/// Whether an element strictly between `element` and `container` has a name that `matches`.
fn inside(element: ElementRef, container: ElementRef, matches: impl Fn(&str) -> bool) -> bool {
    element
        .ancestors()
        .take_while(|a| a.id() != container.id())
        .filter_map(ElementRef::wrap)
        .any(|a| matches(a.value().name()))
}

/// The visible text of an element, scripts and styles left out, ASCII whitespace runs collapsed
/// (NBSP and narrow NBSP are kept: they separate thousands).
fn text_of(element: ElementRef) -> String {
    let mut raw = String::new();
    collect_text(element, &mut raw);
    collapse(&raw)
}

/// Bytes of non-blank text under an element, without building it: the measure used to compare
/// candidate containers.
fn text_len(element: ElementRef) -> usize {
    element
        .descendants()
        .filter_map(|n| n.value().as_text())
        .map(|t| t.trim().len())
        .sum()
}

/// `text` with each run of ASCII whitespace turned into one space, ends trimmed.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The text of an element with `<br>` and block children as line breaks, for [`split_paragraphs`].
fn text_with_breaks(element: ElementRef) -> String {
    let mut raw = String::new();
    collect_text_with(element, &mut raw, "\n");
    raw.lines().map(collapse).collect::<Vec<_>>().join("\n")
}

fn collect_text(element: ElementRef, out: &mut String) {
    collect_text_with(element, out, " ");
}

fn collect_text_with(element: ElementRef, out: &mut String, br: &str) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e)
                if matches!(e.name(), "script" | "style" | "noscript" | "template") => {}
            Node::Element(e) if e.name() == "br" => out.push_str(br),
            Node::Element(e) => {
                let block = BREAKING.contains(&e.name());
                if let Some(child) = ElementRef::wrap(child) {
                    if block {
                        out.push_str(br);
                    }
                    collect_text_with(child, out, br);
                    if block {
                        out.push_str(br);
                    }
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_model::Precision;

    const PAGE: &str = r#"<!doctype html><html lang="fr-FR"><head>
        <title>Le Hamas à Moscou - Exemple</title>
        <meta property="og:title" content="Le Hamas à Moscou">
        <meta property="og:site_name" content="Exemple">
        <meta property="article:published_time" content="2024-01-19T10:00:00+01:00">
        <link rel="canonical" href="https://ex.fr/hamas-moscou">
        <script>var date = "1999-01-01";</script>
        </head><body>
        <nav><ul><li>Accueil</li><li>Monde</li></ul></nav>
        <div class="main">
          <p>(Moscou) La diplomatie russe a appelé vendredi à libérer les otages.</p>
          <p>Le ministère a publié un communiqué de 3&#x202F;000 mots.</p>
          <blockquote><p>« Une ampleur catastrophique »</p></blockquote>
          <form><p>Abonnez-vous</p></form>
        </div>
        <footer><p>Mentions légales et autres textes assez longs pour gêner un choix naïf.</p></footer>
        </body></html>"#;

    #[test]
    fn metadata() {
        let d = read(PAGE);
        assert_eq!(d.title.as_deref(), Some("Le Hamas à Moscou"));
        assert_eq!(d.outlet.as_deref(), Some("Exemple"));
        assert_eq!(d.url.as_deref(), Some("https://ex.fr/hamas-moscou"));
        assert_eq!(d.lang.as_deref(), Some("fr"));
        assert_eq!(d.published.value.as_deref(), Some("2024-01-19"));
        assert_eq!(
            (d.published.precision, d.published.from.as_str()),
            (Precision::Day, "html:article:published_time")
        );
    }

    #[test]
    fn main_text_skips_navigation_and_forms() {
        let d = read(PAGE);
        assert_eq!(
            d.paragraphs,
            [
                "(Moscou) La diplomatie russe a appelé vendredi à libérer les otages.",
                "Le ministère a publié un communiqué de 3\u{202f}000 mots.",
                "« Une ampleur catastrophique »",
            ]
        );
    }

    #[test]
    fn fallbacks_json_ld_time_and_title() {
        let page = r#"<html><head><title>Titre de page</title>
            <script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "datePublished": "2023-10-26"}]}</script>
            </head><body><article><p>Texte.</p></article></body></html>"#;
        let d = read(page);
        assert_eq!(d.title.as_deref(), Some("Titre de page"));
        assert_eq!(
            (d.published.value.as_deref(), d.published.from.as_str()),
            (Some("2023-10-26"), "html:json-ld")
        );
        assert_eq!(d.paragraphs, ["Texte."]);
        let d = read(r#"<h1>Gros titre</h1><time datetime="2023-10">oct.</time><p>Un.</p>"#);
        assert_eq!(d.title.as_deref(), Some("Gros titre"));
        assert_eq!(
            (d.published.value.as_deref(), d.published.from.as_str()),
            (Some("2023-10"), "html:time")
        );
        assert_eq!(d.lang, None);
    }

    #[test]
    fn teaser_articles_lose_to_the_story() {
        let page = r#"<body><div id="story"><p>Un long paragraphe de l'article principal, bien plus long.</p>
            <p>Un second paragraphe.</p></div>
            <article><p>Teaser court.</p></article><article><p>Autre teaser.</p></article></body>"#;
        let d = read(page);
        assert_eq!(
            d.paragraphs.first().map(String::as_str),
            Some("Un long paragraphe de l'article principal, bien plus long.")
        );
        assert_eq!(d.paragraphs.len(), 2);
    }

    #[test]
    fn pages_without_paragraph_tags_fall_back_to_text_with_breaks() {
        let page = r#"<html><head><title>T</title></head><body><nav>Menu</nav>
            <div class="txt">Premier paragraphe du texte.<br><br>Second paragraphe, plus long que le menu.<div>Fin.</div></div>
            <div>Pied</div></body></html>"#;
        let d = read(page);
        assert_eq!(
            d.paragraphs,
            [
                "Premier paragraphe du texte.",
                "Second paragraphe, plus long que le menu. Fin."
            ]
        );
    }
}
