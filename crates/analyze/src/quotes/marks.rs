//! Finding quotations: paired quote marks, nested marks skipped, unbalanced marks ignored,
//! quotations carried over paragraphs kept whole.

use storyline_model::Span;

use crate::text::{Doc, TokenKind};

/// A quotation found by its marks, before attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quoted {
    /// Token of the opening mark.
    pub open: usize,
    /// Token of the closing mark.
    pub close: usize,
    /// From the opening to the closing mark, both included.
    pub span: Span,
}

/// The longest quotation: a missing closing mark must not swallow the article.
const MAX_QUOTE_BYTES: usize = 3000;

/// The closing mark of an opening mark, and whether the pair counts a single word as a quote.
fn closing(open: &str) -> Option<(&'static str, bool)> {
    match open {
        "«" => Some(("»", true)),
        "“" => Some(("”", true)),
        "\"" => Some(("\"", true)),
        "„" => Some(("“", true)),
        // Single marks around one word are scare quotes (a framing mark), not quotations.
        "‘" => Some(("’", false)),
        _ => None,
    }
}

/// All quotations of `doc`, in text order, outermost only.
pub fn find(doc: &Doc) -> Vec<Quoted> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        match quote_at(doc, i) {
            Some(q) => {
                i = q.close + 1;
                found.push(q);
            }
            None => i += 1,
        }
    }
    found
}

/// The quotation opening at token `open`, if it is closed in its paragraph or in one that
/// continues it.
fn quote_at(doc: &Doc, open: usize) -> Option<Quoted> {
    let start = doc
        .tokens
        .get(open)
        .filter(|t| t.kind == TokenKind::Punct)?;
    let open_mark = start.span.slice(doc.text);
    let (close_mark, single_word_ok) = closing(open_mark)?;
    let mut depth = 0usize;
    let mut words = 0usize;
    let mut crossed = false;
    for j in open + 1..doc.tokens.len() {
        let t = doc.tokens.get(j)?;
        let gap = doc
            .text
            .get(doc.tokens.get(j - 1)?.span.end..t.span.start)?;
        if t.span.end - start.span.start > MAX_QUOTE_BYTES {
            return None;
        }
        let s = t.span.slice(doc.text);
        if gap.contains("\n\n") {
            // A quote goes on into the next paragraph when that one opens with the same mark
            // again (the press convention), or, for marks that differ from their closing one,
            // when it is closed later on.
            if depth == 0 && t.kind == TokenKind::Punct && s == open_mark {
                continue;
            }
            if open_mark == close_mark {
                return None;
            }
            crossed = true;
        }
        let closes = s == close_mark || (!crossed && depth == 0 && mixed_close(doc, open_mark, j));
        if t.kind == TokenKind::Word {
            words += 1;
        } else if t.kind == TokenKind::Punct && closes {
            if depth == 0 {
                let enough = words > 1 || (single_word_ok && words == 1);
                return enough.then_some(Quoted {
                    open,
                    close: j,
                    span: Span::new(start.span.start, t.span.end),
                });
            }
            depth -= 1;
        } else if t.kind == TokenKind::Punct && s == open_mark && open_mark != close_mark {
            depth += 1;
        }
    }
    None
}

/// Whether token `j` is a straight mark closing a curly opening one in the same paragraph
/// (“…," she wrote): it follows the punctuation that ends quoted words, where a straight mark
/// opening a nested quotation would follow a word.
fn mixed_close(doc: &Doc, open_mark: &str, j: usize) -> bool {
    let after_punct = j > 0
        && doc
            .tokens
            .get(j - 1)
            .is_some_and(|t| matches!(t.span.slice(doc.text), "," | "." | "?" | "!" | "…"));
    open_mark == "“"
        && after_punct
        && doc
            .tokens
            .get(j)
            .is_some_and(|t| t.span.slice(doc.text) == "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let doc = Doc::new(text);
        find(&doc).iter().map(|q| q.span.slice(text)).collect()
    }

    #[test]
    fn pairs_each_kind_of_mark() {
        assert_eq!(
            quoted("Il dit « non » puis “oui” et \"peut-être\"."),
            ["« non »", "“oui”", "\"peut-être\""]
        );
    }

    #[test]
    fn nested_marks_stay_inside_the_outer_quote() {
        let text = "« Il a parlé d'une « trêve » et de “paix” », dit-il.";
        assert_eq!(
            quoted(text),
            ["« Il a parlé d'une « trêve » et de “paix” »"]
        );
    }

    #[test]
    fn single_marks_need_more_than_one_word() {
        assert_eq!(
            quoted("‘Israël’ a réagi à la ‘ligne rouge’."),
            ["‘ligne rouge’"]
        );
    }

    #[test]
    fn unbalanced_marks_stop_at_the_paragraph() {
        let text = "Il a dit « oui sans fin.\n\nAutre paragraphe « ici ».";
        assert_eq!(quoted(text), ["« ici »"]);
        assert_eq!(quoted("He said \"yes.\n\nThen \"no\" came."), ["\"no\""]);
        assert!(quoted("« « « \" “").is_empty());
        let long = format!("« {}", "mot ".repeat(2000));
        assert!(quoted(&format!("{long} »")).is_empty());
    }

    #[test]
    fn a_quote_may_span_paragraphs() {
        let repeated = "« Nous partons.\n\n« Nous reviendrons », dit-il.";
        assert_eq!(
            quoted(repeated),
            ["« Nous partons.\n\n« Nous reviendrons »"]
        );
        let english = "“We leave.\n\n“We will be back,” he said.";
        assert_eq!(quoted(english), ["“We leave.\n\n“We will be back,”"]);
        let unrepeated = "« Nous partons.\n\nNous reviendrons », dit-il.";
        assert_eq!(
            quoted(unrepeated),
            [unrepeated.trim_end_matches(", dit-il.")]
        );
    }

    #[test]
    fn a_curly_mark_may_close_with_a_straight_one() {
        let text = "“For the record, I love my sister,\" she wrote. “He said \"no\" twice.”";
        assert_eq!(
            quoted(text),
            [
                "“For the record, I love my sister,\"",
                "“He said \"no\" twice.”"
            ]
        );
    }

    #[test]
    fn a_quote_may_span_sentences() {
        assert_eq!(
            quoted("« C'est fini. Nous partons. » Puis rien."),
            ["« C'est fini. Nous partons. »"]
        );
    }
}
