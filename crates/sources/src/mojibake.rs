//! Repair of UTF-8 text that was once decoded as Windows-1252 ("Ã©tÃ©" for "été", "â€™" for "’").
//!
//! Each character is mapped back to the Windows-1252 byte it came from; a run of such bytes
//! that forms a valid multi-byte UTF-8 sequence is replaced by the character it encodes.
//! The repair is kept only when it lowers the number of such sequences, so text that merely
//! contains "Ã" or "â" next to punctuation is left alone.

use std::sync::OnceLock;

/// The characters Windows-1252 gives to bytes 0x80..=0x9F, computed once from encoding_rs
/// (bytes 0xA0..=0xFF decode to U+00A0..=U+00FF).
fn high_controls() -> &'static [char; 32] {
    static TABLE: OnceLock<[char; 32]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = ['\0'; 32];
        for (slot, byte) in table.iter_mut().zip(0x80u8..) {
            let bytes = [byte];
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            *slot = text.chars().next().unwrap_or('\0');
        }
        table
    })
}

/// The Windows-1252 byte (0x80..=0xFF) that decodes to `c`, if any.
fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        // ASCII, most of what follows an "é" in a page, is not in the table: skip its search.
        0..=0x7F => None,
        code @ 0xA0..=0xFF => u8::try_from(code).ok(),
        _ => high_controls()
            .iter()
            .position(|&h| h == c)
            .and_then(|i| u8::try_from(0x80 + i).ok()),
    }
}

/// Length of the UTF-8 sequence a lead byte announces, for lead bytes of multi-byte sequences.
fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// Tries to read one mojibake sequence at the start of `chars`: returns the repaired
/// character and how many input characters it consumed.
fn repair_at(chars: &[char]) -> Option<(char, usize)> {
    let lead = byte_of(*chars.first()?)?;
    let len = sequence_len(lead)?;
    let mut bytes = [0u8; 4];
    for (i, (slot, c)) in bytes.iter_mut().zip(chars.get(..len)?).enumerate() {
        *slot = match (lead, i, c) {
            // "à" is C3 A0; the A0 (NBSP) is often turned into a plain space on the way.
            (0xC3, 1, ' ') => 0xA0,
            _ => byte_of(*c)?,
        };
    }
    let decoded = std::str::from_utf8(bytes.get(..len)?).ok()?;
    decoded.chars().next().map(|c| (c, len))
}

/// Cheap pre-check without allocation: a lead character (U+00C2..=U+00F4, UTF-8 0xC3 0x82..=0xB4)
/// followed by a character that stands for a continuation byte (0x80..=0xBF), where the
/// characters from there really form a sequence. Most clean text has none; French text has
/// many near misses ("é" before a no-break space), which the last test turns away before
/// [`repair`] copies the whole text. The 0xC3 bytes are found with memchr: whole HTML pages
/// come through here and most of their bytes are ASCII.
fn has_candidate(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xC3, bytes).any(|i| {
        bytes
            .get(i + 1)
            .is_some_and(|second| (0x82..=0xB4).contains(second))
            && text
                .get(i + 2..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|next| {
                    (bytes.get(i + 1) == Some(&0x83) && next == ' ')
                        || byte_of(next).is_some_and(|byte| (0x80..=0xBF).contains(&byte))
                })
            && repairs_at(text.get(i..).unwrap_or_default())
    })
}

/// Whether a mojibake sequence starts `text`, looking at its first four characters only.
fn repairs_at(text: &str) -> bool {
    let mut chars = ['\0'; 4];
    let mut len = 0;
    for (slot, c) in chars.iter_mut().zip(text.chars()) {
        *slot = c;
        len += 1;
    }
    chars.get(..len).and_then(repair_at).is_some()
}

/// Number of mojibake sequences in `text`.
pub fn markers(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut count = 0;
    while i < chars.len() {
        match chars.get(i..).and_then(repair_at) {
            Some((_, used)) => {
                count += 1;
                i += used;
            }
            None => i += 1,
        }
    }
    count
}

/// `text` with its mojibake sequences repaired, when there are any and repair lowers their count.
pub fn repair(text: &str) -> Option<String> {
    if !has_candidate(text) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut fixed = 0;
    while let Some(&c) = chars.get(i) {
        match chars.get(i..).and_then(repair_at) {
            Some((good, used)) => {
                out.push(good);
                fixed += 1;
                i += used;
            }
            None => {
                out.push(c);
                i += 1;
            }
        }
    }
    (fixed > 0 && markers(&out) < markers(text)).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typical_sequences_are_repaired() {
        assert_eq!(repair("Ã©tÃ©").as_deref(), Some("été"));
        assert_eq!(repair("lâ€™Ã‰lysÃ©e").as_deref(), Some("l’Élysée"));
        assert_eq!(repair("Â« oui Â»").as_deref(), Some("« oui »"));
        assert_eq!(repair("Ã  Paris").as_deref(), Some("à Paris"));
        assert_eq!(repair("aÃ§Ä±k").as_deref(), Some("açık"));
    }

    #[test]
    fn clean_text_is_left_alone() {
        assert_eq!(repair("L’Élysée à Noël, « Ça va ? »"), None);
        // "é" then a no-break space looks like a lead byte and a continuation byte, but the
        // third character does not complete a sequence.
        assert!(!has_candidate("l’été\u{a0}: oui"));
        assert_eq!(repair("plain ascii"), None);
    }

    #[test]
    fn pre_check_finds_exactly_the_texts_with_markers() {
        let samples = [
            "",
            "plain ascii",
            "Ã©tÃ©",
            "Ã  Paris",
            "Ã\u{a0}",
            "Ã",
            "Ã‰",
            "lâ€™",
            "l’été\u{a0}: oui",
            "é\u{a0}é à ô ÿ Ã¿ Ãa",
            "ÃƒÂ©",
            "Â« oui Â»",
            "aÃ§Ä±k",
            "日本語 Ã",
        ];
        for text in samples {
            assert_eq!(has_candidate(text), markers(text) > 0, "{text:?}");
        }
    }

    #[test]
    fn byte_of_matches_windows_1252() {
        for byte in 0x80u8..=0xFF {
            let bytes = [byte];
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            let c = text.chars().next().unwrap_or('\0');
            assert_eq!(byte_of(c), Some(byte), "{c:?}");
        }
        assert!((0u8..0x80).all(|b| byte_of(char::from(b)).is_none()));
    }

    #[test]
    fn double_encoded_text_loses_one_layer() {
        // "é" encoded to UTF-8 and misread as Windows-1252 twice.
        assert_eq!(repair("ÃƒÂ©").as_deref(), Some("Ã©"));
    }
}
