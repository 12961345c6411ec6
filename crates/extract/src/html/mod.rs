//! HTML pages: the main text as paragraphs (readability-style container scoring and
//! paragraph-level boilerplate filtering) and the metadata (title, date, author, outlet,
//! canonical URL, language). One module per job:
//! - `clean`: the page as a flat index of nodes, boilerplate subtrees marked, paragraphs out;
//! - `main_text`: choosing the main-text container and filtering its paragraphs;
//! - `metadata`: `<meta>`, JSON-LD, title, outlet, canonical URL, language;
//! - `dates`: the publication date; `author`: the byline;
//! - `patterns`: the boilerplate patterns of data/extract/boilerplate.toml.

pub(crate) mod author;
mod clean;
mod dates;
mod main_text;
mod metadata;
mod patterns;

use std::sync::OnceLock;

use chrono::NaiveDate;
use scraper::Html;

use crate::body::Draft;
use metadata::{Metadata, Selectors};

/// The compiled selectors; `None` only if a literal failed to parse (a bug caught by tests).
fn selectors() -> Option<&'static Selectors> {
    static SELECTORS: OnceLock<Option<Selectors>> = OnceLock::new();
    SELECTORS.get_or_init(Selectors::new).as_ref()
}

/// Reads the metadata and main text of a page; dates after today are not publication dates.
pub fn read(text: &str) -> Draft {
    read_at(text, chrono::Utc::now().date_naive())
}

/// Reads a page fetched on `today`: no publication date after it is believed.
pub fn read_at(text: &str, today: NaiveDate) -> Draft {
    let Some(sel) = selectors() else {
        return Draft::default();
    };
    let page = Html::parse_document(text);
    let meta = Metadata::read(&page, sel);
    let url = metadata::canonical(&page, sel, &meta);
    Draft {
        title: metadata::title(&page, sel, &meta),
        author: author::author(&page, sel, &meta),
        outlet: metadata::outlet(&meta),
        lang: metadata::language(&page, &meta),
        published: dates::published(&page, sel, &meta, url.as_deref(), today),
        paragraphs: main_text(&page),
        url,
        id: None,
    }
}

/// The main-text paragraphs of an HTML fragment (a feed item's content), chosen as for a page.
pub fn fragment_paragraphs(text: &str) -> Vec<String> {
    main_text(&Html::parse_fragment(text))
}

/// Shortest main text (bytes) believed at the first try: below it, class and id names may have
/// hidden the article, and the page is read again without them; the longer text wins.
const MIN_TEXT: usize = 500;

fn main_text(page: &Html) -> Vec<String> {
    let first = main_text::main_paragraphs(&clean::index(page, true));
    let len = |p: &[String]| p.iter().map(String::len).sum::<usize>();
    if len(&first) >= MIN_TEXT {
        return first;
    }
    let second = main_text::main_paragraphs(&clean::index(page, false));
    if len(&second) > len(&first) {
        second
    } else {
        first
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
                "Second paragraphe, plus long que le menu.",
                "Fin."
            ]
        );
    }
}
