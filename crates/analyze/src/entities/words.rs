//! The key form of every token of a document, computed once into one buffer so that the
//! matchers compare and hash `&str`s without allocating per token.

use crate::text::{Doc, TokenKind};

use super::fold::{fold_into, Transliteration};

/// How a name word must be written in the text to match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// Any case ("bande" in "bande de Gaza").
    Any,
    /// Initial capital ("Gaza").
    Capital,
    /// All capitals, for acronyms ("UN" must not match the French "Un").
    Upper,
}

impl Case {
    /// How `word`, as written in a gazetteer, constrains the text.
    pub fn of(word: &str) -> Case {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && word.chars().all(|c| !c.is_lowercase()) {
            Case::Upper
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            Case::Capital
        } else {
            Case::Any
        }
    }
}

/// Key forms of the tokens of one document.
pub struct Words<'d, 'a> {
    /// The document.
    pub doc: &'d Doc<'a>,
    buf: String,
    ranges: Vec<(usize, usize)>,
}

impl<'d, 'a> Words<'d, 'a> {
    /// Folds every token of `doc`.
    pub fn new(doc: &'d Doc<'a>, translit: &Transliteration) -> Self {
        let mut buf = String::with_capacity(doc.text.len() + doc.text.len() / 8);
        let mut scratch = String::new();
        let mut ranges = Vec::with_capacity(doc.tokens.len());
        for t in &doc.tokens {
            let start = buf.len();
            scratch.clear();
            fold_into(t.span.slice(doc.text), &mut scratch);
            // English possessives name the possessor: "Israel's" is keyed as "israel".
            let word = scratch
                .strip_suffix("'s")
                .filter(|w| w.chars().count() >= 2)
                .unwrap_or(&scratch);
            // As in `Transliteration::key_form`: only capitalised words have spelling variants.
            if t.span
                .slice(doc.text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            {
                buf.push_str(&translit.apply(word));
            } else {
                buf.push_str(word);
            }
            ranges.push((start, buf.len()));
        }
        Words { doc, buf, ranges }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    /// The key form of token `i` ("" past the end).
    pub fn key(&self, i: usize) -> &str {
        self.ranges
            .get(i)
            .and_then(|&(s, e)| self.buf.get(s..e))
            .unwrap_or("")
    }

    /// Token `i` as written ("" past the end).
    pub fn raw(&self, i: usize) -> &'a str {
        self.doc
            .tokens
            .get(i)
            .map_or("", |t| t.span.slice(self.doc.text))
    }

    /// The end of token `i` without an English possessive ending ("Israel’s" ends before "’s").
    pub fn name_end(&self, i: usize) -> usize {
        let Some(t) = self.doc.tokens.get(i) else {
            return 0;
        };
        let raw = t.span.slice(self.doc.text);
        let trimmed = ["'s", "’s"]
            .iter()
            .find_map(|p| raw.strip_suffix(p))
            .filter(|w| w.chars().count() >= 2);
        t.span.start + trimmed.unwrap_or(raw).len()
    }

    /// Whether token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// Whether token `i` is a word written with an initial capital.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i) && self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether token `i` satisfies `case`.
    pub fn has_case(&self, i: usize, case: Case) -> bool {
        match case {
            Case::Any => true,
            Case::Capital => self.raw(i).chars().next().is_some_and(char::is_uppercase),
            Case::Upper => self.raw(i).chars().all(|c| !c.is_lowercase()),
        }
    }

    /// Whether tokens `i` and `i + 1` are separated by a paragraph break (names never span one).
    pub fn breaks_after(&self, i: usize) -> bool {
        let (Some(a), Some(b)) = (self.doc.tokens.get(i), self.doc.tokens.get(i + 1)) else {
            return true;
        };
        self.doc
            .text
            .get(a.span.end..b.span.start)
            .is_none_or(|gap| gap.contains('\n'))
    }
}
