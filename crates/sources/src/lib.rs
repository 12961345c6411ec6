//! Stage 1, sources: files, folders (recursive), gzip and stdin, decoded to clean UTF-8.
//! STUB: the API is fixed, the body is being written (issue 2).

use std::path::PathBuf;

use storyline_model::RawDoc;

/// Limits that protect an ingest from enormous input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest accepted file (after gunzip), in bytes.
    pub max_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 64 * 1024 * 1024 }
    }
}

/// An input that could not be read: the file and the reason, shown as one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct ReadError {
    /// The file (or `path:line`).
    pub origin: String,
    /// Why, in a few words.
    pub reason: String,
}

/// Streams the documents under `paths` (files, folders, or `-` for stdin), lazily.
pub fn read(paths: &[PathBuf], limits: Limits) -> impl Iterator<Item = Result<RawDoc, ReadError>> {
    let _ = (paths, limits);
    std::iter::empty()
}
