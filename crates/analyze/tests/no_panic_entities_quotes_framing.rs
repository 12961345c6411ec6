//! The entity, quote and framing analyzers never panic, whatever the text: scraped news
//! brings unbalanced marks, stray honorifics, glued sentences and odd Unicode.

use storyline_analyze::entities::{Recognizer, RuleRecognizer};
use storyline_analyze::framing::FramingLexicon;
use storyline_analyze::quotes::QuoteRules;
use storyline_analyze::text::Doc;

/// Pieces that exercise the edge cases of the three analyzers.
const PIECES: &[&str] = &[
    "«",
    "»",
    "“",
    "”",
    "\"",
    "‘",
    "’",
    "'",
    "„",
    " ",
    "\u{a0}",
    "\n",
    "\n\n",
    ".",
    ",",
    ":",
    "M",
    "M.",
    "Mme",
    "Gen.",
    "W.",
    "de",
    "d’",
    "l'",
    "Abou",
    "Marzouk",
    "Israël",
    "Hamas",
    "ministère",
    "russe",
    "des",
    "Affaires",
    "étrangères",
    "Santé",
    "du",
    "a déclaré",
    "said",
    "selon",
    "according to",
    "le communiqué",
    "dans un communiqué",
    "colons",
    "tombés",
    "en",
    "martyre",
    "Hamas-run",
    "ᾈ",
    "İ",
    "ß",
    "🙂",
    "e\u{301}",
    "24 762",
    "’s",
    "Ministry",
    "of",
    "Health",
    "Al-Aqsa",
    "-",
    "—",
];

/// A deterministic pseudo-random text of `n` pieces (xorshift, so that failures reproduce).
fn text(seed: u64, n: usize) -> String {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = String::new();
    for _ in 0..n {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let piece = PIECES[(state % PIECES.len() as u64) as usize];
        out.push_str(piece);
        if state & 0x30 != 0 {
            out.push(' ');
        }
    }
    out
}

#[test]
fn random_texts_give_spans_inside_the_text() {
    let recognizer = RuleRecognizer::bundled();
    let quotes = QuoteRules::bundled();
    let framing = FramingLexicon::bundled();
    for seed in 0..1000 {
        let text = text(seed, (seed % 120) as usize);
        let doc = Doc::new(&text);
        for lang in ["fr", "en", "de"] {
            let entities = recognizer.recognize(&doc, lang);
            let found = quotes.find(&doc, lang, &entities);
            let marks = framing.find(&doc, lang, &found, &entities);
            let spans = entities
                .iter()
                .flat_map(|e| e.spans.iter().copied())
                .chain(found.iter().map(|q| q.span))
                .chain(marks.iter().map(|m| m.span));
            for span in spans {
                assert!(
                    span.start <= span.end && text.get(span.start..span.end).is_some(),
                    "seed {seed}: bad span {span:?} in {text:?}"
                );
            }
        }
    }
}
