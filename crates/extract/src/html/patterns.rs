//! The boilerplate patterns of data/extract/boilerplate.toml: class and id tokens, interface
//! lines, consent phrases and author stop-words, compiled in and parsed once.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;

/// The patterns, as the data file spells them (all lower-case).
#[derive(Debug, Default, Deserialize)]
pub struct Patterns {
    /// Class/id token prefixes of boilerplate elements.
    pub boilerplate_prefixes: Vec<String>,
    /// Whole class/id tokens of boilerplate elements.
    pub boilerplate_tokens: HashSet<String>,
    /// Token prefixes of main-text class names, which keep an element.
    pub content_prefixes: Vec<String>,
    /// Token prefixes that raise an element's chance to be the main-text container.
    pub positive_prefixes: Vec<String>,
    /// Token prefixes that lower it.
    pub negative_prefixes: Vec<String>,
    /// Whole paragraphs that are interface text.
    pub boilerplate_lines: HashSet<String>,
    /// Headings after which the page holds no more article text (related links, comments).
    pub end_lines: HashSet<String>,
    /// Labels that open a short paragraph of page metadata (`Tags: …`, `Foto: …`).
    pub label_prefixes: Vec<String>,
    /// Phrases of cookie and consent banners.
    pub consent_phrases: Vec<String>,
    /// Bylines that name no person.
    pub author_stop_words: HashSet<String>,
}

/// The parsed data file. It is part of the binary, so a parse failure is a build-time bug caught
/// by the test below; at run time it degrades to no patterns rather than a panic.
pub fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| parse().unwrap_or_default())
}

fn parse() -> Result<Patterns, toml::de::Error> {
    toml::from_str(include_str!("../../../../data/extract/boilerplate.toml"))
}

/// The lower-case alphanumeric tokens of a class or id value, cut at every other character and
/// between a lower-case letter and a capital (`PageBuilder-pageRow` → page, builder, page, row).
pub fn tokens(value: &str) -> impl Iterator<Item = String> + '_ {
    let mut tokens = Vec::new();
    let mut current = String::new();
    let mut previous_lower = false;
    for c in value.chars() {
        let cut = !c.is_alphanumeric() || (previous_lower && c.is_uppercase());
        if cut && !current.is_empty() {
            tokens.push(std::mem::take(&mut current));
        }
        if c.is_alphanumeric() {
            current.extend(c.to_lowercase());
        }
        previous_lower = c.is_lowercase();
    }
    if !current.is_empty() {
        tokens.push(current);
    }
    tokens.into_iter()
}

/// Longest paragraph (bytes) that a metadata label can open: past it, the label is prose.
const MAX_LABEL_LINE: usize = 100;

fn starts_with_any(token: &str, prefixes: &[String]) -> bool {
    prefixes.iter().any(|p| token.starts_with(p.as_str()))
}

impl Patterns {
    /// Whether an element with these class names and id is boilerplate: one token is a
    /// boilerplate token, and no class name nor the id is made only of content tokens.
    pub fn is_boilerplate(&self, names: &[&str]) -> bool {
        let bad = names.iter().flat_map(|n| tokens(n)).any(|t| {
            self.boilerplate_tokens.contains(&t) || starts_with_any(&t, &self.boilerplate_prefixes)
        });
        bad && !names.iter().any(|n| {
            let mut all = tokens(n).peekable();
            all.peek().is_some() && all.all(|t| starts_with_any(&t, &self.content_prefixes))
        })
    }

    /// readability's class weight: +25 for a positive and -25 for a negative token, per value.
    pub fn class_weight(&self, names: &[&str]) -> f64 {
        names
            .iter()
            .map(|n| {
                // Cut once, tested against both lists.
                let tokens: Vec<String> = tokens(n).collect();
                let any = |prefixes: &[String]| tokens.iter().any(|t| starts_with_any(t, prefixes));
                let mut weight = 0.0;
                if any(&self.negative_prefixes) {
                    weight -= 25.0;
                }
                if any(&self.positive_prefixes) {
                    weight += 25.0;
                }
                weight
            })
            .sum()
    }

    /// Whether a paragraph is a heading that closes the article ("You might also like").
    pub fn is_end_line(&self, paragraph: &str) -> bool {
        let lower = paragraph
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        self.end_lines.contains(&lower)
    }

    /// Whether a paragraph is interface text or part of a cookie banner.
    pub fn is_boilerplate_line(&self, paragraph: &str) -> bool {
        let lower = paragraph
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // A counter before an interface word is still interface text ("0 comments", "12shares");
        // a number alone is not (a table cell of the article).
        let uncounted = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
        let interface = !uncounted.is_empty() && self.boilerplate_lines.contains(uncounted);
        if lower.is_empty() || interface {
            return true;
        }
        let consent = lower.len() < 600
            && self
                .consent_phrases
                .iter()
                .any(|p| lower.contains(p.as_str()));
        consent || (lower.len() < MAX_LABEL_LINE && starts_with_any(&lower, &self.label_prefixes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let p = parse().expect("data/extract/boilerplate.toml parses");
        assert!(p.boilerplate_prefixes.contains(&"comment".to_string()));
        assert!(p.author_stop_words.contains("afp"));
    }

    #[test]
    fn boilerplate_classes_unless_a_name_is_all_content() {
        let p = patterns();
        assert!(p.is_boilerplate(&["post-comments"]));
        assert!(p.is_boilerplate(&["article__share-bar"]));
        assert!(p.is_boilerplate(&["ad"]));
        assert!(!p.is_boilerplate(&["add-margin"]));
        assert!(!p.is_boilerplate(&["entry-content", "has-sidebar"]));
        assert!(!p.is_boilerplate(&["story-body"]));
        assert!(!p.is_boilerplate(&["PageBuilder-pageRow"]));
        assert!(p.is_boilerplate(&["shareButtons"]));
    }

    #[test]
    fn interface_lines_and_consent_banners() {
        let p = patterns();
        assert!(p.is_boilerplate_line("Partager sur Facebook"));
        assert!(p.is_boilerplate_line("» Read more"));
        assert!(p.is_boilerplate_line(
            "Nous utilisons des cookies pour améliorer votre expérience. Tout accepter"
        ));
        assert!(!p.is_boilerplate_line("Le ministre a partagé son analyse devant la presse."));
        assert!(p.is_boilerplate_line("0 Comments"));
        assert!(p.is_boilerplate_line("12shares"));
        assert!(p.is_boilerplate_line("Tags: Wahl, Bundestag"));
        assert!(!p.is_boilerplate_line("2019"));
        let long = format!(
            "Tags: {}",
            "the label opens a long paragraph of prose. ".repeat(3)
        );
        assert!(!p.is_boilerplate_line(&long));
    }
}
