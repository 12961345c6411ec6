//! Near-duplicates: MinHash LSH banding, confirmed by the estimated Jaccard similarity.
//!
//! Signatures are cut into bands of [`ROWS`] values; two articles become candidates when
//! one band is equal. With 64 values (16 bands of 4), a pair at Jaccard 0.7 is a candidate
//! with probability 1 - (1 - 0.7^4)^16 ≈ 0.99, a pair at 0.3 with probability ≈ 0.12, so
//! few pairs are confirmed for nothing. A candidate is a duplicate when its estimated Jaccard
//! is at least [`MIN_JACCARD`]: a wire copy with a new headline, a byline added and one
//! paragraph of eight cut keeps about 7/8 of its 5-shingles (≈ 0.85), whereas two outlets
//! writing on the same event in their own words share almost no 5-shingle (< 0.1), and a
//! rewrite that reuses half of a dispatch sits near 0.5: such a rewrite is the same story,
//! not a copy. 0.7 sits between, with a margin of about three standard errors of the
//! 64-value estimate (≈ 0.06) on the copy side.

use rustc_hash::FxHashMap;

/// Values per band.
pub const ROWS: usize = 4;
/// Minimum estimated Jaccard similarity of 5-shingle sets for a near-duplicate.
pub const MIN_JACCARD: f64 = 0.7;
/// Most recent items read from a bucket: a boilerplate paragraph shared by thousands of
/// articles would otherwise make one bucket as costly as an all-pairs scan.
const BUCKET_SCAN: usize = 64;

/// The banding index over the signatures seen so far.
#[derive(Debug, Default)]
pub struct DupIndex {
    buckets: FxHashMap<u64, Vec<usize>>,
}

impl DupIndex {
    /// The item of `signatures` most similar to `sig` among the band candidates, when it
    /// reaches [`MIN_JACCARD`]; `signatures[i]` is the signature of item `i`.
    pub fn find(&self, sig: &[u32], signatures: &[&[u32]]) -> Option<usize> {
        let mut best: Option<(usize, f64)> = None;
        for key in band_keys(sig) {
            for &item in self
                .buckets
                .get(&key)
                .into_iter()
                .flatten()
                .rev()
                .take(BUCKET_SCAN)
            {
                let Some(other) = signatures.get(item) else {
                    continue;
                };
                let j = jaccard(sig, other);
                if j >= MIN_JACCARD && best.is_none_or(|(b, bj)| j > bj || (j == bj && item < b)) {
                    best = Some((item, j));
                }
            }
        }
        best.map(|(item, _)| item)
    }

    /// Indexes item `item` with signature `sig`.
    pub fn insert(&mut self, item: usize, sig: &[u32]) {
        for key in band_keys(sig) {
            self.buckets.entry(key).or_default().push(item);
        }
    }
}

/// Estimated Jaccard similarity: the fraction of equal positions (0 for empty or mismatched
/// signatures, which never match).
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / a.len() as f64
}

/// One hash per band, mixing in the band's position so that equal values in different
/// bands do not collide.
fn band_keys(sig: &[u32]) -> impl Iterator<Item = u64> + '_ {
    sig.chunks_exact(ROWS).enumerate().map(|(band, rows)| {
        rows.iter()
            .fold(band as u64 ^ 0x517c_c1b7_2722_0a95, |h, &v| {
                (h ^ u64::from(v))
                    .wrapping_mul(0x0000_0100_0000_01b3)
                    .rotate_left(29)
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_close_signature_and_ignores_a_far_one() {
        let a: Vec<u32> = (0..64).collect();
        let mut close = a.clone();
        for v in close.iter_mut().take(12) {
            *v += 1000;
        }
        let far: Vec<u32> = (5000..5064).collect();
        let mut index = DupIndex::default();
        index.insert(0, &a);
        let sigs: Vec<&[u32]> = vec![&a];
        assert_eq!(index.find(&close, &sigs), Some(0));
        assert_eq!(index.find(&far, &sigs), None);
        assert_eq!(index.find(&[], &sigs), None);
    }
}
