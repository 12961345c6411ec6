//! MinHash fingerprints: STUB, being written (issue 2).
use crate::text::Doc;

/// MinHash signature of `doc`.
pub fn minhash(_doc: &Doc) -> Vec<u32> {
    Vec::new()
}
