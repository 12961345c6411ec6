//! The content hash that makes a re-ingested copy of an article a duplicate.
//!
//! FNV-1a over 128 bits: stable across builds and platforms (unlike std's hasher), no extra
//! dependency, and collisions are negligible at millions of articles. Whitespace runs count as
//! one space, so a copy that differs only in line wrapping or trailing blanks is the same content.

/// FNV-1a 128-bit offset basis.
const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
/// FNV-1a 128-bit prime.
const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// An FNV-1a state fed word by word.
struct Fnv(u128);

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u128::from(b);
            self.0 = self.0.wrapping_mul(PRIME);
        }
    }

    /// Feeds the words of `text`, each followed by one space.
    fn words(&mut self, text: &str) {
        for word in text.split_whitespace() {
            self.bytes(word.as_bytes());
            self.bytes(b" ");
        }
    }
}

/// The hash of a title and body paragraphs, as 32 lower-case hex digits.
pub(crate) fn content_hash(title: Option<&str>, paragraphs: &[String]) -> String {
    let mut h = Fnv(OFFSET);
    h.words(title.unwrap_or(""));
    // A separator no word contains, so text cannot slide between title and body.
    h.bytes(&[0]);
    for p in paragraphs {
        h.words(p);
    }
    format!("{:032x}", h.0)
}

#[cfg(test)]
mod tests {
    use super::content_hash;

    fn paras(ps: &[&str]) -> Vec<String> {
        ps.iter().map(|p| p.to_string()).collect()
    }

    #[test]
    fn whitespace_does_not_change_the_hash() {
        let a = content_hash(
            Some("Hamas à Moscou"),
            &paras(&["Une délégation a atterri."]),
        );
        let b = content_hash(
            Some(" Hamas  à Moscou\n"),
            &paras(&["Une délégation\na atterri.  "]),
        );
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn words_do_not_slide_between_title_and_body() {
        let a = content_hash(Some("Hamas à"), &paras(&["Moscou"]));
        let b = content_hash(Some("Hamas"), &paras(&["à Moscou"]));
        assert_ne!(a, b);
    }

    #[test]
    fn matches_the_published_fnv1a_128_vectors() {
        // Pins the algorithm: a change would make old stores miss their duplicates.
        let mut h = super::Fnv(super::OFFSET);
        assert_eq!(format!("{:032x}", h.0), "6c62272e07bb014262b821756295c58d");
        h.bytes(b"a");
        assert_eq!(format!("{:032x}", h.0), "d228cb696f1a8caf78912b704e4a8964");
    }
}
