//! Sentences and tokens with byte spans: the shared ground of every analyzer.
//!
//! Why our own rules rather than `unicode-segmentation`: news text needs French elisions
//! (`l'`, `qu'`) split off, digit groups with (narrow) no-break spaces kept as one number
//! ("24 762"), honorifics (`M.`, `Mr.`) that do not end a sentence, and sentences glued
//! without a space ("jeudi.Le gouvernement"), as in real scraped corpora.

use storyline_model::Span;

use crate::figures::phrase::Lowered;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens or apostrophes ("a-t-il", "O'Brien").
    Word,
    /// Digits with grouping or decimal separators kept together ("24 762", "1,4", "2.5").
    Number,
    /// A French elision ("l'", "qu'"), kept apart from the word it precedes.
    Elision,
    /// Any other single character that is not a space.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// A sentence and the range of its tokens in [`Doc::tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Where it is.
    pub span: Span,
    /// First token index.
    pub first: usize,
    /// One past the last token index.
    pub end: usize,
}

/// A tokenized text.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    /// The text all spans point into.
    pub text: &'a str,
    /// All tokens in order.
    pub tokens: Vec<Token>,
    /// All sentences in order.
    pub sentences: Vec<Sentence>,
    /// The lower-cased tokens, folded once here and shared by the time, figure and
    /// attribution rules, which all read them (a lazy cell would make `Doc` invariant).
    lowered: Lowered<'a>,
}

impl<'a> Doc<'a> {
    /// Tokenizes `text` and splits it into sentences.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let lowered = Lowered::of_tokens(text, &tokens);
        Doc {
            text,
            tokens,
            sentences,
            lowered,
        }
    }

    /// The lower-cased tokens ([`Lowered`]), folded once per document.
    pub fn lowered(&self) -> &Lowered<'a> {
        &self.lowered
    }

    /// The text of token `i`.
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.first..s.end]
    }

    /// Index of the sentence that contains byte `pos` (the last one when past the end).
    pub fn sentence_at(&self, pos: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.end <= pos)
            .min(self.sentences.len().saturating_sub(1))
    }
}

/// Spaces that may separate thousands in French: space, no-break space, thin and narrow no-break space.
pub fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Apostrophes as they appear in news text.
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut iter = text.char_indices().peekable();
    while let Some((start, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_ascii_digit() {
            let end = number_end(text, start);
            // Skip the chars we consumed.
            while let Some(&(i, _)) = iter.peek() {
                if i < end {
                    iter.next();
                } else {
                    break;
                }
            }
            tokens.push(Token {
                span: Span::new(start, end),
                kind: TokenKind::Number,
            });
            continue;
        }
        if is_word_char(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(i, ch)) = iter.peek() {
                if is_word_char(ch) || ch.is_ascii_digit() {
                    end = i + ch.len_utf8();
                    iter.next();
                    continue;
                }
                // Inner hyphen or apostrophe followed by a letter stays in the word,
                // except a French elision, which is cut after the apostrophe.
                if (ch == '-' || is_apostrophe(ch)) && next_is_letter(text, i + ch.len_utf8()) {
                    let word = &text[start..i];
                    if is_apostrophe(ch) && ELISIONS.contains(&word.to_lowercase().as_str()) {
                        end = i + ch.len_utf8();
                        iter.next();
                        tokens.push(Token {
                            span: Span::new(start, end),
                            kind: TokenKind::Elision,
                        });
                        end = usize::MAX;
                        break;
                    }
                    iter.next();
                    end = i + ch.len_utf8();
                    continue;
                }
                break;
            }
            if end != usize::MAX {
                tokens.push(Token {
                    span: Span::new(start, end),
                    kind: TokenKind::Word,
                });
            }
            continue;
        }
        tokens.push(Token {
            span: Span::new(start, start + c.len_utf8()),
            kind: TokenKind::Punct,
        });
    }
    tokens
}

fn next_is_letter(text: &str, pos: usize) -> bool {
    text[pos..].chars().next().is_some_and(char::is_alphabetic)
}

/// End of the number that starts at `start`: digit groups joined by separators.
/// A space-like separator joins only a 3-digit group after a first group of 1 to 3 digits
/// ("24 762", "2 913 enfants"), so that "en 2023 200 personnes" stays two numbers.
fn number_end(text: &str, start: usize) -> usize {
    let b = text.as_bytes();
    let digits_from = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let mut end = digits_from(start);
    let first_group = end - start;
    let mut space_grouped = first_group <= 3;
    loop {
        let rest = &text[end..];
        let Some(sep) = rest.chars().next() else {
            break;
        };
        let after = end + sep.len_utf8();
        let next_end = digits_from(after);
        let group = next_end - after;
        if group == 0 {
            break;
        }
        let followed_by_digit = text[next_end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
        match sep {
            ',' | '.' => end = next_end,
            c if is_group_space(c) && space_grouped && group == 3 && !followed_by_digit => {
                end = next_end;
            }
            _ => break,
        }
        if sep != ',' && sep != '.' {
            continue;
        }
        space_grouped = false;
    }
    end
}

/// Abbreviations whose final period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mr", "Mrs", "Ms", "Dr", "Pr", "St", "Ste", "Jr", "Sr",
    "Gen", "Gén", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Prof", "art", "av", "apr",
    "J.-C", "etc", "cf", "vs", "No", "n°", "p", "vol", "Inc", "Corp", "Co", "Ltd", "Jan", "Feb",
    "Aug", "Sept", "Oct", "Nov", "Dec", "janv", "févr", "oct", "déc",
];

fn ends_sentence_after(text: &str, tokens: &[Token], i: usize) -> bool {
    // `tokens[i]` is a sentence-ending punctuation; decide from the token before and the text after.
    let punct = tokens[i].span.slice(text);
    // Look past closing marks: « C'est fini. » Puis…
    let mut after = i + 1;
    while after < tokens.len() && closes_sentence(text, tokens, after) {
        after += 1;
    }
    let Some(next) = tokens.get(after) else {
        return true;
    };
    let gap = &text[tokens[after - 1].span.end..next.span.start];
    if gap.contains("\n") {
        return true;
    }
    let next_text = next.span.slice(text);
    let next_first = next_text.chars().next().unwrap_or(' ');
    let starts_upper = next_first.is_uppercase()
        || matches!(next_first, '«' | '"' | '“' | '(' | '—' | '-')
        || next.kind == TokenKind::Number;
    if punct != "." {
        // ! ? … end a sentence when something capitalised follows.
        return starts_upper && (punct != "…" || !gap.is_empty());
    }
    if i == 0 {
        return false;
    }
    let prev = tokens[i - 1];
    if prev.span.end != tokens[i].span.start {
        return starts_upper && !gap.is_empty();
    }
    let prev_text = prev.span.slice(text);
    if prev.kind == TokenKind::Word {
        let single_letter = prev_text.chars().count() == 1;
        if single_letter || ABBREVIATIONS.contains(&prev_text) {
            return false;
        }
    }
    if gap.is_empty() {
        // Glued sentences ("jeudi.Le"): only after a lowercase word of 2+ letters.
        let glued = prev.kind == TokenKind::Word
            && prev_text.chars().count() >= 2
            && prev_text.chars().last().is_some_and(char::is_lowercase)
            && next_first.is_uppercase();
        return glued;
    }
    starts_upper
}

/// Splits the token stream into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let is_end = t.kind == TokenKind::Punct
            && matches!(t.span.slice(text), "." | "!" | "?" | "…")
            && ends_sentence_after(text, tokens, i);
        let paragraph_break = tokens
            .get(i + 1)
            .is_some_and(|n| text[t.span.end..n.span.start].contains("\n"));
        if is_end || paragraph_break {
            let mut end = i + 1;
            // Keep closing quotes and brackets with the sentence they close.
            while end < tokens.len() && closes_sentence(text, tokens, end) {
                end += 1;
            }
            push_sentence(&mut sentences, tokens, first, end);
            first = end;
            i = end;
            continue;
        }
        i += 1;
    }
    push_sentence(&mut sentences, tokens, first, tokens.len());
    sentences
}

/// Whether token `idx`, right after a sentence end, is a closing mark that belongs to it.
/// A straight quote closes only when it touches the punctuation: with a space it may
/// open the next quotation.
fn closes_sentence(text: &str, tokens: &[Token], idx: usize) -> bool {
    let t = tokens[idx];
    let gap = &text[tokens[idx - 1].span.end..t.span.start];
    match t.span.slice(text) {
        "\"" => gap.is_empty(),
        "»" | "”" | ")" | "’" => gap.chars().count() <= 1 && !gap.contains('\n'),
        _ => false,
    }
}

fn push_sentence(sentences: &mut Vec<Sentence>, tokens: &[Token], first: usize, end: usize) {
    if first < end {
        sentences.push(Sentence {
            span: Span::new(tokens[first].span.start, tokens[end - 1].span.end),
            first,
            end,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.slice(text)).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        Doc::new(text)
            .sentences
            .iter()
            .map(|s| s.span.slice(text))
            .collect()
    }

    #[test]
    fn keeps_french_digit_groups_with_any_thin_space() {
        assert_eq!(words("24 762 morts"), ["24 762", "morts"]);
        assert_eq!(words("24\u{a0}762 morts"), ["24\u{a0}762", "morts"]);
        assert_eq!(words("24\u{202f}762 morts"), ["24\u{202f}762", "morts"]);
        assert_eq!(
            words("plus de 18 000 autres"),
            ["plus", "de", "18 000", "autres"]
        );
    }

    #[test]
    fn does_not_join_a_year_with_the_next_number() {
        assert_eq!(
            words("en 2023 200 personnes"),
            ["en", "2023", "200", "personnes"]
        );
    }

    #[test]
    fn joins_decimal_and_comma_groups() {
        assert_eq!(
            words("1,4 million et 2.5bn et 1,400"),
            ["1,4", "million", "et", "2.5", "bn", "et", "1,400"]
        );
    }

    #[test]
    fn splits_french_elisions_but_keeps_hyphenated_words() {
        assert_eq!(
            words("l’agence qu'il a-t-il"),
            ["l’", "agence", "qu'", "il", "a-t-il"]
        );
        assert_eq!(words("O'Brien"), ["O'Brien"]);
    }

    #[test]
    fn honorifics_do_not_end_sentences() {
        let s = sentences("M. Bogdanov a parlé. Il est parti.");
        assert_eq!(s, ["M. Bogdanov a parlé.", "Il est parti."]);
        assert_eq!(
            sentences("M.Abou Marzouk est venu."),
            ["M.Abou Marzouk est venu."]
        );
    }

    #[test]
    fn splits_glued_sentences_of_scraped_text() {
        let s = sentences("dans la nuit de mercredi à jeudi.Le gouvernement a parlé.");
        assert_eq!(
            s,
            [
                "dans la nuit de mercredi à jeudi.",
                "Le gouvernement a parlé."
            ]
        );
    }

    #[test]
    fn paragraph_break_ends_a_sentence() {
        assert_eq!(
            sentences("Titre sans point\n\nLe texte."),
            ["Titre sans point", "Le texte."]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        let s = sentences("Il a dit : « C'est fini. » Puis il est parti.");
        assert_eq!(s, ["Il a dit : « C'est fini. »", "Puis il est parti."]);
    }
}
