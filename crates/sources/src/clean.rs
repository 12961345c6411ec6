//! Decoded text to the clean form every later stage relies on.
//!
//! Whole HTML pages pass through here (scripts and styles included), so every step first finds
//! out on bytes whether it has anything to do and leaves the text untouched when not.

use std::borrow::Cow;

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
    if let Cow::Owned(stripped) = strip_controls(&text) {
        text = stripped;
    }
    match to_nfc(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(normalised) => normalised,
    }
}

/// Whether `b` starts a character [`strip_controls`] rewrites: a C0 control other than `\n` and
/// `\t` (`\r` included), DEL, or 0xC2, the lead byte of the C1 controls U+0080..=U+009F.
/// Written with `&` and `|` rather than branches so that [`find_byte`] can test many bytes at once.
fn is_control_start(b: u8) -> bool {
    ((b < 0x20) & (b != b'\n') & (b != b'\t')) | (b == 0x7F) | (b == 0xC2)
}

/// Index of the first byte of `bytes` for which `hit` holds. Whole pages are scanned, so the
/// bytes are tested a block at a time with no early exit inside a block, which the compiler
/// turns into vector instructions; only the block that holds a hit is searched byte by byte.
fn find_byte(bytes: &[u8], hit: impl Fn(u8) -> bool) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut base = 0;
    for block in bytes.chunks(BLOCK) {
        if block.iter().fold(false, |any, &b| any | hit(b)) {
            return block.iter().position(|&b| hit(b)).map(|i| base + i);
        }
        base += block.len();
    }
    None
}

/// `text` with `\r\n` and lone `\r` turned into `\n` and the other control characters (Unicode
/// `Cc`) but `\n` and `\t` dropped, in one pass over the bytes; borrowed when nothing changes.
/// Every control is one byte (C0, DEL) or 0xC2 then 0x80..=0x9F (C1), so cutting at those bytes
/// keeps to character boundaries.
fn strip_controls(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut edits = Edits::new(text);
    let mut i = 0;
    while let Some(offset) = bytes
        .get(i..)
        .and_then(|rest| find_byte(rest, is_control_start))
    {
        let at = i + offset;
        let next = bytes.get(at + 1).copied();
        let (replacement, len) = match bytes.get(at) {
            Some(b'\r') if next == Some(b'\n') => ("", 1),
            Some(b'\r') => ("\n", 1),
            Some(0xC2) if next.is_some_and(|n| (0x80..=0x9F).contains(&n)) => ("", 2),
            // 0xC2 opening a printable character (NBSP, «, °…): kept.
            Some(0xC2) => {
                i = at + 1;
                continue;
            }
            _ => ("", 1),
        };
        edits.replace(at, at + len, replacement.chars());
        i = at + len;
    }
    edits.finish()
}

/// `text` in NFC, borrowed when it already is. The quick check runs only on the runs of
/// characters from U+0300 on: characters below U+0300 (ASCII, Latin-1, Latin Extended) are all
/// starters with quick-check value Yes, which never compose with what comes before them, so a
/// text splits before each of them into pieces that normalise on their own. Such characters are
/// the bytes below 0xCC (their lead and continuation bytes); a byte from 0xCC on is always the
/// lead byte of a character from U+0300 on. A run the check does not pass (No or Maybe) is
/// normalised together with the character before it, the starter it may compose with.
fn to_nfc(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut edits = Edits::new(text);
    let mut i = 0;
    while let Some(offset) = bytes
        .get(i..)
        .and_then(|rest| find_byte(rest, |b| b >= 0xCC))
    {
        let start = i + offset;
        let rest = text.get(start..).unwrap_or_default();
        let end = start
            + rest
                .char_indices()
                .find(|&(_, c)| c < '\u{300}')
                .map_or(rest.len(), |(len, _)| len);
        i = end;
        let run = text.get(start..end).unwrap_or_default();
        if is_nfc_quick(run.chars()) == IsNormalized::Yes {
            continue;
        }
        // The character before the run is below U+0300 and not yet copied (runs are maximal).
        let from = text
            .get(edits.copied..start)
            .and_then(|before| before.chars().next_back())
            .map_or(start, |c| start - c.len_utf8());
        edits.replace(from, end, text.get(from..end).unwrap_or_default().nfc());
    }
    edits.finish()
}

/// A text rewritten by replacing byte ranges in increasing order; borrowed when nothing was
/// replaced, so that clean text costs no copy.
struct Edits<'t> {
    text: &'t str,
    /// The rewritten text up to `copied`, or None while nothing was replaced.
    out: Option<String>,
    /// End of the part of `text` already accounted for in `out`.
    copied: usize,
}

impl<'t> Edits<'t> {
    fn new(text: &'t str) -> Self {
        Edits {
            text,
            out: None,
            copied: 0,
        }
    }

    /// Replaces `text[from..to]` (from at or after what is already copied) with `with`.
    fn replace(&mut self, from: usize, to: usize, with: impl Iterator<Item = char>) {
        let out = self.out.get_or_insert_with(String::new);
        out.push_str(self.text.get(self.copied..from).unwrap_or_default());
        out.extend(with);
        self.copied = to;
    }

    /// The rewritten text.
    fn finish(self) -> Cow<'t, str> {
        match self.out {
            None => Cow::Borrowed(self.text),
            Some(mut out) => {
                out.push_str(self.text.get(self.copied..).unwrap_or_default());
                Cow::Owned(out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward control stripping, char by char, which [`strip_controls`] must match.
    fn reference_strip(text: &str) -> String {
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

    /// The straightforward [`clean`]: the quick check and normalisation on the whole text.
    fn reference_clean(text: &str) -> String {
        let mut text = text.to_string();
        for _ in 0..MAX_REPAIR_PASSES {
            match mojibake::repair(&text) {
                Some(repaired) => text = repaired,
                None => break,
            }
        }
        let text = reference_strip(&text);
        if is_nfc_quick(text.chars()) == IsNormalized::Yes {
            text
        } else {
            text.nfc().collect()
        }
    }

    /// Strings of every class `clean` meets, and their concatenations two by two.
    fn samples() -> Vec<String> {
        let base = [
            "",
            "plain ascii <script>var a = 1;</script>",
            "L’Élysée à Noël, « Ça va ? » 1\u{a0}000 3\u{202f}000",
            "e\u{301}te\u{301} cafe\u{300}",
            "a\u{323}\u{302} o\u{302}\u{323} \u{1e0b}\u{323}",
            "\u{301}leading combining",
            "a\r\nb\rc\r\r\n\r",
            "x\u{0}\u{7}\u{1b}\u{7f}\u{80}\u{85}\u{9f}\u{a0}y\tz\n",
            "Ã©tÃ© lâ€™Ã‰lysÃ©e Â« oui Â» Ã  Paris",
            "ÃƒÂ© double",
            "\r\u{85}\n\u{c2}\u{a9} ©®°±",
            "한국어 日本語 Ελληνικά Ω \u{2126} \u{212b} \u{340}\u{341}",
            "\u{f900} \u{2f800} 😀 \u{1f1eb}\u{1f1f7}",
            "क\u{93c} \u{915}\u{93c}",
            "aé\u{323} ạ\u{302} \u{1100}\u{1161}\u{11a8} \u{ac00}\u{11a8}",
            "\u{327}\u{301}\u{300}\u{323}e\u{327}\u{301}",
            "a long run of plain ascii bytes that fills more than one block\r\n then é\u{301}",
        ];
        let mut all: Vec<String> = base.iter().map(|s| s.to_string()).collect();
        for a in base {
            for b in base {
                all.push(format!("{a}{b}"));
            }
        }
        all
    }

    #[test]
    fn fast_paths_match_the_straightforward_path() {
        for text in samples() {
            let bytes = text.as_bytes();
            for hit in [is_control_start, |b| b >= 0xCC] {
                assert_eq!(find_byte(bytes, hit), bytes.iter().position(|&b| hit(b)));
            }
            assert_eq!(
                strip_controls(&text),
                reference_strip(&text),
                "strip_controls on {text:?}"
            );
            assert_eq!(
                to_nfc(&text),
                text.nfc().collect::<String>(),
                "to_nfc on {text:?}"
            );
            assert_eq!(
                clean(text.clone()),
                reference_clean(&text),
                "clean on {text:?}"
            );
        }
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        let text = "L’été à Paris\n\tfin";
        assert!(matches!(strip_controls(text), Cow::Borrowed(_)));
        assert!(matches!(strip_controls("a\r\nb"), Cow::Owned(_)));
    }

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
