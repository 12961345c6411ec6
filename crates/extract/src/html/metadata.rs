//! Page metadata: `<meta>` tags, JSON-LD objects, the title, outlet, canonical URL and language.

use std::collections::HashMap;

use scraper::{Html, Selector};
use serde_json::Value;

use super::clean::collapse;
use crate::body::non_empty;
use crate::lexicon;

/// Compiled selectors of the metadata elements.
pub struct Selectors {
    pub meta: Selector,
    pub title: Selector,
    pub h1: Selector,
    pub canonical: Selector,
    pub json_ld: Selector,
    pub time: Selector,
    pub dated: Selector,
    pub author: Selector,
}

impl Selectors {
    /// `None` only if a literal below failed to parse (a bug caught by tests).
    pub fn new() -> Option<Selectors> {
        let s = |css: &str| Selector::parse(css).ok();
        Some(Selectors {
            meta: s("meta[content]")?,
            title: s("title")?,
            h1: s("h1")?,
            canonical: s("link[rel=canonical][href]")?,
            json_ld: s("script[type=\"application/ld+json\"]")?,
            time: s("time")?,
            dated: s("[itemprop=datePublished], [class*=date], [class*=publish], [class*=time], [class*=byline], [id*=date]")?,
            author: s("[itemprop=author], [rel=author], [class*=author], [class*=byline], [class*=Author]")?,
        })
    }
}

/// What the head and the JSON-LD say of the page.
pub struct Metadata<'a> {
    /// `<meta>` contents by lower-cased `property`, `name` or `itemprop`; the first one wins.
    pub meta: HashMap<String, &'a str>,
    /// The JSON-LD objects of article types (`NewsArticle`, `BlogPosting`, …), then the others.
    pub json_ld: Vec<Value>,
}

/// JSON-LD `@type`s of articles, whose fields are preferred to those of other objects.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "LiveBlogPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "SocialMediaPosting",
    "DiscussionForumPosting",
];

impl<'a> Metadata<'a> {
    /// Reads the `<meta>` tags and JSON-LD blocks of a page. Invalid JSON-LD is ignored.
    pub fn read(page: &'a Html, sel: &Selectors) -> Metadata<'a> {
        let mut meta = HashMap::new();
        for element in page.select(&sel.meta) {
            let e = element.value();
            let name = e.attr("property").or(e.attr("name")).or(e.attr("itemprop"));
            if let (Some(name), Some(content)) = (name, e.attr("content")) {
                meta.entry(name.trim().to_ascii_lowercase())
                    .or_insert(content);
            }
        }
        let mut objects = Vec::new();
        for script in page.select(&sel.json_ld) {
            let text: String = script.text().collect();
            if let Ok(value) = serde_json::from_str::<Value>(text.trim()) {
                flatten(value, &mut objects);
            }
        }
        objects.sort_by_key(|o| !is_article(o));
        Metadata {
            meta,
            json_ld: objects,
        }
    }

    /// The first non-empty `<meta>` content of these names.
    pub fn first(&self, names: &[String]) -> Option<String> {
        names
            .iter()
            .find_map(|n| self.meta.get(n.as_str()).and_then(|v| non_empty(v)))
    }

    /// The first string of `key` in the JSON-LD objects (article objects first).
    pub fn json_ld_str(&self, key: &str) -> Option<&str> {
        self.json_ld.iter().find_map(|o| {
            o.get(key)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
        })
    }
}

/// Collects the objects of a JSON-LD value (top level, arrays, `@graph`), without recursion
/// into other fields.
fn flatten(value: Value, out: &mut Vec<Value>) {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items.into_iter().rev()),
            Value::Object(mut object) => {
                if let Some(graph) = object.remove("@graph") {
                    stack.push(graph);
                }
                out.push(Value::Object(object));
            }
            _ => {}
        }
    }
}

fn is_article(object: &Value) -> bool {
    let is = |t: &Value| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t));
    match object.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is),
        Some(t) => is(t),
        None => false,
    }
}

/// The headline: `og:title`, `twitter:title`, JSON-LD `headline`, `<title>`, `<h1>`, whichever
/// comes first; the `<h1>` when the title holds it (the title is the `<h1>` and the site name);
/// else the title without a part that is the site name, and the longest of the parts that
/// ` | `-like separators set apart (section and site names).
pub fn title(page: &Html, sel: &Selectors, meta: &Metadata) -> Option<String> {
    let first_text = |selector: &Selector| {
        page.select(selector)
            .find_map(|e| non_empty(&collapse(&e.text().collect::<String>())))
    };
    let h1 = first_text(&sel.h1);
    let title = meta
        .first(&lexicon::fields().html.title)
        .or_else(|| meta.json_ld_str("headline").and_then(non_empty))
        .or_else(|| first_text(&sel.title));
    match (title, h1) {
        (Some(t), Some(h)) if t != h && h.len() >= 10 && t.contains(&h) => Some(h),
        (Some(t), _) => Some(longest_part(&strip_site(&t, meta))),
        (None, h) => h,
    }
}

/// The longest of the parts of a title cut at ` | `, ` // `, ` » ` or ` :: `.
fn longest_part(title: &str) -> String {
    let mut parts = vec![title];
    for sep in [" | ", " // ", " » ", " :: "] {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .into_iter()
        .map(str::trim)
        .max_by_key(|p| p.len())
        .unwrap_or(title)
        .to_string()
}

/// A title without its ` | Site` or ` - Site` suffix, when the suffix is the site name.
fn strip_site(title: &str, meta: &Metadata) -> String {
    let Some(site) = outlet(meta) else {
        return title.to_string();
    };
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            if tail.trim().eq_ignore_ascii_case(site.trim()) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The outlet: `og:site_name` and the like, then the JSON-LD publisher's name.
pub fn outlet(meta: &Metadata) -> Option<String> {
    meta.first(&lexicon::fields().html.outlet).or_else(|| {
        meta.json_ld.iter().find_map(|o| {
            let publisher = o.get("publisher")?;
            let name = publisher.get("name").or(Some(publisher))?;
            name.as_str().and_then(non_empty)
        })
    })
}

/// The canonical URL: `<link rel=canonical>`, then `og:url` and the like.
pub fn canonical(page: &Html, sel: &Selectors, meta: &Metadata) -> Option<String> {
    page.select(&sel.canonical)
        .find_map(|e| e.attr("href"))
        .filter(|h| h.starts_with("http"))
        .and_then(non_empty)
        .or_else(|| meta.first(&lexicon::fields().html.url))
}

/// The declared language: `<html lang>`, then `og:locale`, `content-language`, JSON-LD `inLanguage`.
pub fn language(page: &Html, meta: &Metadata) -> Option<String> {
    use crate::body::lang_tag;
    page.root_element()
        .attr("lang")
        .and_then(lang_tag)
        .or_else(|| meta.meta.get("og:locale").and_then(|l| lang_tag(l)))
        .or_else(|| meta.meta.get("content-language").and_then(|l| lang_tag(l)))
        .or_else(|| meta.json_ld_str("inLanguage").and_then(lang_tag))
}
