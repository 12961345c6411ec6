//! HTML pages: metadata from `<meta>`, JSON-LD and `<time>`, and a simple main-text pick.
//! A serious main-content extractor is a later issue; this one is small and predictable.

use std::collections::HashMap;
use std::sync::OnceLock;

use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;
use storyline_model::Published;

use crate::body::{lang_tag, non_empty, Draft};
use crate::{date, lexicon};

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "nav", "footer", "aside", "script", "style", "form", "noscript", "template",
];
/// Elements that hold one paragraph each.
const BLOCKS: &[&str] = &["p", "blockquote", "li"];

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
    let first_text = |selector: &Selector| page.select(selector).find_map(|e| non_empty(&text_of(e)));
    let canonical = page
        .select(&sel.canonical)
        .find_map(|e| e.attr("href"))
        .filter(|h| h.starts_with("http"));
    Draft {
        title: from_meta(&keys.title)
            .or_else(|| first_text(&sel.title))
            .or_else(|| first_text(&sel.h1)),
        url: canonical.and_then(non_empty).or_else(|| from_meta(&keys.url)),
        outlet: from_meta(&keys.outlet),
        lang: page.root_element().attr("lang").and_then(lang_tag),
        published: published(&page, sel, &meta, &keys.date),
        paragraphs: main_paragraphs(&page, sel),
        id: None,
    }
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
fn published(page: &Html, sel: &Selectors, meta: &HashMap<String, &str>, names: &[String]) -> Published {
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

/// Paragraphs of the main text: the `<article>` with the most paragraph text if there is one,
/// else the element whose own `<p>` children hold the most text; then its `<p>`, `<blockquote>`
/// and `<li>` blocks outside navigation, forms and scripts.
fn main_paragraphs(page: &Html, sel: &Selectors) -> Vec<String> {
    let container = page
        .select(&sel.article)
        .map(|a| (p_text_len(a, sel), a))
        .max_by_key(|(len, _)| *len)
        .map(|(_, a)| a)
        .or_else(|| densest_p_parent(page, sel));
    let Some(container) = container else {
        return Vec::new();
    };
    container
        .descendent_elements()
        .filter(|e| {
            BLOCKS.contains(&e.value().name())
                && !inside(*e, container, |name| {
                    SKIP.contains(&name) || BLOCKS.contains(&name)
                })
        })
        .filter_map(|e| non_empty(&text_of(e)))
        .collect()
}

fn p_text_len(element: ElementRef, sel: &Selectors) -> usize {
    element.select(&sel.p).map(|p| text_of(p).len()).sum()
}

/// The parent element of the most `<p>` text, paragraphs in skipped elements not counted.
fn densest_p_parent<'a>(page: &'a Html, sel: &Selectors) -> Option<ElementRef<'a>> {
    let root = page.root_element();
    let mut by_parent = HashMap::new();
    for p in page.select(&sel.p) {
        if inside(p, root, |name| SKIP.contains(&name)) {
            continue;
        }
        if let Some(parent) = p.parent() {
            *by_parent.entry(parent.id()).or_insert(0usize) += text_of(p).len();
        }
    }
    let (best, _) = by_parent
        .into_iter()
        .max_by_key(|&(id, len)| (len, std::cmp::Reverse(id)))?;
    page.tree.get(best).and_then(ElementRef::wrap)
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
    let mut out = String::with_capacity(raw.len());
    for word in raw
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

fn collect_text(element: ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(text) => out.push_str(text),
            Node::Element(e) if matches!(e.name(), "script" | "style" | "noscript" | "template") => {}
            Node::Element(e) if e.name() == "br" => out.push(' '),
            Node::Element(_) => {
                if let Some(child) = ElementRef::wrap(child) {
                    collect_text(child, out);
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
}
