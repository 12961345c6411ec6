//! MinHash fingerprints over word 3-shingles, for near-duplicate detection.
//!
//! Words are the lowercase word and number tokens of the body (punctuation and French
//! elisions left out, so that `l'` vs `l’` or a changed comma does not matter). Each
//! distinct shingle of [`SHINGLE`] consecutive words is hashed once to 64 bits; the
//! [`SIGNATURE_LEN`] MinHash values are then derived by multiply-shift hashing
//! (`(a_i * h + b_i) >> 32`, odd `a_i`), which the compiler vectorizes. The headline is not
//! part of the text, so a retitled wire copy keeps its fingerprint; a cut paragraph or an
//! added byline only removes or adds a few shingles.
//!
//! Layout: the first value is the number of distinct shingles, the next [`SIGNATURE_LEN`]
//! are the MinHash values. The count lets the linker's `dedup` module turn the Jaccard
//! estimate (the fraction of equal MinHash positions) into a containment estimate, so that
//! a copy with its last paragraphs cut still matches its longer original.
//!
//! Why 3 words and not 5: every edited word breaks the shingles that cover it, so a copy
//! with 5% of its words edited keeps about 0.95^k of its shingles: 77% at k = 5 but 86% at
//! k = 3. Two texts in their own words share almost no word 3-gram beyond set phrases, so
//! the shorter shingle costs little precision (see `dedup` for the measured numbers).

use crate::text::{Doc, TokenKind};

/// Number of MinHash values in a signature (after the shingle count).
pub const SIGNATURE_LEN: usize = 128;
/// Words per shingle.
pub const SHINGLE: usize = 3;

/// Odd multipliers and offsets of the 64 hash functions, derived once from fixed seeds
/// so that fingerprints are stable across runs and machines.
const fn coefficients() -> [(u64, u64); SIGNATURE_LEN] {
    let mut out = [(0u64, 0u64); SIGNATURE_LEN];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut i = 0;
    while i < SIGNATURE_LEN {
        state = splitmix(state);
        let a = state | 1;
        state = splitmix(state);
        out[i] = (a, state);
        i += 1;
    }
    out
}

const COEFFICIENTS: [(u64, u64); SIGNATURE_LEN] = coefficients();

/// SplitMix64 finalizer: a cheap, well-mixing 64-bit permutation.
const fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// 64-bit FNV-1a of a word, lowercased on the fly (no allocation).
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        let c = if matches!(c, '’' | 'ʼ') { '\'' } else { c };
        let mut bytes = [0u8; 4];
        for &b in c.encode_utf8(&mut bytes).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Fingerprint of `doc`: the number of distinct shingles, then [`SIGNATURE_LEN`] MinHash
/// values; empty when the text has fewer than [`SHINGLE`] words (too short to say anything
/// about duplication).
pub fn minhash(doc: &Doc) -> Vec<u32> {
    let words: Vec<u64> = doc
        .tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| word_hash(t.span.slice(doc.text)))
        .collect();
    if words.len() < SHINGLE {
        return Vec::new();
    }
    // Distinct shingles, so that the count is the size of the set the MinHash estimates.
    let mut shingles: Vec<u64> = words
        .windows(SHINGLE)
        .map(|window| window.iter().fold(0u64, |acc, &w| splitmix(acc ^ w)))
        .collect();
    shingles.sort_unstable();
    shingles.dedup();
    let mut mins = [u32::MAX; SIGNATURE_LEN];
    for &shingle in &shingles {
        for (min, (a, b)) in mins.iter_mut().zip(COEFFICIENTS.iter()) {
            // The high 32 bits of a multiply-shift hash are the well-distributed ones.
            let v = (a.wrapping_mul(shingle).wrapping_add(*b) >> 32) as u32;
            *min = (*min).min(v);
        }
    }
    let mut out = Vec::with_capacity(SIGNATURE_LEN + 1);
    out.push(u32::try_from(shingles.len()).unwrap_or(u32::MAX));
    out.extend_from_slice(&mins);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fraction of equal positions (the linker's estimate, reimplemented here so that
    /// the calibration claims of this module are tested where they are made).
    /// The first value, the shingle count, is left out.
    fn estimated_jaccard(a: &[u32], b: &[u32]) -> f64 {
        let (Some((_, a)), Some((_, b))) = (a.split_first(), b.split_first()) else {
            return 0.0;
        };
        if a.is_empty() || a.len() != b.len() {
            return 0.0;
        }
        a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
    }

    fn sig(text: &str) -> Vec<u32> {
        minhash(&Doc::new(text))
    }

    fn paragraphs(n: usize) -> Vec<String> {
        (0..n)
            .map(|i| format!("Paragraph {i} tells how the delegation number {i} met the minister in the capital on day {i} of talks."))
            .collect()
    }

    #[test]
    fn short_texts_have_no_signature() {
        assert!(sig("Two words.").is_empty());
        assert_eq!(sig("Exactly three words.").len(), SIGNATURE_LEN + 1);
    }

    #[test]
    fn the_first_value_counts_distinct_shingles() {
        // "a b c a b c": shingles abc, bca, cab, abc: three distinct.
        assert_eq!(sig("a b c a b c").first(), Some(&3));
        assert_eq!(sig("one two three four five").first(), Some(&3));
    }

    #[test]
    fn case_punctuation_and_apostrophes_do_not_matter() {
        let a = sig("L'agence russe a annoncé mercredi la visite, dit-on, de la délégation.");
        let b = sig("l’agence RUSSE a annoncé mercredi la visite dit-on de la délégation");
        assert_eq!(a, b);
    }

    #[test]
    fn a_cut_paragraph_stays_close_and_another_text_is_far() {
        let full = paragraphs(8).join("\n\n");
        let cut = paragraphs(8)[..7].join("\n\n");
        let byline = format!("By A. Reporter, Staff Writer\n\n{full}");
        let other = "A storm hit the northern coast on Tuesday, cutting power to thousands of homes and closing schools for two days.";
        assert!(estimated_jaccard(&sig(&full), &sig(&cut)) >= 0.7);
        assert!(estimated_jaccard(&sig(&full), &sig(&byline)) >= 0.7);
        assert!(estimated_jaccard(&sig(&full), &sig(other)) < 0.2);
    }
}
