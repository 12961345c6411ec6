//! Decoded text to the clean form every later stage relies on.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use crate::mojibake;

/// At most this many mojibake layers are peeled: text mis-decoded more often than twice is rare,
/// and the bound keeps a pathological input from looping.
const MAX_REPAIR_PASSES: usize = 2;

/// Repairs mojibake, turns `\r\n` and lone `\r` into `\n`, drops control characters other than
/// `\n` and `\t`, and normalises to NFC. NBSP, NNBSP and typographic apostrophes are kept:
/// the tokenizer gives them meaning.
pub fn clean(text: String) -> String {
    let mut text = text;
    for _ in 0..MAX_REPAIR_PASSES {
        match mojibake::repair(&text) {
            Some(repaired) => text = repaired,
            None => break,
        }
    }
    if has_controls(&text) {
        text = strip_controls(&text);
    }
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    }
}

/// Whether `text` holds a control character other than `\n` and `\t`, checked on bytes:
/// C0 controls and DEL are single bytes, C1 controls (U+0080..=U+009F) are 0xC2 0x80..=0x9F.
fn has_controls(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' | b'\t' => false,
        0..=0x1F | 0x7F => true,
        0xC2 => bytes
            .get(i + 1)
            .is_some_and(|next| (0x80..=0x9F).contains(next)),
        _ => false,
    })
}

fn strip_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_controls() {
        assert_eq!(clean("a\r\nb\rc\u{7}d\te".into()), "a\nb\ncd\te");
        assert_eq!(clean("x\u{85}y\u{7f}z".into()), "xyz");
        assert_eq!(clean("déjà vu\n".into()), "déjà vu\n");
    }

    #[test]
    fn nfc_and_kept_spaces() {
        // "e" + combining acute becomes "é"; NBSP, NNBSP and ’ survive.
        let text = "e\u{301}t\u{e9} 1\u{a0}000 3\u{202f}000 l’été".to_string();
        assert_eq!(clean(text), "été 1\u{a0}000 3\u{202f}000 l’été");
    }
}
