//! The byline: the people who wrote the page, from JSON-LD `author`, author `<meta>` tags,
//! then `itemprop=author`, `rel=author` and byline elements. Agencies, desks, URLs, e-mail
//! addresses and dates are not people (stop-words in data/extract/boilerplate.toml).

use scraper::{ElementRef, Html};
use serde_json::Value;

use super::clean::collapse;
use super::metadata::{Metadata, Selectors};
use super::patterns::patterns;

/// `<meta>` names that hold an author.
const META_NAMES: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
    "twitter:creator:name",
];
/// Longest byline element text (bytes) read: longer ones are an author box, not a byline.
const MAX_BYLINE: usize = 120;
/// Most words in one person's name.
const MAX_NAME_WORDS: usize = 5;
/// Words that introduce a byline and are not part of the name (compared lower-case; the
/// space after them may be missing: "Veröffentlicht vonChris Jung").
const LEADS: &[&str] = &[
    "written by",
    "posted by",
    "published by",
    "story by",
    "words by",
    "by",
    "publié par",
    "rédigé par",
    "écrit par",
    "un article de",
    "par",
    "veröffentlicht von",
    "eingestellt von",
    "erstellt von",
    "geschrieben von",
    "artikel von",
    "ein beitrag von",
    "von",
    "texte :",
    "texte:",
    "text:",
    "autor:",
    "autorin:",
    "auteur :",
    "auteur:",
    "author:",
];
/// Lower-case words that may stand inside a name ("Ursula von der Leyen").
const PARTICLES: &[&str] = &[
    "von", "van", "de", "der", "den", "la", "le", "da", "di", "du", "des", "del", "dos", "bin",
    "ibn", "al", "el", "ten", "ter", "zu", "y", "e",
];

/// The people of the byline, joined by `; `.
pub fn author(page: &Html, sel: &Selectors, meta: &Metadata) -> Option<String> {
    let from_json_ld = meta
        .json_ld
        .iter()
        .find_map(|o| people_of(o.get("author")?));
    from_json_ld
        .or_else(|| {
            META_NAMES
                .iter()
                .find_map(|n| meta.meta.get(*n).and_then(|v| people(v)))
        })
        .or_else(|| {
            page.select(&sel.author)
                .filter(|e| !in_comments(*e))
                .find_map(|e| {
                    let text = collapse(&e.text().collect::<String>());
                    (text.len() <= MAX_BYLINE).then(|| people(&text)).flatten()
                })
        })
}

/// Whether an element is, or is inside, a comment: comment authors are not the article's.
fn in_comments(element: ElementRef) -> bool {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .any(|a| {
            let v = a.value();
            v.classes()
                .chain(v.id())
                .any(|c| c.to_ascii_lowercase().contains("comment"))
        })
}

/// The people of a JSON-LD `author`: a name, a person object or a list of them.
fn people_of(value: &Value) -> Option<String> {
    let names: Vec<String> = match value {
        Value::Array(items) => items.iter().filter_map(name_of).collect(),
        other => name_of(other).into_iter().collect(),
    };
    people(&names.join("; "))
}

fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// The people named in a byline text, without leads, agencies and non-names; `None` if none.
pub fn people(text: &str) -> Option<String> {
    let mut text = collapse(text);
    loop {
        let lower = text.to_lowercase();
        // A lead followed by a space or glued to a capital; matched on the lower-cased text,
        // whose byte offsets are those of `text` only for ASCII leads, hence `get`.
        let lead = LEADS.iter().find(|l| {
            lower.starts_with(*l)
                && lower[l.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_whitespace)
                || text.get(l.len()..).is_some_and(|rest| {
                    lower.starts_with(*l) && rest.starts_with(char::is_uppercase)
                })
        });
        let Some(rest) = lead.and_then(|l| text.get(l.len()..)) else {
            break;
        };
        text = rest.trim().to_string();
    }
    let mut names = vec![text.as_str()];
    for sep in [
        ";", ",", "|", "/", " and ", " und ", " et ", " & ", " with ", " avec ", " mit ",
    ] {
        names = names.iter().flat_map(|n| n.split(sep)).collect();
    }
    let people: Vec<&str> = names
        .into_iter()
        .map(|n| {
            n.trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, '(' | ')' | '-' | '–' | '—' | ':' | '.' | '@')
            })
        })
        .filter(|n| is_person(n))
        .collect();
    (!people.is_empty()).then(|| people.join("; "))
}

/// Whether a name can be a person's: letters, at most a few words, each capitalised, not an
/// agency or desk, no URL, e-mail, digits or date.
fn is_person(name: &str) -> bool {
    if name.is_empty() || name.len() > 60 {
        return false;
    }
    if patterns().author_stop_words.contains(&name.to_lowercase()) {
        return false;
    }
    if name.contains("://") || name.contains('@') || name.contains("www.") {
        return false;
    }
    if name.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    words.len() <= MAX_NAME_WORDS
        && words.iter().any(capitalised)
        && words
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(w))
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_keep_only_people() {
        assert_eq!(
            people("By Jane Doe and John Smith").as_deref(),
            Some("Jane Doe; John Smith")
        );
        assert_eq!(
            people("Par Marie Dupont, avec AFP").as_deref(),
            Some("Marie Dupont")
        );
        assert_eq!(people("AFP"), None);
        assert_eq!(people("La Rédaction"), None);
        assert_eq!(people("https://www.facebook.com/lemonde"), None);
        assert_eq!(people("12 janvier 2024"), None);
        assert_eq!(people("Staff"), None);
        assert_eq!(
            people("Veröffentlicht vonChris Jung").as_deref(),
            Some("Chris Jung")
        );
        assert_eq!(people("Posted on"), None);
        assert_eq!(people("Art Edwards says"), None);
        assert_eq!(
            people("Ursula von der Leyen").as_deref(),
            Some("Ursula von der Leyen")
        );
    }
}
