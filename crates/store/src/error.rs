//! The store's error type. Every message names the database file, so a user running several
//! stores (or a script) knows which file is at fault and why.

use std::path::PathBuf;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file could not be opened or is not a SQLite database at all.
    #[error("cannot open store {path}: {reason}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// What went wrong, in words.
        reason: String,
    },
    /// The file is a SQLite database but not one this build of storyline can use.
    #[error("{path} is not a usable storyline store: {reason}")]
    Schema {
        /// The database file.
        path: PathBuf,
        /// What is wrong with its schema.
        reason: String,
    },
    /// SQLite refused an operation.
    #[error("store {path}: {doing}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// What the store was doing.
        doing: &'static str,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// A stored analysis could not be read back, or one to be stored could not be written as JSON.
    #[error("store {path}: analysis of article {id}: {source}")]
    Json {
        /// The database file.
        path: PathBuf,
        /// The article whose analysis is at fault.
        id: String,
        /// The JSON error.
        source: serde_json::Error,
    },
    /// The input was refused before touching the database (the batch was rolled back).
    #[error("store {path}: {reason}")]
    Input {
        /// The database file.
        path: PathBuf,
        /// Why the input was refused.
        reason: String,
    },
}

/// Wraps a rusqlite result with the file and what the store was doing.
pub(crate) trait Context<T> {
    /// Names the file and the step in the error.
    fn doing(self, path: &std::path::Path, doing: &'static str) -> Result<T, StoreError>;
}

impl<T> Context<T> for Result<T, rusqlite::Error> {
    fn doing(self, path: &std::path::Path, doing: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sqlite {
            path: path.to_path_buf(),
            doing,
            source,
        })
    }
}
