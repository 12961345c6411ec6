//! Bilingual concepts of an article, for comparing reports in different languages: the
//! stemmed terms of a French and an English report of one event share nothing, while the
//! words of their titles and leads map to shared concept ids of the bilingual list
//! ([`crate::similarity::Concepts`]: "taux" and "rate", "banque" and "bank").
//!
//! Only the title and the lead are read: they state the event, and reading the whole text
//! again would cost as much as a good part of the linking.

use storyline_analyze::entities::fold_into;
use storyline_analyze::text::{tokenize, TokenKind};
use storyline_model::Analysis;

use crate::similarity::Concepts;

/// Bytes of the text read after the title: about the first paragraph.
pub const LEAD_BYTES: usize = 800;

/// The concept ids found in the title and lead of `a`, with their counts, sorted by id.
pub fn count(a: &Analysis) -> Vec<(u32, u32)> {
    let list = Concepts::bundled();
    let mut end = LEAD_BYTES.min(a.text.len());
    while !a.text.is_char_boundary(end) {
        end -= 1;
    }
    let lead = a.text.get(..end).unwrap_or("");
    // One folding buffer for all tokens (this runs on the single link thread, for every
    // article): each token costs its folding and the hash lookups of its inflections.
    let mut folded = String::new();
    let mut found: Vec<u32> = Vec::new();
    for part in [a.title.as_deref().unwrap_or(""), lead] {
        for token in tokenize(part).iter().filter(|t| t.kind == TokenKind::Word) {
            folded.clear();
            fold_into(token.span.slice(part), &mut folded);
            found.extend(list.concept(&folded));
        }
    }
    found.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for c in found {
        match out.last_mut() {
            Some((last, n)) if *last == c => *n += 1,
            _ => out.push((c, 1)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use storyline_analyze::Analyzer;
    use storyline_model::Article;

    fn analysis(lang: &str, title: &str, text: &str) -> Analysis {
        let article = Article {
            id: lang.to_string(),
            title: Some(title.to_string()),
            lang: Some(lang.to_string()),
            paragraphs: vec![text.to_string()],
            ..Article::default()
        };
        Analyzer::new().analyze(&article)
    }

    fn counted(counts: &[(u32, u32)], word: &str) -> Option<u32> {
        let c = Concepts::bundled().concept(word)?;
        counts.iter().find(|(id, _)| *id == c).map(|(_, n)| *n)
    }

    #[test]
    fn title_and_lead_words_count_as_shared_concepts() {
        let fr = count(&analysis(
            "fr",
            "Le gouvernement et la Banque centrale",
            "Les banques et les gouvernements.",
        ));
        let en = count(&analysis(
            "en",
            "The government and the central bank",
            "Banks and governments.",
        ));
        assert!(fr.windows(2).all(|w| w[0].0 < w[1].0), "{fr:?}");
        assert_eq!(counted(&fr, "government"), Some(2), "{fr:?}");
        assert_eq!(counted(&en, "gouvernement"), Some(2), "{en:?}");
        assert_eq!(counted(&fr, "bank"), counted(&en, "banque"));
    }

    #[test]
    fn text_after_the_lead_is_not_read() {
        let filler = "zzz ".repeat(LEAD_BYTES / 4);
        let late = analysis("fr", "Séisme", &format!("{filler} gouvernement"));
        assert_eq!(counted(&count(&late), "government"), None);
        let early = analysis("fr", "Séisme", &format!("gouvernement {filler}"));
        assert_eq!(counted(&count(&early), "government"), Some(1));
    }
}
